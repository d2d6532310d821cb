import type { Transaction } from 'kysely';
import type { Input } from '../../../shared/contract';
import type { EvaluationActInput } from '../../../shared/contract/evaluations';
import { ArchiveError } from '../../../shared/contract/errors';
import type { JsonValue } from '../../../shared/domain/approvals';
import { createHash } from 'node:crypto';
import { pdfFileName } from '../../pdf';
import {
  approvalContent,
  decide,
  evaluationInputs,
  evaluationKindFor,
  finalResult,
  isOpenStatus,
  planYearEndRound,
  reviewsDue,
  type CycleCustomer,
  type EvaluationEvent,
  type EvaluationState,
} from '../../../shared/domain/evaluations';
import { EVALUATION_OPEN_STATUSES, MAJOR_CREDIT_EVENTS } from '../../../shared/domain/evaluations/codes';
import { dayOf } from '../../../shared/domain/receivables';
import { FIVE_C_SCALES, financialRatios, previewRevision, publishModel, reviseModel, validateCrosswalk, type GradeScale, type ModelContent, type ScoringModel } from '../../../shared/domain/scoring';
import { readableAmong } from '../checkouts/access';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import type { JobHandle } from '../../host/jobs';
import type { IdSource } from '../../host/types';
import { loadChain, resubmitApproval, startApproval } from '../approvals/chains';
import type { ApprovalForm, ApprovedChain } from '../approvals/forms';
import { applyLimitChange } from '../creditLimits/handlers';
import { warningsChanged } from '../warnings/evaluate';
import { fromFile, statementOfRow } from './archive';
import { evaluationPdf, loadEvaluationPrint } from './pdf';
import { caller, contextFor, detailOf, loadCrosswalk, loadEvaluation, loadModel, refusalError, saveEvaluation, type Db, type StoredEvaluation } from './store';

// 信用评审 on the host: every step goes through the pure `decide` (src/shared/domain/
// evaluations) with the caller's hats; consolidation starts the periodic or new-customer
// approval chain through the approvals service (as creditLimits does), whose outcome
// comes back as `chain_outcome` from the host itself; the publication period is counted
// in working days on the company calendar; at final the grade, limit and term change,
// the limit and term through the same history as every limit change.

type Tx = Transaction<DB>;

async function customerRow(db: Db, id: string) {
  const c = await db.selectFrom('customers').select(['id', 'name', 'account_manager_id', 'service_manager_id', 'grade']).where('id', '=', id).executeTakeFirst();
  if (!c) throw new ArchiveError('NOT_FOUND', 'no such customer');
  return c;
}

async function activeUser(db: Db, id: string): Promise<boolean> {
  const u = await db.selectFrom('users').select('active').where('id', '=', id).executeTakeFirst();
  return u?.active === 1;
}

/** Runs one event through the lifecycle; a refusal throws before anything is written. */
async function step(db: Tx, stored: StoredEvaluation, model: ScoringModel, event: EvaluationEvent, actor: Actor | 'system', now: Date): Promise<StoredEvaluation> {
  const { state } = stored;
  const ctx = await contextFor(db, actor, { accountManager: state.accountManager, serviceManager: state.serviceManager }, now);
  const outcome = decide(model, state, event, ctx);
  if (!outcome.ok) throw refusalError(outcome.refusal);
  return { ...stored, state: outcome.state };
}

const APPROVAL_KIND = { periodic_review: 'periodic_review', new_customer_review: 'new_customer_review' } as const;

/** Consolidated: the decision goes to its chain (a returned chain is resubmitted with the new content). */
async function sendToChain(db: Tx, stored: StoredEvaluation, me: Actor, now: Date, ids: IdSource): Promise<void> {
  const { state } = stored;
  const content = approvalContent(state) as unknown as JsonValue;
  const decision = state.decisions.at(-1)!;
  const facts = { amountFen: decision.policy.limitFen, grade: decision.grade };
  const previous = stored.chainId ? await loadChain(db, stored.chainId) : null;
  if (previous && previous.state.status === 'returned' && previous.state.authorId === me.userId) {
    await saveEvaluation(db, stored, now);
    await resubmitApproval(db, previous, { actorId: me.userId, content, facts }, now, ids);
    return;
  }
  const customer = await customerRow(db, state.customerId);
  await startApproval(
    db,
    {
      kind: APPROVAL_KIND[state.kind],
      authorId: me.userId,
      content,
      facts,
      subject: customer.name,
      customerId: customer.id,
      async writeForm(chainId) {
        await db.insertInto('evaluation_chains').values({ chain_id: chainId, evaluation_id: state.id, round: state.round }).execute();
        await saveEvaluation(db, { ...stored, chainId }, now);
      },
    },
    now,
    ids,
  );
}

