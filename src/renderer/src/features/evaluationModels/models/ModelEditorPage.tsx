import { ActionIcon, Alert, Badge, Button, Card, Grid, Group, List, MultiSelect, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconDeviceFloppy, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Output } from '../../../../../shared/contract';
import {
  FIVE_C_POLICIES,
  FIVE_C_SCALES,
  MEASURES,
  MEASURE_TEXTS,
  MODEL_PROBLEM_TEXTS,
  itemMax,
  validateModel,
  type ComputedItem,
  type GradePolicy,
  type Lang,
  type ModelContent,
  type ModelProblem,
  type ModelProblemCode,
  type RatedItem,
  type ScoringItem,
  type ScoringModel,
  type Text as BiText,
} from '../../../../../shared/domain/scoring';
import { useArchiveMutation, useArchiveQuery } from '../../../api/hooks';
import { useErrorText } from '../../../app/errors';
import { PageHeader } from '../../../app/ui/PageHeader';
import { ErrorState, LoadingState } from '../../../app/ui/States';
import { LabelInput, LimitRuleInput, numberOf, shown } from './fields';
import { gradeName, useLang } from './format';
import { PreviewPanel } from './PreviewPanel';

type Summary = Output<'evaluations.models'>[number];

const SCALE_PROBLEMS: readonly ModelProblemCode[] = [
  'no_grades',
  'duplicate_grade',
  'grade_without_band',
  'band_of_unknown_grade',
  'grade_band_bound_invalid',
  'grade_bands_overlap',
  'grade_bands_gap',
  'grade_bands_not_covering',
  'grade_bands_out_of_order',
];
const POLICY_PROBLEMS: readonly ModelProblemCode[] = [
  'policy_missing',
  'policy_of_unknown_grade',
  'limit_invalid',
  'term_invalid',
  'start_above_regular',
  'unknown_measure',
  'review_cycle_invalid',
  'review_cycle_longer_for_worse_grade',
];

function contentOf(model: ScoringModel): ModelContent {
  const { id: _id, version: _version, status: _status, ...content } = structuredClone(model);
  return content;
}

/** The model editor (credit manager): the draft if there is one, else the published version, which saving turns into a new draft. */
export function ModelEditorPage() {
  const { t } = useTranslation();
  const { modelId = '' } = useParams();
  const models = useArchiveQuery('evaluations.models', {}, { staleTime: 0 });
  const summary = models.data?.find((m) => m.id === modelId);
  const version = summary ? (summary.draft ?? summary.published ?? summary.versions.at(-1)?.version ?? null) : null;
  const model = useArchiveQuery('evaluations.model', { modelId, version: version ?? 1 }, { enabled: version !== null, staleTime: 0 });
  if (models.isPending || (version !== null && model.isPending)) return <LoadingState />;
  if (models.isError) return <ErrorState error={models.error} onRetry={() => void models.refetch()} />;
  if (!summary || version === null) return <ErrorState error={new Error('not found')} />;
  if (model.isError) return <ErrorState error={model.error} onRetry={() => void model.refetch()} />;
  if (!model.data) return <LoadingState label={t('app.loading')} />;
  return <Editor key={`${modelId}@${model.data.version}@${model.data.status}`} summary={summary} model={model.data} />;
}

