import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Stepper, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconEyeOff, IconFileTypePdf, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { CustomerFile } from '../../../../shared/contract';
import type { EvaluationDetail } from '../../../../shared/contract/evaluations';
import { EVALUATION_KIND_TEXTS, EVALUATION_STATUS_TEXTS, REVIEWER_ORIGIN_TEXTS } from '../../../../shared/domain/evaluations';
import { SCORING_REFUSAL_TEXTS } from '../../../../shared/domain/scoring';
import { call } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { queryKey, useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useEvaluationPdf } from '../../app/exports';
import { PurposeModal } from '../../app/ui/PurposeModal';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { ConsolidatePanel, ScoreExplanation } from './Consolidation';
import { Attachments, isQualification, QualificationChecklist } from './NewCustomerParts';
import { ApprovalAndOpinions, Decisions, FinalResult, History, Objections, Publication } from './Outcome';
import { PaperHeader } from './PaperHeader';
import { ComputedValues, OwnSheet, RatingsGrid } from './Sheets';
import { useAct } from './useAct';
import { actionOf, nameOf, paren, useLang, useText } from './words';

// One credit evaluation (信用评审) on its own page: the paper form of seed 003 as the
// viewer may see it, and every step of its lifecycle the viewer may take. What may be done
// comes from the host's `actions` (the pure actionsFor), so the screen and the host agree.

const STAGES = ['scoring', 'consolidation', 'approval', 'publication', 'final'] as const;
function stageOf(status: EvaluationDetail['evaluation']['status'], allIn: boolean): number {
  switch (status) {
    case 'draft':
    case 'reopened':
      return allIn ? 1 : 0;
    case 'in_approval':
      return 2;
    case 'published':
    case 'objection':
      return 3;
    case 'final':
      return 5;
    default:
      return 0;
  }
}

const STATUS_COLOR: Record<string, string> = { draft: 'blue', reopened: 'grape', in_approval: 'indigo', published: 'cyan', objection: 'orange', final: 'teal', rejected: 'red', cancelled: 'gray' };

export function EvaluationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const handed = (location.state as { purpose?: unknown } | null)?.purpose;
  const [purpose, setPurpose] = useState<string | null>(typeof handed === 'string' ? handed : null);
  useEffect(() => {
    if (typeof handed === 'string') {
      setPurpose(handed);
      navigate(location.pathname, { replace: true, state: null });
    }
  }, [location.key]);

  const detail = useQuery<EvaluationDetail, ApiError>({
    queryKey: queryKey('evaluations.get', { evaluationId: id, purpose: purpose ?? '' }),
    queryFn: () => call('evaluations.get', { evaluationId: id, purpose: purpose ?? '' }),
    enabled: purpose !== null,
    staleTime: 0,
  });

  if (purpose === null) {
    return (
      <>
        <LoadingState label={t('purpose.title')} />
        <PurposeModal opened subject={null} onConfirm={setPurpose} onCancel={() => navigate(-1)} />
      </>
    );
  }
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <EvaluationView detail={detail.data} purpose={purpose} />;
}

function Section({ title, children, testId, extra }: { title: string; children: ReactNode; testId?: string; extra?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="md">
        <Title order={4}>{title}</Title>
        {extra}
      </Group>
      {children}
    </Card>
  );
}

