import { Alert, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconPhoneCall, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CustomerFile } from '../../../../shared/contract';
import type { SaleDunningView } from '../../../../shared/contract/dunning';
import { refuseDunningStep, type DunningStepKind } from '../../../../shared/domain/dunning';
import { useArchiveQuery } from '../../api/hooks';
import { allows } from '../../api/permissions';
import { useCurrentUser } from '../../api/session';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';
import { LetterButton } from './LetterButton';
import { ReminderModal } from './ReminderModal';
import { SuspensionModal } from './SuspensionModal';

const STATE_COLOR = { paid: 'teal', open: 'gray', due_soon: 'yellow', overdue: 'red', no_due_date: 'gray' } as const;
const STEP_COLOR = { not_yet: 'gray', due: 'orange', missed: 'red', in_approval: 'blue', done: 'teal', rejected: 'gray', moot: 'gray' } as const;

/** Whether a step may be recorded now, by the same rule the host enforces; the reason's text when not. */
function refusal(sale: SaleDunningView, kind: DunningStepKind) {
  return refuseDunningStep({ ...sale, steps: sale.steps.map((s) => ({ ...s, record: null })) }, kind);
}

/** 回款与催收: each sale with its balance, days overdue and the dunning steps of seed 003 五(二). */
export function DunningTab({ file, purpose }: { file: CustomerFile; purpose: string }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const navigate = useNavigate();
  const canWork = allows(useCurrentUser(), 'dunning.recordReminder');
  const query = useArchiveQuery('dunning.sales', { customerId: file.basics.id, purpose }, { staleTime: 0 });
  const [reminderFor, setReminderFor] = useState<SaleDunningView | null>(null);
  const [suspensionFor, setSuspensionFor] = useState<SaleDunningView | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { sales, cooperationSuspended } = query.data;
  const open = sales.filter((s) => s.state !== 'paid');
  const overdueFen = open.filter((s) => s.state === 'overdue').reduce((sum, s) => sum + s.balanceFen, 0);
  const balanceFen = open.reduce((sum, s) => sum + s.balanceFen, 0);
  const reason = (sale: SaleDunningView, kind: DunningStepKind) => {
    const r = refusal(sale, kind);
    return r ? t(`dunningCodes.refusal.${r}`) : null;
  };
  return (
    <Stack gap="md" data-testid="dunning-tab">
      {cooperationSuspended && (
        <Alert color="red" icon={<IconPlayerStop size={18} />} title={t('dunning.suspendedTitle')} data-testid="cooperation-suspended">
          <Group gap="xs">
            <Text size="sm">{t('dunning.suspendedSince', { day: cooperationSuspended.on })}</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => navigate(`/approvals/chains/${cooperationSuspended.chainId}`)}>
              {t('dunning.openChain')}
            </Button>
          </Group>
        </Alert>
      )}
      <Group gap="xl">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('dunning.openBalance')}
          </Text>
          <Text fw={700} size="lg" data-testid="dunning-balance">
            {vocabulary.money(balanceFen)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('dunning.overdueBalance')}
          </Text>
          <Text fw={700} size="lg" c={overdueFen > 0 ? 'red' : undefined} data-testid="dunning-overdue">
            {vocabulary.money(overdueFen)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('dunning.openSales')}
          </Text>
          <Text fw={700} size="lg">
            {t('dunning.count', { count: open.length })}
          </Text>
        </Stack>
      </Group>
      {sales.length === 0 ? (
        <EmptyBlock title={t('dunning.empty')} description={t('dunning.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={1040}>
          <Table verticalSpacing="sm" data-testid="dunning-sales" styles={{ th: { whiteSpace: 'nowrap' } }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dunning.columns.docNo')}</Table.Th>
                <Table.Th>{t('dunning.columns.occurredOn')}</Table.Th>
                <Table.Th>{t('dunning.columns.dueOn')}</Table.Th>
                <Table.Th ta="right">{t('dunning.columns.amount')}</Table.Th>
                <Table.Th ta="right">{t('dunning.columns.balance')}</Table.Th>
                <Table.Th>{t('dunning.columns.state')}</Table.Th>
                <Table.Th>{t('dunning.columns.steps')}</Table.Th>
                {canWork && <Table.Th>{t('dunning.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sales.map((sale) => (
                <Table.Tr key={sale.saleId} data-testid="dunning-sale" data-doc={sale.docNo ?? ''} data-state={sale.state}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {sale.docNo ?? t('dunning.noDocNo')}
                    </Text>
                    {sale.contractNo && (
                      <Text size="xs" c="dimmed">
                        {sale.contractNo}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{sale.occurredOn}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{sale.dueOn ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} ta="right">
                    <Text size="sm">{vocabulary.money(sale.amountFen)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} ta="right">
                    <Text size="sm" fw={600} c={sale.state === 'overdue' ? 'red' : undefined}>
                      {vocabulary.money(sale.balanceFen)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={STATE_COLOR[sale.state]} variant={sale.state === 'overdue' ? 'filled' : 'light'} style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }} leftSection={sale.state === 'overdue' ? <IconAlertTriangle size={12} /> : undefined}>
                      {sale.state === 'overdue' ? t('dunning.overdueDays', { count: sale.daysOverdue }) : t(`dunningCodes.saleState.${sale.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {sale.steps
                        .filter((step) => step.status !== 'not_yet' && step.status !== 'moot')
                        .map((step) => (
                          <Group key={step.kind} gap={6} wrap="nowrap" data-testid="dunning-step" data-kind={step.kind} data-status={step.status}>
                            <Badge size="sm" variant="light" color={STEP_COLOR[step.status]} style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
                              {t(`dunningCodes.stepStatus.${step.status}`)}
                            </Badge>
                            <Text size="xs">
                              {t(`dunningCodes.step.${step.kind}`)}
                              {step.record &&
                                ` · ${step.record.on} ${step.record.by.displayName}${step.record.channel ? ` · ${t(`dunningCodes.channel.${step.record.channel}`)}` : ''}`}
                            </Text>
                          </Group>
                        ))}
                      {sale.steps.every((step) => step.status === 'not_yet' || step.status === 'moot') && (
                        <Text size="xs" c="dimmed">
                          {sale.state === 'paid' ? t('dunning.nothingDue') : t('dunning.nextStep', { day: sale.steps[0]?.opensOn ?? '—' })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  {canWork && (
                    <Table.Td>
                      {sale.state === 'paid' || sale.state === 'no_due_date' ? (
                        <Text size="xs" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Stack gap={4} align="stretch">
                          <Tooltip label={reason(sale, 'reminder') ?? t('dunning.actions.reminderHint')} withArrow>
                            <Button size="compact-xs" variant="light" leftSection={<IconPhoneCall size={14} />} disabled={reason(sale, 'reminder') !== null} onClick={() => setReminderFor(sale)} data-testid="record-reminder">
                              {t('dunning.actions.reminder')}
                            </Button>
                          </Tooltip>
                          <LetterButton sale={sale} refusal={sale.steps[1]?.status === 'done' ? null : reason(sale, 'letter')} icon={<IconFileText size={14} />} />
                          <Tooltip label={reason(sale, 'suspension') ?? t('dunning.actions.suspensionHint')} withArrow>
                            <Button size="compact-xs" variant="light" color="red" leftSection={<IconPlayerStop size={14} />} disabled={reason(sale, 'suspension') !== null} onClick={() => setSuspensionFor(sale)} data-testid="recommend-suspension">
                              {t('dunning.actions.suspension')}
                            </Button>
                          </Tooltip>
                        </Stack>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReminderModal sale={reminderFor} onClose={() => setReminderFor(null)} />
      <SuspensionModal sale={suspensionFor} customerName={file.basics.name} onClose={() => setSuspensionFor(null)} />
    </Stack>
  );
}