function Editor({ summary, model }: { summary: Summary; model: ScoringModel }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [content, setContent] = useState<ModelContent>(() => contentOf(model));
  const baseline = useMemo(() => JSON.stringify(contentOf(model)), [model]);
  const dirty = JSON.stringify(content) !== baseline;
  const problems = useMemo(() => validateModel(content), [content]);
  const save = useArchiveMutation('evaluations.saveModelDraft', { invalidates: ['evaluations.models', 'evaluations.model'] });
  const publish = useArchiveMutation('evaluations.publishModel', { invalidates: ['evaluations.models', 'evaluations.model', 'evaluations.crosswalk'] });
  const isDraft = model.status === 'draft';
  const nextVersion = Math.max(...summary.versions.map((v) => v.version)) + 1;

  const itemCodes = new Set(content.items.map((i) => i.code));
  const gradeCodes = new Set(content.scale.grades.map((g) => g.code));
  const problemsAt = (filter: (p: ModelProblem) => boolean) => problems.filter(filter);
  const ofItem = (code: string) => problemsAt((p) => p.at === code || (p.at?.startsWith(`${code}.`) ?? false));
  const ofScale = problemsAt((p) => SCALE_PROBLEMS.includes(p.code) || (p.code === 'label_missing' && p.at !== null && gradeCodes.has(p.at) && !itemCodes.has(p.at)));
  const ofPolicy = (grade: string) => problemsAt((p) => POLICY_PROBLEMS.includes(p.code) && p.at === grade);

  const where = (p: ModelProblem): string => {
    if (p.at === null) return t('evaluationModels.editor.modelProblem');
    const [itemCode, option] = p.at.split('.');
    const item = content.items.find((i) => i.code === itemCode);
    if (item) return option ? `${item.label[lang]} · ${option}` : item.label[lang];
    const grade = content.scale.grades.find((g) => g.code === p.at);
    return grade ? gradeName(grade, lang) : p.at;
  };

  const setItem = (index: number, item: ScoringItem) => setContent((c) => ({ ...c, items: c.items.map((x, i) => (i === index ? item : x)) }));
  const setPolicy = (grade: string, policy: GradePolicy) => setContent((c) => ({ ...c, policies: { ...c.policies, [grade]: policy } }));

  const onSave = () =>
    save.mutate(
      { modelId: model.id, content },
      {
        onSuccess: (saved) => notifications.show({ color: 'green', message: t('evaluationModels.editor.saved', { version: saved.version }) }),
      },
    );
  const onPublish = () =>
    modals.openConfirmModal({
      title: t('evaluationModels.editor.publish', { version: model.version }),
      children: <Text size="sm">{t('evaluationModels.editor.publishConfirm', { version: model.version })}</Text>,
      labels: { confirm: t('evaluationModels.editor.publish', { version: model.version }), cancel: t('app.cancel') },
      confirmProps: { 'data-testid': 'confirm-publish' } as Record<string, string>,
      onConfirm: () =>
        publish.mutate(
          { modelId: model.id, version: model.version },
          { onSuccess: (done) => notifications.show({ color: 'green', message: t('evaluationModels.editor.published', { version: done.version }) }) },
        ),
    });

  return (
    <>
      <PageHeader
        title={content.name[lang]}
        subtitle={isDraft ? t('evaluationModels.editor.editing', { version: model.version }) : t('evaluationModels.editor.editingPublished', { version: model.version, next: nextVersion })}
        actions={
          <>
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/scoring-models')}>
              {t('evaluationModels.editor.back')}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty || problems.length > 0} loading={save.isPending} onClick={onSave} data-testid="save-draft">
              {t('evaluationModels.editor.saveDraft')}
            </Button>
            {isDraft && (
              <Button color="green" leftSection={<IconSend size={16} />} disabled={dirty || problems.length > 0} loading={publish.isPending} onClick={onPublish} data-testid="publish-model">
                {t('evaluationModels.editor.publish', { version: model.version })}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Group gap="xs">
          <Badge tt="none" variant="light" color={isDraft ? 'orange' : 'green'} data-testid="editor-version">
            {isDraft ? t('evaluationModels.models.draft', { version: model.version }) : t('evaluationModels.models.published', { version: model.version })}
          </Badge>
          {dirty && (
            <Badge tt="none" variant="light" color="yellow" data-testid="unsaved">
              {t('evaluationModels.editor.unsaved')}
            </Badge>
          )}
          {problems.length === 0 && (
            <Badge tt="none" variant="light" color="teal" leftSection={<IconCircleCheck size={12} />}>
              {t('evaluationModels.editor.noProblems')}
            </Badge>
          )}
        </Group>
        {problems.length > 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('evaluationModels.editor.problems', { count: problems.length })} data-testid="model-problems">
            <List size="sm">
              {problems.map((p, i) => (
                <List.Item key={i}>
                  {where(p)}：{MODEL_PROBLEM_TEXTS[p.code][lang]}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {(save.isError || publish.isError) && (
          <Alert color="red" variant="light" title={t('app.errorTitle')}>
            {errorText(save.error ?? publish.error)}
          </Alert>
        )}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 8 }}>
            <Stack gap="lg">
              <Section title={t('evaluationModels.editor.items')} hint={t('evaluationModels.editor.itemsHint')}>
                <Stack gap="md">
                  {content.items.map((item, index) => (
                    <ItemCard key={item.code} item={item} groups={content.groups} problems={ofItem(item.code)} onChange={(next) => setItem(index, next)} />
                  ))}
                </Stack>
              </Section>
              <ScaleSection
                content={content}
                problems={ofScale}
                onChange={(scale) => setContent((c) => ({ ...c, scale }))}
                onSwitch={(code) => setContent((c) => ({ ...c, scale: structuredClone(FIVE_C_SCALES[code]), policies: structuredClone(FIVE_C_POLICIES[code]) }))}
              />
              <Section title={t('evaluationModels.editor.policies')} hint={t('evaluationModels.editor.policiesHint')}>
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                  {content.scale.grades.map((grade) => {
                    const policy = content.policies[grade.code];
                    return policy ? (
                      <PolicyCard key={grade.code} title={gradeName(grade, lang)} grade={grade.code} policy={policy} problems={ofPolicy(grade.code)} onChange={(p) => setPolicy(grade.code, p)} />
                    ) : null;
                  })}
                </SimpleGrid>
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 4 }}>
            <div style={{ position: 'sticky', top: 80 }}>
              <PreviewPanel modelId={model.id} version={model.version} ready={isDraft && !dirty} />
            </div>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap={4} mb="md">
        <Title order={4}>{title}</Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
      {children}
    </Card>
  );
}

/** The problems of one part of the model, each said once, with the option or grade it is about when there is one. */
function ProblemLines({ problems, where }: { problems: ModelProblem[]; where?: (p: ModelProblem) => string | null }) {
  const lang = useLang();
  if (problems.length === 0) return null;
  const lines = [...new Set(problems.map((p) => [where?.(p), MODEL_PROBLEM_TEXTS[p.code][lang]].filter(Boolean).join('：')))];
  return (
    <Stack gap={2} data-testid="inline-problems">
      {lines.map((line) => (
        <Group key={line} gap={6} wrap="nowrap">
          <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} />
          <Text size="sm" c="red">
            {line}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

const relabel = (text: BiText, lang: Lang, value: string): BiText => ({ ...text, [lang]: value });

function ItemCard({ item, groups, problems, onChange }: { item: ScoringItem; groups: Record<string, BiText>; problems: ModelProblem[]; onChange: (item: ScoringItem) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder radius="sm" padding="md" bg={problems.length > 0 ? 'var(--mantine-color-red-0)' : undefined} data-testid="model-item" data-item={item.code}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Group gap="xs" align="center">
            <Text fw={600}>{item.label[lang]}</Text>
            <Badge tt="none" size="sm" variant="light" color={item.kind === 'rated' ? 'blue' : 'grape'}>
              {item.kind === 'rated' ? t('evaluationModels.editor.rated') : t('evaluationModels.editor.computed')}
            </Badge>
            {item.group !== null && (
              <Badge tt="none" size="sm" variant="outline" color="gray">
                {groups[item.group]?.[lang] ?? item.group}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('evaluationModels.editor.max', { max: itemMax(item) })}
            </Text>
          </Group>
          <NumberInput
            size="xs"
            w={110}
            label={t('evaluationModels.editor.weight')}
            value={shown(item.weight)}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            onChange={(v) => onChange({ ...item, weight: numberOf(v) })}
            data-testid="item-weight"
          />
        </Group>
        {item.kind === 'rated' ? <RatedOptions item={item} onChange={onChange} /> : <ValueBands item={item} onChange={onChange} />}
        <ProblemLines problems={problems} where={(p) => p.at?.split('.')[1] ?? null} />
      </Stack>
    </Card>
  );
}

function RatedOptions({ item, onChange }: { item: RatedItem; onChange: (item: ScoringItem) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const setOption = (k: number, patch: Partial<RatedItem['options'][number]>) => onChange({ ...item, options: item.options.map((o, i) => (i === k ? { ...o, ...patch } : o)) });
  return (
    <Table verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t('evaluationModels.editor.optionCode')}</Table.Th>
          <Table.Th>{t('evaluationModels.editor.optionLabel')}</Table.Th>
          <Table.Th w={110}>{t('evaluationModels.editor.points')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {item.options.map((o, k) => (
          <Table.Tr key={o.code} data-testid="item-option" data-option={o.code}>
            <Table.Td ff="monospace" fw={600}>
              {o.code}
            </Table.Td>
            <Table.Td>
              <LabelInput value={o.label[lang]} label={t('evaluationModels.editor.optionLabel')} onChange={(v) => setOption(k, { label: relabel(o.label, lang, v) })} />
            </Table.Td>
            <Table.Td>
              <NumberInput
                size="xs"
                value={shown(o.points)}
                min={0}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                aria-label={`${item.label[lang]} ${o.code} ${t('evaluationModels.editor.points')}`}
                onChange={(v) => setOption(k, { points: numberOf(v) })}
                data-testid="option-points"
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ValueBands({ item, onChange }: { item: ComputedItem; onChange: (item: ScoringItem) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  // Money bands are kept in fen and typed in yuan.
  const factor = item.unit === 'fen' ? 100 : 1;
  const bound = (v: number | string): number | null => (v === '' ? null : Math.round(Number(v) * factor * 10_000) / 10_000);
  const setBand = (k: number, patch: Partial<ComputedItem['bands'][number]>) => onChange({ ...item, bands: item.bands.map((b, i) => (i === k ? { ...b, ...patch } : b)) });
  const unitSuffix = item.unit === 'percent' ? '%' : item.unit === 'fen' ? ' 元' : '';
  return (
    <Stack gap={4}>
      <ScrollArea type="auto">
        <Table verticalSpacing={4} fz="sm" miw={620}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>{t('evaluationModels.editor.bandFrom')}</Table.Th>
              <Table.Th w={140}>{t('evaluationModels.editor.bandTo')}</Table.Th>
              <Table.Th>{t('evaluationModels.editor.bandLabel')}</Table.Th>
              <Table.Th w={100}>{t('evaluationModels.editor.points')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.bands.map((b, k) => (
              <Table.Tr key={k} data-testid="item-band">
                <Table.Td>
                  <NumberInput size="xs" value={b.from === null ? '' : b.from / factor} placeholder={t('evaluationModels.editor.unbounded')} suffix={unitSuffix} thousandSeparator="," onChange={(v) => setBand(k, { from: bound(v) })} aria-label={t('evaluationModels.editor.bandFrom')} />
                </Table.Td>
                <Table.Td>
                  <NumberInput size="xs" value={b.to === null ? '' : b.to / factor} placeholder={t('evaluationModels.editor.unbounded')} suffix={unitSuffix} thousandSeparator="," onChange={(v) => setBand(k, { to: bound(v) })} aria-label={t('evaluationModels.editor.bandTo')} />
                </Table.Td>
                <Table.Td>
                  <LabelInput value={b.label[lang]} label={t('evaluationModels.editor.bandLabel')} onChange={(v) => setBand(k, { label: relabel(b.label, lang, v) })} />
                </Table.Td>
                <Table.Td>
                  <NumberInput size="xs" value={shown(b.points)} min={0} max={1000} allowDecimal={false} allowNegative={false} onChange={(v) => setBand(k, { points: numberOf(v) })} aria-label={t('evaluationModels.editor.points')} />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('evaluationModels.editor.removeBand')}>
                    <ActionIcon variant="subtle" color="red" disabled={item.bands.length <= 1} onClick={() => onChange({ ...item, bands: item.bands.filter((_, i) => i !== k) })} aria-label={t('evaluationModels.editor.removeBand')}>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          disabled={item.bands.length >= 20}
          onClick={() => onChange({ ...item, bands: [...item.bands, { from: null, to: null, points: 0, label: { 'zh-CN': '新区间', 'en-US': 'New band' } }] })}
        >
          {t('evaluationModels.editor.addBand')}
        </Button>
      </Group>
    </Stack>
  );
}

type FiveCScale = keyof typeof FIVE_C_SCALES;

function ScaleSection({
  content,
  problems,
  onChange,
  onSwitch,
}: {
  content: ModelContent;
  problems: ModelProblem[];
  onChange: (scale: ModelContent['scale']) => void;
  /** The 5C model takes one of seed 004's scales, each with its policies. */
  onSwitch: (scale: FiveCScale) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const scale = content.scale;
  const bandOf = (grade: string) => scale.bands.find((b) => b.grade === grade);
  const setBand = (grade: string, patch: { from?: number; to?: number }) => onChange({ ...scale, bands: scale.bands.map((b) => (b.grade === grade ? { ...b, ...patch } : b)) });
  const setGrade = (k: number, patch: Partial<ModelContent['scale']['grades'][number]>) => onChange({ ...scale, grades: scale.grades.map((g, i) => (i === k ? { ...g, ...patch } : g)) });
  const troubled = new Set(problems.map((p) => p.at));
  return (
    <Section title={`${t('evaluationModels.editor.scale')} · ${scale.label[lang]}`} hint={t('evaluationModels.editor.scaleHint')}>
      <Stack gap="sm">
        {content.kind === 'five_c' && (
          <Select
            size="xs"
            w={320}
            label={t('evaluationModels.editor.fiveCScale')}
            description={t('evaluationModels.editor.fiveCScaleHint')}
            data={(Object.keys(FIVE_C_SCALES) as FiveCScale[]).map((code) => ({ value: code, label: `${FIVE_C_SCALES[code].label[lang]}：${FIVE_C_SCALES[code].grades.map((g) => g.code).join(' / ')}` }))}
            value={scale.code in FIVE_C_SCALES ? scale.code : null}
            allowDeselect={false}
            onChange={(code) => code && code !== scale.code && onSwitch(code as FiveCScale)}
            data-testid="five-c-scale"
          />
        )}
        <Table verticalSpacing={4} fz="sm" data-testid="grade-bands">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('evaluationModels.editor.grade')}</Table.Th>
              <Table.Th w={140}>{t('evaluationModels.editor.gradeLabel')}</Table.Th>
              <Table.Th>{t('evaluationModels.editor.gradeMeaning')}</Table.Th>
              <Table.Th w={110}>{t('evaluationModels.editor.from')}</Table.Th>
              <Table.Th w={110}>{t('evaluationModels.editor.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scale.grades.map((g, k) => {
              const band = bandOf(g.code);
              return (
                <Table.Tr key={g.code} bg={troubled.has(g.code) ? 'var(--mantine-color-red-0)' : undefined} data-testid="grade-band" data-grade={g.code}>
                  <Table.Td ff="monospace" fw={600}>
                    {g.code}
                  </Table.Td>
                  <Table.Td>
                    <LabelInput value={g.label[lang]} label={t('evaluationModels.editor.gradeLabel')} onChange={(v) => setGrade(k, { label: relabel(g.label, lang, v) })} />
                  </Table.Td>
                  <Table.Td>
                    <LabelInput value={g.meaning[lang]} label={t('evaluationModels.editor.gradeMeaning')} onChange={(v) => setGrade(k, { meaning: relabel(g.meaning, lang, v) })} />
                  </Table.Td>
                  <Table.Td>
                    {band && (
                      <NumberInput size="xs" value={shown(band.from)} allowDecimal={false} onChange={(v) => setBand(g.code, { from: numberOf(v) })} aria-label={`${g.code} ${t('evaluationModels.editor.from')}`} data-testid="band-from" />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {band && <NumberInput size="xs" value={shown(band.to)} allowDecimal={false} onChange={(v) => setBand(g.code, { to: numberOf(v) })} aria-label={`${g.code} ${t('evaluationModels.editor.to')}`} data-testid="band-to" />}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <ProblemLines
          problems={problems}
          where={(p) => {
            const grade = scale.grades.find((g) => g.code === p.at);
            return grade ? gradeName(grade, lang) : null;
          }}
        />
      </Stack>
    </Section>
  );
}

function PolicyCard({ title, grade, policy, problems, onChange }: { title: string; grade: string; policy: GradePolicy; problems: ModelProblem[]; onChange: (policy: GradePolicy) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const measures = MEASURES.map((m) => ({ value: m, label: MEASURE_TEXTS[m][lang] }));
  return (
    <Card withBorder radius="sm" padding="md" bg={problems.length > 0 ? 'var(--mantine-color-red-0)' : undefined} data-testid="grade-policy" data-grade={grade}>
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        <Group align="flex-start" gap="md" wrap="wrap">
          <LimitRuleInput label={t('evaluationModels.editor.limit')} rule={policy.limit} onChange={(limit) => onChange({ ...policy, limit })} />
          <NumberInput size="xs" w={130} label={t('evaluationModels.editor.term')} value={shown(policy.termDays)} min={0} max={365} allowDecimal={false} allowNegative={false} onChange={(v) => onChange({ ...policy, termDays: numberOf(v) })} data-testid="policy-term" />
          <NumberInput
            size="xs"
            w={130}
            label={t('evaluationModels.editor.reviewCycle')}
            value={shown(policy.reviewCycleMonths)}
            min={1}
            max={12}
            allowDecimal={false}
            allowNegative={false}
            onChange={(v) => onChange({ ...policy, reviewCycleMonths: numberOf(v) })}
            data-testid="policy-cycle"
          />
        </Group>
        <Text size="xs" fw={600} c="dimmed">
          {t('evaluationModels.editor.start')}
        </Text>
        <Group align="flex-start" gap="md" wrap="wrap">
          <LimitRuleInput label={t('evaluationModels.editor.limit')} rule={policy.start.limit} onChange={(limit) => onChange({ ...policy, start: { ...policy.start, limit } })} />
          <NumberInput
            size="xs"
            w={130}
            label={t('evaluationModels.editor.startTerm')}
            value={shown(policy.start.termDays)}
            min={0}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            onChange={(v) => onChange({ ...policy, start: { ...policy.start, termDays: numberOf(v) } })}
          />
        </Group>
        <MultiSelect
          size="xs"
          label={t('evaluationModels.editor.measures')}
          data={measures}
          value={policy.measures}
          onChange={(values) => onChange({ ...policy, measures: values as GradePolicy['measures'] })}
          maxDropdownHeight={260}
          comboboxProps={{ width: 420, position: 'bottom-start' }}
        />
        <ProblemLines problems={problems} />
      </Stack>
    </Card>
  );
}
