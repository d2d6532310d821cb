import type { Transaction } from 'kysely';
import type { EvaluationActInput } from '../../../shared/contract/evaluations';
import { ArchiveError } from '../../../shared/contract/errors';
import type { JsonValue } from '../../../shared/domain/approvals';
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
import { EVALUATION_OPEN_STATUSES } from '../../../shared/domain/evaluations/codes';
import { dayOf } from '../../../shared/domain/receivables';
import { previewRevision, publishModel, reviseModel, validateCrosswalk, type ModelContent, type ScoringModel } from '../../../shared/domain/scoring';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import type { IdSource } from '../../host/types';
import { loadChain, resubmitApproval, startApproval } from '../approvals/chains';
import type { ApprovalForm, ApprovedChain } from '../approvals/forms';
import { applyLimitChange } from '../creditLimits/handlers';
import { fromFile } from './archive';
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
    default:
      return action;
  }
}

function modelRowVersion(db: Db, modelId: string) {
  return db.selectFrom('scoring_models').select(['version', 'status', 'body']).where('id', '=', modelId).orderBy('version', 'desc');
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
      const models = await db.selectFrom('scoring_models').select('body').where('status', '=', 'published').execute();
      const scales = new Map<string, ScoringModel['scale']>();
      for (const m of models) {
        const scale = (JSON.parse(m.body) as ScoringModel).scale;
        scales.set(scale.code, scale);
      }
      return { crosswalk, scales: [...scales.values()] };
    },
  },

  'evaluations.setCrosswalk': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const current = await loadCrosswalk(db);
      const models = await db.selectFrom('scoring_models').select('body').execute();
      const scales = new Map<string, ScoringModel['scale']>();
      for (const m of models) {
        const scale = (JSON.parse(m.body) as ScoringModel).scale;
        scales.set(scale.code, scale);
      }
      const next = { version: current.version + 1, ranks: input.ranks, entries: input.entries };
      const problems = validateCrosswalk(next, [...scales.values()]);
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
      const unique = [...new Set(input.customerIds)];
      const [customers, open] = await Promise.all([
        db.selectFrom('customers').select(['id', 'account_manager_id', 'service_manager_id']).where('id', 'in', unique).execute(),
        db.selectFrom('evaluations').select(['id', 'customer_id', 'status']).where('customer_id', 'in', unique).where('status', 'in', [...EVALUATION_OPEN_STATUSES]).execute(),
      ]);
      const known = new Map(customers.map((c) => [c.id, c]));
      const missing = unique.find((id) => !known.has(id));
      if (missing) throw new ArchiveError('NOT_FOUND', 'no such customer', { customerId: missing });
      const plan = planYearEndRound(
        input.customerIds.map((id) => {
          const c = known.get(id)!;
          const o = open.find((e) => e.customer_id === id);
          return { customerId: id, accountManager: c.account_manager_id, serviceManager: c.service_manager_id, openEvaluation: o ? { id: o.id, status: o.status } : null };
        }),
      );
      const created: { customerId: string; evaluationId: string }[] = [];
      const today = dayOf(now);
      for (const draft of plan.create) {
        const id = host.ids.next();
        const managers = { accountManager: draft.accountManager, serviceManager: draft.serviceManager };
        const file = await fromFile(db, model, draft.customerId, today, managers, `PJ-${today.replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`);
        const ctx = await contextFor(db, me, managers, now);
        const outcome = decide(model, null, { type: 'start', evaluationId: id, kind: evaluationKindFor(model), customerId: draft.customerId, ...managers, values: file.values, limitBase: file.limitBase }, ctx);
        if (!outcome.ok) throw refusalError(outcome.refusal);
        await saveEvaluation(db, { state: outcome.state, header: file.header, chainId: null }, now, true);
        created.push({ customerId: draft.customerId, evaluationId: id });
      }
      audit.details = { model: `${model.id}@${model.version}`, created: created.length, skipped: plan.skipped.length };
      return { created, skipped: plan.skipped.map((s) => ({ customerId: s.customerId, reason: s.reason, evaluationId: s.evaluation?.id ?? null })) };
    },
  },

  'evaluations.get': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const detail = await detailOf(db, input.evaluationId, me, now);
      audit.target = `customer:${detail.customer.id}`;
      audit.details = { evaluationId: input.evaluationId };
      return detail;
    },
  },

  'evaluations.list': {
    async run({ input, db, audit }) {
      const customer = await customerRow(db, input.customerId);
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

  'evaluations.due': {
    async run({ input, db, now, audit }) {
      const today = dayOf(now);
      const [customers, history, events, open] = await Promise.all([
        db.selectFrom('customers').select(['id', 'name']).execute(),
        db.selectFrom('customer_grade_history').select(['customer_id', 'effective_on', 'grade', 'review_cycle_months']).orderBy('effective_at').execute(),
        db.selectFrom('credit_events').select(['customer_id', 'kind', 'occurred_on']).where('kind', 'in', ['litigation', 'bad_record', 'blacklist', 'judgment']).where('voided_at', 'is', null).execute(),
        db.selectFrom('evaluations').select(['id', 'customer_id', 'status']).where('status', 'in', [...EVALUATION_OPEN_STATUSES]).execute(),
      ]);
      const last = new Map<string, CycleCustomer['lastFinal']>();
      for (const h of history) last.set(h.customer_id, { day: h.effective_on, grade: h.grade, reviewCycleMonths: h.review_cycle_months });
      const byCustomer = new Map<string, { kind: string; day: string }[]>();
      for (const e of events) {
        const list = byCustomer.get(e.customer_id) ?? [];
        list.push({ kind: e.kind, day: e.occurred_on });
        byCustomer.set(e.customer_id, list);
      }
      const due = reviewsDue(
        customers.map((c) => ({ customerId: c.id, lastFinal: last.get(c.id) ?? null, creditEvents: byCustomer.get(c.id) ?? [] })),
        today,
        { horizonDays: input.horizonDays },
      );
      const names = new Map(customers.map((c) => [c.id, c.name]));
      const openOf = new Map(open.filter((o) => isOpenStatus(o.status)).map((o) => [o.customer_id, { id: o.id, status: o.status }]));
      audit.details = { horizonDays: input.horizonDays, results: due.length };
      return due.map((d) => ({ customer: { id: d.customerId, name: names.get(d.customerId) ?? '' }, reasons: d.reasons, dueOn: d.dueOn, lastGrade: d.lastGrade, open: openOf.get(d.customerId) ?? null }));
    },
  },
};
