// The approval chain as one pure state machine. `decide` is the only way a state changes;
// `actionsFor` answers "what may this user do now, and if not, why" with the same checks,
// so the host enforces and the renderer explains with one implementation.

import { activeAdministrators, delegationStanding, findUser, resolveAssignees, skipReasonFor } from './directory';
import type {
  ActionsContext,
  ApprovalContext,
  ApprovalDefinition,
  ApprovalEvent,
  ApprovalRefusal,
  ApprovalState,
  AvailableActions,
  DecideResult,
  DecisionRecord,
  Moment,
  Possibility,
  ReturnTarget,
  SeatActions,
  StepDefinition,
  StepMode,
  StepState,
  Submission,
  UserId,
  VoidReason,
} from './types';

// ─── Definition checks ───────────────────────────────────────────────────────

export const DEFINITION_PROBLEMS = [
  'badVersion', // version is not a positive integer
  'noSteps',
  'duplicateStepId',
  'noAssignee', // a step names nobody
  'quorumOutOfRange', // n of m with n not a positive integer
  'badDeadline', // deadline is not a positive integer of working days
  'badCondition', // an amount that is not integer fen, or an empty set
] as const;
export type DefinitionProblemCode = (typeof DEFINITION_PROBLEMS)[number];
export interface DefinitionProblem {
  problem: DefinitionProblemCode;
  stepId: string | null;
}

/** What is wrong with a definition (empty: it can run). The chain editor shows each. */
export function validateDefinition(definition: ApprovalDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (!Number.isInteger(definition.version) || definition.version < 1) problems.push({ problem: 'badVersion', stepId: null });
  if (definition.steps.length === 0) problems.push({ problem: 'noSteps', stepId: null });
  const seen = new Set<string>();
  for (const step of definition.steps) {
    if (seen.has(step.id)) problems.push({ problem: 'duplicateStepId', stepId: step.id });
    seen.add(step.id);
    if (step.who.length === 0) problems.push({ problem: 'noAssignee', stepId: step.id });
    if (step.how.mode === 'quorum' && (!Number.isInteger(step.how.n) || step.how.n < 1)) problems.push({ problem: 'quorumOutOfRange', stepId: step.id });
    if (step.deadlineWorkingDays !== undefined && (!Number.isInteger(step.deadlineWorkingDays) || step.deadlineWorkingDays < 1)) {
      problems.push({ problem: 'badDeadline', stepId: step.id });
    }
    for (const c of step.when ?? []) {
      const bad =
        (c.kind === 'amountAbove' && !Number.isInteger(c.fen)) ||
        (c.kind === 'gradeIn' && c.grades.length === 0) ||
        (c.kind === 'confidentialityIn' && c.levels.length === 0) ||
        (c.kind === 'authorDepartmentKindIn' && c.kinds.length === 0) ||
        (c.kind === 'authorDepartmentIn' && c.departmentCodes.length === 0);
      if (bad) problems.push({ problem: 'badCondition', stepId: step.id });
    }
  }
  return problems;
}

// ─── Reading a state ─────────────────────────────────────────────────────────

function isBallot(d: DecisionRecord): boolean {
  return d.kind === 'approve' || d.kind === 'reject';
}

/** The ballots that count at a step: approvals and rejections not voided. */
export function countingBallots(state: ApprovalState, stepId: string): DecisionRecord[] {
  return state.decisions.filter((d) => d.stepId === stepId && isBallot(d) && d.voided === null);
}

function stepIndex(definition: ApprovalDefinition, stepId: string | null): number {
  return stepId === null ? -1 : definition.steps.findIndex((s) => s.id === stepId);
}

function stepStateOf(state: ApprovalState, stepId: string): StepState {
  const found = state.steps.find((s) => s.stepId === stepId);
  if (!found) throw new Error(`approval state has no step ${stepId}`);
  return found;
}