async function evaluationOfChain(db: Tx, chainId: string): Promise<StoredEvaluation> {
  const link = await db.selectFrom('evaluation_chains').select('evaluation_id').where('chain_id', '=', chainId).executeTakeFirst();
  if (!link) throw new ArchiveError('INTERNAL', 'an evaluation chain without its evaluation');
  return loadEvaluation(db, link.evaluation_id);
}

function evaluationForm(kind: 'periodic_review' | 'new_customer_review'): ApprovalForm {
  return {
    kind,
    async onApproved(db, chain, now) {
      const stored = await evaluationOfChain(db, chain.id);
      const model = await loadModel(db, stored.state.modelId, stored.state.modelVersion);
      const row = await db.selectFrom('approval_chains').select('content').where('id', '=', chain.id).executeTakeFirstOrThrow();
      const next = await step(db, stored, model, { type: 'chain_outcome', outcome: 'approved', content: JSON.parse(row.content) }, 'system', now);
      await saveEvaluation(db, next, now);
    },
    async onStopped(db, chain, outcome, now) {
      const stored = await evaluationOfChain(db, chain.id);
      if (stored.state.status !== 'in_approval' || stored.chainId !== chain.id) return;
      const model = await loadModel(db, stored.state.modelId, stored.state.modelVersion);
      const next = await step(db, stored, model, { type: 'chain_outcome', outcome, content: null }, 'system', now);
      await saveEvaluation(db, next, now);
    },
  };
}

export const evaluationForms: ApprovalForm[] = [evaluationForm('periodic_review'), evaluationForm('new_customer_review')];

/** The result takes effect: grade, measures and next review on the file; limit and term through the limit history. */
async function applyFinal(db: Tx, stored: StoredEvaluation, model: ScoringModel, now: Date, ids: IdSource): Promise<void> {
  const result = finalResult(stored.state)!;
  const chainId = stored.chainId;
  if (!chainId) throw new ArchiveError('INTERNAL', 'a final evaluation without its approval chain');
  const chain = await loadChain(db, chainId);
  const approved: ApprovedChain = { id: chain.id, definition: chain.definition, state: chain.state };
  const customer = await customerRow(db, result.customerId);
  const at = now.toISOString();
  const day = dayOf(now);
  const gradeLabel = model.scale.grades.find((g) => g.code === result.grade)?.label['zh-CN'] ?? result.grade;
  const already = await db.selectFrom('credit_limit_history').select('id').where('chain_id', '=', chainId).executeTakeFirst();
  if (!already) {
    await applyLimitChange(
      db,
      {
        customerId: result.customerId,
        chain: approved,
        limitFen: result.limitFen,
        termDays: result.termDays,
        reason: `信用评审：${model.name['zh-CN']} ${result.scoreText} 分，${result.grade} ${gradeLabel}${result.override ? '（信用经理调整）' : ''}`,
        requestedBy: stored.state.decisions.at(-1)!.decidedBy,
      },
      now,
      ids,
    );
  }
  await db
    .updateTable('customers')
    .set({ grade: result.grade, grade_scale: model.scale.code, grade_since: day, grade_measures: JSON.stringify(result.measures), next_review_on: result.nextReviewOn, updated_at: at })
    .where('id', '=', result.customerId)
    .execute();
  await db
    .insertInto('customer_grade_history')
    .values({
      id: ids.next(),
      customer_id: result.customerId,
      evaluation_id: result.evaluationId,
      model_id: result.modelId,
      model_version: result.modelVersion,
      scale: model.scale.code,
      grade: result.grade,
      previous_grade: customer.grade,
      score_num: result.score.num,
      score_den: result.score.den,
      score_text: result.scoreText,
      overridden: result.override ? 1 : 0,
      limit_fen: result.limitFen,
      term_days: result.termDays,
      measures: JSON.stringify(result.measures),
      review_cycle_months: result.reviewCycleMonths,
      next_review_on: result.nextReviewOn,
      effective_on: day,
      effective_at: at,
    })
    .execute();
  // A new grade, limit and term: the warning rules (score line, downgrade, limit used) look again.
  await warningsChanged(db, now, ids, [result.customerId]);
}

