// Every code of borrowing that crosses the seam, as a closed list (the contract's z.enum).
// Their words in both languages are in ./texts.ts.

/** How a part of a file is lent: physical items handed out, or reading in the app. */
export const LOAN_KINDS = ['physical', 'electronic'] as const;
export type LoanKind = (typeof LOAN_KINDS)[number];

/**
 * The states a loan is shown in (借阅登记簿). 'overdue' is never stored: it is a lent or
 * renewed loan whose due date has passed on the day asked (`loanStateOn`).
 */
export const LOAN_STATES = ['requested', 'approved', 'rejected', 'withdrawn', 'lent', 'renewed', 'overdue', 'returned', 'lost'] as const;
export type LoanState = (typeof LOAN_STATES)[number];

/** The states a loan is stored in: every shown state but 'overdue'. */
export const STORED_LOAN_STATES = ['requested', 'approved', 'rejected', 'withdrawn', 'lent', 'renewed', 'returned', 'lost'] as const;
export type StoredLoanState = (typeof STORED_LOAN_STATES)[number];

/** Stored states in which the borrower has the file (and may read it until the due date). */
export const OUT_STATES = ['lent', 'renewed'] as const satisfies readonly StoredLoanState[];
/** Stored states after which nothing more happens to a loan. */
export const CLOSED_STATES = ['rejected', 'withdrawn', 'returned'] as const satisfies readonly StoredLoanState[];

export const LOAN_EVENTS = ['approvalOutcome', 'lend', 'return', 'resolveLost', 'renewalRequested', 'renewalOutcome', 'recall'] as const;
export type LoanEventType = (typeof LOAN_EVENTS)[number];

/** What the approval engine says of a request or a renewal. */
export const APPROVAL_OUTCOMES = ['approved', 'rejected', 'withdrawn'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];

export const RENEWAL_STATES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

/** What the archivist finds when an item comes back. */
export const ITEM_CONDITIONS = ['complete', 'missing', 'damaged'] as const;
export type ItemCondition = (typeof ITEM_CONDITIONS)[number];

/** How a missing item is settled: it turned up, or it is written off as lost for good. */
export const LOST_RESOLUTIONS = ['found', 'writtenOff'] as const;
export type LostResolution = (typeof LOST_RESOLUTIONS)[number];

/** What a user may do to a loan (buttons); each is checked by the same guard as `decide`. */
export const LOAN_ACTIONS = [
  'decideRequest', // the approver of the request's chain approves or rejects it
  'withdrawRequest', // the borrower withdraws (撤回) before it is decided
  'lend', // the archivist lends: 借阅时间, 归还日期, items handed out, reading opened
  'return', // the archivist checks items back
  'resolveLost', // the archivist settles missing items
  'requestRenewal', // the borrower asks to renew (续借)
  'decideRenewal', // the approver decides the renewal
  'withdrawRenewal', // the borrower withdraws the renewal
  'recall', // the archivist asks for the file back (催还)
] as const;
export type LoanAction = (typeof LOAN_ACTIONS)[number];

/** Why `decide` (or `actionsFor`) refuses. */
export const LOAN_REFUSALS = [
  'loanClosed', // rejected, withdrawn or returned: nothing more happens to it
  'notRequested', // an approval outcome for a request that is no longer pending
  'notApproved', // lending a loan that is not approved
  'notLent', // return, renewal or recall of a loan that is not out
  'notLost', // resolving a loan that has no missing item
  'notBorrower',
  'notArchivist',
  'notApprover',
  'loanOverdue', // an overdue loan is returned, not renewed
  'recalled', // a recalled loan is returned, not renewed
  'renewalLimitReached',
  'renewalPending',
  'noRenewalPending',
  'periodInvalid', // not a whole number of working days ≥ 1
  'periodTooLong', // longer than the loan's terms allow
  'itemsRequired', // a physical loan is lent with the items handed out
  'noPhysicalPart', // items given for a loan that is electronic reading only
  'itemNotRequested', // an item outside the chosen documents
  'itemDuplicated',
  'locationRequired', // an item is handed out from its location
  'itemNotOut', // an item that is not out (or already checked back)
  'itemNotMissing', // resolving an item that is not missing
  'noteRequired', // missing and damaged items are described
  'noItems', // a return or resolution naming no item
] as const;
export type LoanRefusal = (typeof LOAN_REFUSALS)[number];

/** Why reading a customer file or one of its documents is refused (FORBIDDEN's reason). */
export const READ_REFUSALS = [
  'needsLoan', // no loan of this file for the reader
  'notBorrower', // the loans given belong to someone else
  'loanNotLent', // requested, approved, rejected or withdrawn: not handed out
  'loanReturned',
  'loanLost', // closed for reading while an item is missing
  'loanOverdue', // past the due date: reading ended with it
  'documentNotLent', // the loan is for chosen documents, not this one
  'notElectronic', // physical items only: no reading in the app
] as const;
export type ReadRefusal = (typeof READ_REFUSALS)[number];

/** How a reader is allowed. */
export const READ_GRANTS = ['creditDepartment', 'archiveKeeper', 'loan'] as const;
export type ReadGrant = (typeof READ_GRANTS)[number];

/** What is wrong with a checkout request (查阅申请单) before it is submitted. */
export const REQUEST_PROBLEMS = [
  'noFiles',
  'fileDuplicated',
  'purposeMissing', // 用途 is required (seed 001 §6, seed 000 记录留存)
  'purposeTooLong',
  'periodInvalid',
  'periodTooLong', // longer than the policy allows for the file's 密级 and kind
  'noKinds', // neither physical items nor electronic reading
  'noDocumentsChosen', // "chosen documents" with none chosen
  'documentDuplicated',
  'readingRoomOnly', // e.g. 机密 physical items outside the reading room
  'printNeedsElectronic',
  'exportNeedsElectronic',
  'electronicNotNeeded', // the credit-management department reads every file already
] as const;
export type RequestProblem = (typeof REQUEST_PROBLEMS)[number];

/** What is wrong with a loan policy. */
export const POLICY_PROBLEMS = ['termsMissing', 'termsDuplicated', 'maxDaysInvalid', 'renewalsInvalid'] as const;
export type PolicyProblem = (typeof POLICY_PROBLEMS)[number];

/** Which chain a request goes through (seed 000 查询权限). */
export const CHAIN_ROUTES = [
  'creditHead', // business department: the head of the credit-management department
  'leadership', // any other department: company leadership, then 备案 with credit management
  'none', // the credit-management department itself (physical items only)
] as const;
export type ChainRoute = (typeof CHAIN_ROUTES)[number];

/** The step ids of the engine's default 'checkout' chain, in order. */
export const CHECKOUT_CHAIN_STEPS = ['credit_head', 'leadership', 'general_manager'] as const;
export type CheckoutChainStep = (typeof CHECKOUT_CHAIN_STEPS)[number];

export const REMINDER_KINDS = [
  'dueSoon', // 2 working days before the due date, to the borrower
  'overdue', // past the due date, to the borrower
  'overdueEscalated', // 3 working days overdue: the archivist and the department head too
  'recalled', // the archivist asked for the file back (催还)
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_RECIPIENTS = ['borrower', 'archivist', 'departmentHead'] as const;
export type ReminderRecipient = (typeof REMINDER_RECIPIENTS)[number];

/** How a due date was reached, step by step (beside the calendar's own explanation). */
export const DUE_DATE_STEP_KINDS = ['lent', 'renewal'] as const;
export type DueDateStepKind = (typeof DUE_DATE_STEP_KINDS)[number];
