import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconFileSpreadsheet, IconFilterOff, IconListSearch, IconPrinter, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Input, Output } from '../../../../shared/contract';
import { filterInWords, momentText, registerText, type RegisterRow } from '../../../../shared/messages/auditWords';
import { call } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { queryKey, useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';
import { allows } from '../../api/permissions';
import { saveBase64 } from '../../app/files';
import { currentLanguage } from '../../app/i18n';
import { useAuditDescriber, type AuditDescriber, type NameBook } from './describe';
import './print.css';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';

const PAGE_SIZE = 100;
/** The most entries one printout holds: paper is for a period, the export for everything. */
const PRINT_MAX = 2000;
type AuditFilter = Omit<Input<'audit.list'>, 'beforeSeq' | 'limit' | 'language'>;

/** The start of a picked local day as a moment, or of the day after (`next`). */
function dayMoment(value: DatesRangeValue[number], next = false): string | undefined {
  if (value === null || value === undefined) return undefined;
  const day = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00`) : new Date(value.getFullYear(), value.getMonth(), value.getDate());
  if (Number.isNaN(day.getTime())) return undefined;
  if (next) day.setDate(day.getDate() + 1);
  return day.toISOString();
}

/** A printout being made: the rows, who prints and when. */
interface PrintJob {
  rows: RegisterRow[];
  truncated: boolean;
  at: string;
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const errorText = useErrorText();
  const [userId, setUserId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [range, setRange] = useState<DatesRangeValue>([null, null]);

  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ? currentLanguage() : 'zh-CN';
  const [exporting, setExporting] = useState(false);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const [printing, setPrinting] = useState(false);
  const queryClient = useQueryClient();
  // An export or a printout is itself an entry of the log: show it.
  const refreshLog = () => Promise.all(['audit.list', 'audit.actions'].map((name) => queryClient.invalidateQueries({ queryKey: [name] })));

  // A range's end day is included: entries before the start of the day after it.
  const from = dayMoment(range[0]);
  const to = dayMoment(range[1] ?? range[0], true);
  const filter: AuditFilter = {
    ...(userId ? { userId } : {}),
    ...(action ? { action } : {}),
    ...(from ? { from } : {}),
    ...(from && to ? { to } : {}),
  };

  const entries = useInfiniteQuery<Output<'audit.list'>, ApiError>({
    queryKey: [...queryKey('audit.list'), filter, language],
    queryFn: ({ pageParam }) =>
      call('audit.list', { ...filter, language, limit: PAGE_SIZE, ...(typeof pageParam === 'number' ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
  const actions = useArchiveQuery('audit.actions', {});
  const users = useArchiveQuery('users.list', {}, { enabled: allows(me, 'users.list') });
  const roles = useArchiveQuery('roles.list', {}, { enabled: allows(me, 'roles.list') });
  const departments = useArchiveQuery('departments.list', {});
  const verify = useArchiveMutation('audit.verify', { invalidates: ['audit.list', 'audit.actions'] });

  const rows: AuditEntry[] = useMemo(() => entries.data?.pages.flatMap((page) => page.entries) ?? [], [entries.data]);
  const hostNames = useMemo(() => Object.assign({}, ...(entries.data?.pages.map((page) => page.names) ?? [])) as Record<string, string>, [entries.data]);

  // Who can be filtered on: the user list where the reader may see it, and everyone
  // who appears in the entries read so far.
  const userOptions = useMemo(() => {
    const known = new Map<string, string>();
    for (const user of users.data ?? []) known.set(user.id, `${user.displayName} (${user.username})`);
    for (const entry of rows) {
      if (entry.userId && !known.has(entry.userId)) known.set(entry.userId, entry.displayName ? `${entry.displayName} (${entry.username ?? ''})` : (entry.username ?? entry.userId));
    }
    if (userId && !known.has(userId)) known.set(userId, userId);
    return [...known].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [users.data, rows, userId]);

  // Names for the ids entries carry, as far as this reader may know them.
  const book: NameBook = useMemo(() => {
    const userNames = new Map<string, string>();
    for (const entry of rows) {
      if (entry.userId && (entry.displayName ?? entry.username)) userNames.set(entry.userId, entry.displayName ?? entry.username!);
    }
    for (const user of users.data ?? []) userNames.set(user.id, user.displayName);
    return {
      host: hostNames,
      users: userNames,
      roles: new Map((roles.data ?? []).map((role) => [role.id, labels.role(role.name, role.code)])),
      departments: new Map((departments.data ?? []).map((department) => [department.id, labels.department(department.name, department.code)])),
    };
  }, [rows, hostNames, users.data, roles.data, departments.data, labels]);
  const describe = useAuditDescriber(book);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await call('audit.export', { ...filter, language });
      saveBase64(file.contentBase64, file.fileName, file.mime);
      void refreshLog();
      notifications.show({
        color: file.truncated ? 'orange' : 'green',
        title: t('audit.exportedTitle'),
        message: file.truncated ? t('audit.exportedTruncated', { count: file.rows, name: file.fileName }) : t('audit.exported', { count: file.rows, name: file.fileName }),
      });
    } catch (error) {
      notifications.show({ color: 'red', title: t('app.errorTitle'), message: errorText(error) });
    } finally {
      setExporting(false);
    }
  };

  // Printing: every entry of the filter (up to PRINT_MAX) is read first, the printout is on
  // record, and the print layout (print.css) shows only the register.
  const print = async () => {
    setPrinting(true);
    try {
      const count = (data: typeof entries.data) => data?.pages.reduce((n, page) => n + page.entries.length, 0) ?? 0;
      let data = entries.data;
      let more = entries.hasNextPage;
      while (more && count(data) < PRINT_MAX) {
        const next = await entries.fetchNextPage();
        if (next.isError) throw next.error;
        data = next.data;
        more = next.hasNextPage;
      }
      const all = (data?.pages.flatMap((page) => page.entries) ?? []).slice(0, PRINT_MAX);
      const truncated = more || count(data) > PRINT_MAX;
      await call('audit.print', { ...filter, rows: all.length });
      setPrintJob({ rows: all.map((entry) => describe.row(entry)), truncated, at: momentText(new Date().toISOString()) });
    } catch (error) {
      notifications.show({ color: 'red', title: t('app.errorTitle'), message: errorText(error) });
    } finally {
      setPrinting(false);
    }
  };
  useEffect(() => {
    if (!printJob) return;
    const done = () => {
      setPrintJob(null);
      void refreshLog();
    };
    window.addEventListener('afterprint', done);
    // The printout is in the page now: hand it to the printer (the window's own dialog).
    const timer = window.setTimeout(() => window.print(), 50);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printJob]);
  const filterText = filterInWords(language, filter, (id) => describe.nameOf(id) ?? userOptions.find((o) => o.value === id)?.label);

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
          <>
          <Button
            leftSection={<IconPrinter size={16} />}
            variant="default"
            loading={printing}
            disabled={rows.length === 0}
            onClick={() => void print()}
            data-testid="audit-print"
          >
            {t('audit.print')}
          </Button>
          <Button
            leftSection={<IconFileSpreadsheet size={16} />}
            variant="default"
            loading={exporting}
            disabled={rows.length === 0}
            onClick={() => void exportXlsx()}
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
          <Button
            leftSection={<IconShieldCheck size={16} />}
            variant="light"
            loading={verify.isPending}
            onClick={() => verify.mutate({})}
            data-testid="verify-chain"
          >
            {t('audit.verify')}
          </Button>
          </>
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
              <AuditTable rows={rows} describe={describe} />
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
      {printJob &&
        createPortal(
          <PrintRegister job={printJob} language={language} filter={filterText} who={me.displayName} />,
          document.body,
        )}
    </>
  );
}

/** The register as printed: a heading (what, which filter, by whom, when) and every row in full. */
function PrintRegister({ job, language, filter, who }: { job: PrintJob; language: 'zh-CN' | 'en-US'; filter: string; who: string }) {
  return (
    <div className="audit-print" data-testid="audit-print-area">
      <h1>{registerText(language, 'title')}</h1>
      <p>{registerText(language, 'filter', { filter })}</p>
      <p>{registerText(language, 'printed', { who, at: job.at, rows: job.rows.length })}</p>
      {job.truncated && <p className="audit-print-warning">{registerText(language, 'printTruncated', { max: PRINT_MAX })}</p>}
      <table>
        <thead>
          <tr>
            {(['seq', 'at', 'user', 'action', 'outcome', 'target', 'purpose', 'details'] as const).map((key) => (
              <th key={key}>{registerText(language, key)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {job.rows.map((row) => (
            <tr key={row.seq}>
              <td>{row.seq}</td>
              <td>{row.at}</td>
              <td>{row.user}</td>
              <td>{row.action}</td>
              <td>{row.outcome}</td>
              <td>{row.target ?? '—'}</td>
              <td>{row.purpose ?? '—'}</td>
              <td>{row.details ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const OUTCOME_COLOR = { ok: 'green', denied: 'orange', failed: 'red' } as const;

function AuditTable({ rows, describe }: { rows: AuditEntry[]; describe: AuditDescriber }) {
  const { t } = useTranslation();
  const labels = useLabels();
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
            <Table.Th w={220}>{t('audit.columns.target')}</Table.Th>
            <Table.Th>{t('audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => {
            const details = describe.details(entry);
            const target = describe.target(entry);
            const purpose = describe.purpose(entry);
            return (
              <Table.Tr key={entry.seq} data-seq={entry.seq}>
                <Table.Td ff="monospace">{entry.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.dateTime(entry.at)}</Table.Td>
                <Table.Td>
                  {entry.username ? (
                    <Stack gap={0}>
                      <Text span size="sm">
                        {entry.displayName ?? entry.username}
                      </Text>
                      {entry.displayName && (
                        <Text span size="xs" c="dimmed" ff="monospace">
                          {entry.username}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text span c="dimmed" size="sm">
                      {t('audit.system')}
                    </Text>
                  )}
                </Table.Td>
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
                    <Tooltip label={entry.target} openDelay={400}>
                      <Text span size="sm">
                        {target}
                      </Text>
                    </Tooltip>
                  ) : (
                    '—'
                  )}
                  {purpose && (
                    <Tooltip label={t('audit.purposeWritten', { text: entry.purposeAsWritten })} disabled={!entry.purposeAsWritten} openDelay={300}>
                      <Text size="xs" c="dimmed" data-testid="audit-purpose">
                        {t('audit.purpose', { purpose })}
                      </Text>
                    </Tooltip>
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