/** The caller's action as a lifecycle event (ids of new records from the host). */
async function eventOf(db: Db, action: EvaluationActInput, state: EvaluationState, ids: IdSource): Promise<EvaluationEvent> {
  switch (action.type) {
    case 'add_reviewer':
      if (!(await activeUser(db, action.reviewer))) throw new ArchiveError('VALIDATION', 'the reviewer is not an active user', { reason: 'reviewerNotUser' });
      return action;
    case 'set_value':
      return { type: 'set_value', item: action.item, value: { value: action.value, source: 'entered' } };
    case 'enter_objection': {
      const docs = await db.selectFrom('documents').select('id').where('customer_id', '=', state.customerId).where('id', 'in', action.evidence).execute();
      if (docs.length !== new Set(action.evidence).size) throw new ArchiveError('VALIDATION', 'evidence not in the customer file', { reason: 'evidenceNotOnFile' });
      return { type: 'enter_objection', objectionId: ids.next(), items: action.items, reasons: action.reasons, evidence: action.evidence, learnedOn: action.learnedOn };
    }
    case 'set_attachments': {
      const wanted = [...new Set(action.documents)];
      const docs = wanted.length === 0 ? [] : await db.selectFrom('documents').select('id').where('customer_id', '=', state.customerId).where('id', 'in', wanted).execute();
      if (docs.length !== wanted.length) throw new ArchiveError('VALIDATION', 'an attachment is not in the customer file', { reason: 'attachmentNotOnFile' });
      return { type: 'set_attachments', documents: wanted };
    }
    default:
      return action;
  }
}

function modelRowVersion(db: Db, modelId: string) {
  return db.selectFrom('scoring_models').select(['version', 'status', 'body']).where('id', '=', modelId).orderBy('version', 'desc');
}

/**
 * 公示 over without objection → final, derived (not by a timer): every published
 * evaluation whose period ended before today (within the scope) becomes final as of the
 * day after its last publication day, and its grade, limit and term change through the
 * limit history. Called whenever evaluations are read, listed, acted on or listed as due.
 */
export async function finalizeDue(db: Tx, now: Date, ids: IdSource, scope: { evaluationId?: string; customerId?: string } = {}): Promise<number> {
  const today = dayOf(now);
  let q = db.selectFrom('evaluations').select(['id', 'publication_ends']).where('status', '=', 'published').where('publication_ends', '<', today);
  if (scope.evaluationId) q = q.where('id', '=', scope.evaluationId);
  if (scope.customerId) q = q.where('customer_id', '=', scope.customerId);
  const rows = await q.orderBy('publication_ends').execute();
  for (const row of rows) {
    const end = row.publication_ends!;
    // Final from the first day after the period (local midnight), never later than now.
    const after = new Date(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 1, Number(end.slice(8, 10)) + 1);
    const at = after.getTime() < now.getTime() ? after : now;
    const stored = await loadEvaluation(db, row.id);
    const model = await loadModel(db, stored.state.modelId, stored.state.modelVersion);
    const next = await step(db, stored, model, { type: 'finalize' }, 'system', at);
    await saveEvaluation(db, next, at);
    await applyFinal(db, next, model, at, ids);
  }
  return rows.length;
}

/** The first part of a statement larger than its whole (null: consistent). */
function statementProblem(s: Input<'evaluations.addFinancialStatement'>): string | null {
  if (s.periodEnd < s.periodStart) return 'periodEnd';
  if (s.currentAssetsFen > s.totalAssetsFen) return 'currentAssetsFen';
  if (s.inventoryFen > s.currentAssetsFen) return 'inventoryFen';
  if (s.receivablesFen > s.currentAssetsFen) return 'receivablesFen';
  if (s.currentLiabilitiesFen > s.totalLiabilitiesFen) return 'currentLiabilitiesFen';
  return null;
}

/** A customer's statements with their ratios, the latest period first (one statement when `only` names it). */
async function statementsOf(db: Db, customerId: string, only?: string) {
  let q = db
    .selectFrom('financial_statements')
    .leftJoin('users', 'users.id', 'financial_statements.entered_by')
    .selectAll('financial_statements')
    .select('users.display_name')
    .where('financial_statements.customer_id', '=', customerId)
    .orderBy('financial_statements.period_end', 'desc')
    .orderBy('financial_statements.entered_at', 'desc');
  if (only) q = q.where('financial_statements.id', '=', only);
  const rows = await q.execute();
  return rows.map((r) => {
    const statement = statementOfRow(r);
    return {
      id: r.id,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      totalAssetsFen: r.total_assets_fen,
      totalLiabilitiesFen: r.total_liabilities_fen,
      currentAssetsFen: r.current_assets_fen,
      inventoryFen: r.inventory_fen,
      currentLiabilitiesFen: r.current_liabilities_fen,
      receivablesFen: r.receivables_fen,
      revenueFen: r.revenue_fen,
      costOfSalesFen: r.cost_of_sales_fen,
      netProfitFen: r.net_profit_fen,
      openingReceivablesFen: r.opening_receivables_fen,
      openingInventoryFen: r.opening_inventory_fen,
      openingEquityFen: r.opening_equity_fen,
      source: r.source,
      equityFen: statement.equityFen,
      ratios: financialRatios(statement),
      enteredBy: { id: r.entered_by, displayName: r.display_name ?? '' },
      enteredAt: r.entered_at,
    };
  });
}

