import type { Kysely, Transaction } from 'kysely';
import type { EvaluationDetail } from '../../../shared/contract/evaluations';
import { ArchiveError } from '../../../shared/contract/errors';
import {
  actionsFor,
  allSheetsSubmitted,
  evaluationInputs,
  objectionOverdue,
  viewFor,
  type EvaluationContext,
  type EvaluationRefusal,
  type EvaluationRole,
  type EvaluationState,
} from '../../../shared/domain/evaluations';
import { dayOf } from '../../../shared/domain/receivables';
import { explain, type Crosswalk, type ScoringModel } from '../../../shared/domain/scoring';
import type { DB } from '../../archive/schema';
import type { Actor } from '../../host/handler';
import { loadCalendar } from '../calendar/handlers';

// Reading and writing evaluations and models: the state is the lifecycle's JSON; the
// columns beside it (status, grade, score, chain, publication end) are derived on write.

export type Db = Kysely<DB> | Transaction<DB>;

export function caller(actor: Actor | null): Actor {
  if (!actor) throw new ArchiveError('UNAUTHENTICATED', 'not logged in');
  return actor;
}

export async function loadModel(db: Db, modelId: string, version?: number): Promise<ScoringModel> {
  let q = db.selectFrom('scoring_models').select('body').where('id', '=', modelId);
  q = version === undefined ? q.where('status', '=', 'published').orderBy('version', 'desc') : q.where('version', '=', version);
  const row = await q.limit(1).executeTakeFirst();
  if (!row) {
    if (version === undefined) {
      const any = await db.selectFrom('scoring_models').select('id').where('id', '=', modelId).executeTakeFirst();
      if (any) throw new ArchiveError('CONFLICT', 'the model has no published version', { reason: 'modelNotPublished' });
    }
    throw new ArchiveError('NOT_FOUND', 'no such scoring model');
  }
  return JSON.parse(row.body) as ScoringModel;
}

export async function loadCrosswalk(db: Db): Promise<Crosswalk> {
  const row = await db.selectFrom('grade_crosswalks').select('body').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  return JSON.parse(row.body) as Crosswalk;
}

export async function publicationDays(db: Db): Promise<number> {
  const row = await db.selectFrom('evaluation_settings').select('publication_days').where('id', '=', 1).executeTakeFirst();
  return row?.publication_days ?? 5;
}

export interface StoredEvaluation {
  state: EvaluationState;
  header: Record<string, string | null>;
  chainId: string | null;
}

