import { Alert, Anchor, Button, Card, Grid, Group, Modal, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { ChainDetail } from '../../../../shared/contract/approvals';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useContributions } from '../../app/contributions';
import { useErrorText } from '../../app/errors';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';
import { ChainTimeline, StatusBadge } from './ChainTimeline';
import { CHAIN_QUERIES, DecisionDialog, type DecisionKind, type SeatActions } from './DecisionDialog';
import { moment, useLocalized } from './format';

/** One approval chain: its form (as the form's own feature shows it), what the user may do, and the timeline. */
export function ChainPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useArchiveQuery('approvals.get', { id }, { staleTime: 0 });
  return (
    <Stack gap="md">
      <Anchor component="button" type="button" size="sm" onClick={() => navigate('/approvals')} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
        <IconArrowLeft size={14} />
        {t('approvals.chain.back')}
      </Anchor>
      {detail.isPending ? (
        <LoadingState />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <ChainView detail={detail.data} />
      )}
    </Stack>
  );
}

function ChainView({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const vocabulary = useVocabulary();
  const form = useContributions().approvalForms.get(detail.chain.kind);
  const chain = detail.chain;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{localized(chain.name)}</Title>
            <StatusBadge status={chain.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('approvals.chain.meta', {
              subject: chain.subject,
              author: chain.author.displayName,
              at: moment(chain.submittedAt),
            })}
            {chain.amountFen !== null ? ` · ${vocabulary.money(chain.amountFen)}` : ''}
          </Text>
        </Stack>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="lg">
              <Title order={4} mb="sm">
                {t('approvals.chain.form')}
              </Title>
              {form ? <form.component detail={detail} /> : <Text size="sm" c="dimmed">{t('approvals.chain.noFormView')}</Text>}
            </Card>
            <ActionsCard detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder radius="md" padding="lg">
            <Title order={4} mb="sm">
              {t('approvals.chain.timeline')}
            </Title>
            <ChainTimeline detail={detail} />
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

const KINDS: readonly DecisionKind[] = ['approve', 'reject', 'return', 'transfer'];

function ActionsCard({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [open, setOpen] = useState<{ seat: SeatActions; kind: DecisionKind } | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const actions = detail.actions;
  const names = new Map(detail.people.map((person) => [person.id, person.displayName]));
  const stepName = (id: string) => localized(detail.timeline.steps.find((step) => step.stepId === id)?.name);
  const isAuthor = actions.userId === detail.chain.author.id;
  const closed = !['running', 'returned'].includes(detail.chain.status);

  return (
    <Card withBorder radius="md" padding="lg" data-testid="chain-actions">
      <Title order={4} mb="sm">
        {t('approvals.chain.yourActions')}
      </Title>
      <Stack gap="md">
        {actions.seats.map((seat) => (
          <Stack key={`${seat.stepId}-${seat.principalId}`} gap="xs" data-testid="seat-actions">
            <Text size="sm" fw={600}>
              {seat.delegation
                ? t('approvals.chain.seatFor', { step: stepName(seat.stepId), principal: names.get(seat.principalId) ?? seat.principalId })
                : t('approvals.chain.seat', { step: stepName(seat.stepId) })}
            </Text>
            <Group gap="xs">
              {KINDS.map((kind) => {
                const possibility = seat[kind];
                const button = (
                  <Button
                    key={kind}
                    size="sm"
                    variant={kind === 'approve' ? 'filled' : 'light'}
                    color={kind === 'reject' ? 'red' : kind === 'return' ? 'orange' : kind === 'transfer' ? 'grape' : 'green'}
                    disabled={!possibility.allowed}
                    onClick={() => setOpen({ seat, kind })}
                    data-testid={`action-${kind}`}
                  >
                    {t(`approvalCodes.decision.${kind}`)}
                  </Button>
                );
                return possibility.allowed ? (
                  button
                ) : (
                  <Tooltip key={kind} label={t(`approvalCodes.refusal.${possibility.reason}`)} multiline w={260}>
                    <span>{button}</span>
                  </Tooltip>
                );
              })}
            </Group>
          </Stack>
        ))}
        {actions.seats.length === 0 && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} data-testid="no-seat">
            {closed
              ? t('approvals.chain.closed', { status: t(`approvalCodes.chainStatus.${detail.chain.status}`), at: moment(detail.chain.closedAt) })
              : actions.noSeatBecause
                ? t(`approvalCodes.refusal.${actions.noSeatBecause}`)
                : t('approvals.chain.nothingToDo')}
          </Alert>
        )}
        {isAuthor && !closed && (
          <Group gap="xs">
            {actions.withdraw.allowed ? (
              <Button variant="default" onClick={() => setWithdrawing(true)} data-testid="withdraw">
                {t('approvals.chain.withdraw')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed" data-testid="withdraw-refused">
                {t('approvals.chain.cannotWithdraw', { reason: t(`approvalCodes.refusal.${actions.withdraw.reason}`) })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
      <DecisionDialog detail={detail} seat={open?.seat ?? null} initialKind={open?.kind ?? 'approve'} onClose={() => setOpen(null)} />
      <WithdrawDialog detail={detail} opened={withdrawing} onClose={() => setWithdrawing(false)} />
    </Card>
  );
}

function WithdrawDialog({ detail, opened, onClose }: { detail: ChainDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [opinion, setOpinion] = useState('');
  const withdraw = useArchiveMutation('approvals.withdraw', { invalidates: CHAIN_QUERIES });
  const submit = async () => {
    try {
      await withdraw.mutateAsync({ chainId: detail.chain.id, ...(opinion.trim() ? { opinion: opinion.trim() } : {}) });
      notifications.show({ color: 'green', message: t('approvals.chain.withdrawn') });
      onClose();
    } catch {
      // shown below
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('approvals.chain.withdrawTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('approvals.chain.withdrawIntro')}</Text>
        <Textarea label={t('approvals.decision.opinion')} description={t('approvals.decision.opinionOptional')} value={opinion} onChange={(event) => setOpinion(event.currentTarget.value)} maxLength={1000} />
        {withdraw.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorText(withdraw.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => void submit()}>
            {t('approvals.chain.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