/** The mode the seats decide by: an escalated step is the administrators', any one of them. */
export function effectiveMode(step: StepDefinition, stepState: StepState): StepMode {
  return stepState.escalation ? { mode: 'any' } : step.how;
}

/** Approvals the step needs with its seats as they are. */
export function approvalsNeeded(mode: StepMode, seatCount: number): number {
  switch (mode.mode) {
    case 'sequential':
    case 'all':
      return seatCount;
    case 'any':
      return 1;
    case 'quorum':
      return mode.n;
  }
}

type Outcome = 'open' | 'approved' | 'rejected';

function outcomeOf(mode: StepMode, seatCount: number, ballots: readonly DecisionRecord[]): Outcome {
  const approvals = ballots.filter((b) => b.kind === 'approve').length;
  const rejections = ballots.length - approvals;
  switch (mode.mode) {
    case 'any': {
      const first = ballots[0];
      return first === undefined ? 'open' : first.kind === 'approve' ? 'approved' : 'rejected';
    }
    case 'sequential':
    case 'all':
      if (rejections > 0) return 'rejected';
      return seatCount > 0 && approvals >= seatCount ? 'approved' : 'open';
    case 'quorum': {
      if (approvals >= mode.n) return 'approved';
      const stillPossible = approvals + (seatCount - ballots.length);
      return stillPossible < mode.n ? 'rejected' : 'open';
    }
  }
}

function personsOf(d: DecisionRecord): [UserId, UserId] {
  return [d.actorId, d.principalId];
}

/** People who filled a distinct-person step other than `exceptStepId`, by a counting ballot. */
function fillersOfOtherDistinctSteps(definition: ApprovalDefinition, state: ApprovalState, exceptStepId: string): Set<UserId> {
  const distinct = new Set(definition.steps.filter((s) => s.distinctPerson && s.id !== exceptStepId).map((s) => s.id));
  const people = new Set<UserId>();
  for (const d of state.decisions) if (isBallot(d) && d.voided === null && distinct.has(d.stepId)) personsOf(d).forEach((p) => people.add(p));
  return people;
}

/** People with a counting ballot at this step, as actor or as the one acted for. */
function votersAt(state: ApprovalState, stepId: string): Set<UserId> {
  return new Set(countingBallots(state, stepId).flatMap(personsOf));
}

/** Who may not sit at a step: the author, and for a distinct-person step whoever filled another. */
function excludedFrom(definition: ApprovalDefinition, state: ApprovalState, step: StepDefinition): Set<UserId> {
  const excluded = step.distinctPerson ? fillersOfOtherDistinctSteps(definition, state, step.id) : new Set<UserId>();
  excluded.add(state.authorId);
  return excluded;
}

/** The seat whose turn it is in a 依次 step: the first without a counting ballot. */
function turnOf(state: ApprovalState, stepState: StepState): UserId | null {
  const voted = new Set(countingBallots(state, stepState.stepId).map((b) => b.principalId));
  return stepState.seats.find((s) => !voted.has(s.userId))?.userId ?? null;
}

/** Seats of the open step that wait for a decision (for the inbox); 依次 waits for one at a time. */
export function pendingSeats(definition: ApprovalDefinition, state: ApprovalState): { stepId: string; userId: UserId }[] {
  if (state.status !== 'running' || state.currentStepId === null) return [];
  const stepState = stepStateOf(state, state.currentStepId);
  const step = definition.steps[stepIndex(definition, state.currentStepId)];
  if (!step) return [];
  if (effectiveMode(step, stepState).mode === 'sequential') {
    const turn = turnOf(state, stepState);
    return turn === null ? [] : [{ stepId: stepState.stepId, userId: turn }];
  }
  const voted = new Set(countingBallots(state, stepState.stepId).map((b) => b.principalId));
  return stepState.seats.filter((s) => !voted.has(s.userId)).map((s) => ({ stepId: stepState.stepId, userId: s.userId }));
}

