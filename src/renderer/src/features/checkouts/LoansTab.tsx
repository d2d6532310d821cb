import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import { useArchiveQuery } from '../../api/hooks';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { LoanTable } from './LoanTable';

/** The customer file's loans: who has it now and until when, and every loan before. */
export function LoansTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const loans = useArchiveQuery('checkouts.ofCustomer', { customerId: file.basics.id }, { staleTime: 0 });
  if (loans.isPending) return <LoadingState />;
  if (loans.isError) return <ErrorState error={loans.error} onRetry={() => void loans.refetch()} />;
  if (loans.data.length === 0) return <EmptyBlock title={t('checkouts.tab.empty')} />;
  const out = loans.data.filter((l) => l.state === 'lent' || l.state === 'renewed' || l.state === 'overdue');
  return (
    <Stack gap="sm">
      {out.map((l) => (
        <Alert key={l.id} color={l.state === 'overdue' ? 'red' : 'blue'} variant="light" data-testid="file-loan-now">
          {t('checkouts.tab.now', { borrower: l.borrower.displayName, due: l.dueDate })}
        </Alert>
      ))}
      <LoanTable rows={loans.data} testId="file-loans" />
    </Stack>
  );
}
