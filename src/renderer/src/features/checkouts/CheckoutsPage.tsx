import { Alert, Button, Card, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconAlarm, IconBook, IconFilePlus, IconList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LOAN_STATES, type LoanState } from '../../../../shared/domain/checkouts';
import { useArchiveQuery } from '../../api/hooks';
import { allows } from '../../api/permissions';
import { useCurrentUser } from '../../api/session';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { LoanTable } from './LoanTable';
import { RequestModal } from './RequestModal';

const TABS = ['mine', 'log', 'overdue'] as const;
type Tab = (typeof TABS)[number];

/** 借阅: my loans and reminders; for the archivist, the 借阅登记簿 and the overdue list. */
export function CheckoutsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const desk = allows(user, 'checkouts.log');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) && (asked === 'mine' || desk) ? asked : 'mine';
  const [requesting, setRequesting] = useState(false);
  return (
    <>
      <PageHeader
        title={t('checkouts.title')}
        subtitle={t('checkouts.subtitle')}
        actions={
          <Button leftSection={<IconFilePlus size={16} />} onClick={() => setRequesting(true)} data-testid="checkout-request">
            {t('checkouts.actions.request')}
          </Button>
        }
      />
      <Stack gap="md">
        <Reminders />
        <Card withBorder radius="md" padding={0}>
          <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
            <Tabs.List px="md" pt="xs">
              <Tabs.Tab value="mine" leftSection={<IconBook size={16} />} data-testid="tab-mine-loans">
                {t('checkouts.tabs.mine')}
              </Tabs.Tab>
              {desk && (
                <Tabs.Tab value="log" leftSection={<IconList size={16} />} data-testid="tab-log">
                  {t('checkouts.tabs.log')}
                </Tabs.Tab>
              )}
              {desk && (
                <Tabs.Tab value="overdue" leftSection={<IconAlarm size={16} />} data-testid="tab-overdue">
                  {t('checkouts.tabs.overdue')}
                </Tabs.Tab>
              )}
            </Tabs.List>
            <Tabs.Panel value="mine" p="md">
              <Mine onRequest={() => setRequesting(true)} />
            </Tabs.Panel>
            {desk && (
              <Tabs.Panel value="log" p="md">
                <Log />
              </Tabs.Panel>
            )}
            {desk && (
              <Tabs.Panel value="overdue" p="md">
                <Overdue />
              </Tabs.Panel>
            )}
          </Tabs>
        </Card>
      </Stack>
      <RequestModal opened={requesting} onClose={() => setRequesting(false)} />
    </>
  );
}

function Reminders() {
  const { t } = useTranslation();
  const reminders = useArchiveQuery('checkouts.reminders', {}, { staleTime: 0 });
  if (!reminders.data || reminders.data.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlarm size={18} />} title={t('checkouts.reminders.title')} data-testid="loan-reminders">
      <Stack gap={2}>
        {reminders.data.map((r) => (
          <Text size="sm" key={`${r.key}:${r.as}`} data-testid="loan-reminder" data-kind={r.kind}>
            {t(`checkouts.reminders.${r.kind}`, { customer: r.customer.name, borrower: r.borrower.displayName, due: r.dueDate, days: r.overdue.calendarDays })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function Mine({ onRequest }: { onRequest: () => void }) {
  const { t } = useTranslation();
  const mine = useArchiveQuery('checkouts.mine', {}, { staleTime: 0 });
  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.data.length === 0)
    return (
      <EmptyBlock
        title={t('checkouts.empty.mine')}
        description={t('checkouts.empty.mineHint')}
        action={
          <Button variant="light" onClick={onRequest}>
            {t('checkouts.actions.request')}
          </Button>
        }
      />
    );
  return <LoanTable rows={mine.data} showBorrower={false} testId="my-loans" />;
}

function Log() {
  const { t } = useTranslation();
  const [state, setState] = useState<LoanState | null>(null);
  const log = useArchiveQuery('checkouts.log', { offset: 0, limit: 200, ...(state ? { states: [state] } : {}) }, { staleTime: 0 });
  return (
    <Stack gap="sm">
      <Group>
        <Select
          w={200}
          placeholder={t('checkouts.filters.state')}
          clearable
          data={LOAN_STATES.map((value) => ({ value, label: t(`checkouts.codes.loanStates.${value}`) }))}
          value={state}
          onChange={(value) => setState(value as LoanState | null)}
          data-testid="log-state"
        />
        {log.data && (
          <Text size="sm" c="dimmed" data-testid="log-total">
            {t('checkouts.total', { total: log.data.total })}
          </Text>
        )}
      </Group>
      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.rows.length === 0 ? (
        <EmptyBlock title={t('checkouts.empty.log')} />
      ) : (
        <LoanTable rows={log.data.rows} testId="loan-log" />
      )}
    </Stack>
  );
}

function Overdue() {
  const { t } = useTranslation();
  const overdue = useArchiveQuery('checkouts.overdue', { offset: 0, limit: 200 }, { staleTime: 0 });
  if (overdue.isPending) return <LoadingState />;
  if (overdue.isError) return <ErrorState error={overdue.error} onRetry={() => void overdue.refetch()} />;
  if (overdue.data.rows.length === 0) return <EmptyBlock title={t('checkouts.empty.overdue')} />;
  return <LoanTable rows={overdue.data.rows} testId="overdue-loans" />;
}
