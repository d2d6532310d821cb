// Builders shared by the borrowing tests: a request, its loan, and the people who act on it.
import {
  DEFAULT_LOAN_POLICY,
  decide,
  loansFromRequest,
  type CheckoutRequest,
  type Loan,
  type LoanContext,
  type LoanEvent,
  type LoanPolicy,
  type RequestedFile,
} from '../../src/shared/domain/checkouts';
import { officialCalendar } from '../../src/shared/domain/working-days';

export const BORROWER = 'u-borrower';
export const ARCHIVIST = 'u-archivist';
export const HEAD = 'u-credit-head';
export const STRANGER = 'u-stranger';

export const asBorrower = (today: string): LoanContext => ({ today, calendar: officialCalendar, actor: { userId: BORROWER, roles: [] } });
export const asArchivist = (today: string): LoanContext => ({ today, calendar: officialCalendar, actor: { userId: ARCHIVIST, roles: ['archivist'] } });
export const asApprover = (today: string): LoanContext => ({ today, calendar: officialCalendar, actor: { userId: HEAD, roles: ['approver'] } });
export const asStranger = (today: string): LoanContext => ({ today, calendar: officialCalendar, actor: { userId: STRANGER, roles: [] } });

export function file(overrides: Partial<RequestedFile> = {}): RequestedFile {
  return { customerId: 'c-1', confidentiality: 'normal', documentIds: null, kinds: ['physical', 'electronic'], ...overrides };
}

export function request(overrides: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    requesterId: BORROWER,
    departmentId: 'd-business',
    departmentKind: 'business',
    files: [file()],
    purpose: '授信额度审批参考',
    periodWorkingDays: 5,
    readingRoom: false,
    print: false,
    export: false,
    ...overrides,
  };
}

export function requestedLoan(overrides: Partial<CheckoutRequest> = {}): Loan {
  const r = request(overrides);
  return loansFromRequest(r, 'r-1', r.files.map((_, i) => `l-${i + 1}`), '2026-09-25 01:00:00')[0] as Loan;
}

/** Apply events one after the other; any refusal fails the fixture. */
export function walk(loan: Loan, steps: readonly [LoanEvent, LoanContext][], policy: LoanPolicy = DEFAULT_LOAN_POLICY): Loan {
  let current = loan;
  for (const [event, context] of steps) {
    const d = decide(policy, current, event, context);
    if (!d.ok) throw new Error(`fixture step ${event.type} refused: ${d.reason}`);
    current = d.loan;
  }
  return current;
}

export const approve = (at = '2026-09-25 02:00:00'): LoanEvent => ({ type: 'approvalOutcome', outcome: 'approved', at });
export const lendItems = (documentId = 'doc-1', at = '2026-09-28 01:00:00'): LoanEvent => ({ type: 'lend', at, items: [{ documentId, location: '柜 A / 架 3 / 盒 12' }] });

/** A whole-file loan of c-1 (physical and electronic) lent on `day` for `period` working days. */
export function lentLoan(day = '2026-09-28', period = 5, overrides: Partial<CheckoutRequest> = {}, policy: LoanPolicy = DEFAULT_LOAN_POLICY): Loan {
  const start = requestedLoan({ periodWorkingDays: period, ...overrides });
  const physical = start.kinds.includes('physical');
  const lend: LoanEvent = physical ? lendItems() : { type: 'lend', at: `${day} 01:00:00`, items: [] };
  return walk(
    start,
    [
      [approve(), asApprover(day)],
      [lend, asArchivist(day)],
    ],
    policy,
  );
}

/** Deep-freeze, so a decide that changed its input would throw. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}
