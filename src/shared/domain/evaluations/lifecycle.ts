// The lifecycle of a credit evaluation (SPEC §2, issue 9 item 4) as one pure state machine:
// draft (each reviewer scores alone) → the credit manager consolidates → the approval
// chain → 公示 publication → 异议 objections → final. The host enforces with `decide`; the
// renderer enables and explains with `actionsFor`, which runs the same gates.
import { explain, type Explanation } from '../scoring/explain';
import { creditLimitFor, policyFor, type EvaluationInputs } from '../scoring/score';
import { scoreText } from '../scoring/exact';
import type { ScoringModel } from '../scoring/model';
import { isDay, workingDayDeadline } from '../working-days';
import { EVALUATION_EVENTS, OBJECTION_ANSWER_WORKING_DAYS, OBJECTION_WINDOW_WORKING_DAYS, type EvaluationEventType, type EvaluationKind, type EvaluationRefusalCode, type EvaluationRole } from './codes';
import { approvalContent, sameApprovalContent } from './views';
import type { DecideOutcome, Decision, EvaluationContext, EvaluationEvent, EvaluationRefusal, EvaluationState, EventOf, HistoryEntry, Objection, Sheet } from './state';

/** The chain (and who starts the evaluation) follows from the model: a new-customer model goes to the new-customer chain. */
export function evaluationKindFor(model: ScoringModel): EvaluationKind {
  return model.kind === 'new_customer' ? 'new_customer_review' : 'periodic_review';
}

/** Who starts an evaluation of this kind: the 客服经理 a periodic review, the 客户经理 a new customer's. */
export const STARTER_ROLE: Record<EvaluationKind, EvaluationRole> = {
  periodic_review: 'service_manager',
  new_customer_review: 'account_manager',
};

const refuse = (code: EvaluationRefusalCode, item?: string): EvaluationRefusal => (item === undefined ? { code } : { code, item });
const has = (ctx: EvaluationContext, role: EvaluationRole) => ctx.actor.roles.includes(role);
const filled = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;

export function isReviewer(state: EvaluationState, user: string): boolean {
  return state.reviewers.some((r) => r.userId === user);
}

export function sheetOf(state: EvaluationState, user: string): Sheet | undefined {
  return state.sheets.find((s) => s.reviewer === user);
}

export function allSheetsSubmitted(state: EvaluationState): boolean {
  return state.sheets.every((s) => s.submittedOn !== null);
}

export function openObjection(state: EvaluationState): Objection | undefined {
  return state.objections.find((o) => o.answer === null);
}

/** The credit manager's answer is overdue: unanswered after its deadline day. */
export function objectionOverdue(objection: Objection, today: string): boolean {
  return objection.answer === null && today > objection.answerDeadline.day;
}

export function currentDecision(state: EvaluationState): Decision | undefined {
  return state.decisions.at(-1);
}

/** The scoring inputs the evaluation holds now. */
export function evaluationInputs(state: EvaluationState): EvaluationInputs {
  return { sheets: state.sheets.map((s) => ({ reviewer: s.reviewer, ratings: s.ratings })), values: state.values };
}

/** The explanation of the current sheets, once every reviewer has submitted (else null). */
export function currentExplanation(model: ScoringModel, state: EvaluationState): ReturnType<typeof explain> | null {
  return allSheetsSubmitted(state) ? explain(model, evaluationInputs(state)) : null;
}

function unsettled(state: EvaluationState, explanation: Explanation): string[] {
  return explanation.toSettle.filter((item) => !state.settlements.some((s) => s.item === item));
}

const SCORING = ['draft', 'reopened'] as const;
const inScoring = (state: EvaluationState) => (SCORING as readonly string[]).includes(state.status);

/**
 * Whether the actor may do `type` now, whatever the event's fields: state, role and the
 * conditions that need no input. Both `decide` and `actionsFor` run it first.
 */
