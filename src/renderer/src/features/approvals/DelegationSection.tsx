import { Alert, Badge, Button, Card, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationDto } from '../../../../shared/contract/approvals';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { allowsAll } from '../../api/permissions';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';
import { DayInput } from '../../app/ui/inputs';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { byName, moment } from './format';

const DELEGATION_QUERIES = ['approvals.delegations.mine', 'approvals.delegations.all', 'approvals.inbox', 'approvals.inboxCount'] as const;
const STATE_COLOR: Record<DelegationDto['state'], string> = { upcoming: 'blue', current: 'green', past: 'gray', ended: 'gray' };

/** 委托: in 我的账户, the user hands their approvals to a colleague for a range of days; the administrator sees everyone's. */
export function DelegationSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mine = useArchiveQuery('approvals.delegations.mine', {});
  return (
    <Card withBorder radius="md" padding="lg" data-testid="delegation-section">
      <Title order={4} mb={4}>
        {t('approvals.delegation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('approvals.delegation.intro')}
      </Text>
      <Stack gap="lg">
        <NewDelegation />
        {mine.isPending ? (
          <LoadingState />
        ) : mine.isError ? (
          <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <>
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('approvals.delegation.given')}
              </Text>
              {mine.data.given.length === 0 ? <Text size="sm" c="dimmed">{t('approvals.delegation.noneGiven')}</Text> : <DelegationTable rows={mine.data.given} show="to" canEnd testId="delegations-given" />}
            </Stack>
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('approvals.delegation.received')}
              </Text>
              {mine.data.received.length === 0 ? <Text size="sm" c="dimmed">{t('approvals.delegation.noneReceived')}</Text> : <DelegationTable rows={mine.data.received} show="from" testId="delegations-received" />}
            </Stack>
          </>
        )}
        {allowsAll(user, ['approvals.delegations.all']) && <AllDelegations />}
      </Stack>
    </Card>
  );
}

function NewDelegation() {
  const { t } = useTranslation();
  const labels = useLabels();
  const user = useCurrentUser();
  const errorText = useErrorText();
  const colleagues = useArchiveQuery('approvals.colleagues', {});
  const create = useArchiveMutation('approvals.delegations.create', { invalidates: DELEGATION_QUERIES });
  const [toUserId, setTo] = useState<string | null>(null);
  const [fromDay, setFrom] = useState<string | null>(dayjs().format('YYYY-MM-DD'));
  const [toDay, setToDay] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setProblem(null);
    if (!toUserId || !fromDay || !toDay) {
      setProblem(t('approvals.delegation.incomplete'));
      return;
    }
    if (toDay < fromDay) {
      setProblem(t('approvals.delegation.reversed'));
      return;
    }
    try {
      await create.mutateAsync({ toUserId, fromDay, toDay });
      notifications.show({ color: 'green', message: t('approvals.delegation.created') });
      setTo(null);
      setToDay(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const options = byName((colleagues.data ?? []).filter((person) => person.id !== user.id)).map((person) => ({
    value: person.id,
    label: `${person.displayName}（${labels.department(person.departmentName)}）`,
  }));
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select w={260} label={t('approvals.delegation.to')} data={options} value={toUserId} onChange={setTo} searchable nothingFoundMessage={t('approvals.decision.noColleague')} data-testid="delegate-to" />
        <DayInput w={170} label={t('approvals.delegation.fromDay')} value={fromDay} onChange={(value) => setFrom(value ? dayjs(value).format('YYYY-MM-DD') : null)} data-testid="delegate-from" />
        <DayInput w={170} label={t('approvals.delegation.toDay')} value={toDay} onChange={(value) => setToDay(value ? dayjs(value).format('YYYY-MM-DD') : null)} data-testid="delegate-until" />
        <Button onClick={() => void submit()} loading={create.isPending} data-testid="delegate-create">
          {t('approvals.delegation.create')}
        </Button>
      </Group>
      {problem && (
        <Alert color="red" variant="light" role="alert" data-testid="delegation-problem">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}

function DelegationTable({ rows, show, canEnd = false, testId }: { rows: readonly DelegationDto[]; show: 'to' | 'from' | 'both'; canEnd?: boolean; testId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const end = useArchiveMutation('approvals.delegations.end', { invalidates: DELEGATION_QUERIES });
  return (
    <Table verticalSpacing="xs" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {show !== 'to' && <Table.Th>{t('approvals.delegation.fromPerson')}</Table.Th>}
          {show !== 'from' && <Table.Th>{t('approvals.delegation.toPerson')}</Table.Th>}
          <Table.Th>{t('approvals.delegation.period')}</Table.Th>
          <Table.Th>{t('approvals.delegation.state')}</Table.Th>
          <Table.Th>{t('approvals.delegation.createdAt')}</Table.Th>
          {canEnd && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid="delegation-row">
            {show !== 'to' && <Table.Td>{row.from.displayName}</Table.Td>}
            {show !== 'from' && <Table.Td>{row.to.displayName}</Table.Td>}
            <Table.Td>
              {row.fromDay} — {row.toDay}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATE_COLOR[row.state]}>
                {t(`approvalCodes.delegationState.${row.state}`)}
              </Badge>
              {row.endedAt && (
                <Text size="xs" c="dimmed">
                  {moment(row.endedAt)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {moment(row.createdAt)}
              </Text>
            </Table.Td>
            {canEnd && (
              <Table.Td>
                {(row.state === 'current' || row.state === 'upcoming') && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={end.isPending && end.variables?.id === row.id}
                    onClick={() => end.mutate({ id: row.id }, { onError: (error) => notifications.show({ color: 'red', message: errorText(error) }) })}
                  >
                    {t('approvals.delegation.end')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AllDelegations() {
  const { t } = useTranslation();
  const [includePast, setIncludePast] = useState(false);
  const all = useArchiveQuery('approvals.delegations.all', { includePast });
  return (
    <Stack gap="xs" data-testid="delegations-all">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('approvals.delegation.all')}
        </Text>
        <Switch size="sm" label={t('approvals.delegation.includePast')} checked={includePast} onChange={(e) => setIncludePast(e.currentTarget.checked)} />
      </Group>
      {all.isPending ? (
        <LoadingState />
      ) : all.isError ? (
        <ErrorState error={all.error} onRetry={() => void all.refetch()} />
      ) : all.data.length === 0 ? (
        <EmptyBlock title={t('approvals.delegation.noneAll')} />
      ) : (
        <DelegationTable rows={all.data} show="both" canEnd testId="delegations-all-table" />
      )}
    </Stack>
  );
}
