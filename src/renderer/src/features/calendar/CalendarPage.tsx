import { Alert, Badge, Button, Card, FileButton, Group, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconFileImport } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from '../../../../shared/contract/calendar';
import { ApiError } from '../../api/errors';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { PageHeader } from '../../app/ui/PageHeader';
import { ErrorState, LoadingState } from '../../app/ui/States';

type DayInfo = CalendarView['year']['specialDays'][number];
type Overlay = CalendarView['overlay'][number];
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const; // Monday first, as Chinese calendars print it

const COLORS: Record<DayInfo['reason'], { bg: string; fg: string }> = {
  workday: { bg: 'transparent', fg: 'var(--mantine-color-dark-7)' },
  weekend: { bg: 'var(--mantine-color-gray-1)', fg: 'var(--mantine-color-gray-6)' },
  'public-holiday': { bg: 'var(--mantine-color-red-1)', fg: 'var(--mantine-color-red-8)' },
  'makeup-workday': { bg: 'var(--mantine-color-blue-1)', fg: 'var(--mantine-color-blue-8)' },
  'company-closed': { bg: 'var(--mantine-color-orange-2)', fg: 'var(--mantine-color-orange-9)' },
  'company-workday': { bg: 'var(--mantine-color-teal-2)', fg: 'var(--mantine-color-teal-9)' },
};