/** The open step is past its deadline: `today` is after the deadline day. */
export function isOverdue(state: ApprovalState, today: string): boolean {
  if (state.status !== 'running' || state.currentStepId === null) return false;
  const deadline = state.steps.find((s) => s.stepId === state.currentStepId)?.deadline;
  return deadline !== undefined && today > deadline.day;
}

// ─── Moving a state ──────────────────────────────────────────────────────────

function voidRecords(state: ApprovalState, stepIds: ReadonlySet<string>, reason: VoidReason, at: Moment, onlyIf: (d: DecisionRecord) => boolean = () => true): void {
  for (const d of state.decisions) {
    if (d.voided === null && d.kind !== 'return' && stepIds.has(d.stepId) && onlyIf(d)) d.voided = { reason, at };
  }
}

function resetStep(stepState: StepState): void {
  stepState.status = 'waiting';
  stepState.seats = [];
  delete stepState.escalation;
  delete stepState.openedAt;
  delete stepState.openedOn;
  delete stepState.closedAt;
  delete stepState.deadline;
}

function openStep(definition: ApprovalDefinition, state: ApprovalState, step: StepDefinition, context: ApprovalContext, at: Moment): void {
  const stepState = stepStateOf(state, step.id);
  const excluded = excludedFrom(definition, state, step);
  const resolved = resolveAssignees(step.who, context.directory, state.authorId).filter((id) => !excluded.has(id));
  resetStep(stepState);
  const tooFew = step.how.mode === 'quorum' && resolved.length > 0 && resolved.length < step.how.n;
  if (resolved.length === 0 || tooFew) {
    // 审批人为空: the administrators take the step, shown as such; never skipped silently.
    stepState.escalation = { reason: resolved.length === 0 ? 'noCandidates' : 'tooFewCandidates', resolvedCount: resolved.length };
    stepState.seats = activeAdministrators(context.directory)
      .filter((id) => !excluded.has(id))
      .map((userId) => ({ userId }));
  } else {
    stepState.seats = resolved.map((userId) => ({ userId }));
  }
  stepState.status = 'active';
  stepState.openedAt = at;
  stepState.openedOn = context.today;
  if (step.deadlineWorkingDays !== undefined) stepState.deadline = context.deadlineFor(step.deadlineWorkingDays, context.today);
  state.currentStepId = step.id;
}

/** Open the first step from `fromIndex` that is neither skipped nor approved; none left: approved. */
function advance(definition: ApprovalDefinition, state: ApprovalState, fromIndex: number, context: ApprovalContext, at: Moment): void {
  for (let i = fromIndex; i < definition.steps.length; i++) {
    const step = definition.steps[i]!;
    const stepState = stepStateOf(state, step.id);
    if (stepState.status === 'skipped' || stepState.status === 'approved') continue;
    openStep(definition, state, step, context, at);
    return;
  }
  state.status = 'approved';
  state.currentStepId = null;
  state.closedAt = at;
  if (definition.fileWithDepartment !== undefined) {
    const code = definition.fileWithDepartment;
    state.filedWith = { departmentCode: code, departmentId: context.directory.departments.find((d) => d.code === code)?.id ?? null, at };
  }
}

/** Mark each step skipped (with why) or due, for the form as it is now. */
function applyConditions(definition: ApprovalDefinition, state: ApprovalState, context: ApprovalContext, at: Moment): void {
  for (const step of definition.steps) {
    const stepState = stepStateOf(state, step.id);
    const skip = skipReasonFor(step, state.form, context.directory, state.authorId);
    if (skip) {
      voidRecords(state, new Set([step.id]), 'contentChanged', at);
      resetStep(stepState);
      stepState.status = 'skipped';
      stepState.skipped = skip;
    } else {
      delete stepState.skipped;
      if (stepState.status === 'skipped') stepState.status = 'waiting';
    }
  }
}

function matchesDefinition(definition: ApprovalDefinition, state: ApprovalState): boolean {
  return definition.id === state.definitionId && definition.version === state.definitionVersion;
}

