// The loan state machine (issue 10 items 4–5): one loan per customer file of a request.
// `decide(policy, loan, event, context)` gives the next loan or a refusal; `actionsFor`
// says what a user may do now, through the same guards. Pure: the caller passes the day,
// the calendar and the actor; being overdue is derived from the dates, never stored.
import type { WorkingCalendar } from '../working-days';
import {
  CLOSED_STATES,
  LOAN_ACTIONS,
  OUT_STATES,
  type ApprovalOutcome,
  type ItemCondition,
  type LoanAction,
  type LoanKind,
  type LoanRefusal,
  type LoanState,
  type LostResolution,
  type RenewalState,
  type StoredLoanState,
} from './codes';
import { dueDateStep, loanTermsFor, type ConfidentialityLevel, type DueDateStep, type LoanPolicy, type LoanTerms } from './policy';
import type { CheckoutRequest } from './request';

/** A physical item handed out (a document of the file with its location), and how it came back. */
export interface LoanItem {
  documentId: string;
  /** Where it was taken from (cabinet / shelf / box), as the archivist read it. */
  location: string;
  /** null while out. */
  condition: ItemCondition | null;
  note: string;
  returnedAt: string | null;
  /** For a missing item: how it was settled, once it is. */
  resolution: LostResolution | null;
  resolutionNote: string;
  resolvedAt: string | null;
}

export interface Renewal {
  state: RenewalState;
  requestedAt: string;
  requestedWorkingDays: number;
  decidedAt: string | null;
  /** For an approved renewal: counted from the old due date. */
  step: DueDateStep | null;
}

export interface Recall {
  at: string;
  day: string;
  by: string;
  note: string;
}

export interface Lending {
  /** 借阅时间 */
  at: string;
  day: string;
  by: string;
  /** The policy's terms copied at lending: a later policy leaves this loan alone. */
  terms: LoanTerms;
  step: DueDateStep;
}

/** What reading access needs of a loan: a small row the host can fetch by an index. */
export interface LoanAccessView {
  id: string;
  borrowerId: string;
  customerId: string;
  state: StoredLoanState;
  /** 归还日期: the last day the loan may be kept and read; null until lent. */
  dueDate: string | null;
  kinds: readonly LoanKind[];
  /** null: the whole file. */
  documentIds: readonly string[] | null;
  print: boolean;
  export: boolean;
}

export interface Loan extends LoanAccessView {
  requestId: string;
  departmentId: string;
  confidentiality: ConfidentialityLevel;
  purpose: string;
  periodWorkingDays: number;
  readingRoom: boolean;
  requestedAt: string;
  decidedAt: string | null;
  lending: Lending | null;
  items: readonly LoanItem[];
  renewals: readonly Renewal[];
  recalls: readonly Recall[];
  /** When it was returned, or its last missing item settled. */
  closedAt: string | null;
}

/** The loans of a submitted request, one per file, all 'requested'. `loanIds` pairs with `files`. */
export function loansFromRequest(request: CheckoutRequest, requestId: string, loanIds: readonly string[], at: string): Loan[] {
  if (loanIds.length !== request.files.length) throw new RangeError('one loan id per requested file');
  return request.files.map((file, i) => ({
    id: loanIds[i] as string,
    requestId,
    borrowerId: request.requesterId,
    departmentId: request.departmentId,
    customerId: file.customerId,
    confidentiality: file.confidentiality,
    documentIds: file.documentIds,
    kinds: file.kinds,
    purpose: request.purpose.trim(),
    periodWorkingDays: request.periodWorkingDays,
    readingRoom: request.readingRoom,
    print: request.print,
    export: request.export,
    state: 'requested',
    requestedAt: at,
    decidedAt: null,
    dueDate: null,
    lending: null,
    items: [],
    renewals: [],
    recalls: [],
    closedAt: null,
  }));
}

/** The state shown on `today`: a loan out past its due date is 'overdue'. */
export function loanStateOn(loan: Pick<LoanAccessView, 'state' | 'dueDate'>, today: string): LoanState {
  if (isOut(loan.state) && loan.dueDate !== null && today > loan.dueDate) return 'overdue';
  return loan.state;
}

export function isOut(state: StoredLoanState): boolean {
  return (OUT_STATES as readonly StoredLoanState[]).includes(state);
}

export function isClosed(state: StoredLoanState): boolean {
  return (CLOSED_STATES as readonly StoredLoanState[]).includes(state);
}

