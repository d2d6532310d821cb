import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconPlayerStop,
  IconRefresh,
  IconUpload,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem, Output } from '../../../../shared/contract';
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKind } from '../../../../shared/domain/customers';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { errorReason, useErrorText } from '../../app/errors';
import { issueText } from '../../app/forms';
import { readFileAsBase64, saveBase64 } from '../../app/files';
import { PageHeader } from '../../app/ui/PageHeader';
import { ImportProblemsTable } from './ImportProblemsTable';

// 数据导入: finance's CSV/XLSX exports into the archive. A file is checked whole first
// (imports.preview writes nothing); only a file without a single problem can be run, and
// the run writes every row in one transaction or none, with progress and a cancel button.

type Format = 'csv' | 'xlsx';
type Preview = Output<'imports.preview'>;
type Progress = NonNullable<Output<'jobs.progress'>>;

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'checked'; preview: Preview }
  | { kind: 'checkFailed'; error: unknown }
  | { kind: 'running'; jobId: string; progress: Progress | null; cancelling: boolean; preview: Preview }
  | { kind: 'done'; written: number }
  | { kind: 'cancelled' }
  | { kind: 'runFailed'; error: unknown; preview: Preview };

const POLL_MS = 300;

function formatOf(file: File): Format | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Problems the host attached to a refused run, if it did. */
function problemsOf(error: unknown): ImportProblem[] {
  const details = (error as { details?: unknown } | null)?.details;
  if (details && typeof details === 'object' && 'problems' in details && Array.isArray((details as { problems: unknown }).problems)) {
    return (details as { problems: ImportProblem[] }).problems;
  }
  return [];
}