function hasOpinion(opinion: string | undefined): opinion is string {
  return opinion !== undefined && opinion.trim().length > 0;
}

/** Start a chain (提交): conditions are applied and the first due step opens. */
export function startChain(definition: ApprovalDefinition, submission: Submission, context: ApprovalContext): DecideResult {
  if (validateDefinition(definition).length > 0) return { ok: false, reason: 'definitionInvalid' };
  const author = findUser(context.directory, submission.authorId);
  if (!author) return { ok: false, reason: 'unknownUser' };
  if (!author.active) return { ok: false, reason: 'inactiveUser' };
  const state: ApprovalState = {
    definitionId: definition.id,
    definitionVersion: definition.version,
    authorId: submission.authorId,
    form: structuredClone(submission.form),
    contentHash: submission.contentHash,
    status: 'running',
    steps: definition.steps.map((s) => ({ stepId: s.id, status: 'waiting', seats: [] })),
    decisions: [],
    submissions: [{ seq: 1, kind: 'submit', at: submission.at, contentHash: submission.contentHash, opinion: null }],
    currentStepId: null,
    nextSeq: 2,
  };
  applyConditions(definition, state, context, submission.at);
  advance(definition, state, 0, context, submission.at);
  return { ok: true, state };
}

// ─── Checks shared by decide and actionsFor ──────────────────────────────────

function chainOpenForSeats(state: ApprovalState): ApprovalRefusal | null {
  if (state.status === 'returned') return 'awaitingResubmission';
  if (state.status !== 'running') return 'chainClosed';
  return null;
}

/**
 * May `actorId` act in `principalId`'s seat at the open step now, deciding (approve, reject,
 * return) or handing the seat on (transfer)? Everything except the content hash and the
 * opinion, which depend on the event.
 */
function seatRefusal(
  definition: ApprovalDefinition,
  state: ApprovalState,
  context: ApprovalContext,
  actorId: UserId,
  principalId: UserId,
  action: 'decide' | 'transfer',
): ApprovalRefusal | null {
  const closed = chainOpenForSeats(state);
  if (closed) return closed;
  const index = stepIndex(definition, state.currentStepId);
  const step = definition.steps[index];
  if (!step) return 'stepNotActive';
  const stepState = stepStateOf(state, step.id);
  const actor = findUser(context.directory, actorId);
  const principal = findUser(context.directory, principalId);
  if (!actor || !principal) return 'unknownUser';
  if (actorId === state.authorId || principalId === state.authorId) return 'ownForm';
  if (!actor.active || !principal.active) return 'inactiveUser';
  if (!stepState.seats.some((s) => s.userId === principalId)) return 'notCandidate';
  if (actorId !== principalId) {
    const standing = delegationStanding(context.delegations, principalId, actorId, context.today);
    if (standing.standing === 'none') return 'notDelegate';
    if (standing.standing === 'outsideDates') return 'delegationOutsideDates';
  }
  // One person, one ballot per step: a delegate with a seat of their own decides there, and
  // may only hand on the seat they hold for someone else. A transfer is not a ballot.
  if (action === 'decide' && actorId !== principalId && stepState.seats.some((s) => s.userId === actorId)) return 'delegateHoldsOwnSeat';
  const voters = votersAt(state, step.id);
  if (voters.has(principalId) || (action === 'decide' && voters.has(actorId))) return 'alreadyDecided';
  if (step.distinctPerson) {
    const fillers = fillersOfOtherDistinctSteps(definition, state, step.id);
    if (fillers.has(actorId) || fillers.has(principalId)) return 'samePersonTwoSteps';
  }
  if (effectiveMode(step, stepState).mode === 'sequential' && turnOf(state, stepState) !== principalId) return 'notYourTurn';
  return null;
}

