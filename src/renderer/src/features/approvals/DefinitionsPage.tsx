import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  NavLink,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconEye, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApprovalDefinitionDto, assignee, definitionProblem, stepCondition, stepDefinition } from '../../../../shared/contract/approvals';
import { CONFIDENTIALITY_LEVELS } from '../../../../shared/domain/customers';
import { fenToYuanText, parseYuan } from '../../../../shared/domain/money';
import { DEFAULT_ROLES, DEPARTMENT_KINDS } from '../../../../shared/domain/permissions';
import { ApiError } from '../../api/errors';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { allowsAll } from '../../api/permissions';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';
import { MoneyInput } from '../../app/ui/inputs';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';
import { skipText } from './ChainTimeline';
import { byName, moment, useLocalized } from './format';

type Step = z.infer<typeof stepDefinition>;
type Assignee = z.infer<typeof assignee>;
type Condition = z.infer<typeof stepCondition>;
type Problem = z.infer<typeof definitionProblem>;

/** A new step's name is data kept in both languages, whichever the interface shows: the administrator renames it. */
const NEW_STEP_NAME = { 'zh-CN': '新环节', 'en-US': 'New step' } as const;

/** The chain definitions (审批流程), for the administrator: each chain's steps, edited and saved as a new version, with a preview. */
export function DefinitionsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string>('chains');
  return (
    <>
      <PageHeader title={t('approvals.definitions.title')} subtitle={t('approvals.definitions.subtitle')} />
      <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="chains">{t('approvals.definitions.chainsTab')}</Tabs.Tab>
          <Tabs.Tab value="heads" data-testid="tab-heads">
            {t('approvals.heads.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chains">
          <Chains />
        </Tabs.Panel>
        <Tabs.Panel value="heads">
          <DepartmentHeads />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Chains() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const list = useArchiveQuery('approvals.definitions.list', {});
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    if (!selected && list.data?.[0]) setSelected(list.data[0].id);
  }, [list.data, selected]);
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <EmptyBlock title={t('approvals.definitions.empty')} />;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Card withBorder radius="md" padding="xs" data-testid="definition-list">
          {list.data.map((definition) => (
            <NavLink
              key={definition.id}
              active={definition.id === selected}
              label={localized(definition.name)}
              description={t('approvals.definitions.summary', { version: definition.version, steps: definition.stepCount, open: definition.openChains })}
              onClick={() => setSelected(definition.id)}
              data-testid={`definition-${definition.id}`}
            />
          ))}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>{selected && <DefinitionEditor key={selected} id={selected} />}</Grid.Col>
    </Grid>
  );
}

function DefinitionEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const errorText = useErrorText();
  const loaded = useArchiveQuery('approvals.definitions.get', { id }, { staleTime: 0 });
  const save = useArchiveMutation('approvals.definitions.save', { invalidates: ['approvals.definitions.list', 'approvals.definitions.get'] });
  const [draft, setDraft] = useState<ApprovalDefinitionDto | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    if (loaded.data) {
      setDraft(structuredClone(loaded.data.definition));
      setProblems(loaded.data.problems);
    }
  }, [loaded.data]);
  if (loaded.isPending || (loaded.data && !draft)) return <LoadingState />;
  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!draft) return null;
  const changed = JSON.stringify(draft) !== JSON.stringify(loaded.data.definition);
  const setStep = (index: number, step: Step) => setDraft({ ...draft, steps: draft.steps.map((old, i) => (i === index ? step : old)) });
  const move = (index: number, by: number) => {
    const steps = [...draft.steps];
    const [step] = steps.splice(index, 1);
    steps.splice(index + by, 0, step!);
    setDraft({ ...draft, steps });
  };
  const addStep = () => {
    const used = new Set(draft.steps.map((step) => step.id));
    let n = draft.steps.length + 1;
    while (used.has(`step_${n}`)) n += 1;
    setDraft({
      ...draft,
      steps: [
        ...draft.steps,
        { id: `step_${n}`, name: { ...NEW_STEP_NAME }, who: [{ kind: 'authorDepartmentHead' }], how: { mode: 'any' }, deadlineWorkingDays: 3, opinionRequired: false, distinctPerson: true },
      ],
    });
  };
  const submit = async () => {
    try {
      const result = await save.mutateAsync({ definition: draft });
      setProblems(result.problems);
      notifications.show({ color: 'green', message: t('approvals.definitions.saved', { version: result.definition.version }) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION' && Array.isArray((error.details as { issues?: unknown })?.issues)) {
        const issues = (error.details as { issues: { path?: unknown[]; code?: string }[] }).issues;
        setProblems(
          issues.flatMap((issue) =>
            issue.code && issue.path?.[0] === 'steps' ? [{ problem: issue.code as Problem['problem'], stepId: draft.steps[Number(issue.path[1])]?.id ?? null }] : [],
          ),
        );
      }
      notifications.show({ color: 'red', message: errorText(error) });
    }
  };
  return (
    <Stack gap="md" data-testid="definition-editor">
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={3}>{localized(draft.name)}</Title>
            <Text size="sm" c="dimmed">
              {t('approvals.definitions.versionLine', { version: draft.version, kind: t(`approvalCodes.kind.${draft.kind}`) })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button variant="default" disabled={!changed} onClick={() => setDraft(structuredClone(loaded.data.definition))}>
              {t('approvals.definitions.discard')}
            </Button>
            <Button disabled={!changed} loading={save.isPending} onClick={() => void submit()} data-testid="save-definition">
              {t('approvals.definitions.saveVersion', { version: draft.version + 1 })}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('approvals.definitions.versionNote')}
        </Text>
        {problems.length > 0 && (
          <Alert color="red" variant="light" mt="sm" data-testid="definition-problems">
            <Stack gap={2}>
              {problems.map((problem, i) => (
                <Text key={i} size="sm">
                  {problem.stepId ? `${localized(draft.steps.find((step) => step.id === problem.stepId)?.name)}：` : ''}
                  {t(`approvalCodes.definitionProblem.${problem.problem}`)}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
      </Card>
      {draft.steps.map((step, index) => (
        <StepEditor
          key={index}
          index={index}
          step={step}
          count={draft.steps.length}
          onChange={(next) => setStep(index, next)}
          onMove={(by) => move(index, by)}
          onRemove={() => setDraft({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
        />
      ))}
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addStep} style={{ alignSelf: 'flex-start' }} disabled={draft.steps.length >= 30}>
        {t('approvals.definitions.addStep')}
      </Button>
      <Preview definition={draft} />
      <Versions versions={loaded.data.versions} />
    </Stack>
  );
}

function useRoleOptions(): { value: string; label: string }[] {
  const user = useCurrentUser();
  const labels = useLabels();
  const roles = useArchiveQuery('roles.list', {}, { enabled: allowsAll(user, ['roles.list']) });
  return useMemo(() => {
    const known = roles.data ?? DEFAULT_ROLES.map((role) => ({ code: role.code, name: role.name }));
    const all = [...known, ...[{ code: 'leadership', name: '公司领导' }].filter((extra) => !known.some((role) => role.code === extra.code))];
    return all.map((role) => ({ value: role.code, label: labels.role(role.name, role.code) }));
  }, [roles.data, labels]);
}

function StepEditor({ index, step, count, onChange, onMove, onRemove }: { index: number; step: Step; count: number; onChange: (step: Step) => void; onMove: (by: number) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  const colleagues = useArchiveQuery('approvals.colleagues', {});
  const departments = useArchiveQuery('departments.list', {});
  const labels = useLabels();
  const people = byName(colleagues.data ?? []).map((person) => ({ value: person.id, label: `${person.displayName}（${labels.department(person.departmentName)}）` }));
  const departmentOptions = (departments.data ?? []).map((department) => ({ value: department.code, label: labels.department(department.name, department.code) }));
  const setWho = (i: number, who: Assignee) => onChange({ ...step, who: step.who.map((old, j) => (j === i ? who : old)) });
  const conditions = step.when ?? [];
  const setConditions = (when: Condition[]) => {
    const next = { ...step };
    if (when.length === 0) delete next.when;
    else next.when = when;
    onChange(next);
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid={`step-editor-${index}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="filled" circle>
              {index + 1}
            </Badge>
            <Text size="xs" c="dimmed" ff="monospace">
              {step.id}
            </Text>
          </Group>
          <Group gap={4}>
            <ActionIcon variant="subtle" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('approvals.definitions.moveUp')}>
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('approvals.definitions.moveDown')}>
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" disabled={count === 1} onClick={onRemove} aria-label={t('approvals.definitions.removeStep')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <Group grow>
          <TextInput label={t('approvals.definitions.nameZh')} value={step.name['zh-CN']} onChange={(e) => onChange({ ...step, name: { ...step.name, 'zh-CN': e.currentTarget.value } })} maxLength={100} />
          <TextInput label={t('approvals.definitions.nameEn')} value={step.name['en-US']} onChange={(e) => onChange({ ...step, name: { ...step.name, 'en-US': e.currentTarget.value } })} maxLength={100} />
        </Group>
        <Text size="sm" fw={600}>
          {t('approvals.definitions.who')}
        </Text>
        {step.who.map((who, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <Select
              w={200}
              label={i === 0 ? t('approvals.definitions.assigneeKind') : undefined}
              data={(['role', 'user', 'authorDepartmentHead', 'departmentHead', 'leadership'] as const).map((kind) => ({ value: kind, label: t(`approvals.assignee.${kind}`) }))}
              value={who.kind}
              allowDeselect={false}
              onChange={(kind) => setWho(i, blankAssignee(kind as Assignee['kind'], roleOptions[0]?.value ?? 'dept_manager', people[0]?.value, departmentOptions[0]?.value ?? 'credit'))}
            />
            {who.kind === 'role' && (
              <>
                <Select style={{ flex: 1 }} data={roleOptions} value={who.role} allowDeselect={false} searchable onChange={(role) => role && setWho(i, { ...who, role })} aria-label={t('approvals.assignee.role')} />
                <Checkbox
                  mb={8}
                  label={t('approvals.definitions.sameDepartment')}
                  checked={who.sameDepartmentAsAuthor ?? false}
                  onChange={(e) => setWho(i, e.currentTarget.checked ? { ...who, sameDepartmentAsAuthor: true } : { kind: 'role', role: who.role })}
                />
              </>
            )}
            {who.kind === 'user' && <Select style={{ flex: 1 }} data={people} value={who.userId} searchable allowDeselect={false} onChange={(userId) => userId && setWho(i, { kind: 'user', userId })} aria-label={t('approvals.assignee.user')} />}
            {who.kind === 'departmentHead' && (
              <Select style={{ flex: 1 }} data={departmentOptions} value={who.departmentCode} allowDeselect={false} onChange={(code) => code && setWho(i, { kind: 'departmentHead', departmentCode: code })} aria-label={t('approvals.assignee.departmentHead')} />
            )}
            {(who.kind === 'authorDepartmentHead' || who.kind === 'leadership') && <Text size="sm" c="dimmed" style={{ flex: 1 }} mb={8}>{t(`approvals.assigneeHint.${who.kind}`)}</Text>}
            <ActionIcon variant="subtle" color="red" mb={4} disabled={step.who.length === 1} onClick={() => onChange({ ...step, who: step.who.filter((_, j) => j !== i) })} aria-label={t('approvals.definitions.removeAssignee')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...step, who: [...step.who, { kind: 'role', role: roleOptions[0]?.value ?? 'dept_manager' }] })}>
          {t('approvals.definitions.addAssignee')}
        </Button>
        <Group grow align="flex-start">
          <Select
            label={t('approvals.definitions.how')}
            data={(['sequential', 'any', 'all', 'quorum'] as const).map((mode) => ({ value: mode, label: t(`approvalCodes.stepMode.${mode}`) }))}
            value={step.how.mode}
            allowDeselect={false}
            onChange={(mode) => onChange({ ...step, how: mode === 'quorum' ? { mode, n: 2 } : { mode: mode as 'sequential' | 'any' | 'all' } })}
          />
          {step.how.mode === 'quorum' ? (
            <NumberInput label={t('approvals.definitions.quorumN')} min={1} max={100} value={step.how.n} onChange={(n) => onChange({ ...step, how: { mode: 'quorum', n: typeof n === 'number' ? n : 1 } })} />
          ) : (
            <div />
          )}
          <NumberInput
            label={t('approvals.definitions.deadline')}
            description={t('approvals.definitions.deadlineHint')}
            min={1}
            max={365}
            value={step.deadlineWorkingDays ?? ''}
            onChange={(days) => {
              const next = { ...step };
              if (typeof days === 'number' && days > 0) next.deadlineWorkingDays = days;
              else delete next.deadlineWorkingDays;
              onChange(next);
            }}
          />
        </Group>
        <Group>
          <Switch label={t('approvals.definitions.opinionRequired')} checked={step.opinionRequired} onChange={(e) => onChange({ ...step, opinionRequired: e.currentTarget.checked })} />
          <Switch label={t('approvals.definitions.distinctPerson')} checked={step.distinctPerson} onChange={(e) => onChange({ ...step, distinctPerson: e.currentTarget.checked })} />
        </Group>
        <Text size="sm" fw={600}>
          {t('approvals.definitions.when')}
        </Text>
        {conditions.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('approvals.definitions.always')}
          </Text>
        )}
        {conditions.map((condition, i) => (
          <ConditionEditor
            key={i}
            condition={condition}
            departmentOptions={departmentOptions}
            onChange={(next) => setConditions(conditions.map((old, j) => (j === i ? next : old)))}
            onRemove={() => setConditions(conditions.filter((_, j) => j !== i))}
          />
        ))}
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} disabled={conditions.length >= 10} onClick={() => setConditions([...conditions, { kind: 'amountAbove', fen: 0 }])}>
          {t('approvals.definitions.addCondition')}
        </Button>
      </Stack>
    </Card>
  );
}

function blankAssignee(kind: Assignee['kind'], role: string, userId: string | undefined, departmentCode: string): Assignee {
  switch (kind) {
    case 'role':
      return { kind, role };
    case 'user':
      return userId ? { kind, userId } : { kind: 'role', role };
    case 'departmentHead':
      return { kind, departmentCode };
    default:
      return { kind };
  }
}

function ConditionEditor({ condition, departmentOptions, onChange, onRemove }: { condition: Condition; departmentOptions: { value: string; label: string }[]; onChange: (c: Condition) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const [amount, setAmount] = useState(condition.kind === 'amountAbove' ? fenToYuanText(condition.fen) : '');
  const parsed = parseYuan(amount);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Select
        w={200}
        data={(['amountAbove', 'gradeIn', 'confidentialityIn', 'authorDepartmentKindIn', 'authorDepartmentIn'] as const).map((kind) => ({ value: kind, label: t(`approvalCodes.condition.${kind}`) }))}
        value={condition.kind}
        allowDeselect={false}
        onChange={(kind) => {
          if (kind === 'amountAbove') onChange({ kind, fen: 0 });
          if (kind === 'gradeIn') onChange({ kind, grades: ['A'] });
          if (kind === 'confidentialityIn') onChange({ kind, levels: ['confidential'] });
          if (kind === 'authorDepartmentKindIn') onChange({ kind, kinds: ['business'] });
          if (kind === 'authorDepartmentIn') onChange({ kind, departmentCodes: [departmentOptions[0]?.value ?? 'business'] });
          setAmount('0.00');
        }}
        aria-label={t('approvals.definitions.conditionKind')}
      />
      <div style={{ flex: 1 }}>
        {condition.kind === 'amountAbove' && (
          <MoneyInput
            value={amount}
            onChange={(e) => {
              setAmount(e.currentTarget.value);
              const value = parseYuan(e.currentTarget.value);
              if (value?.ok) onChange({ kind: 'amountAbove', fen: value.fen });
            }}
            error={parsed && !parsed.ok ? t(`creditLimits.form.moneyProblem.${parsed.problem}`) : undefined}
            description={vocabulary.money(condition.fen)}
            aria-label={t('approvalCodes.condition.amountAbove')}
          />
        )}
        {condition.kind === 'gradeIn' && (
          <MultiSelect data={['AAA', 'AA', 'A', 'B', 'C', 'D']} value={[...condition.grades]} onChange={(grades) => grades.length && onChange({ kind: 'gradeIn', grades })} aria-label={t('approvalCodes.condition.gradeIn')} />
        )}
        {condition.kind === 'confidentialityIn' && (
          <MultiSelect
            data={CONFIDENTIALITY_LEVELS.map((level) => ({ value: level, label: vocabulary.label('confidentiality', level) }))}
            value={[...condition.levels]}
            onChange={(levels) => levels.length && onChange({ kind: 'confidentialityIn', levels: levels as typeof condition.levels })}
            aria-label={t('approvalCodes.condition.confidentialityIn')}
          />
        )}
        {condition.kind === 'authorDepartmentKindIn' && (
          <MultiSelect
            data={DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: t(`approvals.departmentKind.${kind}`) }))}
            value={[...condition.kinds]}
            onChange={(kinds) => kinds.length && onChange({ kind: 'authorDepartmentKindIn', kinds: kinds as typeof condition.kinds })}
            aria-label={t('approvalCodes.condition.authorDepartmentKindIn')}
          />
        )}
        {condition.kind === 'authorDepartmentIn' && (
          <MultiSelect data={departmentOptions} value={[...condition.departmentCodes]} onChange={(codes) => codes.length && onChange({ kind: 'authorDepartmentIn', departmentCodes: codes })} aria-label={t('approvalCodes.condition.authorDepartmentIn')} />
        )}
      </div>
      <ActionIcon variant="subtle" color="red" mt={6} onClick={onRemove} aria-label={t('approvals.definitions.removeCondition')}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** "For this form, these people, in this order." */
function Preview({ definition }: { definition: ApprovalDefinitionDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const vocabulary = useVocabulary();
  const labels = useLabels();
  const errorText = useErrorText();
  const colleagues = useArchiveQuery('approvals.colleagues', {});
  const [authorId, setAuthorId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [grade, setGrade] = useState<string | null>(null);
  const [confidentiality, setConfidentiality] = useState<string | null>(null);
  const preview = useArchiveMutation('approvals.definitions.preview');
  const parsed = parseYuan(amount);
  const run = () => {
    if (!authorId || (parsed && !parsed.ok)) return;
    preview.mutate({
      definition,
      authorId,
      facts: {
        ...(parsed?.ok ? { amountFen: parsed.fen } : {}),
        ...(grade ? { grade } : {}),
        ...(confidentiality ? { confidentiality: confidentiality as (typeof CONFIDENTIALITY_LEVELS)[number] } : {}),
      },
    });
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="definition-preview">
      <Title order={4} mb={4}>
        {t('approvals.preview.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('approvals.preview.intro')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          w={240}
          label={t('approvals.preview.author')}
          data={byName(colleagues.data ?? []).map((person) => ({ value: person.id, label: `${person.displayName}（${labels.department(person.departmentName)}）` }))}
          value={authorId}
          onChange={setAuthorId}
          searchable
          data-testid="preview-author"
        />
        <MoneyInput w={180} label={t('approvals.preview.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={parsed && !parsed.ok ? t(`creditLimits.form.moneyProblem.${parsed.problem}`) : undefined} data-testid="preview-amount" />
        <Select w={120} label={t('approvals.preview.grade')} data={['AAA', 'AA', 'A', 'B', 'C', 'D']} value={grade} onChange={setGrade} clearable />
        <Select w={150} label={t('approvals.preview.confidentiality')} data={CONFIDENTIALITY_LEVELS.map((level) => ({ value: level, label: vocabulary.label('confidentiality', level) }))} value={confidentiality} onChange={setConfidentiality} clearable />
        <Button leftSection={<IconEye size={16} />} disabled={!authorId} loading={preview.isPending} onClick={run} data-testid="run-preview">
          {t('approvals.preview.run')}
        </Button>
      </Group>
      {preview.isError && (
        <Alert color="red" variant="light" mt="md">
          {errorText(preview.error)}
        </Alert>
      )}
      {preview.data && (
        <Table mt="md" data-testid="preview-result" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('approvals.preview.step')}</Table.Th>
              <Table.Th>{t('approvals.definitions.how')}</Table.Th>
              <Table.Th>{t('approvals.preview.people')}</Table.Th>
              <Table.Th>{t('approvals.definitions.deadline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.data.steps.map((step, i) => (
              <Table.Tr key={step.stepId} c={step.skipped ? 'dimmed' : undefined}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td td={step.skipped ? 'line-through' : undefined}>{localized(step.name)}</Table.Td>
                <Table.Td>{step.how.mode === 'quorum' ? t('approvals.timeline.quorum', { n: step.how.n, m: step.candidates.length }) : t(`approvalCodes.stepMode.${step.how.mode}`)}</Table.Td>
                <Table.Td>
                  {step.skipped ? (
                    <Text size="sm" c="dimmed">
                      {skipText(t, vocabulary, step.skipped)}
                    </Text>
                  ) : (
                    <Stack gap={2}>
                      <Text size="sm">{step.candidates.map((person) => person.displayName).join(t('app.listSeparator')) || '—'}</Text>
                      {step.escalation && (
                        <Text size="xs" c="orange.8">
                          {t(`approvalCodes.escalation.${step.escalation.reason}`)}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>{step.deadlineWorkingDays ? t('approvals.definitions.workingDays', { count: step.deadlineWorkingDays }) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview.data && preview.data.problems.length > 0 && (
        <Alert color="red" variant="light" mt="sm">
          {preview.data.problems.map((problem) => t(`approvalCodes.definitionProblem.${problem.problem}`)).join(t('app.fieldSeparator'))}
        </Alert>
      )}
    </Card>
  );
}

function Versions({ versions }: { versions: readonly { version: number; savedAt: string; savedBy: { displayName: string } | null; chains: number }[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={5} mb="sm">
        {t('approvals.definitions.versions')}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {[...versions].reverse().map((version) => (
            <Table.Tr key={version.version}>
              <Table.Td>{t('approvals.timeline.version', { version: version.version })}</Table.Td>
              <Table.Td>{moment(version.savedAt)}</Table.Td>
              <Table.Td>{version.savedBy?.displayName ?? t('approvals.definitions.shipped')}</Table.Td>
              <Table.Td>{t('approvals.definitions.chainsOfVersion', { count: version.chains })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** 部门负责人: whom "the head of the author's department" steps name. */
function DepartmentHeads() {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const heads = useArchiveQuery('approvals.departmentHeads.list', {});
  const colleagues = useArchiveQuery('approvals.colleagues', {});
  const set = useArchiveMutation('approvals.departmentHeads.set', { invalidates: ['approvals.departmentHeads.list'] });
  if (heads.isPending || colleagues.isPending) return <LoadingState />;
  if (heads.isError) return <ErrorState error={heads.error} onRetry={() => void heads.refetch()} />;
  if (colleagues.isError) return <ErrorState error={colleagues.error} onRetry={() => void colleagues.refetch()} />;
  if (heads.data.length === 0) return <EmptyBlock title={t('approvals.heads.empty')} />;
  return (
    <Card withBorder radius="md" padding="lg">
      <Text size="sm" c="dimmed" mb="md">
        {t('approvals.heads.intro')}
      </Text>
      <Table verticalSpacing="sm" data-testid="department-heads">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('approvals.heads.department')}</Table.Th>
            <Table.Th>{t('approvals.heads.head')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {heads.data.map((row) => (
            <Table.Tr key={row.departmentId}>
              <Table.Td>{labels.department(row.name, row.code)}</Table.Td>
              <Table.Td>
                  <Select
                    w={280}
                    placeholder={t('approvals.heads.none')}
                    clearable
                    searchable
                    data={byName(colleagues.data).map((person) => ({ value: person.id, label: `${person.displayName}（${labels.department(person.departmentName)}）` }))}
                    value={row.head?.id ?? null}
                    onChange={(headUserId) =>
                      set.mutate(
                        { departmentId: row.departmentId, headUserId },
                        { onError: (error) => notifications.show({ color: 'red', message: errorText(error) }), onSuccess: () => notifications.show({ color: 'green', message: t('app.saved') }) },
                      )
                    }
                    aria-label={t('approvals.heads.head')}
                  />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
