import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract/checkouts';
import { day, moment } from './format';
import { LoanActions } from './LoanActions';
import { StateBadge } from './StateBadge';

/** Loans as the 借阅登记簿 lists them: file, borrower, kind, dates, state, what may be done. */
export function LoanTable({ rows, showBorrower = true, testId }: { rows: readonly LoanView[]; showBorrower?: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('checkouts.columns.customer')}</Table.Th>
            {showBorrower && <Table.Th>{t('checkouts.columns.borrower')}</Table.Th>}
            <Table.Th>{t('checkouts.columns.kinds')}</Table.Th>
            <Table.Th>{t('checkouts.columns.requestedAt')}</Table.Th>
            <Table.Th>{t('checkouts.columns.lentAt')}</Table.Th>
            <Table.Th>{t('checkouts.columns.dueDate')}</Table.Th>
            <Table.Th>{t('checkouts.columns.state')}</Table.Th>
            <Table.Th>{t('checkouts.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((loan) => (
            <Table.Tr key={loan.id} data-testid="loan-row" data-customer={loan.customer.name} data-state={loan.state}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {loan.customer.name}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {loan.purpose}
                </Text>
              </Table.Td>
              {showBorrower && (
                <Table.Td>
                  <Text size="sm">{loan.borrower.displayName}</Text>
                  <Text size="xs" c="dimmed">
                    {loan.department.name}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{loan.kinds.map((k) => t(`checkouts.codes.loanKinds.${k}`)).join(t('app.listSeparator'))}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{moment(loan.requestedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{moment(loan.lentAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={loan.state === 'overdue' ? 'red' : undefined} fw={loan.state === 'overdue' ? 600 : undefined} data-testid="loan-due">
                  {day(loan.dueDate)}
                </Text>
                {loan.overdue.calendarDays > 0 && (
                  <Text size="xs" c="red">
                    {t('checkouts.overdueDays', { days: loan.overdue.calendarDays })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StateBadge state={loan.state} />
              </Table.Td>
              <Table.Td>
                <LoanActions loan={loan} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