/** Where the open step may be returned to: the author, or an earlier approved step. */
function returnTargets(definition: ApprovalDefinition, state: ApprovalState): ReturnTarget[] {
  const index = stepIndex(definition, state.currentStepId);
  const earlier = definition.steps
    .slice(0, Math.max(index, 0))
    .filter((s) => stepStateOf(state, s.id).status === 'approved')
    .map((s): ReturnTarget => ({ to: 'step', stepId: s.id }));
  return [{ to: 'author' }, ...earlier];
}

/** Colleagues the seat of `principalId` may be transferred to at the open step. */
function transferTargets(definition: ApprovalDefinition, state: ApprovalState, context: ApprovalContext, principalId: UserId): UserId[] {
  const step = definition.steps[stepIndex(definition, state.currentStepId)];
  if (!step) return [];
  const stepState = stepStateOf(state, step.id);
  const pool = stepState.escalation
    ? activeAdministrators(context.directory)
    : step.transferTo
      ? resolveAssignees(step.transferTo, context.directory, state.authorId)
      : [...resolveAssignees(step.who, context.directory, state.authorId), ...colleaguesOf(context.directory, principalId)];
  const excluded = excludedFrom(definition, state, step);
  const seated = new Set(stepState.seats.map((s) => s.userId));
  const voters = votersAt(state, step.id);
  return pool.filter((id) => id !== principalId && !excluded.has(id) && !seated.has(id) && !voters.has(id));
}

/** Active users of the same department as `userId` (转交 to a colleague). */
function colleaguesOf(directory: ApprovalContext['directory'], userId: UserId): UserId[] {
  const departmentId = findUser(directory, userId)?.departmentId;
  return departmentId == null ? [] : directory.users.filter((u) => u.active && u.departmentId === departmentId).map((u) => u.id);
}

function authorRefusal(state: ApprovalState, actorId: UserId, kind: 'withdraw' | 'resubmit'): ApprovalRefusal | null {
  if (actorId !== state.authorId) return 'notAuthor';
  if (state.status === 'approved' || state.status === 'rejected' || state.status === 'withdrawn') return 'chainClosed';
  if (kind === 'resubmit') return state.status === 'returned' ? null : 'notReturned';
  if (state.status === 'returned') return null;
  const lastSubmission = Math.max(...state.submissions.map((s) => s.seq));
  const decidedSince = state.decisions.some((d) => d.kind !== 'transfer' && d.seq > lastSubmission);
  return decidedSince ? 'withdrawAfterDecision' : null;
}

// ─── decide ──────────────────────────────────────────────────────────────────

/**
 * The next state after `event`, or why the event is refused. A refusal never changes
 * anything; the input state is never mutated.
 */
