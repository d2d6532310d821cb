import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { WarningRow } from '../../../../shared/contract/warnings';
import { CLOSE_REASON_TEXTS, WARNING_RULE_TEXTS, WARNING_SEVERITIES, WARNING_SEVERITY_TEXTS, WARNING_STATUS_TEXTS, evidenceText, type WarningSeverity } from '../../../../shared/domain/warnings';
import { useArchiveQuery } from '../../api/hooks';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { RulesPanel } from './RulesPanel';
import { WarningDrawer } from './WarningDrawer';
import { SEVERITY_COLOR, STATUS_COLOR, ageDays, localMoment, useLang } from './format';

const TABS = ['open', 'closed', 'rules'] as const;
type Tab = (typeof TABS)[number];
const PAGE = 50;

/** 风险预警 for the credit manager: open warnings by severity, age and owner; closed ones; the rules. */
export function WarningsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'open';
  return (
    <>
      <PageHeader title={t('warnings.title')} subtitle={t('warnings.subtitle')} />
      <Card withBorder radius="md" padding={0}>
        <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
          <Tabs.List px="md" pt="xs">
            <Tabs.Tab value="open" leftSection={<IconAlertTriangle size={16} />} data-testid="tab-open">
              {t('warnings.tabs.open')}
            </Tabs.Tab>
            <Tabs.Tab value="closed" leftSection={<IconLock size={16} />} data-testid="tab-closed">
              {t('warnings.tabs.closed')}
            </Tabs.Tab>
            <Tabs.Tab value="rules" leftSection={<IconSettings size={16} />} data-testid="tab-rules">
              {t('warnings.tabs.rules')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="open" p="md">
            <WarningList status="open" />
          </Tabs.Panel>
          <Tabs.Panel value="closed" p="md">
            <WarningList status="closed" />
          </Tabs.Panel>
          <Tabs.Panel value="rules" p="md">
            <RulesPanel />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </>
  );
}

function WarningList({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [severity, setSeverity] = useState<WarningSeverity | 'all'>('all');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useArchiveQuery('warnings.list', { status, ...(severity === 'all' ? {} : { severity }), offset: page * PAGE, limit: PAGE }, { staleTime: 0 });
  const counts = list.data?.bySeverity;
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          value={severity}
          onChange={(v) => {
            setSeverity(v as WarningSeverity | 'all');
            setPage(0);
          }}
          data={[
            { value: 'all', label: `${t('warnings.all')}${all !== null ? ` ${all}` : ''}` },
            ...WARNING_SEVERITIES.map((s) => ({ value: s, label: `${WARNING_SEVERITY_TEXTS[s][lang]}${counts ? ` ${counts[s]}` : ''}` })),
          ]}
          data-testid="severity-filter"
        />
        {list.data && (
          <Text size="sm" c="dimmed">
            {t('warnings.total', { count: list.data.total })}
          </Text>
        )}
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.rows.length === 0 ? (
        <EmptyBlock title={status === 'open' ? t('warnings.empty') : t('warnings.emptyClosed')} description={t('warnings.emptyHint')} icon={<IconAlertTriangle size={28} />} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={980}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="warnings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('warnings.columns.severity')}</Table.Th>
                  <Table.Th>{t('warnings.columns.customer')}</Table.Th>
                  <Table.Th>{t('warnings.columns.rule')}</Table.Th>
                  <Table.Th>{t('warnings.columns.evidence')}</Table.Th>
                  <Table.Th>{t('warnings.columns.status')}</Table.Th>
                  <Table.Th>{status === 'open' ? t('warnings.columns.age') : t('warnings.columns.closed')}</Table.Th>
                  <Table.Th>{t('warnings.columns.owner')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((row) => (
                  <Row key={row.id} row={row} status={status} onOpen={() => setSelected(row.id)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.total > PAGE && (
            <Group justify="center" gap="md">
              <Anchor component="button" type="button" size="sm" disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
                ‹
              </Anchor>
              <Text size="sm">
                {page + 1} / {Math.ceil(list.data.total / PAGE)}
              </Text>
              <Anchor component="button" type="button" size="sm" disabled={(page + 1) * PAGE >= list.data.total} onClick={() => setPage((p) => p + 1)}>
                ›
              </Anchor>
            </Group>
          )}
        </>
      )}
      <WarningDrawer warningId={selected} onClose={() => setSelected(null)} />
    </Stack>
  );
}

function Row({ row, status, onOpen }: { row: WarningRow; status: 'open' | 'closed'; onOpen: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const age = ageDays(row.raisedAt);
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer' }} data-testid="warning-row">
      <Table.Td>
        <Badge color={SEVERITY_COLOR[row.severity]} variant="filled">
          {WARNING_SEVERITY_TEXTS[row.severity][lang]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {row.customer.name}
        </Text>
        {row.customer.grade && (
          <Text size="xs" c="dimmed">
            {row.customer.grade}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{WARNING_RULE_TEXTS[row.rule][lang]}</Text>
      </Table.Td>
      <Table.Td maw={420}>
        <Text size="sm" lineClamp={2}>
          {evidenceText(row.evidence, lang)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATUS_COLOR[row.status]}>
          {WARNING_STATUS_TEXTS[row.status][lang]}
        </Badge>
        {row.closeReason && (
          <Text size="xs" c="dimmed">
            {CLOSE_REASON_TEXTS[row.closeReason][lang]}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{status === 'open' ? (age === 0 ? t('warnings.today') : t('warnings.ageDays', { count: age })) : row.closedAt ? localMoment(row.closedAt) : '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.owner?.displayName ?? '—'}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