/** How many drafts are written between progress reports (and cancel checks). */
const ROUND_BATCH = 25;

/**
 * The year-end round: a draft for each customer the pure plan creates, in the caller's
 * transaction; with a job, progress is reported per batch and a cancel stops it (nothing is kept).
 */
async function runRound(db: Tx, me: Actor, model: ScoringModel, customerIds: readonly string[], now: Date, ids: IdSource, job?: JobHandle) {
  const unique = [...new Set(customerIds)];
  const customers: { id: string; account_manager_id: string | null; service_manager_id: string | null }[] = [];
  const open: { id: string; customer_id: string; status: EvaluationState['status'] }[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const [c, o] = await Promise.all([
      db.selectFrom('customers').select(['id', 'account_manager_id', 'service_manager_id']).where('id', 'in', chunk).execute(),
      db.selectFrom('evaluations').select(['id', 'customer_id', 'status']).where('customer_id', 'in', chunk).where('status', 'in', [...EVALUATION_OPEN_STATUSES]).execute(),
    ]);
    customers.push(...c);
    open.push(...o);
  }
  const known = new Map(customers.map((c) => [c.id, c]));
  const missing = unique.find((id) => !known.has(id));
  if (missing) throw new ArchiveError('NOT_FOUND', 'no such customer', { customerId: missing });
  const openOf = new Map(open.map((o) => [o.customer_id, o]));
  const plan = planYearEndRound(
    customerIds.map((id) => {
      const c = known.get(id)!;
      const o = openOf.get(id);
      return { customerId: id, accountManager: c.account_manager_id, serviceManager: c.service_manager_id, openEvaluation: o ? { id: o.id, status: o.status } : null };
    }),
  );
  const created: { customerId: string; evaluationId: string }[] = [];
  const today = dayOf(now);
  const total = plan.create.length;
  job?.update('writing', 0, total);
  for (const draft of plan.create) {
    const id = ids.next();
    const managers = { accountManager: draft.accountManager, serviceManager: draft.serviceManager };
    const file = await fromFile(db, model, draft.customerId, today, managers, `PJ-${today.replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`);
    const ctx = await contextFor(db, me, managers, now);
    const outcome = decide(model, null, { type: 'start', evaluationId: id, kind: evaluationKindFor(model), customerId: draft.customerId, ...managers, values: file.values, limitBase: file.limitBase }, ctx);
    if (!outcome.ok) throw refusalError(outcome.refusal);
    await saveEvaluation(db, { state: outcome.state, header: file.header, chainId: null }, now, true);
    created.push({ customerId: draft.customerId, evaluationId: id });
    if (job && created.length % ROUND_BATCH === 0) {
      job.update('writing', created.length, total);
      // Let progress and cancel calls be answered between batches.
      await new Promise(setImmediate);
      job.checkpoint();
    }
  }
  if (job) {
    job.update('writing', total, total);
    await new Promise(setImmediate);
    job.checkpoint();
  }
  return { created, skipped: plan.skipped.map((s) => ({ customerId: s.customerId, reason: s.reason, evaluationId: s.evaluation?.id ?? null })) };
}

type RoundFilter = Extract<Input<'evaluations.startRoundJob'>['select'], { by: 'filter' }>;

/** The customers a round's filter chooses, in the reviews-due order when the filter names a horizon. */
async function customersByFilter(db: Tx, filter: RoundFilter, now: Date): Promise<string[]> {
  let q = db.selectFrom('customers').select(['id', 'grade']).orderBy('sort_key');
  if (filter.departmentIds) q = q.where('department_id', 'in', filter.departmentIds);
  let rows = await q.execute();
  if (filter.grades) {
    const grades = new Set(filter.grades);
    rows = rows.filter((r) => grades.has(r.grade));
  }
  if (filter.dueWithinDays === null) return rows.map((r) => r.id);
  const chosen = new Set(rows.map((r) => r.id));
  const due = await dueList(db, dayOf(now), filter.dueWithinDays);
  return due.map((d) => d.customerId).filter((id) => chosen.has(id));
}

