import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../../shared/contract';

/** The row-by-row report of an import file: row, column, problem in words, the value found. */
export function ImportProblemsTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const problemText = (code: string) =>
    t(`validation.import.${code}` as 'validation.import.required', { defaultValue: t('validation.importUnknown', { code }) });
  return (
    <Table.ScrollContainer minWidth={640} maxHeight={420}>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" stickyHeader data-testid="import-problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('imports.problemColumns.row')}</Table.Th>
            <Table.Th w={180}>{t('imports.problemColumns.column')}</Table.Th>
            <Table.Th>{t('imports.problemColumns.problem')}</Table.Th>
            <Table.Th>{t('imports.problemColumns.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem, i) => (
            <Table.Tr key={`${problem.row}-${problem.column ?? ''}-${i}`} data-row={problem.row} data-code={problem.code}>
              <Table.Td>
                <Badge variant="light" color="red" ff="monospace">
                  {problem.row}
                </Badge>
              </Table.Td>
              <Table.Td>{problem.column ?? '—'}</Table.Td>
              <Table.Td>{problemText(problem.code)}</Table.Td>
              <Table.Td>
                {problem.value === null || problem.value === '' ? (
                  <Text span size="sm" c="dimmed">
                    {t('imports.emptyValue')}
                  </Text>
                ) : (
                  <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {problem.value}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