export function decide(definition: ApprovalDefinition, state: ApprovalState, event: ApprovalEvent, context: ApprovalContext): DecideResult {
  if (!matchesDefinition(definition, state)) return { ok: false, reason: 'definitionMismatch' };

  if (event.type === 'withdraw' || event.type === 'resubmit') {
    const refusal = authorRefusal(state, event.actorId, event.type);
    if (refusal) return { ok: false, reason: refusal };
    const next = structuredClone(state);
    const seq = next.nextSeq++;
    if (event.type === 'withdraw') {
      next.submissions.push({ seq, kind: 'withdraw', at: event.at, contentHash: next.contentHash, opinion: hasOpinion(event.opinion) ? event.opinion.trim() : null });
      const open = next.currentStepId === null ? undefined : stepStateOf(next, next.currentStepId);
      if (open?.status === 'active') open.status = 'waiting';
      next.status = 'withdrawn';
      next.closedAt = event.at;
      return { ok: true, state: next };
    }
    next.submissions.push({ seq, kind: 'resubmit', at: event.at, contentHash: event.contentHash, opinion: null });
    next.form = structuredClone(event.form);
    next.contentHash = event.contentHash;
    const allSteps = new Set(definition.steps.map((s) => s.id));
    voidRecords(next, allSteps, 'contentChanged', event.at, (d) => d.contentHash !== event.contentHash);
    for (const stepState of next.steps) {
      const live = countingBallots(next, stepState.stepId);
      if (stepState.status === 'approved' && live.length === 0) resetStep(stepState);
      if (stepState.status === 'active') resetStep(stepState);
    }
    applyConditions(definition, next, context, event.at);
    next.status = 'running';
    advance(definition, next, 0, context, event.at);
    return { ok: true, state: next };
  }

  if (event.stepId !== state.currentStepId && chainOpenForSeats(state) === null) return { ok: false, reason: 'stepNotActive' };
  const principalId = event.onBehalfOf ?? event.actorId;
  const refusal = seatRefusal(definition, state, context, event.actorId, principalId, event.type === 'transfer' ? 'transfer' : 'decide');
  if (refusal) return { ok: false, reason: refusal };
  if (event.contentHash !== state.contentHash) return { ok: false, reason: 'staleContent' };

  const index = stepIndex(definition, state.currentStepId);
  const step = definition.steps[index]!;
  const opinionNeeded = event.type === 'reject' || event.type === 'return' || (event.type === 'approve' && step.opinionRequired);
  if (opinionNeeded && !hasOpinion(event.opinion)) return { ok: false, reason: 'opinionRequired' };
  if (event.type === 'return') {
    const target = event.to;
    const valid = returnTargets(definition, state).some((t) => (t.to === 'author' ? target.to === 'author' : target.to === 'step' && t.stepId === target.stepId));
    if (!valid) return { ok: false, reason: 'invalidReturnTarget' };
  }
  if (event.type === 'transfer' && !transferTargets(definition, state, context, principalId).includes(event.toUserId)) {
    return { ok: false, reason: 'transferTargetNotEligible' };
  }

  const next = structuredClone(state);
  const record: DecisionRecord = {
    seq: next.nextSeq++,
    stepId: step.id,
    kind: event.type,
    actorId: event.actorId,
    principalId,
    at: event.at,
    opinion: hasOpinion(event.opinion) ? event.opinion.trim() : null,
    contentHash: event.contentHash,
    voided: null,
  };
  const stepState = stepStateOf(next, step.id);

  switch (event.type) {
    case 'transfer': {
      record.transferTo = event.toUserId;
      next.decisions.push(record);
      stepState.seats = stepState.seats.map((s) => (s.userId === principalId ? { userId: event.toUserId, transferredFrom: principalId } : s));
      return { ok: true, state: next };
    }
    case 'return': {
      record.returnTo = event.to;
      const fromIndex = event.to.to === 'author' ? index : stepIndex(definition, event.to.stepId);
      const affected = definition.steps.slice(fromIndex, index + 1).map((s) => s.id);
      voidRecords(next, new Set(affected), 'returned', event.at);
      next.decisions.push(record);
      for (const id of affected) {
        const s = stepStateOf(next, id);
        if (s.status !== 'skipped') resetStep(s);
      }
      if (event.to.to === 'author') {
        next.status = 'returned';
        next.currentStepId = step.id;
      } else {
        openStep(definition, next, definition.steps[fromIndex]!, context, event.at);
      }
      return { ok: true, state: next };
    }
    case 'approve':
    case 'reject': {
      next.decisions.push(record);
      const outcome = outcomeOf(effectiveMode(step, stepState), stepState.seats.length, countingBallots(next, step.id));
      if (outcome === 'open') return { ok: true, state: next };
      stepState.status = outcome;
      stepState.closedAt = event.at;
      if (outcome === 'rejected') {
        next.status = 'rejected';
        next.currentStepId = null;
        next.closedAt = event.at;
      } else {
        advance(definition, next, index + 1, context, event.at);
      }
      return { ok: true, state: next };
    }
  }
}

// ─── actionsFor ──────────────────────────────────────────────────────────────

function possibility(refusal: ApprovalRefusal | null): Possibility {
  return refusal === null ? { allowed: true } : { allowed: false, reason: refusal };
}

/**
 * What `context.userId` may do now: per seat of the open step they hold or act for by
 * delegation, and as the author. Every "no" carries the refusal `decide` would give.
 */