/** The working-day calendar of a year: official holidays and make-up days, the company's own days, import of a year's official list. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => dayjs().year());
  const view = useArchiveQuery('calendar.get', { year });
  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconChevronLeft size={16} />} onClick={() => setYear(year - 1)} data-testid="year-prev">
              {year - 1}
            </Button>
            <Title order={3} data-testid="calendar-year">
              {t('calendar.year', { year })}
            </Title>
            <Button variant="default" rightSection={<IconChevronRight size={16} />} onClick={() => setYear(year + 1)} data-testid="year-next">
              {year + 1}
            </Button>
            <ImportButton onImported={(imported) => setYear(imported)} />
          </Group>
        }
      />
      {view.isPending ? <LoadingState /> : view.isError ? <ErrorState error={view.error} onRetry={() => void view.refetch()} /> : <YearView view={view.data} />}
    </>
  );
}

function YearView({ view }: { view: CalendarView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ day: string; info: DayInfo } | null>(null);
  const special = new Map(view.year.specialDays.map((day) => [day.day, day]));
  const year = view.year.year;
  const infoOf = (day: string): DayInfo => {
    const found = special.get(day);
    if (found) return found;
    const weekday = dayjs(day).day();
    const weekend = weekday === 0 || weekday === 6;
    return { day, working: !weekend, reason: weekend ? 'weekend' : 'workday', provisional: !view.year.covered };
  };
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('calendar.version', { version: view.version })}
        </Badge>
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('calendar.workingDays', { count: view.year.workingDays })}
        </Badge>
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('calendar.covered', { from: Math.min(...view.coveredYears), to: Math.max(...view.coveredYears) })}
        </Badge>
        {view.importedYears.includes(year) && (
          <Badge variant="light" color="teal">
            {t('calendar.imported')}
          </Badge>
        )}
      </Group>
      {!view.year.covered && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="calendar-provisional">
          {t('calendar.provisional', { year })}
        </Alert>
      )}
      {view.year.notices.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('calendar.source', { notices: view.year.notices.map((notice) => `${notice.title}${notice.number ? `（${notice.number}）` : ''} ${notice.issuedOn}`).join('；') })}
        </Text>
      )}
      <Legend />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }} spacing="md" data-testid="calendar-grid">
        {Array.from({ length: 12 }, (_, month) => (
          <Month key={month} year={year} month={month} infoOf={infoOf} onPick={(day) => setEditing({ day, info: infoOf(day) })} />
        ))}
      </SimpleGrid>
      <CompanyDays overlay={view.overlay} />
      <DayModal target={editing} overlay={view.overlay} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {(Object.keys(COLORS) as DayInfo['reason'][]).map((reason) => (
        <Group key={reason} gap={6}>
          <div style={{ width: 14, height: 14, borderRadius: 3, background: COLORS[reason].bg, border: '1px solid var(--mantine-color-gray-4)' }} />
          <Text size="xs">{t(`calendar.reason.${reason}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}

function Month({ year, month, infoOf, onPick }: { year: number; month: number; infoOf: (day: string) => DayInfo; onPick: (day: string) => void }) {
  const { t } = useTranslation();
  const first = dayjs(new Date(year, month, 1));
  const days = first.daysInMonth();
  const offset = (first.day() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: days }, (_, i) => first.date(i + 1).format('YYYY-MM-DD'))];
  return (
    <Card withBorder radius="md" padding="sm" data-testid={`month-${month + 1}`}>
      <Text fw={600} size="sm" mb={6}>
        {t(`calendar.months.m${month}` as 'calendar.months.m0')}
      </Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {WEEK.map((weekday) => (
          <Text key={weekday} size="10px" c="dimmed" ta="center">
            {t(`calendar.weekdays.d${weekday}` as 'calendar.weekdays.d0')}
          </Text>
        ))}
        {cells.map((day, i) => {
          if (!day) return <div key={`blank-${i}`} />;
          const info = infoOf(day);
          const colors = COLORS[info.reason];
          const label = [day, t(`calendar.reason.${info.reason}`), info.holiday ? t(`calendar.holiday.${info.holiday}`) : null, info.note ?? null].filter(Boolean).join(' · ');
          return (
            <Tooltip key={day} label={label} openDelay={300}>
              <UnstyledButton
                onClick={() => onPick(day)}
                aria-label={label}
                data-day={day}
                data-reason={info.reason}
                style={{
                  background: colors.bg,
                  color: colors.fg,
                  borderRadius: 4,
                  textAlign: 'center',
                  fontSize: 12,
                  lineHeight: '22px',
                  fontWeight: info.reason === 'workday' || info.reason === 'weekend' ? 400 : 700,
                  outline: info.provisional ? '1px dashed var(--mantine-color-yellow-6)' : undefined,
                }}
              >
                {Number(day.slice(8))}
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </div>
    </Card>
  );
}

function CompanyDays({ overlay }: { overlay: readonly Overlay[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={4} mb={4}>
        {t('calendar.companyDays')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calendar.companyDaysHint')}
      </Text>
      {overlay.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="company-days-empty">
          {t('calendar.noCompanyDays')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="company-days">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calendar.columns.day')}</Table.Th>
              <Table.Th>{t('calendar.columns.kind')}</Table.Th>
              <Table.Th>{t('calendar.columns.note')}</Table.Th>
              <Table.Th>{t('calendar.columns.setBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overlay.map((entry) => (
              <Table.Tr key={entry.day}>
                <Table.Td>{entry.day}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={entry.kind === 'closed' ? 'orange' : 'teal'}>
                    {t(`calendar.kind.${entry.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{entry.note}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {entry.setBy} · {dayjs(entry.setAt).isValid() ? dayjs(entry.setAt).format('YYYY-MM-DD HH:mm:ss') : entry.setAt}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function DayModal({ target, overlay, onClose }: { target: { day: string; info: DayInfo } | null; overlay: readonly Overlay[]; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const set = useArchiveMutation('calendar.setOverlay', { invalidates: ['calendar.get'] });
  if (!target) return null;
  const existing = overlay.find((entry) => entry.day === target.day);
  const kind = existing ? 'none' : target.info.working ? 'closed' : 'working';
  const submit = async () => {
    if (note.trim() === '') return;
    try {
      await set.mutateAsync({ day: target.day, kind, note: note.trim() });
      notifications.show({ color: 'green', message: t(`calendar.done.${kind}`, { day: target.day }) });
      setNote('');
      set.reset();
      onClose();
    } catch {
      // shown below
    }
  };
  const close = () => {
    setNote('');
    set.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('calendar.dayTitle', { day: target.day })} data-testid="calendar-day-modal">
      <Stack gap="md">
        <Text size="sm">
          {t(`calendar.reason.${target.info.reason}`)}
          {target.info.holiday ? ` · ${t(`calendar.holiday.${target.info.holiday}`)}` : ''}
          {target.info.note ? ` · ${target.info.note}` : ''}
        </Text>
        <Text size="sm" fw={600}>
          {t(`calendar.action.${kind}`)}
        </Text>
        <Textarea label={t('calendar.note')} description={t('calendar.noteHint')} required value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} data-testid="calendar-note" />
        {set.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorText(set.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('app.cancel')}
          </Button>
          <Button color={kind === 'none' ? 'red' : 'blue'} disabled={note.trim() === ''} loading={set.isPending} onClick={() => void submit()} data-testid="calendar-day-save">
            {t(`calendar.action.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportButton({ onImported }: { onImported: (year: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const importYear = useArchiveMutation('calendar.importYear', { invalidates: ['calendar.get'] });
  const [problems, setProblems] = useState<string[] | null>(null);
  const pick = async (file: File | null) => {
    if (!file) return;
    setProblems(null);
    try {
      const text = await file.text();
      const view = await importYear.mutateAsync({ text });
      notifications.show({ color: 'green', message: t('calendar.importDone', { year: view.year.year }) });
      onImported(view.year.year);
    } catch (error) {
      const listed = error instanceof ApiError ? (error.details as { calendarProblems?: { code: string; at: string }[] } | undefined)?.calendarProblems : undefined;
      setProblems(listed?.length ? listed.map((problem) => t('calendar.problemAt', { at: problem.at, problem: t(`calendar.importProblem.${problem.code}` as 'calendar.importProblem.not-json') })) : [errorText(error)]);
    }
  };
  return (
    <>
      <FileButton onChange={(file) => void pick(file)} accept="application/json,.json">
        {(props) => (
          <Button {...props} leftSection={<IconFileImport size={16} />} loading={importYear.isPending} data-testid="calendar-import">
            {t('calendar.import')}
          </Button>
        )}
      </FileButton>
      <Modal opened={problems !== null} onClose={() => setProblems(null)} title={t('calendar.importFailed')}>
        <Stack gap="xs" data-testid="calendar-import-problems">
          <Text size="sm">{t('calendar.importNothingChanged')}</Text>
          {(problems ?? []).map((problem, i) => (
            <Text key={i} size="sm" c="red.8">
              {problem}
            </Text>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