function gate(model: ScoringModel, state: EvaluationState | null, type: EvaluationEventType, ctx: EvaluationContext): EvaluationRefusal | null {
  if (type === 'start') {
    if (state) return refuse('already_started');
    return has(ctx, STARTER_ROLE[evaluationKindFor(model)]) ? null : refuse('not_permitted');
  }
  if (!state) return refuse('not_started');
  if (model.id !== state.modelId || model.version !== state.modelVersion) return refuse('wrong_model');
  const actor = ctx.actor.id;
  switch (type) {
    case 'add_reviewer':
    case 'remove_reviewer':
      if (state.status !== 'draft') return refuse('wrong_state');
      if (!has(ctx, 'credit_manager')) return refuse('not_permitted');
      return type === 'add_reviewer' || state.reviewers.some((r) => r.origin === 'added') ? null : refuse('reviewer_not_removable');
    case 'save_sheet':
    case 'submit_sheet': {
      if (!inScoring(state)) return refuse('wrong_state');
      const own = sheetOf(state, actor);
      if (!own) return refuse('not_a_reviewer');
      return own.submittedOn === null ? null : refuse('sheet_submitted');
    }
    case 'return_sheet':
      if (!inScoring(state)) return refuse('wrong_state');
      if (!has(ctx, 'credit_manager')) return refuse('not_permitted');
      return state.sheets.some((s) => s.submittedOn !== null) ? null : refuse('sheet_not_submitted');
    case 'set_value':
      if (!inScoring(state)) return refuse('wrong_state');
      if (!isReviewer(state, actor) && !has(ctx, 'credit_manager') && !has(ctx, 'system')) return refuse('not_permitted');
      return model.items.some((i) => i.kind === 'computed' && (state.status === 'draft' || state.reopenedItems.includes(i.code))) ? null : refuse('not_a_computed_item');
    case 'settle_item':
    case 'consolidate': {
      if (!inScoring(state)) return refuse('wrong_state');
      if (!has(ctx, 'credit_manager')) return refuse('not_permitted');
      const outcome = currentExplanation(model, state);
      if (!outcome) return refuse('sheets_pending');
      if (!outcome.ok) return { code: 'scoring_refused', scoring: outcome.refusals };
      if (type === 'settle_item') return outcome.explanation.toSettle.length > 0 ? null : refuse('nothing_to_settle');
      const open = unsettled(state, outcome.explanation);
      return open.length === 0 ? null : refuse('items_unsettled', open[0]);
    }
    case 'chain_outcome':
      if (state.status !== 'in_approval') return refuse('wrong_state');
      return has(ctx, 'system') ? null : refuse('not_permitted');
    case 'enter_objection':
      if (state.status === 'objection') return refuse('objection_open');
      if (state.status !== 'published' && state.status !== 'final') return refuse('wrong_state');
      return actor === state.accountManager ? null : refuse('not_account_manager');
    case 'answer_objection':
      if (state.status !== 'objection') return refuse('wrong_state');
      return has(ctx, 'credit_manager') ? null : refuse('not_permitted');
    case 'finalize': {
      if (state.status !== 'published') return refuse('wrong_state');
      if (!has(ctx, 'credit_manager') && !has(ctx, 'system')) return refuse('not_permitted');
      const publication = state.publications.at(-1)!;
      return ctx.today > publication.deadline.day ? null : refuse('publication_not_over');
    }
    case 'set_attachments': {
      // A reviewer while their sheet is open, or the credit manager until consolidation.
      if (!inScoring(state)) return refuse('wrong_state');
      const own = sheetOf(state, actor);
      if ((own && own.submittedOn === null) || has(ctx, 'credit_manager')) return null;
      return refuse(own ? 'sheet_submitted' : 'not_permitted');
    }
    case 'cancel':
      if (state.status !== 'draft') return refuse('wrong_state');
      return actor === state.startedBy || has(ctx, 'credit_manager') ? null : refuse('not_permitted');
  }
}

export interface ActionAvailability {
  event: EvaluationEventType;
  allowed: boolean;
  /** Why not, when not allowed. */
  refusal: EvaluationRefusal | null;
}

/**
 * Every event and whether this actor may send it now (state, role and field-free
 * conditions); the event's own fields are checked by `decide`. `state` null: not started.
 */
export function actionsFor(model: ScoringModel, state: EvaluationState | null, ctx: EvaluationContext): ActionAvailability[] {
  return EVALUATION_EVENTS.map((event) => {
    const refusal = gate(model, state, event, ctx);
    return { event, allowed: refusal === null, refusal };
  });
}