export async function loadEvaluation(db: Db, id: string): Promise<StoredEvaluation> {
  const row = await db.selectFrom('evaluations').select(['state', 'header', 'chain_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', 'no such evaluation');
  return { state: JSON.parse(row.state) as EvaluationState, header: JSON.parse(row.header) as Record<string, string | null>, chainId: row.chain_id };
}

/** The row of an evaluation and its reviewers, derived from the state. */
export async function saveEvaluation(db: Transaction<DB>, stored: StoredEvaluation, now: Date, isNew = false): Promise<void> {
  const { state } = stored;
  const decision = state.decisions.at(-1);
  const publication = state.publications.at(-1);
  const at = now.toISOString();
  const columns = {
    status: state.status,
    round: state.round,
    grade: decision?.grade ?? null,
    score_num: decision?.score.num ?? null,
    score_den: decision?.score.den ?? null,
    chain_id: stored.chainId,
    header: JSON.stringify(stored.header),
    state: JSON.stringify(state),
    updated_at: at,
    publication_ends: state.status === 'published' && publication ? publication.deadline.day : null,
    final_on: state.finalOn,
  };
  if (isNew) {
    await db
      .insertInto('evaluations')
      .values({
        id: state.id,
        customer_id: state.customerId,
        kind: state.kind,
        model_id: state.modelId,
        model_version: state.modelVersion,
        started_by: state.startedBy,
        started_on: state.startedOn,
        started_at: at,
        ...columns,
      })
      .execute();
  } else {
    await db.updateTable('evaluations').set(columns).where('id', '=', state.id).execute();
  }
  await db.deleteFrom('evaluation_reviewers').where('evaluation_id', '=', state.id).execute();
  if (state.sheets.length > 0) {
    await db
      .insertInto('evaluation_reviewers')
      .values(state.sheets.map((s) => ({ user_id: s.reviewer, evaluation_id: state.id, submitted: s.submittedOn === null ? 0 : 1 })))
      .execute();
  }
}

async function roleCodes(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('user_roles').innerJoin('roles', 'roles.id', 'user_roles.role_id').select('roles.code').where('user_roles.user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.code));
}

/**
 * The hats the caller wears for this customer's evaluation: 信用经理 by permission; 客户经理 /
 * 客服经理 by being the customer's (or, before the file names one, by holding that role).
 */
export async function contextFor(
  db: Db,
  actor: Actor | 'system',
  managers: { accountManager: string | null; serviceManager: string | null },
  now: Date,
): Promise<EvaluationContext> {
  const [calendar, days] = await Promise.all([loadCalendar(db), publicationDays(db)]);
  const roles: EvaluationRole[] = [];
  let id = 'system';
  if (actor === 'system') roles.push('system');
  else {
    id = actor.userId;
    const codes = await roleCodes(db, actor.userId);
    if (actor.permissions.has('evaluations.manage')) roles.push('credit_manager');
    if (managers.accountManager === actor.userId || (managers.accountManager === null && codes.has('account_manager'))) roles.push('account_manager');
    if (managers.serviceManager === actor.userId || (managers.serviceManager === null && codes.has('service_manager'))) roles.push('service_manager');
  }
  return { actor: { id, roles }, today: dayOf(now), calendar, settings: { publicationDays: days } };
}

const FORBIDDEN_REFUSALS = new Set(['not_permitted', 'not_a_reviewer', 'not_account_manager']);
const VALIDATION_REFUSALS = new Set([
  'invalid_input',
  'unknown_item',
  'unknown_option',
  'not_a_computed_item',
  'item_not_reopened',
  'note_required',
  'unknown_grade',
  'override_same_grade',
  'override_reason_required',
  'items_required',
  'reason_required',
  'evidence_required',
  'answer_required',
  'learned_on_invalid',
  'unknown_reviewer',
  'unknown_objection',
]);

/** A refusal of the lifecycle as it crosses the seam: who may (FORBIDDEN), bad fields (VALIDATION), or not now (CONFLICT). */
export function refusalError(refusal: EvaluationRefusal): ArchiveError {
  const details = { reason: refusal.code, ...(refusal.item ? { item: refusal.item } : {}), ...(refusal.scoring ? { scoring: refusal.scoring } : {}) };
  if (FORBIDDEN_REFUSALS.has(refusal.code)) return new ArchiveError('FORBIDDEN', `evaluation: ${refusal.code}`, details);
  if (VALIDATION_REFUSALS.has(refusal.code)) return new ArchiveError('VALIDATION', `evaluation: ${refusal.code}`, details);
  return new ArchiveError('CONFLICT', `evaluation: ${refusal.code}`, details);
}

/** The evaluation as the caller may see it: viewFor's sheets, the explanation once every sheet is in, and actionsFor. */
export async function detailOf(db: Db, id: string, actor: Actor, now: Date): Promise<EvaluationDetail> {
  const stored = await loadEvaluation(db, id);
  const { state } = stored;
  const model = await loadModel(db, state.modelId, state.modelVersion);
  const ctx = await contextFor(db, actor, { accountManager: state.accountManager, serviceManager: state.serviceManager }, now);
  const view = viewFor(state, actor.userId);
  const outcome = allSheetsSubmitted(state) ? explain(model, evaluationInputs(state)) : null;
  const customer = await db.selectFrom('customers').select(['id', 'name']).where('id', '=', state.customerId).executeTakeFirstOrThrow();
  const chain = stored.chainId ? await db.selectFrom('approval_chains').select(['id', 'status']).where('id', '=', stored.chainId).executeTakeFirst() : undefined;
  const named = new Set<string>([state.startedBy, state.accountManager, state.serviceManager]);
  for (const r of state.reviewers) named.add(r.userId);
  for (const d of state.decisions) named.add(d.decidedBy);
  for (const h of state.history) if (h.by !== 'system') named.add(h.by);
  for (const s of state.settlements) named.add(s.by);
  for (const o of state.objections) {
    named.add(o.enteredBy);
    if (o.answer) named.add(o.answer.by);
  }
  const people = named.size === 0 ? [] : await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...named]).execute();
  const publication = state.publications.at(-1);
  return {
    evaluation: { ...view, objections: view.objections.map((o) => ({ ...o, overdue: objectionOverdue(o, ctx.today) })) },
    customer: { id: customer.id, name: customer.name },
    model,
    header: stored.header,
    explanation: outcome?.ok ? outcome.explanation : null,
    scoringRefusals: outcome && !outcome.ok ? outcome.refusals : [],
    actions: actionsFor(model, state, ctx).map((a) => ({ event: a.event, allowed: a.allowed, refusal: a.refusal })),
    chain: chain ? { chainId: chain.id, status: chain.status } : null,
    people: people.map((p) => ({ id: p.id, displayName: p.display_name })).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')),
    publicationEnds: state.status === 'published' && publication ? publication.deadline.day : null,
  };
}
