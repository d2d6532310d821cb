// The closed lists of the evaluation lifecycle (SPEC §2, issue 9 items 4–5): every code
// that crosses the seam is one of these, so the contract can say `z.enum(...)` and
// texts.ts can be complete by type.

/** Which approval chain decides the evaluation; also who starts it (客服经理 / 客户经理). */
export const EVALUATION_KINDS = ['periodic_review', 'new_customer_review'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_STATUSES = [
  'draft', // reviewers fill their sheets; the credit manager adds reviewers, settles, consolidates
  'in_approval', // consolidated; the approval chain runs on approvalContent(state)
  'published', // 公示: the publication period runs; objections may be entered
  'objection', // 异议: an objection waits for the credit manager's answer
  'reopened', // an upheld objection reopened named items: reviewers re-enter them
  'final', // the result applies to the customer
  'rejected', // the chain rejected the evaluation: no result
  'cancelled', // abandoned before consolidation
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Statuses in which an evaluation is still under way (a second one is not started). */
export const EVALUATION_OPEN_STATUSES = ['draft', 'in_approval', 'published', 'objection', 'reopened'] as const satisfies readonly EvaluationStatus[];

export const EVALUATION_EVENTS = [
  'start',
  'add_reviewer',
  'remove_reviewer',
  'save_sheet',
  'submit_sheet',
  'return_sheet',
  'set_value',
  'settle_item',
  'consolidate',
  'chain_outcome',
  'enter_objection',
  'answer_objection',
  'finalize',
  'cancel',
  'set_attachments', // the form's 相关文档附件: documents of the customer file
] as const;
export type EvaluationEventType = (typeof EVALUATION_EVENTS)[number];

/**
 * The hats an actor may wear for an evaluation. `system` is the host itself: it reports
 * the approval chain's outcome and closes a publication whose period has ended.
 * "Reviewer" is not a role: it is being assigned to this evaluation.
 */
export const EVALUATION_ROLES = ['credit_manager', 'account_manager', 'service_manager', 'system'] as const;
export type EvaluationRole = (typeof EVALUATION_ROLES)[number];

/** How a reviewer came onto the evaluation. */
export const REVIEWER_ORIGINS = ['account_manager', 'service_manager', 'added'] as const;
export type ReviewerOrigin = (typeof REVIEWER_ORIGINS)[number];

/** The approval chain's outcome, as the chain engine closes it. */
export const CHAIN_OUTCOMES = ['approved', 'rejected', 'returned', 'withdrawn'] as const;
export type ChainOutcome = (typeof CHAIN_OUTCOMES)[number];

export const EVALUATION_REFUSALS = [
  'not_started', // no evaluation yet: only `start`
  'already_started',
  'wrong_model', // the model given is not the version the evaluation uses, or not of its kind
  'wrong_state', // the event is not possible in this status
  'not_permitted', // the actor does not hold the role the event needs
  'not_a_reviewer',
  'not_account_manager', // objections are entered by the customer's own account manager
  'invalid_input', // a malformed field (empty id, a day that is not YYYY-MM-DD)
  'already_reviewer',
  'unknown_reviewer',
  'reviewer_not_removable', // the account manager and the service manager stay on the evaluation
  'sheet_submitted',
  'sheet_not_submitted',
  'sheet_incomplete',
  'unknown_item',
  'unknown_option',
  'not_a_computed_item',
  'item_not_reopened', // in a reopened evaluation only the objection's items change
  'sheets_pending', // not every reviewer has submitted
  'nothing_to_settle', // reviewers do not differ by more than one level on this item
  'note_required',
  'items_unsettled', // items where reviewers differ by more than one level lack a note
  'scoring_refused', // the scoring module refused the inputs (see `scoring`)
  'unknown_grade',
  'override_same_grade',
  'override_reason_required',
  'content_changed', // the chain approved other content than the evaluation holds now
  'objection_open', // one objection at a time: answer the open one first
  'outside_objection_window',
  'learned_on_invalid', // before the publication began, or after today
  'items_required',
  'reason_required',
  'evidence_required',
  'unknown_objection',
  'objection_answered',
  'answer_required',
  'publication_not_over',
  'duplicate_id',
] as const;
export type EvaluationRefusalCode = (typeof EVALUATION_REFUSALS)[number];

/** What the file's history of an evaluation records, step by step. */
export const EVALUATION_HISTORY_KINDS = [
  'started',
  'reviewer_added',
  'reviewer_removed',
  'sheet_submitted',
  'sheet_returned',
  'value_set',
  'item_settled',
  'consolidated',
  'approved',
  'chain_rejected',
  'chain_returned',
  'chain_withdrawn',
  'published',
  'objection_entered',
  'objection_upheld',
  'objection_rejected',
  'reopened',
  'finalized',
  'cancelled',
  'attachments_set',
] as const;
export type EvaluationHistoryKind = (typeof EVALUATION_HISTORY_KINDS)[number];

/** Why an objection could be entered: within the publication, or within 15 working days of learning of the result. */
export const OBJECTION_GROUNDS = ['within_publication', 'within_learned_period'] as const;
export type ObjectionGround = (typeof OBJECTION_GROUNDS)[number];

/** Credit events that put a customer on the review list at once (early review). */
export const MAJOR_CREDIT_EVENTS = ['litigation', 'bad_record', 'blacklist', 'judgment'] as const;
export type MajorCreditEvent = (typeof MAJOR_CREDIT_EVENTS)[number];

export const REVIEW_DUE_REASONS = [
  'overdue', // the cycle's review day has passed
  'major_event', // early review: a major credit event after the last final evaluation
  'cycle_due', // the review day is today or within the horizon asked for
  'never_evaluated', // no final evaluation on file
] as const;
export type ReviewDueReason = (typeof REVIEW_DUE_REASONS)[number];

export const ROUND_SKIP_REASONS = [
  'evaluation_in_progress',
  'chosen_twice',
  'no_account_manager',
  'no_service_manager',
] as const;
export type RoundSkipReason = (typeof ROUND_SKIP_REASONS)[number];

export const OBJECTION_WINDOW_WORKING_DAYS = 15; // seed 000: 得知后 15 个工作日内
export const OBJECTION_ANSWER_WORKING_DAYS = 15; // seed 000: 收到后 15 个工作日内
export const PUBLICATION_DEFAULT_WORKING_DAYS = 5; // 公示期, a setting
