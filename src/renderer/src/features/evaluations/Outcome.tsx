import { Accordion, Alert, Badge, Button, Card, Checkbox, Group, List, Modal, Radio, SimpleGrid, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconExternalLink, IconFlag, IconMessageReport, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CustomerFile } from '../../../../shared/contract';
import type { EvaluationDetail } from '../../../../shared/contract/evaluations';
import { CHAIN_OUTCOME_TEXTS, EVALUATION_HISTORY_TEXTS, OBJECTION_GROUND_TEXTS } from '../../../../shared/domain/evaluations';
import { MEASURE_TEXTS } from '../../../../shared/domain/scoring';
import { useArchiveQuery } from '../../api/hooks';
import { useContributions } from '../../app/contributions';
import { DayInput } from '../../app/ui/inputs';
import { useVocabulary } from '../../app/vocabulary';
import type { useAct } from './useAct';
import { actionOf, gradeName, nameOf, paren, useLang, useText } from './words';

type Act = ReturnType<typeof useAct>;
type Decision = EvaluationDetail['evaluation']['decisions'][number];

/** A grade of the model: its code, its name and what it means for cooperation. */
function useGradeText(detail: EvaluationDetail) {
  const lang = useLang();
  const text = useText();
  return (code: string) => {
    const g = detail.model.scale.grades.find((x) => x.code === code);
    return g ? paren(lang, gradeName(g.code, text(g.label)), text(g.meaning)) : code;
  };
}

