// The data of an evaluation as the lifecycle keeps it: what the host stores and hands
// back to `decide`. Plain JSON (days as YYYY-MM-DD, exact scores as fractions), so the
// host can store it as it is and the renderer can show it without the model.
import type { Deadline, WorkingCalendar } from '../working-days';
import type { CreditLimitRule, Measure } from '../scoring/model';
import type { ItemValue, ScoringRefusal } from '../scoring/score';
import type {
  ChainOutcome,
  EvaluationEventType,
  EvaluationHistoryKind,
  EvaluationKind,
  EvaluationRefusalCode,
  EvaluationRole,
  EvaluationStatus,
  ObjectionGround,
  ReviewerOrigin,
} from './codes';

export type UserId = string;
/** YYYY-MM-DD */
export type Day = string;

export interface Reviewer {
  userId: UserId;
  origin: ReviewerOrigin;
}

/** One reviewer's own sheet: private to its author until submitted. */
export interface Sheet {
  reviewer: UserId;
  /** Rated item code → option code. */
  ratings: Record<string, string>;
  /** The reviewer's opinion (部门意见), free text. */
  opinion: string;
  /** null: not submitted (or reopened and not yet submitted again). */
  submittedOn: Day | null;
}

/** The credit manager's note on an item where reviewers differ by more than one level. */
export interface Settlement {
  item: string;
  note: string;
  by: UserId;
  on: Day;
}

export interface GradeOverride {
  grade: string;
  reason: string;
}

/** The policy of the decided grade as it applies to this customer. */
export interface ResultPolicy {
  limit: CreditLimitRule;
  /** The limit the rule gives on the evaluation's limit base, in fen. */
  limitFen: number;
  termDays: number;
  measures: Measure[];
  reviewCycleMonths: number;
  /** A new customer gets the policy's starting (lower) limit and term. */
  starting: boolean;
}

/** A consolidation by the credit manager, sent to the approval chain. */
export interface Decision {
  /** 1 for the first decision; +1 after each upheld objection. */
  round: number;
  score: { num: number; den: number };
  scoreText: string;
  /** The grade the exact score gives. */
  computedGrade: string;
  /** The grade decided: the computed one, or the override. */
  grade: string;
  override: GradeOverride | null;
  policy: ResultPolicy;
  decidedBy: UserId;
  decidedOn: Day;
  /** null while the chain runs. */
  chain: ChainOutcome | null;
}

/** 公示 */
export interface Publication {
  round: number;
  startedOn: Day;
  /** The last day of the period (counted from the next day, in working days). */
  deadline: Deadline;
}

export interface ObjectionAnswer {
  upheld: boolean;
  text: string;
  by: UserId;
  on: Day;
  /** Answered after the deadline. */
  late: boolean;
}

/** 异议: entered by the account manager for the customer. */
export interface Objection {
  id: string;
  /** The publication round it objects to. */
  round: number;
  items: string[];
  reasons: string;
  /** Document ids of the evidence in the customer file. */
  evidence: string[];
  /** The day the customer learned of the result; null when objecting within the publication. */
  learnedOn: Day | null;
  ground: ObjectionGround;
  enteredBy: UserId;
  enteredOn: Day;
  /** The credit manager answers by this day (15 working days). */
  answerDeadline: Deadline;
  /** Where the evaluation goes back to when the objection is rejected. */
  from: 'published' | 'final';
  answer: ObjectionAnswer | null;
}

export interface HistoryEntry {
  kind: EvaluationHistoryKind;
  on: Day;
  by: UserId;
  round: number;
  /** The item(s) concerned, the reviewer concerned, the objection concerned … */
  items?: string[];
  reviewer?: UserId;
  objectionId?: string;
  grade?: string;
  /** Why: the override reason, the objection's answer, the cancellation reason … */
  note?: string;
}

