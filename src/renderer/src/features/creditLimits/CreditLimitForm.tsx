import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconEdit } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainDetail } from '../../../../shared/contract/approvals';
import { useArchiveQuery } from '../../api/hooks';
import { Field } from '../../app/ui/Field';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';
import { RequestModal, type RequestTarget } from './RequestModal';

/** The credit-limit request on its chain's page; for a returned request, its author edits and resubmits it here. */
export function CreditLimitForm({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const request = useArchiveQuery('creditLimits.get', { chainId: detail.chain.id }, { staleTime: 0 });
  const [target, setTarget] = useState<RequestTarget | null>(null);
  if (request.isPending) return <LoadingState />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const term = (days: number | null) => (days === null ? t('creditLimits.notSet') : t('creditLimits.days', { count: days }));
  return (
    <Stack gap="sm" data-testid="credit-limit-request">
      <Field label={t('creditLimits.customer')}>{r.customer.name}</Field>
      <Labelled label={t('creditLimits.form.limit')}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c="dimmed">
            {r.before.limitFen === null ? t('creditLimits.notSet') : vocabulary.money(r.before.limitFen)}
          </Text>
          <IconArrowRight size={14} />
          <Text size="sm" fw={700} data-testid="requested-limit">
            {vocabulary.money(r.limitFen)}
          </Text>
        </Group>
      </Labelled>
      <Labelled label={t('creditLimits.form.term')}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c="dimmed">
            {term(r.before.termDays)}
          </Text>
          <IconArrowRight size={14} />
          <Text size="sm" fw={700} data-testid="requested-term">
            {term(r.termDays)}
          </Text>
        </Group>
      </Labelled>
      <Field label={t('creditLimits.form.reason')}>{r.reason}</Field>
      <Field label={t('creditLimits.requestedBy')}>{r.requestedBy.displayName}</Field>
      {r.appliedAt && (
        <Alert color="green" variant="light" data-testid="credit-limit-applied">
          {t('creditLimits.applied', { at: r.appliedAt.slice(0, 10) })}
        </Alert>
      )}
      {detail.chain.status === 'returned' && detail.actions.resubmit.allowed && (
        <Alert color="orange" variant="light">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('creditLimits.returnedHint')}</Text>
            <Button
              size="xs"
              leftSection={<IconEdit size={14} />}
              onClick={() =>
                setTarget({ customer: r.customer, current: r.before, resubmit: { chainId: r.chainId, limitFen: r.limitFen, termDays: r.termDays, reason: r.reason } })
              }
              data-testid="edit-resubmit"
            >
              {t('creditLimits.editResubmit')}
            </Button>
          </Stack>
        </Alert>
      )}
      <RequestModal target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