/** Each consolidation: score, computed grade, the override (shown as one, with its reason), the policy it gives, the chain's outcome. */
export function Decisions({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const vocabulary = useVocabulary();
  const gradeText = useGradeText(detail);
  const decisions = [...detail.evaluation.decisions].reverse();
  if (decisions.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="decisions">
      {decisions.map((d: Decision) => (
        <Card key={d.round} withBorder radius="md" padding="md" data-testid="decision" data-round={d.round}>
          <Group justify="space-between" mb={6}>
            <Text fw={700}>{t('evaluations.decision.round', { round: d.round })}</Text>
            <Group gap={6}>
              {d.chain ? (
                <Badge variant="light" color={d.chain === 'approved' ? 'teal' : 'red'}>
                  {CHAIN_OUTCOME_TEXTS[d.chain][lang]}
                </Badge>
              ) : (
                <Badge variant="light" color="blue">
                  {t('evaluations.decision.inChain')}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {t('evaluations.decision.by', { name: nameOf(detail, d.decidedBy, ''), day: d.decidedOn })}
              </Text>
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Labelled label={t('evaluations.decision.score')}>
              <Text fw={700} size="lg">
                {d.scoreText}
              </Text>
            </Labelled>
            <Labelled label={t('evaluations.decision.grade')}>
              <Text fw={700} size="lg" data-testid="decision-grade">
                {gradeText(d.grade)}
              </Text>
            </Labelled>
            <Labelled label={d.policy.starting ? t('evaluations.decision.startingLimit') : t('evaluations.decision.limit')}>
              <Text fw={700} data-testid="decision-limit">
                {vocabulary.money(d.policy.limitFen)}
              </Text>
            </Labelled>
            <Labelled label={t('evaluations.decision.term')}>
              <Text fw={700} data-testid="decision-term">
                {t('evaluations.days', { count: d.policy.termDays })}
              </Text>
            </Labelled>
          </SimpleGrid>
          {d.override && (
            <Alert mt="sm" color="grape" variant="light" icon={<IconFlag size={18} />} title={t('evaluations.decision.overridden')} data-testid="override-shown">
              {t('evaluations.decision.overrideText', { computed: gradeText(d.computedGrade), grade: gradeText(d.grade), reason: d.override.reason })}
            </Alert>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('evaluations.decision.measures')}
          </Text>
          <List size="sm" spacing={2}>
            {d.policy.measures.map((m) => (
              <List.Item key={m}>{MEASURE_TEXTS[m][lang]}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt={6}>
            {t('evaluations.decision.cycle', { count: d.policy.reviewCycleMonths })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Which approval step gives each department's opinion of the paper form (seed 003). */
const OPINION_STEPS: Record<string, readonly string[]> = {
  department_manager: ['dept_manager'],
  cooperating_department: ['co_department'],
  legal: ['legal'],
  general_affairs: ['general_affairs_manager'],
  finance: ['finance_manager'],
  leadership: ['marketing_vp', 'general_manager'],
  marketing_vp: ['marketing_vp'],
  general_manager: ['general_manager'],
};

/**
 * The approval chain of the current decision: its status, a link to its page, its timeline
 * (for those who may see the chain), and the departments' opinions as the paper form
 * lists them — the reviewers' from their sheets, the approvers' from the chain.
 */
export function ApprovalAndOpinions({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const navigate = useNavigate();
  const Timeline = useContributions().components.approvalTimeline;
  const chainId = detail.chain?.chainId ?? null;
  const chain = useArchiveQuery('approvals.get', { id: chainId ?? '' }, { enabled: chainId !== null });
  const { evaluation, model } = detail;
  const sheetOpinion = (origin: string) => {
    const reviewer = evaluation.reviewers.find((r) => r.origin === origin);
    const sheet = reviewer ? evaluation.sheets.find((s) => s.reviewer === reviewer.userId) : undefined;
    return sheet?.opinion ? paren(lang, sheet.opinion, nameOf(detail, sheet.reviewer, '')) : null;
  };
  const fromChain = (code: string): string | null => {
    if (!chain.data) return null;
    const steps = OPINION_STEPS[code];
    if (!steps) return null;
    const lines: string[] = [];
    for (const step of chain.data.timeline.steps) {
      if (!steps.includes(step.stepId)) continue;
      for (const d of step.decisions) {
        if (d.voided) continue;
        const who = chain.data.people.find((p) => p.id === d.actorId)?.displayName ?? '';
        lines.push(paren(lang, d.opinion ?? t(`approvalCodes.decision.${d.kind}`), `${who}${lang === 'zh-CN' ? '，' : ', '}${d.at.slice(0, 10)}`));
      }
    }
    return lines.length > 0 ? lines.join('\n') : null;
  };
  const opinion = (code: string): string | null => {
    if (code === 'account_manager' || code === 'service_manager') return sheetOpinion(code);
    if (code === 'market_department') {
      const lines = evaluation.sheets.filter((s) => s.opinion).map((s) => paren(lang, s.opinion, nameOf(detail, s.reviewer, '')));
      return lines.length > 0 ? lines.join('\n') : null;
    }
    if (code === 'remarks' || code === 'credit_manager' || code === 'risk') {
      const d = evaluation.decisions.at(-1);
      const notes = [...evaluation.settlements.map((s) => `${text(model.items.find((i) => i.code === s.item)?.label)}：${s.note}`), ...(d?.override ? [t('evaluations.opinions.overrideNote', { reason: d.override.reason })] : [])];
      return notes.length > 0 ? notes.join('\n') : null;
    }
    return fromChain(code);
  };
  return (
    <Stack gap="md">
      {detail.chain && (
        <Group justify="space-between" data-testid="chain-status">
          <Group gap="xs">
            <Text size="sm">{t('evaluations.approval.status')}</Text>
            <Badge variant="light">{t(`approvalCodes.chainStatus.${detail.chain.status}`)}</Badge>
          </Group>
          <Button size="xs" variant="light" rightSection={<IconExternalLink size={14} />} onClick={() => navigate(`/approvals/chains/${detail.chain!.chainId}`)} data-testid="open-chain">
            {t('evaluations.approval.open')}
          </Button>
        </Group>
      )}
      {model.opinions.length > 0 && (
        <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="opinions">
          <Table.Tbody>
            {model.opinions.map((o) => {
              const value = opinion(o.code);
              return (
                <Table.Tr key={o.code}>
                  <Table.Td w="22%" bg="var(--mantine-color-gray-1)" fw={600}>
                    {o.label[lang]}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={value ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
                      {value ?? t('evaluations.opinions.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {chainId && chain.data && Timeline && (
        // Open while the chain runs; once it has ended its steps fold away under their heading.
        <Accordion variant="contained" defaultValue={detail.chain?.status === 'running' ? 'timeline' : null}>
          <Accordion.Item value="timeline">
            <Accordion.Control data-testid="chain-timeline-toggle">{t('evaluations.approval.timeline', { name: text(chain.data.timeline.name) })}</Accordion.Control>
            <Accordion.Panel>
              <Timeline chainId={chainId} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      {chainId && chain.isError && (
        <Text size="xs" c="dimmed">
          {t('evaluations.approval.notVisible')}
        </Text>
      )}
    </Stack>
  );
}

/** 公示: each publication's period and its last day; closing it once the period is over. */
export function Publication({ detail, act }: { detail: EvaluationDetail; act: Act }) {
  const { t } = useTranslation();
  const finalize = actionOf(detail, 'finalize');
  const { evaluation } = detail;
  if (evaluation.publications.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="publications">
      {[...evaluation.publications].reverse().map((p) => (
        <Group key={p.round} gap="sm">
          <IconCalendarEvent size={18} />
          <Text size="sm">{t('evaluations.publication.line', { round: p.round, from: p.startedOn, days: p.deadline.length, end: p.deadline.day })}</Text>
          {p.deadline.provisional && (
            <Badge size="xs" color="yellow" variant="light">
              {t('evaluations.publication.provisional')}
            </Badge>
          )}
        </Group>
      ))}
      {evaluation.status === 'published' && detail.publicationEnds && (
        <Alert color="blue" variant="light" data-testid="publication-open">
          {t('evaluations.publication.open', { end: detail.publicationEnds })}
        </Alert>
      )}
      {finalize.allowed && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => void act.run({ type: 'finalize' }, t('evaluations.publication.finalized'))} data-testid="finalize">
            {t('evaluations.publication.finalize')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * 异议: entered by the account manager for the customer (items, reasons, evidence from the
 * file); answered by the credit manager within 15 working days, the deadline shown and an
 * overdue answer warned; an upheld one reopens its items.
 */
export function Objections({ detail, file, act }: { detail: EvaluationDetail; file: CustomerFile | null; act: Act }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const enter = actionOf(detail, 'enter_objection');
  const answer = actionOf(detail, 'answer_objection');
  const [entering, setEntering] = useState(false);
  const [answering, setAnswering] = useState<string | null>(null);
  const { evaluation, model } = detail;
  const itemLabel = (code: string) => text(model.items.find((i) => i.code === code)?.label);
  const docTitle = (id: string) => file?.documents.find((d) => d.id === id)?.title ?? t('evaluations.objection.documentOnFile');
  return (
    <Stack gap="sm" data-testid="objections">
      {evaluation.objections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluations.objection.none')}
        </Text>
      ) : (
        [...evaluation.objections].reverse().map((o) => (
          <Card key={o.id} withBorder radius="md" padding="md" data-testid="objection">
            <Group justify="space-between" mb={6}>
              <Group gap={6}>
                <IconMessageReport size={18} />
                <Text fw={700}>{t('evaluations.objection.title', { round: o.round })}</Text>
                <Badge size="sm" variant="light">
                  {OBJECTION_GROUND_TEXTS[o.ground][lang]}
                </Badge>
              </Group>
              {o.answer ? (
                <Badge color={o.answer.upheld ? 'grape' : 'gray'} variant="light" data-testid="objection-answer">
                  {o.answer.upheld ? t('evaluations.objection.upheld') : t('evaluations.objection.rejected')}
                </Badge>
              ) : o.overdue ? (
                <Badge color="red" leftSection={<IconAlertTriangle size={12} />} data-testid="objection-overdue">
                  {t('evaluations.objection.overdue', { day: o.answerDeadline.day })}
                </Badge>
              ) : (
                <Badge color="orange" variant="light" data-testid="objection-deadline">
                  {t('evaluations.objection.answerBy', { day: o.answerDeadline.day })}
                </Badge>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              <Labelled label={t('evaluations.objection.items')}>
                <Text size="sm">{o.items.map(itemLabel).join(lang === 'zh-CN' ? '、' : ', ')}</Text>
              </Labelled>
              <Labelled label={t('evaluations.objection.enteredBy')}>
                <Text size="sm">
                  {nameOf(detail, o.enteredBy, '')} · {o.enteredOn}
                  {o.learnedOn && ` · ${t('evaluations.objection.learnedOnText', { day: o.learnedOn })}`}
                </Text>
              </Labelled>
              <Labelled label={t('evaluations.objection.reasons')}>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {o.reasons}
                </Text>
              </Labelled>
              <Labelled label={t('evaluations.objection.evidence')}>
                <Text size="sm">{o.evidence.map(docTitle).join(lang === 'zh-CN' ? '、' : ', ')}</Text>
              </Labelled>
            </SimpleGrid>
            {o.answer && (
              <Alert mt="sm" variant="light" color={o.answer.upheld ? 'grape' : 'gray'} title={t('evaluations.objection.answerTitle', { name: nameOf(detail, o.answer.by, ''), day: o.answer.on })}>
                {o.answer.text}
                {o.answer.late && (
                  <Text size="xs" c="red" mt={4}>
                    {t('evaluations.objection.answeredLate', { day: o.answerDeadline.day })}
                  </Text>
                )}
              </Alert>
            )}
            {!o.answer && answer.allowed && (
              <Group justify="flex-end" mt="sm">
                <Button size="xs" onClick={() => setAnswering(o.id)} data-testid="answer-objection">
                  {t('evaluations.objection.answer')}
                </Button>
              </Group>
            )}
          </Card>
        ))
      )}
      {enter.allowed && (
        <Group>
          <Button variant="light" color="orange" leftSection={<IconMessageReport size={16} />} onClick={() => setEntering(true)} data-testid="enter-objection">
            {t('evaluations.objection.enter')}
          </Button>
          {detail.evaluation.status === 'final' && (
            <Text size="xs" c="dimmed">
              {t('evaluations.objection.afterFinalHint')}
            </Text>
          )}
        </Group>
      )}
      {entering && <EnterObjection detail={detail} file={file} act={act} onClose={() => setEntering(false)} />}
      {answering && <AnswerObjection act={act} objectionId={answering} onClose={() => setAnswering(null)} />}
    </Stack>
  );
}

function EnterObjection({ detail, file, act, onClose }: { detail: EvaluationDetail; file: CustomerFile | null; act: Act; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const [items, setItems] = useState<string[]>([]);
  const [reasons, setReasons] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [learnedOn, setLearnedOn] = useState<string | null>(null);
  const afterFinal = detail.evaluation.status === 'final';
  const documents = file?.documents ?? [];
  const ready = items.length > 0 && reasons.trim() !== '' && evidence.length > 0 && (!afterFinal || learnedOn !== null);
  return (
    <Modal opened onClose={onClose} title={t('evaluations.objection.enterTitle')} size="lg" data-testid="objection-form">
      <Stack>
        <Checkbox.Group label={t('evaluations.objection.items')} description={t('evaluations.objection.itemsHint')} required value={items} onChange={setItems} data-testid="objection-items">
          <Group gap="md" mt={6}>
            {detail.model.items.map((i) => (
              <Checkbox key={i.code} value={i.code} label={text(i.label)} data-testid={`objection-item-${i.code}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t('evaluations.objection.reasons')} required autosize minRows={3} maxLength={2000} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} data-testid="objection-reasons" />
        <Checkbox.Group label={t('evaluations.objection.evidence')} description={t('evaluations.objection.evidenceHint')} required value={evidence} onChange={setEvidence} data-testid="objection-evidence">
          <Stack gap={6} mt={6}>
            {documents.length === 0 ? (
              <Text size="sm" c="orange">
                {t('evaluations.objection.noDocuments')}
              </Text>
            ) : (
              documents.map((d) => <Checkbox key={d.id} value={d.id} label={paren(lang, d.title, d.archiveNo)} />)
            )}
          </Stack>
        </Checkbox.Group>
        {afterFinal && (
          <DayInput label={t('evaluations.objection.learnedOn')} description={t('evaluations.objection.learnedOnHint')} required value={learnedOn} onChange={(v) => setLearnedOn(v)} data-testid="objection-learned-on" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!ready}
            loading={act.pending}
            onClick={async () => {
              if (await act.run({ type: 'enter_objection', items, reasons: reasons.trim(), evidence, learnedOn: afterFinal ? learnedOn : null }, t('evaluations.objection.entered'))) onClose();
            }}
            data-testid="objection-submit"
          >
            {t('evaluations.objection.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AnswerObjection({ act, objectionId, onClose }: { act: Act; objectionId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [upheld, setUpheld] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('evaluations.objection.answerFormTitle')} size="lg" data-testid="answer-form">
      <Stack>
        <Radio.Group label={t('evaluations.objection.verdict')} required value={upheld} onChange={setUpheld}>
          <Stack gap={6} mt={6}>
            <Radio value="yes" label={t('evaluations.objection.upheldChoice')} data-testid="verdict-upheld" />
            <Radio value="no" label={t('evaluations.objection.rejectedChoice')} data-testid="verdict-rejected" />
          </Stack>
        </Radio.Group>
        <Textarea label={t('evaluations.objection.answerText')} required autosize minRows={3} maxLength={2000} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} data-testid="answer-text" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            disabled={upheld === null || answer.trim() === ''}
            loading={act.pending}
            onClick={async () => {
              if (await act.run({ type: 'answer_objection', objectionId, upheld: upheld === 'yes', answer: answer.trim() }, t('evaluations.objection.answered'))) onClose();
            }}
            data-testid="answer-submit"
          >
            {t('evaluations.objection.answerSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The result in force: grade, limit, term and the grade's measures, from the day it became final. */
export function FinalResult({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const vocabulary = useVocabulary();
  const gradeText = useGradeText(detail);
  const { evaluation } = detail;
  const d = evaluation.decisions.at(-1);
  if (evaluation.status !== 'final' || !d) return null;
  return (
    <Card withBorder radius="md" padding="lg" bg="var(--mantine-color-teal-0)" data-testid="final-result">
      <Group gap="xs" mb="sm">
        <IconRosetteDiscountCheck size={22} color="var(--mantine-color-teal-7)" />
        <Title order={4}>{t('evaluations.final.title', { day: evaluation.finalOn })}</Title>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Labelled label={t('evaluations.decision.grade')}>
          <Text fw={700} size="lg" data-testid="final-grade">
            {gradeText(d.grade)}
          </Text>
        </Labelled>
        <Labelled label={d.policy.starting ? t('evaluations.decision.startingLimit') : t('evaluations.decision.limit')}>
          <Text fw={700} size="lg" data-testid="final-limit">
            {vocabulary.money(d.policy.limitFen)}
          </Text>
        </Labelled>
        <Labelled label={t('evaluations.decision.term')}>
          <Text fw={700} size="lg" data-testid="final-term">
            {t('evaluations.days', { count: d.policy.termDays })}
          </Text>
        </Labelled>
        <Labelled label={t('evaluations.decision.score')}>
          <Text fw={700} size="lg">
            {d.scoreText}
          </Text>
        </Labelled>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('evaluations.decision.measures')}
      </Text>
      <List size="sm" spacing={2} data-testid="final-measures">
        {d.policy.measures.map((m) => (
          <List.Item key={m}>{MEASURE_TEXTS[m][lang]}</List.Item>
        ))}
      </List>
    </Card>
  );
}

/** What happened, step by step, and why (the override's reason, the objection's answer …). */
export function History({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const items = (codes: string[] | undefined) => (codes ?? []).map((c) => text(detail.model.items.find((i) => i.code === c)?.label)).join(lang === 'zh-CN' ? '、' : ', ');
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="evaluation-history">
      {detail.evaluation.history.map((h, index) => (
        <Timeline.Item key={index} title={<Text size="sm" fw={600}>{EVALUATION_HISTORY_TEXTS[h.kind][lang]}</Text>}>
          <Text size="xs" c="dimmed">
            {h.on} · {nameOf(detail, h.by, t('evaluations.system'))}
            {h.round > 1 && ` · ${t('evaluations.decision.round', { round: h.round })}`}
            {h.reviewer && h.reviewer !== h.by && ` · ${nameOf(detail, h.reviewer, '')}`}
            {h.grade && ` · ${gradeName(h.grade, text(detail.model.scale.grades.find((g) => g.code === h.grade)?.label))}`}
          </Text>
          {h.items && h.items.length > 0 && <Text size="xs">{items(h.items)}</Text>}
          {h.note && (
            <Text size="xs" style={{ whiteSpace: 'pre-line' }}>
              {h.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}


