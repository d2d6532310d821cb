import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainDetail } from '../../../../shared/contract/approvals';
import { suspensionContent } from '../../../../shared/contract/dunning';
import { Field } from '../../app/ui/Field';
import { useVocabulary } from '../../app/vocabulary';

/** The suspension recommendation on its chain's page: the sale, what is owed, how late, and why. */
export function SuspensionForm({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const parsed = suspensionContent.safeParse(detail.content);
  if (!parsed.success) return <Alert color="red">{t('dunning.suspension.unreadable')}</Alert>;
  const c = parsed.data;
  return (
    <Stack gap="sm" data-testid="suspension-content">
      <Field label={t('dunning.work.customer')}>{c.customerName}</Field>
      <Field label={t('dunning.columns.docNo')}>{[c.docNo ?? t('dunning.noDocNo'), c.contractNo].filter(Boolean).join(' / ')}</Field>
      <Field label={t('dunning.columns.dueOn')}>{c.dueOn}</Field>
      <Field label={t('dunning.columns.amount')}>{vocabulary.money(c.amountFen)}</Field>
      <Field label={t('dunning.columns.balance')}>
        <Text span fw={700} c="red">
          {vocabulary.money(c.balanceFen)}
        </Text>
        {' · '}
        {t('dunning.overdueDays', { count: c.daysOverdue })}
      </Field>
      <Field label={t('dunning.suspension.reason')}>{c.reason}</Field>
      <Alert color="orange" variant="light">
        {t('dunning.suspension.effect')}
      </Alert>
    </Stack>
  );
}