/** The events this actor may send now. */
export function allowedActions(model: ScoringModel, state: EvaluationState | null, ctx: EvaluationContext): EvaluationEventType[] {
  return actionsFor(model, state, ctx)
    .filter((a) => a.allowed)
    .map((a) => a.event);
}

/**
 * The next state after `event`, or a refusal with its reason. A refusal leaves `state`
 * as it was; so does success: the next state is a new object.
 */
export function decide(model: ScoringModel, state: EvaluationState | null, event: EvaluationEvent, ctx: EvaluationContext): DecideOutcome {
  const refusal = gate(model, state, event.type, ctx);
  if (refusal) return { ok: false, refusal };
  if (event.type === 'start') return start(model, event, ctx);
  const next = structuredClone(state!);
  const result = apply(model, next, event, ctx);
  return result ? { ok: false, refusal: result } : { ok: true, state: next };
}

function log(state: EvaluationState, ctx: EvaluationContext, entry: Omit<HistoryEntry, 'on' | 'by' | 'round'>): void {
  state.history.push({ ...entry, on: ctx.today, by: ctx.actor.id, round: state.round });
}

function start(model: ScoringModel, e: EventOf<'start'>, ctx: EvaluationContext): DecideOutcome {
  const no = (code: EvaluationRefusalCode, item?: string): DecideOutcome => ({ ok: false, refusal: refuse(code, item) });
  if (e.kind !== evaluationKindFor(model)) return no('wrong_model');
  if (![e.evaluationId, e.customerId, e.accountManager, e.serviceManager].every(filled) || !isDay(ctx.today)) return no('invalid_input');
  const base = e.limitBase?.averageMonthlySalesFen;
  if (!Number.isInteger(base) || base < 0) return no('invalid_input');
  const values: EvaluationState['values'] = {};
  for (const [code, value] of Object.entries(e.values ?? {})) {
    const item = model.items.find((i) => i.code === code);
    if (!item) return no('unknown_item', code);
    if (item.kind !== 'computed') return no('not_a_computed_item', code);
    if (value !== null && (!Number.isFinite(value.value) || (value.source !== 'archive' && value.source !== 'entered'))) return no('invalid_input', code);
  }
  for (const item of model.items) if (item.kind === 'computed') values[item.code] = e.values?.[item.code] ?? null;
  const reviewers: EvaluationState['reviewers'] = [{ userId: e.accountManager, origin: 'account_manager' }];
  if (e.serviceManager !== e.accountManager) reviewers.push({ userId: e.serviceManager, origin: 'service_manager' });
  const state: EvaluationState = {
    id: e.evaluationId,
    kind: e.kind,
    customerId: e.customerId,
    modelId: model.id,
    modelVersion: model.version,
    status: 'draft',
    startedBy: ctx.actor.id,
    startedOn: ctx.today,
    accountManager: e.accountManager,
    serviceManager: e.serviceManager,
    reviewers,
    sheets: reviewers.map((r) => ({ reviewer: r.userId, ratings: {}, opinion: '', submittedOn: null })),
    values,
    limitBase: { averageMonthlySalesFen: base },
    settlements: [],
    round: 1,
    reopenedItems: [],
    decisions: [],
    publications: [],
    objections: [],
    finalOn: null,
    history: [],
    attachments: [],
  };
  log(state, ctx, { kind: 'started' });
  return { ok: true, state };
}