export function approvedRenewals(loan: Pick<Loan, 'renewals'>): number {
  return loan.renewals.filter((r) => r.state === 'approved').length;
}

export function pendingRenewal(loan: Pick<Loan, 'renewals'>): Renewal | undefined {
  return loan.renewals.find((r) => r.state === 'pending');
}

// ---------------------------------------------------------------------------------------
// Events and context

export interface ItemReturn {
  documentId: string;
  condition: ItemCondition;
  note: string;
}

export interface ItemResolution {
  documentId: string;
  resolution: LostResolution;
  note: string;
}

export type LoanEvent =
  | { type: 'approvalOutcome'; outcome: ApprovalOutcome; at: string }
  /** Items: the physical items handed out, by their location; electronic reading opens by itself. */
  | { type: 'lend'; at: string; items: readonly { documentId: string; location: string }[] }
  | { type: 'return'; at: string; items: readonly ItemReturn[] }
  | { type: 'resolveLost'; at: string; items: readonly ItemResolution[] }
  | { type: 'renewalRequested'; at: string; workingDays: number }
  | { type: 'renewalOutcome'; outcome: ApprovalOutcome; at: string }
  | { type: 'recall'; at: string; note: string };

/** Roles a user holds towards a loan; the borrower is known from the loan itself. */
export const LOAN_ACTOR_ROLES = ['archivist', 'approver'] as const;
export type LoanActorRole = (typeof LOAN_ACTOR_ROLES)[number];

export interface LoanActor {
  userId: string;
  /** 'approver': the user holds the open step of this loan's request or renewal chain. */
  roles: readonly LoanActorRole[];
}

export interface LoanContext {
  /** The local day on which it happens. */
  today: string;
  calendar: WorkingCalendar;
  actor: LoanActor;
}

export type Decision = { ok: true; loan: Loan } | { ok: false; reason: LoanRefusal };

// ---------------------------------------------------------------------------------------
// Guards: the one place each rule of "may this happen now" lives

const ACTION_STATES: Record<LoanAction, { states: readonly StoredLoanState[]; otherwise: LoanRefusal }> = {
  decideRequest: { states: ['requested'], otherwise: 'notRequested' },
  withdrawRequest: { states: ['requested'], otherwise: 'notRequested' },
  lend: { states: ['approved'], otherwise: 'notApproved' },
  return: { states: OUT_STATES, otherwise: 'notLent' },
  resolveLost: { states: ['lost'], otherwise: 'notLost' },
  requestRenewal: { states: OUT_STATES, otherwise: 'notLent' },
  decideRenewal: { states: OUT_STATES, otherwise: 'notLent' },
  withdrawRenewal: { states: OUT_STATES, otherwise: 'notLent' },
  recall: { states: OUT_STATES, otherwise: 'notLent' },
};

type ActorNeed = 'borrower' | LoanActorRole;
const ACTION_ACTOR: Record<LoanAction, ActorNeed> = {
  decideRequest: 'approver',
  withdrawRequest: 'borrower',
  lend: 'archivist',
  return: 'archivist',
  resolveLost: 'archivist',
  requestRenewal: 'borrower',
  decideRenewal: 'approver',
  withdrawRenewal: 'borrower',
  recall: 'archivist',
};
const ACTOR_REFUSAL: Record<ActorNeed, LoanRefusal> = { borrower: 'notBorrower', archivist: 'notArchivist', approver: 'notApprover' };

/** Why `action` cannot be taken on `loan` now by the context's actor; null if it can. */
export function guard(action: LoanAction, loan: Loan, context: LoanContext): LoanRefusal | null {
  const { states, otherwise } = ACTION_STATES[action];
  if (!states.includes(loan.state)) return isClosed(loan.state) ? 'loanClosed' : otherwise;
  const need = ACTION_ACTOR[action];
  const holds = need === 'borrower' ? context.actor.userId === loan.borrowerId : context.actor.roles.includes(need);
  if (!holds) return ACTOR_REFUSAL[need];
  const pending = pendingRenewal(loan);
  switch (action) {
    case 'requestRenewal':
      if (pending) return 'renewalPending';
      if (loanStateOn(loan, context.today) === 'overdue') return 'loanOverdue';
      if (loan.recalls.length > 0) return 'recalled';
      if (approvedRenewals(loan) >= (loan.lending?.terms.renewals ?? 0)) return 'renewalLimitReached';
      return null;
    case 'decideRenewal':
    case 'withdrawRenewal':
      return pending ? null : 'noRenewalPending';
    default:
      return null;
  }
}