export interface EvaluationState {
  id: string;
  kind: EvaluationKind;
  customerId: string;
  modelId: string;
  modelVersion: number;
  status: EvaluationStatus;
  startedBy: UserId;
  startedOn: Day;
  /** The customer's 客户经理 and 客服经理 when the evaluation started. */
  accountManager: UserId;
  serviceManager: UserId;
  reviewers: Reviewer[];
  sheets: Sheet[];
  /** Computed items: the value from the archive, or entered (null: still to be entered). */
  values: Record<string, ItemValue | null>;
  /** What a limit rule of the kind `monthly_sales` is applied to. */
  limitBase: { averageMonthlySalesFen: number };
  settlements: Settlement[];
  /** The current round: 1, then +1 after each upheld objection. */
  round: number;
  /** Items reopened by the upheld objection of the current round (empty in round 1). */
  reopenedItems: string[];
  decisions: Decision[];
  publications: Publication[];
  objections: Objection[];
  finalOn: Day | null;
  history: HistoryEntry[];
  /**
   * 相关文档附件: ids of documents of the customer file the form refers to (the new-customer
   * form's 合同 / 协议, 其他资质 …). Absent in evaluations stored before it existed: none.
   */
  attachments?: string[];
}

// ---------------------------------------------------------------------------------------
// Events

export interface StartEvent {
  type: 'start';
  evaluationId: string;
  kind: EvaluationKind;
  customerId: string;
  accountManager: UserId;
  serviceManager: UserId;
  /** Every computed item of the model: its archive value, or null to be entered. */
  values: Record<string, ItemValue | null>;
  limitBase: { averageMonthlySalesFen: number };
}

export type EvaluationEvent =
  | StartEvent
  | { type: 'add_reviewer'; reviewer: UserId }
  | { type: 'remove_reviewer'; reviewer: UserId }
  /** The actor's own sheet: the ratings given (item → option, null clears) and the opinion. */
  | { type: 'save_sheet'; ratings: Record<string, string | null>; opinion?: string }
  | { type: 'submit_sheet' }
  /** The credit manager hands a submitted sheet back to its author to revise. */
  | { type: 'return_sheet'; reviewer: UserId; reason: string }
  | { type: 'set_value'; item: string; value: ItemValue }
  | { type: 'settle_item'; item: string; note: string }
  | { type: 'consolidate'; override: GradeOverride | null }
  /** The host reports the chain's close, with the content the chain approved. */
  | { type: 'chain_outcome'; outcome: ChainOutcome; content: ApprovalContent | null }
  | { type: 'enter_objection'; objectionId: string; items: string[]; reasons: string; evidence: string[]; learnedOn: Day | null }
  | { type: 'answer_objection'; objectionId: string; upheld: boolean; answer: string }
  | { type: 'finalize' }
  | { type: 'cancel'; reason: string }
  /** The documents of the file the form attaches (all of them: the list replaces the one before). */
  | { type: 'set_attachments'; documents: string[] };

export type EventOf<T extends EvaluationEventType> = Extract<EvaluationEvent, { type: T }>;

export interface EvaluationSettings {
  /** 公示期 in working days (default 5). */
  publicationDays: number;
}

export interface EvaluationContext {
  actor: { id: UserId; roles: readonly EvaluationRole[] };
  today: Day;
  calendar: WorkingCalendar;
  settings: EvaluationSettings;
}

export interface EvaluationRefusal {
  code: EvaluationRefusalCode;
  item?: string;
  /** For `scoring_refused`: what the scoring module said. */
  scoring?: ScoringRefusal[];
}

export type DecideOutcome = { ok: true; state: EvaluationState } | { ok: false; refusal: EvaluationRefusal };

// ---------------------------------------------------------------------------------------
// What the approval chain binds to (a type alias, not an interface, so it is assignable to
// the chain's JsonValue).

export type ApprovalContent = {
  evaluationId: string;
  customerId: string;
  kind: EvaluationKind;
  model: { id: string; version: number };
  round: number;
  sheets: { reviewer: string; ratings: [string, string][]; opinion: string }[];
  values: [string, { value: number; source: 'archive' | 'entered' }][];
  limitBase: { averageMonthlySalesFen: number };
  settlements: { item: string; note: string; by: string }[];
  score: { num: number; den: number };
  scoreText: string;
  computedGrade: string;
  grade: string;
  override: { grade: string; reason: string } | null;
  policy: { limit: { kind: string; fen?: number; months?: number; percent?: number; capFen?: number | null }; limitFen: number; termDays: number; measures: string[]; reviewCycleMonths: number; starting: boolean };
  decidedBy: string;
  /** Present only when the form attaches documents (so content without any hashes as before). */
  attachments?: string[];
};