function EvaluationView({ detail, purpose }: { detail: EvaluationDetail; purpose: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const act = useAct(detail.evaluation.id, purpose);
  // The file's documents and qualifications (evidence, attachments, the checklist), read with the same purpose.
  const file = useArchiveQuery('customers.get', { id: detail.customer.id, purpose }, { staleTime: 60_000 });
  const { evaluation, model, explanation } = detail;
  const ownSheet = evaluation.sheets.find((s) => s.reviewer === me.id);
  const waitingForMe = ownSheet !== undefined && ownSheet.submittedOn === null;
  const allIn = evaluation.hiddenSheets.length === 0 && evaluation.sheets.every((s) => s.submittedOn !== null);
  const stage = stageOf(evaluation.status, allIn);
  const customerFile: CustomerFile | null = file.data ?? null;
  const newCustomer = model.kind === 'new_customer';

  return (
    <Stack gap="lg" data-testid="evaluation-page" data-status={evaluation.status}>
      <Anchor size="sm" onClick={() => navigate(`/customers/${detail.customer.id}`)} data-testid="back-to-file">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('evaluations.page.backToFile', { name: detail.customer.name })}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {EVALUATION_KIND_TEXTS[evaluation.kind][lang]}
          </Text>
          <Title order={2} data-testid="evaluation-title">
            {text(model.name)}
          </Title>
          <Group gap="xs">
            <Text fw={600}>{detail.customer.name}</Text>
            <Badge variant="light">{t('evaluations.modelVersion', { version: evaluation.modelVersion })}</Badge>
            <Badge color={STATUS_COLOR[evaluation.status]} data-testid="evaluation-status">
              {EVALUATION_STATUS_TEXTS[evaluation.status][lang]}
            </Badge>
            {evaluation.round > 1 && <Badge variant="outline">{t('evaluations.decision.round', { round: evaluation.round })}</Badge>}
          </Group>
        </Stack>
        <Group gap="xs">
          <ExportPdfButton evaluationId={evaluation.id} purpose={purpose} />
          <Actions detail={detail} act={act} />
        </Group>
      </Group>

      {evaluation.status !== 'cancelled' && evaluation.status !== 'rejected' && (
        <Stepper active={stage} size="sm" allowNextStepsSelect={false}>
          {STAGES.map((s) => (
            <Stepper.Step key={s} label={t(`evaluations.stage.${s}`)} />
          ))}
        </Stepper>
      )}
      {evaluation.status === 'rejected' && (
        <Alert color="red" variant="light" title={EVALUATION_STATUS_TEXTS.rejected[lang]}>
          {t('evaluations.page.rejectedHint')}
        </Alert>
      )}
      {evaluation.status === 'cancelled' && (
        <Alert color="gray" variant="light" title={EVALUATION_STATUS_TEXTS.cancelled[lang]}>
          {evaluation.history.filter((h) => h.kind === 'cancelled').at(-1)?.note ?? ''}
        </Alert>
      )}

      <FinalResult detail={detail} />

      <Section title={t('evaluations.page.form')} testId="section-header">
        <PaperHeader detail={detail} />
      </Section>

      <Section title={t('evaluations.page.sheets')} testId="section-sheets" extra={<Reviewers detail={detail} act={act} />}>
        <Stack gap="md">
          {waitingForMe && evaluation.hiddenSheets.length > 0 && (
            <Alert color="blue" variant="light" icon={<IconEyeOff size={18} />} data-testid="private-notice">
              {t('evaluations.page.privateNotice', { names: evaluation.hiddenSheets.map((h) => nameOf(detail, h.reviewer, '')).join(lang === 'zh-CN' ? '、' : ', ') })}
            </Alert>
          )}
          {!waitingForMe && evaluation.hiddenSheets.some((h) => !h.submitted) && (
            <Alert color="gray" variant="light" icon={<IconEyeOff size={18} />} data-testid="pending-notice">
              {t('evaluations.page.pendingNotice', { names: evaluation.hiddenSheets.filter((h) => !h.submitted).map((h) => nameOf(detail, h.reviewer, '')).join(lang === 'zh-CN' ? '、' : ', ') })}
            </Alert>
          )}
          {evaluation.status === 'reopened' && (
            <Alert color="grape" variant="light" data-testid="reopened-notice">
              {t('evaluations.page.reopenedNotice', { items: evaluation.reopenedItems.map((c) => text(model.items.find((i) => i.code === c)?.label)).join(lang === 'zh-CN' ? '、' : ', ') })}
            </Alert>
          )}
          <RatingsGrid detail={detail} act={act} />
          {newCustomer && (
            <>
              <Text fw={600}>{t('evaluations.newCustomer.checklist')}</Text>
              <QualificationChecklist detail={detail} file={customerFile} />
              <Text fw={600}>{t('evaluations.newCustomer.riskFeatures')}</Text>
            </>
          )}
          <ComputedValues detail={detail} act={act} only={newCustomer ? (i) => !isQualification(i) : undefined} />
          <OwnSheet detail={detail} act={act} />
          {detail.scoringRefusals.length > 0 && allIn && (
            <Alert color="orange" variant="light" data-testid="scoring-refusals">
              {detail.scoringRefusals.map((r) => `${SCORING_REFUSAL_TEXTS[r.code][lang]}${r.item ? paren(lang, '', text(model.items.find((i) => i.code === r.item)?.label)) : ''}`).join(lang === 'zh-CN' ? '；' : '; ')}
            </Alert>
          )}
        </Stack>
      </Section>

      {(explanation || actionOf(detail, 'consolidate').allowed || evaluation.decisions.length > 0) && (
        <Section title={t('evaluations.page.explanation')} testId="section-explanation">
          <Stack gap="md">
            {explanation ? (
              <ScoreExplanation detail={detail} explanation={explanation} act={act} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('evaluations.page.explanationPending')}
              </Text>
            )}
            <ConsolidatePanel detail={detail} explanation={explanation} act={act} />
          </Stack>
        </Section>
      )}

      {evaluation.decisions.length > 0 && (
        <Section title={t('evaluations.page.decisions')} testId="section-decisions">
          <Decisions detail={detail} />
        </Section>
      )}

      <Section title={t('evaluations.page.approval')} testId="section-approval">
        <ApprovalAndOpinions detail={detail} />
      </Section>

      {evaluation.publications.length > 0 && (
        <Section title={t('evaluations.page.publication')} testId="section-publication">
          <Stack gap="md">
            <Publication detail={detail} act={act} />
            <Title order={5}>{t('evaluations.page.objections')}</Title>
            <Objections detail={detail} file={customerFile} act={act} />
          </Stack>
        </Section>
      )}

      {newCustomer && (
        <Section title={t('evaluations.newCustomer.attachments')} testId="section-attachments">
          <Attachments detail={detail} file={customerFile} loading={file.isPending} act={act} />
        </Section>
      )}

      <Section title={t('evaluations.page.history')} testId="section-history">
        <History detail={detail} />
      </Section>
    </Stack>
  );
}

