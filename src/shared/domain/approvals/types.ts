// The vocabulary of approval chains (审批流, SPEC §3). Everything here is data: a chain
// definition, the directory of people it is resolved against, the events people cause,
// and the state a running chain is in. The engine (./engine.ts) turns (definition, state,
// event, context) into the next state or a refusal; it has no clock and no database, so
// every moment and every day comes in with the event or the context.

import type { DepartmentKind } from '../permissions';
import type { CONFIDENTIALITY_LEVELS } from '../customers';

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;
/** A moment as the host records it (ISO-8601 UTC); the engine only stores it. */
export type Moment = string;
export type UserId = string;
export type DepartmentId = string;
/** A stable role code (`DEFAULT_ROLES[].code`, `APPROVAL_ROLES[].code`). */
export type RoleCode = string;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

/** A text shown to people, in both languages (definitions are data the administrator edits). */
export interface LocalizedText {
  'zh-CN': string;
  'en-US': string;
}

// ─── Definition ──────────────────────────────────────────────────────────────

/** What a chain is for. Each form kind picks its definition by this. */
export const APPROVAL_KINDS = ['new_customer_review', 'periodic_review', 'credit_limit_change', 'checkout', 'destruction', 'dunning_suspension'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/**
 * Who may take a step. A step lists one or more; the candidates are their union, each
 * person once ("a user holding several roles is asked once per step").
 */
export type Assignee =
  /** Holders of a role; `sameDepartmentAsAuthor` narrows to the author's department (部门经理). */
  | { kind: 'role'; role: RoleCode; sameDepartmentAsAuthor?: boolean }
  /** One named user. */
  | { kind: 'user'; userId: UserId }
  /** The head of the author's department (直属主管). */
  | { kind: 'authorDepartmentHead' }
  /** The head of a named department, by its code (e.g. `credit`: 信用管理部门负责人). */
  | { kind: 'departmentHead'; departmentCode: string }
  /** The company leadership (公司领导): holders of `LEADERSHIP_ROLE`. */
  | { kind: 'leadership' };

/**
 * How the candidates of a step decide.
 * - `sequential` 依次: one after another in the resolved order, each must approve; with
 *   one candidate this is a single approver.
 * - `any` 或签: the first ballot decides the step, approve or reject.
 * - `all` 会签: every candidate must approve; one rejection rejects the step.
 * - `quorum` n of m: approved at n approvals; a rejection is a vote and rejects the step
 *   only once n approvals are no longer possible.
 * Every mode closes the step as soon as its outcome can no longer change.
 */
export type StepMode = { mode: 'sequential' } | { mode: 'any' } | { mode: 'all' } | { mode: 'quorum'; n: number };
export const STEP_MODES = ['sequential', 'any', 'all', 'quorum'] as const;

/**
 * A condition on the form; a step applies only when all its conditions hold, otherwise it
 * is skipped and the timeline says which condition did not hold and what the form had.
 * A fact the form does not carry makes the condition hold (a missing fact never removes
 * an approval).
 */
export type StepCondition =
  /** The form's amount (fen) is strictly above `fen`. */
  | { kind: 'amountAbove'; fen: number }
  | { kind: 'gradeIn'; grades: readonly string[] }
  /** 密级 */
  | { kind: 'confidentialityIn'; levels: readonly ConfidentialityLevel[] }
  | { kind: 'authorDepartmentKindIn'; kinds: readonly DepartmentKind[] }
  | { kind: 'authorDepartmentIn'; departmentCodes: readonly string[] };
export const CONDITION_KINDS = ['amountAbove', 'gradeIn', 'confidentialityIn', 'authorDepartmentKindIn', 'authorDepartmentIn'] as const;

export interface StepDefinition {
  /** Stable within the definition: return targets and events name steps by it. */
  id: string;
  name: LocalizedText;
  who: readonly Assignee[];
  how: StepMode;
  /** All must hold for the step to apply (empty or absent: always applies). */
  when?: readonly StepCondition[];
  /** Working days from the day the step opens; absent: no deadline. */
  deadlineWorkingDays?: number;
  /** 意见必填 for approving. Rejecting and returning always need an opinion. */
  opinionRequired: boolean;
  /**
   * Nobody who filled another step with this flag may fill this one (as actor or as the
   * person acted for). The author never may, flag or not.
   */
  distinctPerson: boolean;
  /**
   * Who may receive a transfer (转交). Absent: whoever `who` resolves to, and the seat
   * holder's colleagues in their department. Either way never the author, nobody already
   * seated or voting at the step, nobody who filled another distinct-person step.
   */
  transferTo?: readonly Assignee[];
}

export interface ApprovalDefinition {
  id: string;
  /** A running chain keeps the version it started with (`ApprovalState.definitionVersion`). */
  version: number;
  kind: ApprovalKind;
  name: LocalizedText;
  steps: readonly StepDefinition[];
  /** 备案: after final approval the chain is recorded with this department (by code). */
  fileWithDepartment?: string;
}

// ─── Context: the world the engine is told about ─────────────────────────────

export interface DirectoryUser {
  id: UserId;
  name: string;
  departmentId: DepartmentId | null;
  roles: readonly RoleCode[];
  active: boolean;
}

export interface DirectoryDepartment {
  id: DepartmentId;
  code: string;
  kind: DepartmentKind;
  headUserId: UserId | null;
}

export interface Directory {
  users: readonly DirectoryUser[];
  departments: readonly DirectoryDepartment[];
  /** Who takes a step nobody else can take (审批人为空). */
  administrators: readonly UserId[];
}

/** 委托: `toUserId` may act for `fromUserId` from `fromDay` to `toDay`, both inclusive. */
export interface Delegation {
  fromUserId: UserId;
  toUserId: UserId;
  fromDay: Day;
  toDay: Day;
}

/** A deadline as the caller's working-day calendar computed it. */
export interface Deadline {
  day: Day;
  calendarVersion: string;
  /** The calendar did not cover the period and counted Monday to Friday. */
  provisional: boolean;
}

export interface ApprovalContext {
  directory: Directory;
  delegations: readonly Delegation[];
  /** The local day on which the event happens (delegation dates, deadlines). */
  today: Day;
  /** The n-th working day after `fromDay` (supplied by the working-day calendar). */
  deadlineFor: (workingDays: number, fromDay: Day) => Deadline;
}

/** What `actionsFor` is asked about: the context plus who is asking. */
export interface ActionsContext extends ApprovalContext {
  userId: UserId;
}

/** The facts of a form that step conditions read. Absent facts never skip a step. */
export interface FormFacts {
  amountFen?: number;
  grade?: string;
  confidentiality?: ConfidentialityLevel;
}

// ─── Events ──────────────────────────────────────────────────────────────────

/** Starting a chain (提交). */
export interface Submission {
  authorId: UserId;
  form: FormFacts;
  /** Hash of `canonicalJson(form content)`, computed by the caller. */
  contentHash: string;
  at: Moment;
}

interface SeatEventBase {
  /** The person who clicks. */
  actorId: UserId;
  /** The person whose seat it is, when the actor acts as their delegate (王五 代 张三). */
  onBehalfOf?: UserId;
  /** The step the actor saw; a decision for a step that has moved on is refused. */
  stepId: string;
  /** The content hash the actor saw. */
  contentHash: string;
  opinion?: string;
  at: Moment;
}

export type ApprovalEvent =
  | ({ type: 'approve' } & SeatEventBase)
  | ({ type: 'reject' } & SeatEventBase)
  /** 退回: to the author, or to an earlier approved step. */
  | ({ type: 'return'; to: ReturnTarget } & SeatEventBase)
  /** 转交: hand this seat to a colleague who may take the step. */
  | ({ type: 'transfer'; toUserId: UserId } & SeatEventBase)
  /** 撤回 by the author while nobody has decided since the last submission. */
  | { type: 'withdraw'; actorId: UserId; at: Moment; opinion?: string }
  /** The author resubmits a returned form, possibly changed. */
  | { type: 'resubmit'; actorId: UserId; form: FormFacts; contentHash: string; at: Moment };
export type ApprovalEventType = ApprovalEvent['type'];

export type ReturnTarget = { to: 'author' } | { to: 'step'; stepId: string };

// ─── Refusals ────────────────────────────────────────────────────────────────

/** Why an event is refused; the contract `z.enum`s this list and both languages explain each. */
export const APPROVAL_REFUSALS = [
  'definitionMismatch', // the definition is not the id and version the chain started with
  'definitionInvalid', // the definition breaks a rule of `validateDefinition`
  'unknownUser', // the actor, the principal or the author is not in the directory
  'inactiveUser', // the actor or the principal is deactivated
  'chainClosed', // approved, rejected or withdrawn: nothing more can happen
  'awaitingResubmission', // returned to the author: approvers wait for the resubmission
  'notReturned', // only a returned form can be resubmitted
  'stepNotActive', // the event names a step that is not the one open now
  'notCandidate', // the principal has no seat at this step
  'notDelegate', // the actor has no delegation from the principal
  'delegationOutsideDates', // a delegation exists but does not cover today
  'notYourTurn', // 依次: an earlier candidate decides first
  'ownForm', // the actor or the principal wrote the form
  'alreadyDecided', // this person already has a ballot at this step
  'delegateHoldsOwnSeat', // the delegate sits at this step too: they decide in their own seat (and may transfer the other)
  'samePersonTwoSteps', // this person filled another step that needs a different person
  'staleContent', // the form changed since the actor looked at it
  'opinionRequired', // 意见 is required for this decision
  'transferTargetNotEligible', // the colleague may not take this step (or is this seat's holder)
  'invalidReturnTarget', // not the author and not an earlier approved step
  'notAuthor', // only the author withdraws or resubmits
  'withdrawAfterDecision', // someone decided since the last submission
] as const;
export type ApprovalRefusal = (typeof APPROVAL_REFUSALS)[number];

// ─── State ───────────────────────────────────────────────────────────────────

export const CHAIN_STATUSES = ['running', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ChainStatus = (typeof CHAIN_STATUSES)[number];

export const STEP_STATUSES = ['waiting', 'active', 'approved', 'rejected', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Why a ballot stopped counting. */
export const VOID_REASONS = ['contentChanged', 'returned'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

/** Why a step went to the administrator (审批人为空). */
export const ESCALATION_REASONS = ['noCandidates', 'tooFewCandidates'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** The condition that did not hold, with what the form had (null: not known). */
export interface SkipReason {
  condition: StepCondition;
  actual: number | string | null;
}

export interface Seat {
  userId: UserId;
  /** Set when the seat came by transfer (转交): whose seat it was. */
  transferredFrom?: UserId;
}

export interface Escalation {
  reason: EscalationReason;
  /** How many people the step's `who` resolved to (after the exclusions). */
  resolvedCount: number;
}

export interface StepState {
  stepId: string;
  status: StepStatus;
  skipped?: SkipReason;
  /** Frozen when the step opens; reopening resolves them again. */
  seats: Seat[];
  /** Set when the seats are the administrators because nobody else could take the step. */
  escalation?: Escalation;
  openedAt?: Moment;
  openedOn?: Day;
  closedAt?: Moment;
  deadline?: Deadline;
}

export const DECISION_KINDS = ['approve', 'reject', 'return', 'transfer'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** One recorded decision. Approvals, rejections and transfers can be voided; returns stay. */
export interface DecisionRecord {
  seq: number;
  stepId: string;
  kind: DecisionKind;
  actorId: UserId;
  /** Whose seat: equals `actorId` unless the actor acted as a delegate. */
  principalId: UserId;
  at: Moment;
  opinion: string | null;
  contentHash: string;
  returnTo?: ReturnTarget;
  transferTo?: UserId;
  voided: null | { reason: VoidReason; at: Moment };
}

export const SUBMISSION_KINDS = ['submit', 'resubmit', 'withdraw'] as const;
export interface SubmissionRecord {
  seq: number;
  kind: (typeof SUBMISSION_KINDS)[number];
  at: Moment;
  contentHash: string;
  opinion: string | null;
}

export interface ApprovalState {
  definitionId: string;
  definitionVersion: number;
  authorId: UserId;
  form: FormFacts;
  contentHash: string;
  status: ChainStatus;
  /** One entry per definition step, in order. */
  steps: StepState[];
  /** Every decision ever made, in order (`seq` is shared with `submissions`). */
  decisions: DecisionRecord[];
  submissions: SubmissionRecord[];
  /** The step open now (status `running`), or the one that returned the form (`returned`). */
  currentStepId: string | null;
  /** 备案: set on final approval when the definition names a department. */
  filedWith?: { departmentCode: string; departmentId: DepartmentId | null; at: Moment };
  closedAt?: Moment;
  nextSeq: number;
}

export type DecideResult = { ok: true; state: ApprovalState } | { ok: false; reason: ApprovalRefusal };

// ─── What a user may do now ──────────────────────────────────────────────────

export type Possibility = { allowed: true } | { allowed: false; reason: ApprovalRefusal };

/** The actions of one seat the user may act in: their own, or one they act for by delegation. */
export interface SeatActions {
  stepId: string;
  principalId: UserId;
  /** The delegation that lets the user act here (null: the user's own seat). */
  delegation: Delegation | null;
  approve: Possibility;
  reject: Possibility;
  return: Possibility & { targets: ReturnTarget[] };
  transfer: Possibility & { targets: UserId[] };
  opinionRequired: { approve: boolean; reject: true; return: true };
}

export interface AvailableActions {
  userId: UserId;
  /** One entry per seat of the open step the user holds or acts for (empty when none). */
  seats: SeatActions[];
  /** Why the user has no seat at all (null when `seats` is not empty or nothing is open). */
  noSeatBecause: ApprovalRefusal | null;
  withdraw: Possibility;
  resubmit: Possibility;
}

// ─── Timeline view model ─────────────────────────────────────────────────────

export interface TimelineDecision extends DecisionRecord {
  /** The actor acted for someone else (show "actor 代 principal"). */
  delegated: boolean;
}

export interface Tally {
  approvals: number;
  rejections: number;
  /** Seats without a counting ballot. */
  pending: number;
  /** Approvals the step needs. */
  needed: number;
}

export interface TimelineSeat extends Seat {
  /** The counting ballot of this seat, if any. */
  ballot: TimelineDecision | null;
  /** 依次: this seat decides next. */
  turn: boolean;
}

export interface TimelineStep {
  stepId: string;
  name: LocalizedText;
  how: StepMode;
  status: StepStatus;
  skipped: SkipReason | null;
  escalation: Escalation | null;
  seats: TimelineSeat[];
  tally: Tally;
  /** Every decision at this step, voided ones included, in order. */
  decisions: TimelineDecision[];
  opinionRequired: boolean;
  distinctPerson: boolean;
  deadline: Deadline | null;
  overdue: boolean;
  openedAt: Moment | null;
  closedAt: Moment | null;
}

export interface Timeline {
  definitionId: string;
  definitionVersion: number;
  name: LocalizedText;
  status: ChainStatus;
  authorId: UserId;
  contentHash: string;
  currentStepId: string | null;
  steps: TimelineStep[];
  submissions: SubmissionRecord[];
  filedWith: ApprovalState['filedWith'] | null;
}