/** Applies a gated event to `s` (a copy); returns a refusal instead when its fields are wrong. */
function apply(model: ScoringModel, s: EvaluationState, e: Exclude<EvaluationEvent, { type: 'start' }>, ctx: EvaluationContext): EvaluationRefusal | null {
  const actor = ctx.actor.id;
  const reopenedOnly = (item: string) => s.status === 'reopened' && !s.reopenedItems.includes(item);
  switch (e.type) {
    case 'add_reviewer': {
      if (!filled(e.reviewer)) return refuse('invalid_input');
      if (isReviewer(s, e.reviewer)) return refuse('already_reviewer');
      s.reviewers.push({ userId: e.reviewer, origin: 'added' });
      s.sheets.push({ reviewer: e.reviewer, ratings: {}, opinion: '', submittedOn: null });
      log(s, ctx, { kind: 'reviewer_added', reviewer: e.reviewer });
      return null;
    }
    case 'remove_reviewer': {
      const reviewer = s.reviewers.find((r) => r.userId === e.reviewer);
      if (!reviewer) return refuse('unknown_reviewer');
      if (reviewer.origin !== 'added') return refuse('reviewer_not_removable');
      s.reviewers = s.reviewers.filter((r) => r.userId !== e.reviewer);
      s.sheets = s.sheets.filter((x) => x.reviewer !== e.reviewer);
      log(s, ctx, { kind: 'reviewer_removed', reviewer: e.reviewer });
      return null;
    }
    case 'save_sheet': {
      const sheet = sheetOf(s, actor)!;
      for (const [code, option] of Object.entries(e.ratings ?? {})) {
        const item = model.items.find((i) => i.code === code);
        if (!item || item.kind !== 'rated') return refuse('unknown_item', code);
        if (reopenedOnly(code)) return refuse('item_not_reopened', code);
        if (option === null) delete sheet.ratings[code];
        else if (!item.options.some((o) => o.code === option)) return refuse('unknown_option', code);
        else sheet.ratings[code] = option;
      }
      if (e.opinion !== undefined) {
        if (typeof e.opinion !== 'string') return refuse('invalid_input');
        sheet.opinion = e.opinion;
      }
      return null;
    }
    case 'submit_sheet': {
      const sheet = sheetOf(s, actor)!;
      const missing = model.items.find((i) => i.kind === 'rated' && sheet.ratings[i.code] === undefined);
      if (missing) return refuse('sheet_incomplete', missing.code);
      sheet.submittedOn = ctx.today;
      log(s, ctx, { kind: 'sheet_submitted', reviewer: actor });
      return null;
    }
    case 'return_sheet': {
      const sheet = sheetOf(s, e.reviewer);
      if (!sheet) return refuse('unknown_reviewer');
      if (sheet.submittedOn === null) return refuse('sheet_not_submitted');
      if (!filled(e.reason)) return refuse('reason_required');
      sheet.submittedOn = null;
      // A note settled the ratings as they stood; once a sheet can change, it is settled again.
      s.settlements = [];
      log(s, ctx, { kind: 'sheet_returned', reviewer: e.reviewer, note: e.reason.trim() });
      return null;
    }
    case 'set_attachments': {
      if (!Array.isArray(e.documents) || !e.documents.every(filled)) return refuse('invalid_input');
      s.attachments = [...new Set(e.documents)];
      log(s, ctx, { kind: 'attachments_set' });
      return null;
    }
    case 'set_value': {
      const item = model.items.find((i) => i.code === e.item);
      if (!item) return refuse('unknown_item', e.item);
      if (item.kind !== 'computed') return refuse('not_a_computed_item', e.item);
      if (reopenedOnly(e.item)) return refuse('item_not_reopened', e.item);
      if (!e.value || !Number.isFinite(e.value.value) || (e.value.source !== 'archive' && e.value.source !== 'entered')) return refuse('invalid_input', e.item);
      s.values[e.item] = { value: e.value.value, source: e.value.source };
      log(s, ctx, { kind: 'value_set', items: [e.item] });
      return null;
    }
    case 'settle_item': {
      const outcome = currentExplanation(model, s)!;
      if (!outcome.ok || !outcome.explanation.toSettle.includes(e.item)) return refuse('nothing_to_settle', e.item);
      if (!filled(e.note)) return refuse('note_required', e.item);
      s.settlements = s.settlements.filter((x) => x.item !== e.item);
      s.settlements.push({ item: e.item, note: e.note.trim(), by: actor, on: ctx.today });
      log(s, ctx, { kind: 'item_settled', items: [e.item], note: e.note.trim() });
      return null;
    }
    case 'consolidate':
      return consolidate(model, s, e, ctx);
    case 'chain_outcome':
      return chainOutcome(s, e, ctx);
    case 'enter_objection':
      return enterObjection(model, s, e, ctx);
    case 'answer_objection':
      return answerObjection(model, s, e, ctx);
    case 'finalize':
      s.status = 'final';
      s.finalOn = ctx.today;
      log(s, ctx, { kind: 'finalized', grade: currentDecision(s)!.grade });
      return null;
    case 'cancel':
      if (!filled(e.reason)) return refuse('reason_required');
      s.status = 'cancelled';
      log(s, ctx, { kind: 'cancelled', note: e.reason.trim() });
      return null;
  }
}