/** The reviewers: who they are, the credit manager adding and removing added ones. */
function Reviewers({ detail, act }: { detail: EvaluationDetail; act: ReturnType<typeof useAct> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const add = actionOf(detail, 'add_reviewer');
  const remove = actionOf(detail, 'remove_reviewer');
  const [adding, setAdding] = useState(false);
  const [who, setWho] = useState<string | null>(null);
  const colleagues = useArchiveQuery('approvals.colleagues', {}, { enabled: adding });
  const { evaluation } = detail;
  return (
    <Group gap="xs">
      {evaluation.reviewers.map((r) => (
        <Badge key={r.userId} variant="light" color={r.origin === 'added' ? 'grape' : 'blue'} rightSection={remove.allowed && r.origin === 'added' ? <Anchor size="xs" onClick={() => void act.run({ type: 'remove_reviewer', reviewer: r.userId })}>×</Anchor> : undefined}>
          {REVIEWER_ORIGIN_TEXTS[r.origin][lang]} · {nameOf(detail, r.userId, '')}
        </Badge>
      ))}
      {add.allowed && (
        <Button size="compact-xs" variant="subtle" leftSection={<IconUserPlus size={14} />} onClick={() => setAdding(true)} data-testid="add-reviewer">
          {t('evaluations.reviewers.add')}
        </Button>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('evaluations.reviewers.addTitle')}>
        <Stack>
          <Select
            label={t('evaluations.reviewers.who')}
            searchable
            data={(colleagues.data ?? []).filter((c) => !evaluation.reviewers.some((r) => r.userId === c.id)).map((c) => ({ value: c.id, label: paren(lang, c.displayName, c.departmentName) }))}
            value={who}
            onChange={setWho}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAdding(false)}>
              {t('app.cancel')}
            </Button>
            <Button
              disabled={!who}
              loading={act.pending}
              onClick={async () => {
                if (who && (await act.run({ type: 'add_reviewer', reviewer: who }, t('evaluations.reviewers.added')))) setAdding(false);
              }}
            >
              {t('evaluations.reviewers.add')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

/** 导出 PDF: the form printed like its paper 评审表 (seed 003), saved where the user chooses; the export is on record. */
function ExportPdfButton({ evaluationId, purpose }: { evaluationId: string; purpose: string }) {
  const { t } = useTranslation();
  const pdf = useEvaluationPdf();
  return (
    <Button variant="light" leftSection={<IconFileTypePdf size={16} />} loading={pdf.busy} onClick={() => void pdf.save(evaluationId, purpose)} data-testid="export-pdf">
      {t('evaluations.exportPdf')}
    </Button>
  );
}

/** Steps for the page's head: cancelling a draft. */
function Actions({ detail, act }: { detail: EvaluationDetail; act: ReturnType<typeof useAct> }) {
  const { t } = useTranslation();
  const cancel = actionOf(detail, 'cancel');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!cancel.allowed) return null;
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)} data-testid="cancel-evaluation">
        {t('evaluations.cancel.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('evaluations.cancel.title')}>
        <Stack>
          <Textarea label={t('evaluations.cancel.reason')} required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim() === ''}
              loading={act.pending}
              onClick={async () => {
                if (await act.run({ type: 'cancel', reason: reason.trim() }, t('evaluations.cancel.done'))) setOpen(false);
              }}
            >
              {t('evaluations.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
