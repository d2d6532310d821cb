import { ActionIcon, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import type { RECORD_KINDS } from '../../../../shared/contract/records';
import { useArchiveMutation } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { allows } from '../../api/permissions';
import { RecordFormModal, type RecordKind } from './RecordFormModal';
import { SectionEmpty } from '../../app/ui/States';

// One table of a customer file's records, driven by its column definitions
// (recordColumns.tsx): a heading, an add form and removal (confirmed, and on record in the
// audit log) for users who may write, and an empty state.

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  nowrap?: boolean;
}

export function RecordTable<T extends { id: string }>({
  kind,
  file,
  rows,
  columns,
  testId,
}: {
  kind: RecordKind & (typeof RECORD_KINDS)[number];
  file: CustomerFile;
  rows: T[];
  columns: Column<T>[];
  testId: string;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const errorText = useErrorText();
  const [adding, setAdding] = useState<RecordKind | null>(null);
  const remove = useArchiveMutation('records.remove', { invalidates: ['customers.get', 'customers.search'] });
  const canWrite = allows(me, 'records.remove');

  const confirmRemove = (row: T) =>
    modals.openConfirmModal({
      title: t('customerFile.removeTitle'),
      children: <Text size="sm">{t('customerFile.removeIntro')}</Text>,
      labels: { confirm: t('customerFile.removeConfirm'), cancel: t('app.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove' },
      centered: true,
      onConfirm: () => {
        remove.mutate(
          { kind, id: row.id },
          {
            onSuccess: () => notifications.show({ color: 'green', message: t('customerFile.removed') }),
            onError: (error) => notifications.show({ color: 'red', title: t('app.errorTitle'), message: errorText(error) }),
          },
        );
      },
    });

  return (
    <Stack gap="sm" data-testid={testId}>
      <Group justify="space-between">
        <Title order={5}>{t(`records.${kind}.heading`)}</Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(kind)} data-testid={`add-${kind}`}>
            {t(`records.${kind}.add`)}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <SectionEmpty text={t('customerFile.emptyRecords')} hint={canWrite ? t('customerFile.emptyRecordsHint') : t('customerFile.readOnlyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.header} ta={column.align} style={{ whiteSpace: 'nowrap' }}>
                    {column.header}
                  </Table.Th>
                ))}
                {canWrite && <Table.Th w={60} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-record={row.id}>
                  {columns.map((column) => (
                    <Table.Td key={column.header} ta={column.align} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                  {canWrite && (
                    <Table.Td>
                      <Tooltip label={t('customerFile.remove')}>
                        <ActionIcon variant="subtle" color="red" aria-label={t('customerFile.remove')} onClick={() => confirmRemove(row)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordFormModal kind={adding} file={file} onClose={() => setAdding(null)} />
    </Stack>
  );
}