function consolidate(model: ScoringModel, s: EvaluationState, e: EventOf<'consolidate'>, ctx: EvaluationContext): EvaluationRefusal | null {
  const { explanation } = currentExplanation(model, s) as Extract<ReturnType<typeof explain>, { ok: true }>;
  const computedGrade = explanation.grade.code;
  let grade = computedGrade;
  let override: Decision['override'] = null;
  if (e.override) {
    if (!model.scale.grades.some((g) => g.code === e.override!.grade)) return refuse('unknown_grade');
    if (e.override.grade === computedGrade) return refuse('override_same_grade');
    if (!filled(e.override.reason)) return refuse('override_reason_required');
    grade = e.override.grade;
    override = { grade, reason: e.override.reason.trim() };
  }
  const policy = policyFor(model, grade);
  if (!policy) return refuse('unknown_grade');
  const starting = s.kind === 'new_customer_review';
  const rule = starting ? policy.start.limit : policy.limit;
  s.decisions.push({
    round: s.round,
    score: { num: explanation.score.num, den: explanation.score.den },
    scoreText: scoreText(explanation.score),
    computedGrade,
    grade,
    override,
    policy: {
      limit: structuredClone(rule),
      limitFen: creditLimitFor(rule, s.limitBase),
      termDays: starting ? policy.start.termDays : policy.termDays,
      measures: [...policy.measures],
      reviewCycleMonths: policy.reviewCycleMonths,
      starting,
    },
    decidedBy: ctx.actor.id,
    decidedOn: ctx.today,
    chain: null,
  });
  s.status = 'in_approval';
  log(s, ctx, override ? { kind: 'consolidated', grade, note: override.reason } : { kind: 'consolidated', grade });
  return null;
}

function chainOutcome(s: EvaluationState, e: EventOf<'chain_outcome'>, ctx: EvaluationContext): EvaluationRefusal | null {
  const decision = currentDecision(s)!;
  switch (e.outcome) {
    case 'approved': {
      const now = approvalContent(s)!;
      if (!e.content || !sameApprovalContent(e.content, now)) return refuse('content_changed');
      const days = ctx.settings.publicationDays;
      if (!Number.isInteger(days) || days < 1) return refuse('invalid_input');
      decision.chain = 'approved';
      s.publications.push({ round: s.round, startedOn: ctx.today, deadline: workingDayDeadline(ctx.calendar, ctx.today, days) });
      s.status = 'published';
      log(s, ctx, { kind: 'approved', grade: decision.grade });
      log(s, ctx, { kind: 'published', grade: decision.grade });
      return null;
    }
    case 'rejected':
      decision.chain = 'rejected';
      s.status = 'rejected';
      log(s, ctx, { kind: 'chain_rejected' });
      return null;
    case 'returned':
    case 'withdrawn':
      decision.chain = e.outcome;
      s.status = s.round === 1 ? 'draft' : 'reopened';
      log(s, ctx, { kind: e.outcome === 'returned' ? 'chain_returned' : 'chain_withdrawn' });
      return null;
    default:
      return refuse('invalid_input');
  }
}

export interface ObjectionWindow {
  /** The last day of the publication, while it runs (null once final). */
  publicationEnds: string | null;
  /** The 15th working day after the day the customer learned of the result (null: no such day given). */
  learnedEnds: string | null;
  /** The later of the two: the last day an objection may be entered (null: none possible). */
  lastDay: string | null;
}

/** When an objection may be entered, given the day the customer learned of the result. */
export function objectionWindow(s: EvaluationState, calendar: EvaluationContext['calendar'], learnedOn: string | null): ObjectionWindow {
  const publication = s.publications.at(-1);
  const publicationEnds = publication && s.status === 'published' ? publication.deadline.day : null;
  const learnedEnds = publication && learnedOn !== null ? workingDayDeadline(calendar, learnedOn, OBJECTION_WINDOW_WORKING_DAYS).day : null;
  const lastDay = publicationEnds === null ? learnedEnds : learnedEnds === null || learnedEnds < publicationEnds ? publicationEnds : learnedEnds;
  return { publicationEnds, learnedEnds, lastDay };
}