export function actionsFor(definition: ApprovalDefinition, state: ApprovalState, context: ActionsContext): AvailableActions {
  const userId = context.userId;
  const base = {
    userId,
    withdraw: possibility(matchesDefinition(definition, state) ? authorRefusal(state, userId, 'withdraw') : 'definitionMismatch'),
    resubmit: possibility(matchesDefinition(definition, state) ? authorRefusal(state, userId, 'resubmit') : 'definitionMismatch'),
  };
  if (!matchesDefinition(definition, state)) return { ...base, seats: [], noSeatBecause: 'definitionMismatch' };
  const closed = chainOpenForSeats(state);
  if (closed || state.currentStepId === null) return { ...base, seats: [], noSeatBecause: closed };
  const step = definition.steps[stepIndex(definition, state.currentStepId)]!;
  const stepState = stepStateOf(state, step.id);

  const principals: { principalId: UserId; delegation: SeatActions['delegation'] }[] = [];
  for (const seat of stepState.seats) {
    if (seat.userId === userId) principals.push({ principalId: userId, delegation: null });
    else {
      const standing = delegationStanding(context.delegations, seat.userId, userId, context.today);
      if (standing.standing !== 'none') principals.push({ principalId: seat.userId, delegation: standing.delegation });
    }
  }
  const seats = principals.map(({ principalId, delegation }): SeatActions => {
    const refusal = seatRefusal(definition, state, context, userId, principalId, 'decide');
    const transferRefusal = seatRefusal(definition, state, context, userId, principalId, 'transfer');
    const returns = refusal ? [] : returnTargets(definition, state);
    const transfers = transferRefusal ? [] : transferTargets(definition, state, context, principalId);
    return {
      stepId: step.id,
      principalId,
      delegation,
      approve: possibility(refusal),
      reject: possibility(refusal),
      return: { ...possibility(refusal), targets: returns },
      transfer: { ...possibility(transferRefusal ?? (transfers.length === 0 ? 'transferTargetNotEligible' : null)), targets: transfers },
      opinionRequired: { approve: step.opinionRequired, reject: true, return: true },
    };
  });
  const noSeatBecause = seats.length > 0 ? null : seatRefusal(definition, state, context, userId, userId, 'decide');
  return { ...base, seats, noSeatBecause };
}

// ─── Preview ─────────────────────────────────────────────────────────────────

export interface PreviewStep {
  stepId: string;
  skipped: StepState['skipped'] | null;
  /** Who would be asked, before anyone decides (the author left out). */
  candidates: UserId[];
  /** Set when nobody (or too few) could take the step and it would go to the administrators. */
  escalation: StepState['escalation'] | null;
  deadlineWorkingDays: number | null;
}

/**
 * "For this form, these people, in this order": each step's candidates as the directory
 * stands now. Distinct-person exclusions depend on who decides, so they are not applied.
 */
export function previewChain(definition: ApprovalDefinition, draft: { authorId: UserId; form: Submission['form'] }, context: ApprovalContext): PreviewStep[] {
  return definition.steps.map((step) => {
    const skipped = skipReasonFor(step, draft.form, context.directory, draft.authorId);
    const resolved = skipped ? [] : resolveAssignees(step.who, context.directory, draft.authorId).filter((id) => id !== draft.authorId);
    const tooFew = step.how.mode === 'quorum' && resolved.length > 0 && resolved.length < step.how.n;
    const escalate = !skipped && (resolved.length === 0 || tooFew);
    return {
      stepId: step.id,
      skipped,
      candidates: escalate ? activeAdministrators(context.directory).filter((id) => id !== draft.authorId) : resolved,
      escalation: escalate ? { reason: resolved.length === 0 ? 'noCandidates' : 'tooFewCandidates', resolvedCount: resolved.length } : null,
      deadlineWorkingDays: step.deadlineWorkingDays ?? null,
    };
  });
}