/**
 * The scales the crosswalk places: every model version's (the newest wording of each), and
 * seed 004's alternative scales of the 5C model (A/B/C, A/B/C/D, AAA–C), which a 5C model
 * version may take up.
 */
async function crosswalkScales(db: Db): Promise<GradeScale[]> {
  const models = await db.selectFrom('scoring_models').select('body').orderBy('id').orderBy('version').execute();
  const scales = new Map<string, GradeScale>();
  for (const m of models) {
    const scale = (JSON.parse(m.body) as ScoringModel).scale;
    scales.set(scale.code, scale);
  }
  for (const scale of Object.values(FIVE_C_SCALES)) if (!scales.has(scale.code)) scales.set(scale.code, scale);
  return [...scales.values()];
}

/** The pure reviews-due list over the whole archive on `today`. */
async function dueList(db: Db, today: string, horizonDays: number) {
  const [customers, history, events] = await Promise.all([
    db.selectFrom('customers').select(['id']).execute(),
    db.selectFrom('customer_grade_history').select(['customer_id', 'effective_on', 'grade', 'review_cycle_months']).orderBy('effective_at').execute(),
    db.selectFrom('credit_events').select(['customer_id', 'kind', 'occurred_on']).where('kind', 'in', [...MAJOR_CREDIT_EVENTS]).where('voided_at', 'is', null).execute(),
  ]);
  const last = new Map<string, CycleCustomer['lastFinal']>();
  for (const h of history) last.set(h.customer_id, { day: h.effective_on, grade: h.grade, reviewCycleMonths: h.review_cycle_months });
  const byCustomer = new Map<string, { kind: string; day: string }[]>();
  for (const e of events) {
    const list = byCustomer.get(e.customer_id) ?? [];
    list.push({ kind: e.kind, day: e.occurred_on });
    byCustomer.set(e.customer_id, list);
  }
  return reviewsDue(
    customers.map((c) => ({ customerId: c.id, lastFinal: last.get(c.id) ?? null, creditEvents: byCustomer.get(c.id) ?? [] })),
    today,
    { horizonDays },
  );
}

