import { Badge, Card, Group, Stack, Text, ThemeIcon, Timeline, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForward,
  IconCheck,
  IconClockHour4,
  IconPlayerSkipForward,
  IconSend,
  IconShieldUp,
  IconX,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainDetail } from '../../../../shared/contract/approvals';
import { useArchiveQuery } from '../../api/hooks';
import { useVocabulary, type Vocabulary } from '../../app/vocabulary';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { moment, useLocalized } from './format';

type TimelineDto = ChainDetail['timeline'];
type StepDto = TimelineDto['steps'][number];
type DecisionDto = StepDto['decisions'][number];
type SkipDto = NonNullable<StepDto['skipped']>;

const STEP_COLOR: Record<StepDto['status'], string> = { waiting: 'gray', active: 'blue', approved: 'green', rejected: 'red', skipped: 'gray' };
const DECISION_COLOR: Record<DecisionDto['kind'], string> = { approve: 'green', reject: 'red', return: 'orange', transfer: 'grape' };

/** The people a chain names, by id; an unknown id is shown as it is. */
function namer(detail: ChainDetail): (id: string) => string {
  const names = new Map(detail.people.map((person) => [person.id, person.displayName]));
  return (id) => names.get(id) ?? id;
}

/** "王五 代 张三" for a decision by a delegate, the name alone otherwise. */
export function deciderText(t: TFunction, name: (id: string) => string, decision: Pick<DecisionDto, 'actorId' | 'principalId' | 'delegated'>): string {
  return decision.delegated ? t('approvals.timeline.onBehalf', { actor: name(decision.actorId), principal: name(decision.principalId) }) : name(decision.actorId);
}

/** Why a step was skipped: its condition, and what the form said. */
export function skipText(t: TFunction, vocabulary: Vocabulary, skip: SkipDto): string {
  const condition = skip.condition;
  const label = t(`approvalCodes.condition.${condition.kind}`);
  const expected =
    condition.kind === 'amountAbove'
      ? vocabulary.money(condition.fen)
      : condition.kind === 'gradeIn'
        ? condition.grades.join(t('app.listSeparator'))
        : condition.kind === 'confidentialityIn'
          ? condition.levels.map((level) => vocabulary.label('confidentiality', level)).join(t('app.listSeparator'))
          : condition.kind === 'authorDepartmentKindIn'
            ? condition.kinds.map((kind) => t(`approvals.departmentKind.${kind}`)).join(t('app.listSeparator'))
            : condition.departmentCodes.join(t('app.listSeparator'));
  const actual =
    skip.actual === null ? t('approvals.timeline.notGiven') : condition.kind === 'amountAbove' && typeof skip.actual === 'number' ? vocabulary.money(skip.actual) : String(skip.actual);
  return t('approvals.timeline.skippedBecause', { condition: `${label} ${expected}`, actual });
}