function Step({ n, title, children, active }: { n: number; title: string; children: ReactNode; active: boolean }) {
  return (
    <Card withBorder radius="md" padding="lg" style={{ opacity: active ? 1 : 0.6 }}>
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon radius="xl" size={28} variant={active ? 'filled' : 'light'}>
          <Text size="sm" fw={700}>
            {n}
          </Text>
        </ThemeIcon>
        <Title order={4}>{title}</Title>
      </Group>
      {children}
    </Card>
  );
}

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const baseErrorText = useErrorText();
  // A file the host cannot read says so in a field issue: that sentence is the useful one.
  const errorText = (error: unknown) =>
    error instanceof ApiError && error.fieldIssues.length > 0 ? issueText(t, error.fieldIssues[0]!) : baseErrorText(error);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [downloading, setDownloading] = useState<Format | null>(null);
  // The checked file's bytes, kept for the run so that what runs is what was checked.
  const content = useRef<{ base64: string; format: Format; name: string } | null>(null);
  const generation = useRef(0);
  const cancelRequested = useRef(false);

  const reset = () => {
    generation.current += 1;
    content.current = null;
    setFile(null);
    setFileError(null);
    setStage({ kind: 'idle' });
  };

  const check = async (chosen: File, forKind: ImportKind) => {
    const format = formatOf(chosen);
    if (!format) {
      setFileError(t('imports.fileType'));
      setStage({ kind: 'idle' });
      return;
    }
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFileError(t('validation.document.tooLarge'));
      return;
    }
    setFileError(null);
    const mine = ++generation.current;
    setStage({ kind: 'checking' });
    try {
      const base64 = await readFileAsBase64(chosen);
      content.current = { base64, format, name: chosen.name };
      const preview = await call('imports.preview', { kind: forKind, format, fileName: chosen.name, contentBase64: base64 });
      if (generation.current === mine) setStage({ kind: 'checked', preview });
    } catch (error) {
      if (generation.current === mine) setStage({ kind: 'checkFailed', error });
    }
  };

  const run = async (preview: Preview) => {
    const checked = content.current;
    if (!checked) return;
    const jobId = crypto.randomUUID();
    cancelRequested.current = false;
    setStage({ kind: 'running', jobId, progress: null, cancelling: false, preview });
    try {
      const result = await call('imports.run', { kind, format: checked.format, fileName: checked.name, contentBase64: checked.base64, jobId });
      content.current = null;
      setStage({ kind: 'done', written: result.written });
      notifications.show({ color: 'green', message: t('imports.done', { count: result.written }) });
      await Promise.all(
        (['customers.search', 'customers.facets', 'customers.get'] as const).map((name) => queryClient.invalidateQueries({ queryKey: [name] })),
      );
    } catch (error) {
      setStage(cancelRequested.current || errorReason(error) === 'cancelled' ? { kind: 'cancelled' } : { kind: 'runFailed', error, preview });
    }
  };

  // While a run is under way, its progress is asked for every POLL_MS.
  const runningJob = stage.kind === 'running' ? stage.jobId : null;
  useEffect(() => {
    if (!runningJob) return;
    let stopped = false;
    const timer = setInterval(() => {
      call('jobs.progress', { jobId: runningJob })
        .then((progress) => {
          if (stopped || !progress) return;
          setStage((current) => (current.kind === 'running' && current.jobId === runningJob ? { ...current, progress } : current));
        })
        .catch(() => {
          // the next poll tries again; the run itself reports the outcome
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [runningJob]);

  const cancel = async () => {
    if (stage.kind !== 'running') return;
    cancelRequested.current = true;
    setStage({ ...stage, cancelling: true });
    try {
      await call('jobs.cancel', { jobId: stage.jobId });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error) });
    }
  };

  const download = async (format: Format) => {
    setDownloading(format);
    try {
      const template = await call('imports.template', { kind, format });
      saveBase64(template.contentBase64, template.fileName, template.mime);
      notifications.show({ color: 'green', message: t('imports.templateSaved', { name: template.fileName }) });
    } catch (error) {
      notifications.show({ color: 'red', title: t('app.errorTitle'), message: errorText(error) });
    } finally {
      setDownloading(null);
    }
  };

  const busy = stage.kind === 'checking' || stage.kind === 'running';
  const preview = stage.kind === 'checked' || stage.kind === 'running' || stage.kind === 'runFailed' ? stage.preview : null;
  const problemCount = preview ? preview.problems.length + preview.moreProblems : 0;

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Stack gap="lg">
        <Step n={1} title={t('imports.steps.kind')} active={stage.kind !== 'done' && stage.kind !== 'cancelled'}>
          <Stack gap="md">
            <SegmentedControl
              value={kind}
              onChange={(value) => {
                setKind(value as ImportKind);
                reset();
              }}
              data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
              disabled={busy}
              aria-label={t('imports.kind')}
              data-testid="import-kind"
              maw={520}
            />
            <Text size="sm" c="dimmed">
              {t(`imports.kindHints.${kind}`)}
            </Text>
            <Group gap="sm" align="center">
              <Text size="sm" fw={500}>
                {t('imports.templates')}
              </Text>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                loading={downloading === 'csv'}
                onClick={() => void download('csv')}
                data-testid="template-csv"
              >
                {t('imports.templateCsv')}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                loading={downloading === 'xlsx'}
                onClick={() => void download('xlsx')}
                data-testid="template-xlsx"
              >
                {t('imports.templateXlsx')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('imports.templatesHint')}
            </Text>
          </Stack>
        </Step>

        <Step n={2} title={t('imports.steps.file')} active={stage.kind !== 'done' && stage.kind !== 'cancelled'}>
          <Stack gap="md">
            <Group align="flex-end" gap="sm">
              <FileInput
                label={t('imports.file')}
                description={t('imports.fileHint')}
                placeholder={t('imports.filePlaceholder')}
                accept=".csv,.xlsx"
                value={file}
                onChange={(chosen) => {
                  setFile(chosen);
                  if (chosen) void check(chosen, kind);
                  else reset();
                }}
                error={fileError}
                leftSection={<IconFileSpreadsheet size={16} />}
                clearable
                disabled={busy}
                w={420}
                data-testid="import-file"
              />
              {file && !fileError && (
                <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void check(file, kind)} disabled={busy}>
                  {t('imports.check')}
                </Button>
              )}
            </Group>

            {stage.kind === 'checking' && (
              <Group gap="sm">
                <Progress value={100} animated striped w={240} />
                <Text size="sm" c="dimmed">
                  {t('imports.checking')}
                </Text>
              </Group>
            )}
            {stage.kind === 'checkFailed' && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('imports.failedTitle')} role="alert" data-testid="import-check-failed">
                {errorText(stage.error)}
              </Alert>
            )}
            {preview && (
              <Stack gap="md" data-testid="import-preview">
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" maw={640}>
                  <Card withBorder radius="md" padding="sm">
                    <Text size="xs" c="dimmed">
                      {t('imports.rows')}
                    </Text>
                    <Text fw={700} size="xl" data-testid="import-rows">
                      {preview.rows.toLocaleString(i18n.resolvedLanguage)}
                    </Text>
                  </Card>
                  <Card withBorder radius="md" padding="sm">
                    <Text size="xs" c="dimmed">
                      {t('imports.problemsCount')}
                    </Text>
                    <Text fw={700} size="xl" c={problemCount > 0 ? 'red' : 'green'} data-testid="import-problem-count">
                      {problemCount.toLocaleString(i18n.resolvedLanguage)}
                    </Text>
                  </Card>
                </SimpleGrid>
                {problemCount > 0 ? (
                  <>
                    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('imports.problemsTitle', { count: problemCount })} data-testid="import-problems-alert">
                      {t('imports.problemsIntro')}
                    </Alert>
                    <ImportProblemsTable problems={preview.problems} />
                    {preview.moreProblems > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('imports.moreProblems', { count: preview.moreProblems })}
                      </Text>
                    )}
                  </>
                ) : preview.rows === 0 ? (
                  <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
                    {t('imports.noRows')}
                  </Alert>
                ) : (
                  <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} title={t('imports.ready', { count: preview.rows })} data-testid="import-ready">
                    {t('imports.readyHint')}
                  </Alert>
                )}
                {preview.columns.length > 0 && (
                  <Stack gap={6}>
                    {preview.headerRow > 1 && (
                      <Text size="sm" c="dimmed" data-testid="import-header-row">
                        {t('imports.headerRow', { row: preview.headerRow })}
                      </Text>
                    )}
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        {t('imports.columns')}
                      </Text>
                      {preview.columns.map((column) => (
                        <Badge key={column} variant="light" color="gray" size="sm">
                          {column}
                        </Badge>
                      ))}
                    </Group>
                    {preview.sample.length > 0 && (
                      <>
                        <Text size="sm" fw={500}>
                          {t('imports.sample')}
                        </Text>
                        <Table.ScrollContainer minWidth={Math.max(600, preview.columns.length * 120)} maxHeight={320}>
                          <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} stickyHeader>
                            <Table.Thead>
                              <Table.Tr>
                                {preview.columns.map((column) => (
                                  <Table.Th key={column} style={{ whiteSpace: 'nowrap' }}>
                                    {column}
                                  </Table.Th>
                                ))}
                              </Table.Tr>
                            </Table.Thead>
                            <Table.Tbody>
                              {preview.sample.map((row, i) => (
                                <Table.Tr key={i}>
                                  {preview.columns.map((column, j) => (
                                    <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
                                      {row[j] ?? ''}
                                    </Table.Td>
                                  ))}
                                </Table.Tr>
                              ))}
                            </Table.Tbody>
                          </Table>
                        </Table.ScrollContainer>
                      </>
                    )}
                  </Stack>
                )}
              </Stack>
            )}
          </Stack>
        </Step>

        <Step n={3} title={t('imports.steps.run')} active={(stage.kind === 'checked' && problemCount === 0 && preview !== null && preview.rows > 0) || stage.kind === 'running' || stage.kind === 'done' || stage.kind === 'cancelled' || stage.kind === 'runFailed'}>
          {stage.kind === 'running' ? (
            <Stack gap="sm" data-testid="import-running">
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {stage.progress ? t(`imports.phase.${stage.progress.phase}`) : t('imports.running')}
                </Text>
                {stage.progress && stage.progress.total > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('imports.progress', { done: stage.progress.done, total: stage.progress.total })}
                  </Text>
                )}
              </Group>
              <Progress
                size="lg"
                value={stage.progress && stage.progress.total > 0 ? (stage.progress.done / stage.progress.total) * 100 : 100}
                animated={!stage.progress || stage.progress.total === 0}
                striped
                data-testid="import-progress"
              />
              <Group>
                <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={() => void cancel()} loading={stage.cancelling} data-testid="import-cancel">
                  {stage.cancelling ? t('imports.cancelling') : t('imports.cancel')}
                </Button>
              </Group>
            </Stack>
          ) : stage.kind === 'done' ? (
            <Stack gap="md">
              <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={t('imports.done', { count: stage.written })} data-testid="import-done">
                {t('imports.doneHint')}
              </Alert>
              <Group>
                <Button variant="default" leftSection={<IconUpload size={16} />} onClick={reset}>
                  {t('imports.again')}
                </Button>
              </Group>
            </Stack>
          ) : stage.kind === 'cancelled' ? (
            <Stack gap="md">
              <Alert color="orange" variant="light" icon={<IconPlayerStop size={18} />} data-testid="import-cancelled">
                {t('imports.cancelled')}
              </Alert>
              <Group>
                <Button variant="default" leftSection={<IconUpload size={16} />} onClick={reset}>
                  {t('imports.again')}
                </Button>
              </Group>
            </Stack>
          ) : stage.kind === 'runFailed' ? (
            <Stack gap="md">
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('imports.failedTitle')} role="alert" data-testid="import-run-failed">
                {errorText(stage.error)}
              </Alert>
              {problemsOf(stage.error).length > 0 && <ImportProblemsTable problems={problemsOf(stage.error)} />}
              <Group>
                <Button variant="default" leftSection={<IconUpload size={16} />} onClick={reset}>
                  {t('imports.again')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group>
              <Button
                leftSection={<IconUpload size={16} />}
                disabled={stage.kind !== 'checked' || problemCount > 0 || !preview || preview.rows === 0}
                onClick={() => preview && void run(preview)}
                data-testid="import-run"
              >
                {t('imports.run', { count: preview?.rows ?? 0 })}
              </Button>
              {stage.kind === 'checked' && problemCount > 0 && (
                <Text size="sm" c="red">
                  {t('imports.problemsTitle', { count: problemCount })}
                </Text>
              )}
            </Group>
          )}
        </Step>
      </Stack>
    </>
  );
}
