import { Badge, Card, Group, Select, Stack, Table, Tabs, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconInbox, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CHAIN_STATUSES, type ChainStatus } from '../../../../shared/domain/approvals';
import type { ChainSummary } from '../../../../shared/contract/approvals';
import { useArchiveQuery } from '../../api/hooks';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';
import { StatusBadge } from './ChainTimeline';
import { moment, useLocalized } from './format';

const TABS = ['inbox', 'mine', 'done'] as const;
type Tab = (typeof TABS)[number];

/** 待我审批 · 我发起的 · 已办 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'inbox';
  const count = useArchiveQuery('approvals.inboxCount', {});
  return (
    <>
      <PageHeader title={t('approvals.title')} subtitle={t('approvals.subtitle')} />
      <Card withBorder radius="md" padding={0}>
        <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
          <Tabs.List px="md" pt="xs">
            <Tabs.Tab
              value="inbox"
              leftSection={<IconInbox size={16} />}
              rightSection={count.data && count.data.total > 0 ? <CountBadge total={count.data.total} overdue={count.data.overdue} /> : undefined}
              data-testid="tab-inbox"
            >
              {t('approvals.tabs.inbox')}
            </Tabs.Tab>
            <Tabs.Tab value="mine" leftSection={<IconSend size={16} />} data-testid="tab-mine">
              {t('approvals.tabs.mine')}
            </Tabs.Tab>
            <Tabs.Tab value="done" leftSection={<IconChecklist size={16} />} data-testid="tab-done">
              {t('approvals.tabs.done')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="inbox" p="md">
            <InboxList />
          </Tabs.Panel>
          <Tabs.Panel value="mine" p="md">
            <MineList />
          </Tabs.Panel>
          <Tabs.Panel value="done" p="md">
            <DoneList />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </>
  );
}

function CountBadge({ total, overdue }: { total: number; overdue: number }) {
  return (
    <Badge size="sm" circle={total < 10} color={overdue > 0 ? 'red' : 'blue'} data-testid="inbox-count">
      {total}
    </Badge>
  );
}

/** The count of what waits for the user, beside 审批 in the navigation. */
export function InboxBadge() {
  const { t } = useTranslation();
  const count = useArchiveQuery('approvals.inboxCount', {}, { staleTime: 15_000 });
  if (!count.data || count.data.total === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count.data.total < 10}
      color={count.data.overdue > 0 ? 'red' : 'blue'}
      title={t('approvals.navCount', { total: count.data.total, overdue: count.data.overdue })}
      data-testid="nav-inbox-count"
    >
      {count.data.total}
    </Badge>
  );
}

function useOpenChain() {
  const navigate = useNavigate();
  return (row: ChainSummary) => navigate(`/approvals/chains/${row.id}`);
}

function InboxList() {
  const { t } = useTranslation();
  const inbox = useArchiveQuery('approvals.inbox', { offset: 0, limit: 200 });
  const open = useOpenChain();
  const localized = useLocalized();
  if (inbox.isPending) return <LoadingState />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  if (inbox.data.rows.length === 0) return <EmptyBlock title={t('approvals.inbox.empty')} description={t('approvals.inbox.emptyHint')} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('approvals.inbox.total', { total: inbox.data.total, overdue: inbox.data.overdue })}
      </Text>
      <ChainTable
        rows={inbox.data.rows}
        onOpen={open}
        testId="inbox-list"
        extraHeader={t('approvals.columns.step')}
        extra={(row) => {
          const inboxRow = row as (typeof inbox.data.rows)[number];
          return (
            <Stack gap={2}>
              <Text size="sm">{localized(row.currentStepName)}</Text>
              {inboxRow.delegated && (
                <Badge size="xs" color="grape" variant="light" style={{ textTransform: 'none' }} data-testid="inbox-delegated">
                  {t('approvals.inbox.forPrincipal', { principal: inboxRow.principal.displayName })}
                </Badge>
              )}
            </Stack>
          );
        }}
      />
    </Stack>
  );
}