/** Every action with whether the actor may take it now, and why not. For buttons and their hints. */
export function actionsFor(loan: Loan, context: LoanContext): { action: LoanAction; allowed: boolean; reason: LoanRefusal | null }[] {
  return LOAN_ACTIONS.map((action) => {
    const reason = guard(action, loan, context);
    return { action, allowed: reason === null, reason };
  });
}

/** The actions the actor may take now. */
export function allowedActions(loan: Loan, context: LoanContext): LoanAction[] {
  return LOAN_ACTIONS.filter((action) => guard(action, loan, context) === null);
}

/** The action an event is. */
export function actionOf(event: LoanEvent): LoanAction {
  switch (event.type) {
    case 'approvalOutcome':
      return event.outcome === 'withdrawn' ? 'withdrawRequest' : 'decideRequest';
    case 'renewalOutcome':
      return event.outcome === 'withdrawn' ? 'withdrawRenewal' : 'decideRenewal';
    case 'renewalRequested':
      return 'requestRenewal';
    case 'lend':
    case 'return':
    case 'resolveLost':
    case 'recall':
      return event.type;
  }
}

// ---------------------------------------------------------------------------------------
// decide

const refuse = (reason: LoanRefusal): Decision => ({ ok: false, reason });
const accept = (loan: Loan): Decision => ({ ok: true, loan });

