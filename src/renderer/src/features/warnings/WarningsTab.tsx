import { Card, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import { useArchiveQuery } from '../../api/hooks';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { WarningView } from './WarningDrawer';

/** 风险预警 in the customer file: every warning of the customer, open ones first, with its history. */
export function WarningsTab({ file, purpose }: { file: CustomerFile; purpose: string }) {
  const { t } = useTranslation();
  const warnings = useArchiveQuery('warnings.ofCustomer', { customerId: file.basics.id, purpose }, { staleTime: 0 });
  if (warnings.isPending) return <LoadingState />;
  if (warnings.isError) return <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />;
  if (warnings.data.length === 0) return <EmptyBlock title={t('warnings.file.none')} description={t('warnings.file.noneHint')} />;
  return (
    <Stack gap="md" data-testid="warnings-tab">
      {warnings.data.map((w) => (
        <Card key={w.id} withBorder radius="md" padding="md">
          <WarningView detail={w} showCustomer={false} />
        </Card>
      ))}
    </Stack>
  );
}
