import { Alert, Button, Group, List, Modal, MultiSelect, NumberInput, Progress, Radio, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../../../shared/contract';
import { ROUND_SKIP_REASONS, ROUND_SKIP_TEXTS } from '../../../../../shared/domain/evaluations';
import { call } from '../../../api/client';
import { useArchiveQuery } from '../../../api/hooks';
import { errorReason, useErrorText } from '../../../app/errors';
import { gradeName, useLang, useText } from '../models/format';

type Progress = NonNullable<Output<'jobs.progress'>>;
type Result = Output<'evaluations.startRoundJob'>;
type Stage =
  | { kind: 'choosing' }
  | { kind: 'running'; jobId: string; progress: Progress | null; cancelling: boolean }
  | { kind: 'done'; result: Result; progress: Progress | null }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

const POLL_MS = 300;
/** The value of "not yet graded" in the grade choice (null in the call). */
const UNGRADED = '__ungraded__';

/**
 * The year-end round (seed 003): review forms for many customers in one action — those
 * selected in the list, or those a filter chooses — with the job's progress and cancel.
 * A cancelled or failed round creates nothing.
 */
export function RoundModal({ selected, names, onClose }: { selected: string[]; names: ReadonlyMap<string, string>; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const models = useArchiveQuery('evaluations.models', {});
  const published = (models.data ?? []).filter((m) => m.published !== null && m.kind !== 'new_customer');
  const [modelId, setModelId] = useState<string | null>('periodic_review');
  const chosenModel = published.find((m) => m.id === modelId) ?? null;
  const scale = useArchiveQuery('evaluations.model', { modelId: modelId ?? 'periodic_review' }, { enabled: chosenModel !== null });
  const [by, setBy] = useState<'list' | 'filter'>(selected.length > 0 ? 'list' : 'filter');
  const [grades, setGrades] = useState<string[]>([]);
  const [dueWithin, setDueWithin] = useState<number | string>('');
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });
  const cancelRequested = useRef(false);

  const select: Input<'evaluations.startRoundJob'>['select'] =
    by === 'list'
      ? { by: 'list', customerIds: selected }
      : {
          by: 'filter',
          grades: grades.length === 0 ? null : grades.map((g) => (g === UNGRADED ? null : g)),
          departmentIds: null,
          dueWithinDays: dueWithin === '' ? null : Number(dueWithin),
        };

  const start = async () => {
    if (!modelId) return;
    const jobId = crypto.randomUUID();
    cancelRequested.current = false;
    setStage({ kind: 'running', jobId, progress: null, cancelling: false });
    try {
      const result = await call('evaluations.startRoundJob', { jobId, modelId, select });
      // The job's last word: written of total, as the host counted them.
      const progress = await call('jobs.progress', { jobId }).catch(() => null);
      setStage({ kind: 'done', result, progress });
      await Promise.all((['evaluations.due', 'evaluations.list', 'customers.get'] as const).map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
    } catch (error) {
      setStage(cancelRequested.current || errorReason(error) === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', error });
    }
  };

  // While the round runs, its progress is asked for every POLL_MS.
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
          // the next poll tries again; the round itself reports the outcome
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
    await call('jobs.cancel', { jobId: stage.jobId }).catch(() => undefined);
  };

  const running = stage.kind === 'running';
  const gradeOptions = [
    ...(scale.data?.scale.grades ?? []).map((g) => ({ value: g.code, label: gradeName(g, lang) })),
    { value: UNGRADED, label: t('evaluationModels.round.ungraded') },
  ];

  return (
    <Modal opened onClose={() => !running && onClose(stage.kind === 'done')} title={t('evaluationModels.round.title')} size="lg" closeOnClickOutside={!running} withCloseButton={!running}>
      <Stack gap="md" data-testid="round-dialog">
        {stage.kind === 'choosing' || stage.kind === 'failed' ? (
          <>
            <Text size="sm" c="dimmed">
              {t('evaluationModels.due.startRoundHint')}
            </Text>
            <Select
              label={t('evaluationModels.round.model')}
              data={published.map((m) => ({ value: m.id, label: t('evaluationModels.round.modelVersion', { name: text(m.name), version: m.published }) }))}
              value={modelId}
              onChange={setModelId}
              allowDeselect={false}
              data-testid="round-model"
            />
            <Radio.Group label={t('evaluationModels.round.by')} value={by} onChange={(v) => setBy(v as 'list' | 'filter')}>
              <Stack gap="xs" mt={6}>
                <Radio value="list" label={t('evaluationModels.round.byList', { count: selected.length })} disabled={selected.length === 0} data-testid="round-by-list" />
                <Radio value="filter" label={t('evaluationModels.round.byFilter')} data-testid="round-by-filter" />
              </Stack>
            </Radio.Group>
            {by === 'filter' && (
              <Group align="flex-end" gap="md">
                <MultiSelect
                  label={t('evaluationModels.round.grades')}
                  placeholder={grades.length === 0 ? t('evaluationModels.round.gradesPlaceholder') : undefined}
                  data={gradeOptions}
                  value={grades}
                  onChange={setGrades}
                  w={260}
                  clearable
                  data-testid="round-grades"
                />
                <NumberInput
                  label={t('evaluationModels.round.dueWithin')}
                  placeholder={t('evaluationModels.round.dueWithinPlaceholder')}
                  value={dueWithin}
                  onChange={setDueWithin}
                  min={0}
                  max={366}
                  allowDecimal={false}
                  allowNegative={false}
                  w={240}
                />
              </Group>
            )}
            {stage.kind === 'failed' && (
              <Alert color="red" variant="light" data-testid="round-failed">
                {t('evaluationModels.round.failed')}
                {errorText(stage.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onClose(false)}>
                {t('app.cancel')}
              </Button>
              <Button leftSection={<IconPlayerPlay size={16} />} disabled={!modelId || (by === 'list' && selected.length === 0)} onClick={() => void start()} data-testid="round-start">
                {t('evaluationModels.round.start')}
              </Button>
            </Group>
          </>
        ) : stage.kind === 'running' ? (
          <Stack gap="sm" data-testid="round-running">
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {stage.progress ? t(`imports.phase.${stage.progress.phase}`) : t('evaluationModels.round.running')}
              </Text>
              {stage.progress && stage.progress.total > 0 && (
                <Text size="sm" c="dimmed" data-testid="round-progress-text">
                  {t('evaluationModels.round.progress', { done: stage.progress.done, total: stage.progress.total })}
                </Text>
              )}
            </Group>
            <Progress
              size="lg"
              value={stage.progress && stage.progress.total > 0 ? (stage.progress.done / stage.progress.total) * 100 : 100}
              animated={!stage.progress || stage.progress.total === 0}
              striped
              data-testid="round-progress"
            />
            <Group>
              <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={() => void cancel()} loading={stage.cancelling} data-testid="round-cancel">
                {stage.cancelling ? t('evaluationModels.round.cancelling') : t('evaluationModels.round.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : stage.kind === 'cancelled' ? (
          <>
            <Alert color="orange" variant="light" icon={<IconPlayerStop size={18} />} data-testid="round-cancelled">
              {t('evaluationModels.round.cancelled')}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={() => onClose(false)}>{t('evaluationModels.round.close')}</Button>
            </Group>
          </>
        ) : (
          <>
            {stage.result.created.length === 0 && stage.result.skipped.length === 0 ? (
              <Alert color="gray" variant="light" data-testid="round-nothing">
                {t('evaluationModels.round.nothing')}
              </Alert>
            ) : (
              <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={t('evaluationModels.round.done', { count: stage.result.created.length })} data-testid="round-done">
                {t('evaluationModels.round.doneHint')}
              </Alert>
            )}
            {stage.progress && stage.progress.total > 0 && (
              <Stack gap={4}>
                <Group justify="space-between">
                  <Text size="sm" fw={500}>
                    {t(`imports.phase.${stage.progress.phase}`)}
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="round-progress-text">
                    {t('evaluationModels.round.progress', { done: stage.progress.done, total: stage.progress.total })}
                  </Text>
                </Group>
                <Progress size="lg" color="green" value={(stage.progress.done / stage.progress.total) * 100} data-testid="round-progress" />
              </Stack>
            )}
            {stage.result.skipped.length > 0 && (
              <Stack gap={4} data-testid="round-skipped">
                <Text size="sm" fw={600}>
                  {t('evaluationModels.round.skipped', { count: stage.result.skipped.length })}
                </Text>
                <List size="sm">
                  {stage.result.skipped
                    .filter((s) => names.has(s.customerId))
                    .map((s, i) => (
                      <List.Item key={i}>
                        {names.get(s.customerId)}：{ROUND_SKIP_TEXTS[s.reason][lang]}
                      </List.Item>
                    ))}
                  {/* Customers a filter chose that the list on screen does not show: counted by reason. */}
                  {ROUND_SKIP_REASONS.map((reason) => {
                    const count = stage.result.skipped.filter((s) => s.reason === reason && !names.has(s.customerId)).length;
                    return count === 0 ? null : (
                      <List.Item key={reason}>
                        {t('evaluationModels.round.others', { count })}：{ROUND_SKIP_TEXTS[reason][lang]}
                      </List.Item>
                    );
                  })}
                </List>
              </Stack>
            )}
            <Group justify="flex-end">
              <Button onClick={() => onClose(stage.result.created.length > 0)} data-testid="round-close">
                {t('evaluationModels.round.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