function validPeriod(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

function hasDuplicates(ids: readonly string[]): boolean {
  return new Set(ids).size !== ids.length;
}

/**
 * The loan after `event`, or why it is refused. `policy` is the policy in force; it is
 * read only at lending, when its terms are copied onto the loan. The loan given is never
 * changed: an accepted event returns a new one.
 */
export function decide(policy: LoanPolicy, loan: Loan, event: LoanEvent, context: LoanContext): Decision {
  const blocked = guard(actionOf(event), loan, context);
  if (blocked) return refuse(blocked);
  switch (event.type) {
    case 'approvalOutcome': {
      const state: StoredLoanState = event.outcome === 'approved' ? 'approved' : event.outcome;
      return accept({ ...loan, state, decidedAt: event.at, closedAt: state === 'approved' ? null : event.at });
    }
    case 'lend':
      return lend(policy, loan, event, context);
    case 'return':
      return returnItems(loan, event, context);
    case 'resolveLost':
      return resolveLost(loan, event);
    case 'renewalRequested': {
      if (!validPeriod(event.workingDays)) return refuse('periodInvalid');
      const terms = (loan.lending as Lending).terms;
      if (event.workingDays > terms.maxWorkingDays) return refuse('periodTooLong');
      const renewal: Renewal = { state: 'pending', requestedAt: event.at, requestedWorkingDays: event.workingDays, decidedAt: null, step: null };
      return accept({ ...loan, renewals: [...loan.renewals, renewal] });
    }
    case 'renewalOutcome': {
      const lending = loan.lending as Lending;
      const renewals = loan.renewals.map((r): Renewal => {
        if (r.state !== 'pending') return r;
        if (event.outcome !== 'approved') return { ...r, state: event.outcome, decidedAt: event.at };
        // Counted from the old due date, not from the day of the decision.
        const step = dueDateStep(context.calendar, 'renewal', loan.dueDate as string, r.requestedWorkingDays, lending.terms);
        return { ...r, state: 'approved', decidedAt: event.at, step };
      });
      if (event.outcome !== 'approved') return accept({ ...loan, renewals });
      const approved = renewals.filter((r) => r.state === 'approved').at(-1) as Renewal;
      return accept({ ...loan, renewals, state: 'renewed', dueDate: (approved.step as DueDateStep).deadline.day });
    }
    case 'recall':
      return accept({ ...loan, recalls: [...loan.recalls, { at: event.at, day: context.today, by: context.actor.userId, note: event.note.trim() }] });
  }
}

function lend(policy: LoanPolicy, loan: Loan, event: Extract<LoanEvent, { type: 'lend' }>, context: LoanContext): Decision {
  const physical = loan.kinds.includes('physical');
  if (!physical && event.items.length > 0) return refuse('noPhysicalPart');
  if (physical && event.items.length === 0) return refuse('itemsRequired');
  if (hasDuplicates(event.items.map((i) => i.documentId))) return refuse('itemDuplicated');
  for (const item of event.items) {
    if (loan.documentIds !== null && !loan.documentIds.includes(item.documentId)) return refuse('itemNotRequested');
    if (item.location.trim().length === 0) return refuse('locationRequired');
  }
  const terms = loanTermsFor(policy, loan.confidentiality, loan.kinds);
  const step = dueDateStep(context.calendar, 'lent', context.today, loan.periodWorkingDays, terms);
  const items = event.items.map(
    (i): LoanItem => ({ documentId: i.documentId, location: i.location.trim(), condition: null, note: '', returnedAt: null, resolution: null, resolutionNote: '', resolvedAt: null }),
  );
  return accept({
    ...loan,
    state: 'lent',
    dueDate: step.deadline.day,
    lending: { at: event.at, day: context.today, by: context.actor.userId, terms, step },
    items,
  });
}

function needsNote(condition: ItemCondition): boolean {
  return condition !== 'complete';
}

/** Closing a loan ends a renewal still waiting for its approval. */
function withdrawPending(renewals: readonly Renewal[], at: string): Renewal[] {
  return renewals.map((r) => (r.state === 'pending' ? { ...r, state: 'withdrawn', decidedAt: at } : r));
}

function returnItems(loan: Loan, event: Extract<LoanEvent, { type: 'return' }>, _context: LoanContext): Decision {
  // An electronic-only loan has nothing to check: returning it closes the reading.
  if (loan.items.length > 0 && event.items.length === 0) return refuse('noItems');
  if (hasDuplicates(event.items.map((i) => i.documentId))) return refuse('itemDuplicated');
  for (const r of event.items) {
    const item = loan.items.find((i) => i.documentId === r.documentId);
    if (!item || item.condition !== null) return refuse('itemNotOut');
    if (needsNote(r.condition) && r.note.trim().length === 0) return refuse('noteRequired');
  }
  const items = loan.items.map((item): LoanItem => {
    const r = event.items.find((x) => x.documentId === item.documentId);
    return r ? { ...item, condition: r.condition, note: r.note.trim(), returnedAt: event.at } : item;
  });
  if (items.some((i) => i.condition === null)) return accept({ ...loan, items });
  const lost = items.some((i) => i.condition === 'missing');
  return accept({
    ...loan,
    items,
    state: lost ? 'lost' : 'returned',
    renewals: withdrawPending(loan.renewals, event.at),
    closedAt: lost ? null : event.at,
  });
}

function resolveLost(loan: Loan, event: Extract<LoanEvent, { type: 'resolveLost' }>): Decision {
  if (event.items.length === 0) return refuse('noItems');
  if (hasDuplicates(event.items.map((i) => i.documentId))) return refuse('itemDuplicated');
  for (const r of event.items) {
    const item = loan.items.find((i) => i.documentId === r.documentId);
    if (!item || item.condition !== 'missing' || item.resolution !== null) return refuse('itemNotMissing');
    if (r.note.trim().length === 0) return refuse('noteRequired');
  }
  const items = loan.items.map((item): LoanItem => {
    const r = event.items.find((x) => x.documentId === item.documentId);
    return r ? { ...item, resolution: r.resolution, resolutionNote: r.note.trim(), resolvedAt: event.at } : item;
  });
  const settled = items.every((i) => i.condition !== 'missing' || i.resolution !== null);
  return accept({ ...loan, items, state: settled ? 'returned' : 'lost', closedAt: settled ? event.at : null });
}

// ---------------------------------------------------------------------------------------
// How the due date was reached

export interface DueDateExplanation {
  dueDate: string;
  /** The terms copied at lending (policy version, period, renewals, reading room, lines). */
  terms: LoanTerms;
  /** The lending, then each approved renewal, each with the calendar's own explanation. */
  steps: DueDateStep[];
}

/** How a lent loan's due date was reached; null before it is lent. */
export function dueDateExplanation(loan: Loan): DueDateExplanation | null {
  if (!loan.lending || loan.dueDate === null) return null;
  const renewals = loan.renewals.flatMap((r) => (r.state === 'approved' && r.step ? [r.step] : []));
  return { dueDate: loan.dueDate, terms: loan.lending.terms, steps: [loan.lending.step, ...renewals] };
}