function enterObjection(model: ScoringModel, s: EvaluationState, e: EventOf<'enter_objection'>, ctx: EvaluationContext): EvaluationRefusal | null {
  if (!filled(e.objectionId)) return refuse('invalid_input');
  if (s.objections.some((o) => o.id === e.objectionId)) return refuse('duplicate_id');
  const items = [...new Set(e.items ?? [])];
  if (items.length === 0) return refuse('items_required');
  const unknown = items.find((code) => !model.items.some((i) => i.code === code));
  if (unknown !== undefined) return refuse('unknown_item', unknown);
  if (!filled(e.reasons)) return refuse('reason_required');
  const evidence = [...new Set(e.evidence ?? [])];
  if (evidence.length === 0 || !evidence.every(filled)) return refuse('evidence_required');
  const publication = s.publications.at(-1)!;
  if (e.learnedOn !== null) {
    if (!isDay(e.learnedOn)) return refuse('invalid_input');
    if (e.learnedOn < publication.startedOn || e.learnedOn > ctx.today) return refuse('learned_on_invalid');
  }
  const window = objectionWindow(s, ctx.calendar, e.learnedOn);
  const withinPublication = window.publicationEnds !== null && ctx.today <= window.publicationEnds;
  const withinLearned = window.learnedEnds !== null && ctx.today <= window.learnedEnds;
  if (!withinPublication && !withinLearned) return refuse('outside_objection_window');
  s.objections.push({
    id: e.objectionId,
    round: publication.round,
    items,
    reasons: e.reasons.trim(),
    evidence,
    learnedOn: e.learnedOn,
    ground: withinPublication ? 'within_publication' : 'within_learned_period',
    enteredBy: ctx.actor.id,
    enteredOn: ctx.today,
    answerDeadline: workingDayDeadline(ctx.calendar, ctx.today, OBJECTION_ANSWER_WORKING_DAYS),
    from: s.status === 'final' ? 'final' : 'published',
    answer: null,
  });
  s.status = 'objection';
  log(s, ctx, { kind: 'objection_entered', objectionId: e.objectionId, items, note: e.reasons.trim() });
  return null;
}

function answerObjection(model: ScoringModel, s: EvaluationState, e: EventOf<'answer_objection'>, ctx: EvaluationContext): EvaluationRefusal | null {
  const objection = s.objections.find((o) => o.id === e.objectionId);
  if (!objection) return refuse('unknown_objection');
  if (objection.answer) return refuse('objection_answered');
  if (!filled(e.answer)) return refuse('answer_required');
  if (typeof e.upheld !== 'boolean') return refuse('invalid_input');
  const text = e.answer.trim();
  objection.answer = { upheld: e.upheld, text, by: ctx.actor.id, on: ctx.today, late: ctx.today > objection.answerDeadline.day };
  if (!e.upheld) {
    s.status = objection.from;
    log(s, ctx, { kind: 'objection_rejected', objectionId: objection.id, items: objection.items, note: text });
    return null;
  }
  log(s, ctx, { kind: 'objection_upheld', objectionId: objection.id, items: objection.items, note: text });
  // The named items are decided again: every reviewer re-enters their rating on them (a
  // computed value is entered again); nothing else on the sheets changes.
  const rated = new Set(model.items.filter((i) => i.kind === 'rated').map((i) => i.code));
  for (const sheet of s.sheets) {
    let touched = false;
    for (const item of objection.items) {
      if (rated.has(item) && sheet.ratings[item] !== undefined) {
        delete sheet.ratings[item];
        touched = true;
      }
    }
    if (touched) sheet.submittedOn = null;
  }
  for (const item of objection.items) if (!rated.has(item)) s.values[item] = null;
  s.settlements = s.settlements.filter((x) => !objection.items.includes(x.item));
  s.round += 1;
  s.reopenedItems = [...objection.items];
  s.status = 'reopened';
  s.finalOn = null;
  log(s, ctx, { kind: 'reopened', objectionId: objection.id, items: objection.items, note: text });
  return null;
}