/** The chain of a form, step by step: who may decide, how, by when, and every decision, voided ones struck through. */
export function ChainTimeline({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const name = namer(detail);
  const timeline = detail.timeline;
  const active = timeline.steps.findIndex((step) => step.stepId === timeline.currentStepId);
  const stepName = (id: string) => localized(timeline.steps.find((step) => step.stepId === id)?.name);
  const done = timeline.steps.filter((step) => step.status === 'approved' || step.status === 'skipped' || step.status === 'rejected').length;

  return (
    <Stack gap="md" data-testid="chain-timeline">
      <Group gap="xs">
        <Text fw={600}>{localized(timeline.name)}</Text>
        <Badge variant="light" color="gray">
          {t('approvals.timeline.version', { version: timeline.definitionVersion })}
        </Badge>
        <StatusBadge status={timeline.status} />
      </Group>
      <Submissions detail={detail} />
      <Timeline active={active >= 0 ? active : done - 1} bulletSize={28} lineWidth={2}>
        {timeline.steps.map((step) => (
          <Timeline.Item
            key={step.stepId}
            bullet={<StepBullet step={step} />}
            color={STEP_COLOR[step.status]}
            title={
              <Group gap="xs" wrap="wrap">
                <Text fw={600} td={step.status === 'skipped' ? 'line-through' : undefined} c={step.status === 'skipped' ? 'dimmed' : undefined}>
                  {localized(step.name)}
                </Text>
                <Badge size="sm" variant="light" color={STEP_COLOR[step.status]} data-testid={`step-status-${step.stepId}`}>
                  {t(`approvalCodes.stepStatus.${step.status}`)}
                </Badge>
                <Badge size="sm" variant="outline" color="gray">
                  {step.how.mode === 'quorum' ? t('approvals.timeline.quorum', { n: step.how.n, m: step.seats.length }) : t(`approvalCodes.stepMode.${step.how.mode}`)}
                </Badge>
                {step.opinionRequired && (
                  <Badge size="sm" variant="outline" color="gray">
                    {t('approvals.timeline.opinionRequired')}
                  </Badge>
                )}
              </Group>
            }
            data-testid={`timeline-step-${step.stepId}`}
          >
            <StepBody step={step} name={name} stepName={stepName} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

export function StatusBadge({ status }: { status: TimelineDto['status'] }) {
  const { t } = useTranslation();
  const color = { running: 'blue', returned: 'orange', approved: 'green', rejected: 'red', withdrawn: 'gray' }[status];
  return (
    <Badge color={color} variant="filled" data-testid="chain-status">
      {t(`approvalCodes.chainStatus.${status}`)}
    </Badge>
  );
}

function StepBullet({ step }: { step: StepDto }) {
  const size = 16;
  if (step.status === 'approved') return <IconCheck size={size} />;
  if (step.status === 'rejected') return <IconX size={size} />;
  if (step.status === 'skipped') return <IconPlayerSkipForward size={size} />;
  if (step.escalation) return <IconShieldUp size={size} />;
  return <IconClockHour4 size={size} />;
}

function Submissions({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const name = namer(detail);
  return (
    <Card withBorder radius="sm" padding="sm" bg="var(--mantine-color-gray-0)">
      <Stack gap={4}>
        {detail.timeline.submissions.map((submission) => (
          <Group key={submission.seq} gap="xs" wrap="nowrap" align="flex-start">
            <ThemeIcon size={20} variant="light" color={submission.kind === 'withdraw' ? 'gray' : 'blue'}>
              <IconSend size={12} />
            </ThemeIcon>
            <Text size="sm">
              {t('approvals.timeline.submission', { who: name(detail.timeline.authorId), what: t(`approvalCodes.submission.${submission.kind}`) })}
              <Text span size="xs" c="dimmed" ml="xs">
                {moment(submission.at)}
              </Text>
              {submission.opinion && (
                <Text span size="sm" c="dimmed" ml="xs">
                  「{submission.opinion}」
                </Text>
              )}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function StepBody({ step, name, stepName }: { step: StepDto; name: (id: string) => string; stepName: (id: string) => string }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const rows: ReactNode[] = [];
  if (step.skipped) {
    rows.push(
      <Text key="skip" size="sm" c="dimmed" data-testid="step-skipped">
        {skipText(t, vocabulary, step.skipped)}
      </Text>,
    );
  }
  if (step.escalation) {
    rows.push(
      <Badge key="escalation" color="orange" variant="light" leftSection={<IconShieldUp size={12} />} data-testid="step-escalated" style={{ textTransform: 'none' }}>
        {t(`approvalCodes.escalation.${step.escalation.reason}`)}
      </Badge>,
    );
  }
  if (step.status !== 'skipped') {
    rows.push(
      <Group key="meta" gap="md" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('approvals.timeline.tally', {
            approvals: step.tally.approvals,
            needed: step.tally.needed,
            rejections: step.tally.rejections,
            pending: step.tally.pending,
          })}
        </Text>
        {step.deadline && (
          <Group gap={4}>
            <Text size="xs" c={step.overdue ? 'red' : 'dimmed'} fw={step.overdue ? 600 : undefined} data-testid="step-deadline">
              {t('approvals.timeline.deadline', { day: step.deadline.day })}
            </Text>
            {step.deadline.provisional && (
              <Tooltip label={t('approvals.timeline.provisionalHint')} multiline w={260}>
                <Badge size="xs" color="yellow" variant="light">
                  {t('approvals.timeline.provisional')}
                </Badge>
              </Tooltip>
            )}
            {step.overdue && (
              <Badge size="xs" color="red" variant="filled">
                {t('approvals.overdue')}
              </Badge>
            )}
          </Group>
        )}
        {step.closedAt && (
          <Text size="xs" c="dimmed">
            {t('approvals.timeline.closedAt', { at: moment(step.closedAt) })}
          </Text>
        )}
      </Group>,
    );
    if (step.seats.length > 0) {
      rows.push(
        <Group key="seats" gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('approvals.timeline.candidates')}
          </Text>
          {step.seats.map((seat) => (
            <Badge
              key={seat.userId}
              size="sm"
              variant={seat.turn ? 'filled' : 'light'}
              color={seat.ballot ? DECISION_COLOR[seat.ballot.kind] : seat.turn ? 'blue' : 'gray'}
              style={{ textTransform: 'none' }}
            >
              {name(seat.userId)}
              {seat.transferredFrom ? ` ${t('approvals.timeline.transferredFrom', { from: name(seat.transferredFrom) })}` : ''}
              {seat.ballot ? ` · ${t(`approvalCodes.decision.${seat.ballot.kind}`)}` : seat.turn ? ` · ${t('approvals.timeline.turn')}` : ''}
            </Badge>
          ))}
        </Group>,
      );
    }
  }
  for (const decision of step.decisions) {
    rows.push(<DecisionLine key={decision.seq} decision={decision} name={name} stepName={stepName} />);
  }
  return (
    <Stack gap={6} mt={4}>
      {rows}
    </Stack>
  );
}

function DecisionLine({ decision, name, stepName }: { decision: DecisionDto; name: (id: string) => string; stepName: (id: string) => string }) {
  const { t } = useTranslation();
  const voided = decision.voided !== null;
  const Icon = { approve: IconCheck, reject: IconX, return: IconArrowBackUp, transfer: IconArrowForward }[decision.kind];
  const extra =
    decision.kind === 'return' && decision.returnTo
      ? decision.returnTo.to === 'author'
        ? t('approvals.timeline.returnedToAuthor')
        : t('approvals.timeline.returnedToStep', { step: stepName(decision.returnTo.stepId) })
      : decision.kind === 'transfer' && decision.transferTo
        ? t('approvals.timeline.transferredTo', { to: name(decision.transferTo) })
        : null;
  return (
    <Card withBorder radius="sm" padding="xs" data-testid={voided ? 'decision-voided' : 'decision'} bg={voided ? 'var(--mantine-color-gray-0)' : undefined}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon size={22} variant="light" color={voided ? 'gray' : DECISION_COLOR[decision.kind]}>
          <Icon size={14} />
        </ThemeIcon>
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group gap="xs" wrap="wrap" td={voided ? 'line-through' : undefined} c={voided ? 'dimmed' : undefined}>
            <Text size="sm" fw={600} data-testid="decider">
              {deciderText(t, name, decision)}
            </Text>
            <Text size="sm">{t(`approvalCodes.decision.${decision.kind}`)}</Text>
            {extra && <Text size="sm">{extra}</Text>}
            <Text size="xs" c="dimmed">
              {moment(decision.at)}
            </Text>
          </Group>
          {decision.opinion && (
            <Text size="sm" td={voided ? 'line-through' : undefined} c={voided ? 'dimmed' : undefined} data-testid="opinion">
              {t('approvals.timeline.opinion', { opinion: decision.opinion })}
            </Text>
          )}
          {decision.voided && (
            <Text size="xs" c="orange.8" data-testid="void-reason">
              {t(`approvalCodes.voidReason.${decision.voided.reason}`)} · {moment(decision.voided.at)}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** The timeline of a chain by its id, for a form's own page in another feature. */
export function ChainTimelineById({ chainId }: { chainId: string }) {
  const detail = useArchiveQuery('approvals.get', { id: chainId });
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <ChainTimeline detail={detail.data} />;
}
