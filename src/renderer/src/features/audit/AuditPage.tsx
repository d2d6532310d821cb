import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconCalendar, IconFilterOff, IconListSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Input, Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { queryKey, useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';
import { allows } from '../../api/permissions';
import { useAuditDescriber, type NameBook } from './describe';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';

const PAGE_SIZE = 100;
type AuditFilter = Omit<Input<'audit.list'>, 'beforeSeq' | 'limit'>;

function toDay(value: DatesRangeValue[number]): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const errorText = useErrorText();
  const [userId, setUserId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [range, setRange] = useState<DatesRangeValue>([null, null]);

  const filter: AuditFilter = {
    ...(userId ? { userId } : {}),
    ...(action ? { action } : {}),
    ...(toDay(range[0]) ? { from: toDay(range[0]) } : {}),
    ...(toDay(range[1]) ? { to: toDay(range[1]) } : {}),
  };

  const entries = useInfiniteQuery<Output<'audit.list'>, ApiError>({
    queryKey: [...queryKey('audit.list'), filter],
    queryFn: ({ pageParam }) =>
      call('audit.list', { ...filter, limit: PAGE_SIZE, ...(typeof pageParam === 'number' ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
  const actions = useArchiveQuery('audit.actions', {});
  const users = useArchiveQuery('users.list', {}, { enabled: allows(me, 'users.list') });
  const roles = useArchiveQuery('roles.list', {}, { enabled: allows(me, 'roles.list') });
  const departments = useArchiveQuery('departments.list', {});
  const verify = useArchiveMutation('audit.verify', { invalidates: ['audit.list', 'audit.actions'] });

  const rows: AuditEntry[] = useMemo(() => entries.data?.pages.flatMap((page) => page.entries) ?? [], [entries.data]);

  // Who can be filtered on: the user list where the reader may see it, and everyone
  // who appears in the entries read so far.
  const userOptions = useMemo(() => {
    const known = new Map<string, string>();
    for (const user of users.data ?? []) known.set(user.id, `${user.displayName} (${user.username})`);
    for (const entry of rows) {
      if (entry.userId && !known.has(entry.userId)) known.set(entry.userId, entry.username ?? entry.userId);
    }
    if (userId && !known.has(userId)) known.set(userId, userId);
    return [...known].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [users.data, rows, userId]);

  // Names for the ids entries carry, as far as this reader may know them.
  const book: NameBook = useMemo(() => {
    const userNames = new Map<string, string>();
    for (const entry of rows) {
      if (entry.userId && entry.username) userNames.set(entry.userId, entry.username);
      const created = entry.details as { username?: unknown } | null;
      if (entry.action === 'users.create' && entry.target?.startsWith('user:') && typeof created?.username === 'string') {
        userNames.set(entry.target.slice('user:'.length), created.username);
      }
    }
    for (const user of users.data ?? []) userNames.set(user.id, user.username);
    return {
      users: userNames,
      roles: new Map((roles.data ?? []).map((role) => [role.id, labels.role(role.name, role.code)])),
      departments: new Map((departments.data ?? []).map((department) => [department.id, labels.department(department.name, department.code)])),
    };
  }, [rows, users.data, roles.data, departments.data, labels]);

  const actionOptions = useMemo(
    () => (actions.data ?? []).map((name) => ({ value: name, label: labels.action(name) })),
    [actions.data, labels],
  );

  const filtered = userId !== null || action !== null || range[0] !== null || range[1] !== null;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Button
            leftSection={<IconShieldCheck size={16} />}
            variant="light"
            loading={verify.isPending}
            onClick={() => verify.mutate({})}
            data-testid="verify-chain"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data && (
        <Alert
          mb="md"
          data-testid="verify-result"
          color={verify.data.ok ? 'green' : 'red'}
          variant="light"
          icon={verify.data.ok ? <IconShieldCheck size={18} /> : <IconShieldX size={18} />}
          title={verify.data.ok ? t('audit.verifyOkTitle') : t('audit.verifyBadTitle')}
          withCloseButton
          onClose={() => verify.reset()}
        >
          {verify.data.ok || verify.data.firstBad === null
            ? t('audit.verifyOk', { count: verify.data.checked })
            : t('audit.verifyBad', {
                seq: verify.data.firstBad.seq,
                reason: t(`audit.reason.${verify.data.firstBad.reason}`),
                count: verify.data.checked,
              })}
        </Alert>
      )}
      {verify.error && (
        <Alert mb="md" color="red" variant="light" role="alert">
          {errorText(verify.error)}
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('audit.filters.user')}
              placeholder={t('audit.filters.userPlaceholder')}
              data={userOptions}
              value={userId}
              onChange={setUserId}
              clearable
              searchable
              w={220}
            />
            <Select
              label={t('audit.filters.action')}
              placeholder={t('audit.filters.actionPlaceholder')}
              data={actionOptions}
              value={action}
              onChange={setAction}
              clearable
              searchable
              w={260}
              disabled={actions.isError}
              renderOption={({ option }) => (
                <Group justify="space-between" gap="xs" wrap="nowrap" w="100%">
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {option.value}
                  </Text>
                </Group>
              )}
            />
            <DatePickerInput
              type="range"
              label={t('audit.filters.dates')}
              placeholder={t('audit.filters.datesPlaceholder')}
              value={range}
              onChange={setRange}
              valueFormat="YYYY-MM-DD"
              monthLabelFormat={t('audit.filters.monthLabelFormat')}
              leftSection={<IconCalendar size={16} />}
              clearable
              allowSingleDateInRange
              w={260}
            />
            {filtered && (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconFilterOff size={16} />}
                onClick={() => {
                  setUserId(null);
                  setAction(null);
                  setRange([null, null]);
                }}
              >
                {t('audit.filters.clear')}
              </Button>
            )}
          </Group>

          {entries.isPending ? (
            <LoadingState />
          ) : entries.isError && rows.length === 0 ? (
            <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyBlock icon={<IconListSearch size={28} stroke={1.5} />} title={t('audit.empty')} description={filtered ? t('audit.emptyHint') : undefined} />
          ) : (
            <>
              <AuditTable rows={rows} book={book} />
              {entries.isFetchNextPageError && <ErrorState error={entries.error} onRetry={() => void entries.fetchNextPage()} />}
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {entries.hasNextPage ? t('audit.shown', { count: rows.length }) : t('audit.end', { count: rows.length })}
                </Text>
                {entries.hasNextPage && (
                  <Button variant="default" loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()} data-testid="audit-load-more">
                    {t('audit.loadMore')}
                  </Button>
                )}
              </Group>
              
            </>
          )}
        </Stack>
      </Card>
    </>
  );
}

const OUTCOME_COLOR = { ok: 'green', denied: 'orange', failed: 'red' } as const;

function AuditTable({ rows, book }: { rows: AuditEntry[]; book: NameBook }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const describe = useAuditDescriber(book);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('audit.columns.seq')}</Table.Th>
            <Table.Th w={180}>{t('audit.columns.at')}</Table.Th>
            <Table.Th w={130}>{t('audit.columns.user')}</Table.Th>
            <Table.Th w={170}>{t('audit.columns.action')}</Table.Th>
            <Table.Th w={110} style={{ whiteSpace: 'nowrap' }}>{t('audit.columns.outcome')}</Table.Th>
            <Table.Th>{t('audit.columns.target')}</Table.Th>
            <Table.Th>{t('audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => {
            const details = describe.details(entry);
            const target = describe.target(entry);
            return (
              <Table.Tr key={entry.seq} data-seq={entry.seq}>
                <Table.Td ff="monospace">{entry.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.dateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.username ?? <Text span c="dimmed" size="sm">{t('audit.system')}</Text>}</Table.Td>
                <Table.Td>
                  <Tooltip label={entry.action} openDelay={400}>
                    <Text span size="sm">
                      {labels.action(entry.action)}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={OUTCOME_COLOR[entry.outcome]} style={{ flexShrink: 0, overflow: 'visible' }}>
                    {t(`audit.outcome.${entry.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {target ? (
                    <Tooltip label={target.full} openDelay={400}>
                      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {target.text}
                      </Text>
                    </Tooltip>
                  ) : (
                    '—'
                  )}
                  {entry.purpose && (
                    <Text size="xs" c="dimmed">
                      {t('audit.purpose', { purpose: entry.purpose })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={360}>
                  {details ? (
                    <Text size="xs" c="dimmed" lineClamp={2} title={details}>
                      {details}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