function MineList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ChainStatus | null>(null);
  const mine = useArchiveQuery('approvals.mine', { offset: 0, limit: 200, ...(status ? { status } : {}) });
  const open = useOpenChain();
  const localized = useLocalized();
  return (
    <Stack gap="sm">
      <Group>
        <Select
          w={200}
          placeholder={t('approvals.mine.allStates')}
          clearable
          data={CHAIN_STATUSES.map((value) => ({ value, label: t(`approvalCodes.chainStatus.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as ChainStatus | null)}
          aria-label={t('approvals.mine.filter')}
        />
      </Group>
      {mine.isPending ? (
        <LoadingState />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.rows.length === 0 ? (
        <EmptyBlock title={t('approvals.mine.empty')} description={t('approvals.mine.emptyHint')} />
      ) : (
        <ChainTable rows={mine.data.rows} onOpen={open} testId="mine-list" extraHeader={t('approvals.columns.step')} extra={(row) => <Text size="sm">{localized(row.currentStepName)}</Text>} />
      )}
    </Stack>
  );
}

function DoneList() {
  const { t } = useTranslation();
  const done = useArchiveQuery('approvals.done', { offset: 0, limit: 200 });
  const open = useOpenChain();
  const localized = useLocalized();
  if (done.isPending) return <LoadingState />;
  if (done.isError) return <ErrorState error={done.error} onRetry={() => void done.refetch()} />;
  if (done.data.rows.length === 0) return <EmptyBlock title={t('approvals.done.empty')} description={t('approvals.done.emptyHint')} />;
  return (
    <ChainTable
      rows={done.data.rows}
      onOpen={open}
      testId="done-list"
      extraHeader={t('approvals.columns.myDecision')}
      extra={(row) => {
        const decision = (row as (typeof done.data.rows)[number]).decision;
        return (
          <Stack gap={2}>
            <Text size="sm" td={decision.voided ? 'line-through' : undefined}>
              {localized(decision.stepName)} · {t(`approvalCodes.decision.${decision.kind}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {decision.delegated ? t('approvals.done.forPrincipal', { principal: decision.principal.displayName }) + ' · ' : ''}
              {moment(decision.at)}
              {decision.voided ? ` · ${t(`approvalCodes.voidReason.${decision.voided}`)}` : ''}
            </Text>
          </Stack>
        );
      }}
    />
  );
}

function ChainTable({
  rows,
  onOpen,
  extra,
  extraHeader,
  testId,
}: {
  rows: readonly ChainSummary[];
  onOpen: (row: ChainSummary) => void;
  extra: (row: ChainSummary) => ReactNode;
  extraHeader: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const localized = useLocalized();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('approvals.columns.form')}</Table.Th>
            <Table.Th>{t('approvals.columns.subject')}</Table.Th>
            <Table.Th>{t('approvals.columns.amount')}</Table.Th>
            <Table.Th>{t('approvals.columns.author')}</Table.Th>
            <Table.Th>{extraHeader}</Table.Th>
            <Table.Th>{t('approvals.columns.deadline')}</Table.Th>
            <Table.Th>{t('approvals.columns.status')}</Table.Th>
            <Table.Th>{t('approvals.columns.submittedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.id}-${'stepId' in row ? String(row.stepId) : ''}-${'decision' in row ? String((row as { decision: { seq: number } }).decision.seq) : ''}`} data-testid="chain-row">
              <Table.Td>
                <UnstyledButton onClick={() => onOpen(row)} c="blue.7" fw={600} fz="sm" data-testid="open-chain">
                  {localized(row.name)}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.subject}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {row.amountFen === null ? '—' : vocabulary.money(row.amountFen)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.author.displayName}</Text>
              </Table.Td>
              <Table.Td>{extra(row)}</Table.Td>
              <Table.Td>
                {row.deadline ? (
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" c={row.overdue ? 'red' : undefined} fw={row.overdue ? 600 : undefined}>
                      {row.deadline.day}
                    </Text>
                    {row.overdue && (
                      <Badge size="xs" color="red" leftSection={<IconAlertTriangle size={10} />} data-testid="overdue-badge">
                        {t('approvals.overdue')}
                      </Badge>
                    )}
                    {row.deadline.provisional && (
                      <Badge size="xs" color="yellow" variant="light">
                        {t('approvals.timeline.provisional')}
                      </Badge>
                    )}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {moment(row.submittedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