export const evaluationHandlers: PartialHandlers = {
  'evaluations.models': {
    async run({ db }) {
      const [rows, counts, users] = await Promise.all([
        db.selectFrom('scoring_models').selectAll().orderBy('id').orderBy('version').execute(),
        db.selectFrom('evaluations').select(['model_id', 'model_version', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['model_id', 'model_version']).execute(),
        db.selectFrom('users').select(['id', 'display_name']).execute(),
      ]);
      const name = new Map(users.map((u) => [u.id, u.display_name]));
      const ids = [...new Set(rows.map((r) => r.id))];
      return ids.map((id) => {
        const versions = rows.filter((r) => r.id === id);
        const latest = JSON.parse(versions.at(-1)!.body) as ScoringModel;
        const published = versions.filter((v) => v.status === 'published').at(-1);
        return {
          id,
          kind: latest.kind,
          name: latest.name,
          published: published?.version ?? null,
          draft: versions.find((v) => v.status === 'draft')?.version ?? null,
          versions: versions.map((v) => ({
            version: v.version,
            status: v.status,
            savedBy: { id: v.saved_by ?? '00000000-0000-7000-8000-000000000000', displayName: v.saved_by ? (name.get(v.saved_by) ?? '') : '系统' },
            savedAt: v.saved_at,
            publishedAt: v.published_at,
            evaluations: Number(counts.find((c) => c.model_id === id && c.model_version === v.version)?.n ?? 0),
          })),
        };
      });
    },
  },

  'evaluations.model': {
    async run({ input, db }) {
      return loadModel(db, input.modelId, input.version);
    },
  },

  'evaluations.saveModelDraft': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const latest = await modelRowVersion(db, input.modelId).limit(1).executeTakeFirst();
      if (!latest) throw new ArchiveError('NOT_FOUND', 'no such scoring model');
      const base = JSON.parse(latest.body) as ScoringModel;
      const content = input.content as ModelContent;
      if (content.kind !== base.kind) throw new ArchiveError('VALIDATION', 'a model keeps its kind', { reason: 'wrong_model' });
      const revised = reviseModel(base, content);
      if (!revised.ok) throw new ArchiveError('CONFLICT', 'the model has problems', { reason: 'modelInvalid', problems: revised.problems });
      const at = now.toISOString();
      if (latest.status === 'draft') {
        await db.updateTable('scoring_models').set({ body: JSON.stringify(revised.model), saved_at: at, saved_by: me.userId }).where('id', '=', input.modelId).where('version', '=', latest.version).execute();
      } else {
        await db
          .insertInto('scoring_models')
          .values({ id: input.modelId, version: revised.model.version, kind: revised.model.kind, status: 'draft', body: JSON.stringify(revised.model), saved_at: at, saved_by: me.userId, published_at: null })
          .execute();
      }
      audit.target = `scoring-model:${input.modelId}`;
      audit.details = { version: revised.model.version };
      return revised.model;
    },
  },

  'evaluations.publishModel': {
    async run({ input, db, now, audit }) {
      const row = await db.selectFrom('scoring_models').select(['status', 'body']).where('id', '=', input.modelId).where('version', '=', input.version).executeTakeFirst();
      if (!row) throw new ArchiveError('NOT_FOUND', 'no such scoring model version');
      if (row.status !== 'draft') throw new ArchiveError('CONFLICT', 'only a draft is published', { reason: 'notADraft' });
      const published = publishModel(JSON.parse(row.body) as ScoringModel);
      if (!published.ok) throw new ArchiveError('CONFLICT', 'the model has problems', { reason: 'modelInvalid', problems: published.problems });
      await db
        .updateTable('scoring_models')
        .set({ status: 'published', body: JSON.stringify(published.model), published_at: now.toISOString() })
        .where('id', '=', input.modelId)
        .where('version', '=', input.version)
        .execute();
      audit.target = `scoring-model:${input.modelId}`;
      audit.details = { version: input.version };
      return published.model;
    },
  },

  'evaluations.previewModel': {
    async run({ input, db, audit }) {
      const customer = await customerRow(db, input.customerId);
      audit.target = `customer:${customer.id}`;
      const candidate = await loadModel(db, input.modelId, input.version);
      const row = await db
        .selectFrom('evaluations')
        .select(['id'])
        .where('customer_id', '=', customer.id)
        .where('model_id', '=', input.modelId)
        .where('status', 'not in', ['cancelled'])
        .orderBy('started_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) throw new ArchiveError('CONFLICT', 'no evaluation on this model to preview on', { reason: 'nothingToPreview' });
      const { state } = await loadEvaluation(db, row.id);
      const old = await loadModel(db, state.modelId, state.modelVersion);
      const preview = previewRevision(old, candidate, evaluationInputs(state));
      return preview.ok ? { ...preview, evaluationId: row.id } : { ok: false as const, evaluationId: row.id, side: preview.side, refusals: preview.refusals };
    },
  },

  'evaluations.crosswalk': {
    async run({ db }) {
      const crosswalk = await loadCrosswalk(db);
      return { crosswalk, scales: await crosswalkScales(db) };
    },
  },

  'evaluations.setCrosswalk': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const current = await loadCrosswalk(db);
      const next = { version: current.version + 1, ranks: input.ranks, entries: input.entries };
      const problems = validateCrosswalk(next, await crosswalkScales(db));
      if (problems.length > 0) throw new ArchiveError('CONFLICT', 'the crosswalk has problems', { reason: 'crosswalkInvalid', problems });
      await db.insertInto('grade_crosswalks').values({ version: next.version, body: JSON.stringify(next), saved_at: now.toISOString(), saved_by: me.userId }).execute();
      audit.details = { version: next.version };
      return next;
    },
  },

  'evaluations.settings': {
    async run({ db }) {
      const row = await db.selectFrom('evaluation_settings').select('publication_days').where('id', '=', 1).executeTakeFirstOrThrow();
      return { publicationDays: row.publication_days };
    },
  },

  'evaluations.setSettings': {
    async run({ input, db, audit }) {
      await db.updateTable('evaluation_settings').set({ publication_days: input.publicationDays }).where('id', '=', 1).execute();
      audit.details = { publicationDays: input.publicationDays };
      return { publicationDays: input.publicationDays };
    },
  },

  'evaluations.start': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const customer = await customerRow(db, input.customerId);
      const model = await loadModel(db, input.modelId);
      const accountManager = customer.account_manager_id ?? input.accountManagerId ?? null;
      const serviceManager = customer.service_manager_id ?? input.serviceManagerId ?? null;
      if (!accountManager || !serviceManager) throw new ArchiveError('CONFLICT', 'the file names no account or service manager', { reason: 'noManagers' });
      for (const u of [accountManager, serviceManager]) {
        if (!(await activeUser(db, u))) throw new ArchiveError('VALIDATION', 'the manager is not an active user', { reason: 'reviewerNotUser' });
      }
      const open = await db.selectFrom('evaluations').select('id').where('customer_id', '=', customer.id).where('status', 'in', [...EVALUATION_OPEN_STATUSES]).executeTakeFirst();
      if (open) throw new ArchiveError('CONFLICT', 'an evaluation of this customer is under way', { reason: 'evaluationOpen', evaluationId: open.id });
      const id = host.ids.next();
      const today = dayOf(now);
      const file = await fromFile(db, model, customer.id, today, { accountManager, serviceManager }, `PJ-${today.replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`);
      const ctx = await contextFor(db, me, { accountManager, serviceManager }, now);
      const outcome = decide(
        model,
        null,
        { type: 'start', evaluationId: id, kind: evaluationKindFor(model), customerId: customer.id, accountManager, serviceManager, values: file.values, limitBase: file.limitBase },
        ctx,
      );
      if (!outcome.ok) throw refusalError(outcome.refusal);
      if (!customer.account_manager_id || !customer.service_manager_id) {
        await db.updateTable('customers').set({ account_manager_id: accountManager, service_manager_id: serviceManager }).where('id', '=', customer.id).execute();
      }
      await saveEvaluation(db, { state: outcome.state, header: file.header, chainId: null }, now, true);
      audit.target = `evaluation:${id}`;
      audit.details = { customerId: customer.id, model: `${model.id}@${model.version}` };
      return detailOf(db, id, me, now);
    },
  },

  'evaluations.startRound': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const model = await loadModel(db, input.modelId);
      const outcome = await runRound(db, me, model, input.customerIds, now, host.ids);
      audit.details = { model: `${model.id}@${model.version}`, created: outcome.created.length, skipped: outcome.skipped.length };
      return outcome;
    },
  },

  'evaluations.startRoundJob': {
    async run({ input, db, actor, now, audit, host, afterCommit }) {
      const me = caller(actor);
      const job = host.jobs.start(input.jobId, me.userId);
      try {
        job.update('reading');
        const model = await loadModel(db, input.modelId);
        const customerIds = input.select.by === 'list' ? input.select.customerIds : await customersByFilter(db, input.select, now);
        job.checkpoint();
        const outcome = customerIds.length === 0 ? { created: [], skipped: [] } : await runRound(db, me, model, customerIds, now, host.ids, job);
        audit.details = { model: `${model.id}@${model.version}`, select: input.select.by, created: outcome.created.length, skipped: outcome.skipped.length };
        // Done only once the drafts are committed; until then the job stays at writing.
        afterCommit(() => job.finish('done'));
        return outcome;
      } catch (e) {
        const cancelled = e instanceof ArchiveError && (e.details as { reason?: string } | undefined)?.reason === 'cancelled';
        job.finish(cancelled ? 'cancelled' : 'failed');
        throw e;
      }
    },
  },

  'evaluations.get': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      await finalizeDue(db, now, host.ids, { evaluationId: input.evaluationId });
      const detail = await detailOf(db, input.evaluationId, me, now);
      audit.target = `customer:${detail.customer.id}`;
      audit.details = { evaluationId: input.evaluationId };
      return detail;
    },
  },

  'evaluations.exportPdf': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      if (!host.pdfFont) throw new ArchiveError('INTERNAL', 'the font the PDFs embed is missing');
      await finalizeDue(db, now, host.ids, { evaluationId: input.evaluationId });
      const print = await loadEvaluationPrint(db, input.evaluationId, me, now, host.pdfFont);
      const { bytes, pages } = await evaluationPdf(print);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { detail } = print;
      audit.target = `evaluation:${detail.evaluation.id}`;
      audit.details = { customerId: detail.customer.id, recordNo: detail.header.record_no ?? null, pages, bytes: bytes.length, sha256 };
      return {
        fileName: pdfFileName([detail.model.name['zh-CN'], detail.customer.name, detail.header.record_no ?? dayOf(now)]),
        mime: 'application/pdf' as const,
        contentBase64: bytes.toString('base64'),
        pages,
        sha256,
      };
    },
  },

  'evaluations.list': {
    async run({ input, db, audit, now, host }) {
      const customer = await customerRow(db, input.customerId);
      await finalizeDue(db, now, host.ids, { customerId: customer.id });
      audit.target = `customer:${customer.id}`;
      const rows = await db.selectFrom('evaluations').select(['state']).where('customer_id', '=', customer.id).orderBy('started_at', 'desc').execute();
      const states = rows.map((r) => JSON.parse(r.state) as EvaluationState);
      const models = new Map<string, ScoringModel>();
      for (const s of states) {
        const key = `${s.modelId}@${s.modelVersion}`;
        if (!models.has(key)) models.set(key, await loadModel(db, s.modelId, s.modelVersion));
      }
      const users = await db.selectFrom('users').select(['id', 'display_name']).execute();
      const name = new Map(users.map((u) => [u.id, u.display_name]));
      return states.map((s) => {
        const model = models.get(`${s.modelId}@${s.modelVersion}`)!;
        const d = s.decisions.at(-1);
        return {
          id: s.id,
          kind: s.kind,
          status: s.status,
          model: { id: model.id, version: model.version, name: model.name },
          startedOn: s.startedOn,
          round: s.round,
          scoreText: d?.scoreText ?? null,
          grade: d?.grade ?? null,
          gradeLabel: d ? (model.scale.grades.find((g) => g.code === d.grade)?.label ?? null) : null,
          overridden: d?.override != null,
          reviewers: s.reviewers.map((r) => ({ id: r.userId, displayName: name.get(r.userId) ?? '' })),
          publications: s.publications.length,
          objections: s.objections.length,
          finalOn: s.finalOn,
        };
      });
    },
  },

  'evaluations.act': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      await finalizeDue(db, now, host.ids, { evaluationId: input.evaluationId });
      const stored = await loadEvaluation(db, input.evaluationId);
      const model = await loadModel(db, stored.state.modelId, stored.state.modelVersion);
      const event = await eventOf(db, input.action, stored.state, host.ids);
      const next = await step(db, stored, model, event, me, now);
      audit.target = `evaluation:${stored.state.id}`;
      audit.details = { customerId: stored.state.customerId, action: input.action.type, status: next.state.status };
      if (event.type === 'consolidate') await sendToChain(db, next, me, now, host.ids);
      else {
        await saveEvaluation(db, next, now);
        if (next.state.status === 'final' && stored.state.status !== 'final') await applyFinal(db, next, model, now, host.ids);
      }
      return detailOf(db, stored.state.id, me, now);
    },
  },

  'evaluations.addFinancialStatement': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const customer = await customerRow(db, input.customerId);
      const bad = statementProblem(input);
      if (bad) throw new ArchiveError('VALIDATION', `the statement's ${bad} exceeds its whole`, { reason: 'statementInconsistent', field: bad });
      const id = host.ids.next();
      await db
        .insertInto('financial_statements')
        .values({
          id,
          customer_id: customer.id,
          period_start: input.periodStart,
          period_end: input.periodEnd,
          total_assets_fen: input.totalAssetsFen,
          total_liabilities_fen: input.totalLiabilitiesFen,
          current_assets_fen: input.currentAssetsFen,
          inventory_fen: input.inventoryFen,
          current_liabilities_fen: input.currentLiabilitiesFen,
          receivables_fen: input.receivablesFen,
          revenue_fen: input.revenueFen,
          cost_of_sales_fen: input.costOfSalesFen,
          net_profit_fen: input.netProfitFen,
          opening_receivables_fen: input.openingReceivablesFen,
          opening_inventory_fen: input.openingInventoryFen,
          opening_equity_fen: input.openingEquityFen,
          source: input.source,
          entered_by: me.userId,
          entered_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${customer.id}`;
      audit.details = { statementId: id, period: `${input.periodStart}~${input.periodEnd}` };
      const [row] = await statementsOf(db, customer.id, id);
      return row!;
    },
  },

  'evaluations.financialStatements': {
    async run({ input, db, audit }) {
      const customer = await customerRow(db, input.customerId);
      audit.target = `customer:${customer.id}`;
      return statementsOf(db, customer.id);
    },
  },

  'evaluations.due': {
    async run({ input, db, now, audit, host, actor }) {
      const today = dayOf(now);
      await finalizeDue(db, now, host.ids);
      const [customers, open, due] = await Promise.all([
        db.selectFrom('customers').select(['id', 'name']).execute(),
        db.selectFrom('evaluations').select(['id', 'customer_id', 'status']).where('status', 'in', [...EVALUATION_OPEN_STATUSES]).execute(),
        dueList(db, today, input.horizonDays),
      ]);
      const names = new Map(customers.map((c) => [c.id, c.name]));
      const openOf = new Map(open.filter((o) => isOpenStatus(o.status)).map((o) => [o.customer_id, { id: o.id, status: o.status }]));
      // Outside the credit department only the files the caller may read (their own customers, lent ones).
      const readable = actor ? await readableAmong(db, actor, due.map((d) => d.customerId), now) : null;
      const listed = readable === null ? due : due.filter((d) => readable.has(d.customerId));
      audit.details = { horizonDays: input.horizonDays, results: listed.length };
      return listed.map((d) => ({ customer: { id: d.customerId, name: names.get(d.customerId) ?? '' }, reasons: d.reasons, dueOn: d.dueOn, lastGrade: d.lastGrade, open: openOf.get(d.customerId) ?? null }));
    },
  },
};
