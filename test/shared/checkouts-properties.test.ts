import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPROVAL_OUTCOMES,
  ITEM_CONDITIONS,
  LOAN_KINDS,
  LOST_RESOLUTIONS,
  STORED_LOAN_STATES,
  actionOf,
  approvedRenewals,
  decide,
  guard,
  isOut,
  readAccess,
  remindersDue,
  type Loan,
  type LoanAccessView,
  type LoanContext,
  type LoanEvent,
  type LoanPolicy,
} from '../../src/shared/domain/checkouts';
import { CONFIDENTIALITY_LEVELS } from '../../src/shared/domain/customers';
import { officialCalendar, shiftDay } from '../../src/shared/domain/working-days';
import { asApprover, asArchivist, asBorrower, asStranger, BORROWER, frozen, requestedLoan } from './checkouts-fixtures';

const cal = officialCalendar;

const policyArb: fc.Arbitrary<LoanPolicy> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 6, maxLength: 6 })
  .map((lines) => ({
    version: 1,
    terms: CONFIDENTIALITY_LEVELS.flatMap((confidentiality, i) =>
      LOAN_KINDS.map((kind, j) => {
        const [maxWorkingDays, renewals, readingRoomOnly] = lines[i * 2 + j]!;
        return { confidentiality, kind, maxWorkingDays, renewals, readingRoomOnly };
      }),
    ),
  }));

const loanArb: fc.Arbitrary<Loan> = fc
  .record({
    confidentiality: fc.constantFrom(...CONFIDENTIALITY_LEVELS),
    kinds: fc.subarray([...LOAN_KINDS], { minLength: 1 }),
    chosen: fc.boolean(),
    period: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ confidentiality, kinds, chosen, period }) =>
    requestedLoan({ periodWorkingDays: period, files: [{ customerId: 'c-1', confidentiality, kinds, documentIds: chosen ? ['doc-1', 'doc-2'] : null }] }),
  );

const ACTORS = { borrower: asBorrower, archivist: asArchivist, approver: asApprover, stranger: asStranger } as const;
const EVENT_TYPES = ['approvalOutcome', 'lend', 'return', 'resolveLost', 'renewalRequested', 'renewalOutcome', 'recall'] as const;

const commandArb = fc.record({
  // Often the event the loan's state invites, so sequences go deep; otherwise any event.
  type: fc.oneof({ weight: 3, arbitrary: fc.constant('next' as const) }, { weight: 2, arbitrary: fc.constantFrom(...EVENT_TYPES) }),
  // Mostly the person whose event it is, so sequences reach lending, renewal and return.
  actor: fc.oneof({ weight: 6, arbitrary: fc.constant('usual' as const) }, { weight: 1, arbitrary: fc.constantFrom(...(Object.keys(ACTORS) as (keyof typeof ACTORS)[])) }),
  advance: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
  variant: fc.nat({ max: 1023 }),
});
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

const outcome = (v: number) => (v % 5 < 3 ? 'approved' : APPROVAL_OUTCOMES[v % 5 === 3 ? 1 : 2]!);

/** The event a loan in this state usually sees next. */
function nextType(loan: Loan, v: number): (typeof EVENT_TYPES)[number] {
  switch (loan.state) {
    case 'requested':
      return 'approvalOutcome';
    case 'approved':
      return 'lend';
    case 'lost':
      return 'resolveLost';
    case 'lent':
    case 'renewed':
      if (loan.renewals.some((r) => r.state === 'pending')) return 'renewalOutcome';
      return (['renewalRequested', 'renewalRequested', 'return', 'recall'] as const)[v % 4]!;
    default:
      return EVENT_TYPES[v % EVENT_TYPES.length]!;
  }
}

/** The person whose event this usually is. */
function actorOf(event: LoanEvent): keyof typeof ACTORS {
  switch (event.type) {
    case 'approvalOutcome':
    case 'renewalOutcome':
      return event.outcome === 'withdrawn' ? 'borrower' : 'approver';
    case 'renewalRequested':
      return 'borrower';
    default:
      return 'archivist';
  }
}

/** An event of the command's type, shaped by the loan as it is (so returns name real items) and the variant. */
function eventFor(loan: Loan, c: Command, at: string): LoanEvent {
  const v = c.variant;
  const type = c.type === 'next' ? nextType(loan, v >> 3) : c.type;
  switch (type) {
    case 'approvalOutcome':
      return { type: 'approvalOutcome', outcome: outcome(v), at };
    case 'lend': {
      const choices = [[], [{ documentId: 'doc-1', location: 'A' }], [{ documentId: 'doc-1', location: 'A' }, { documentId: 'doc-2', location: 'B' }], [{ documentId: 'doc-3', location: 'C' }]];
      const fitting = loan.kinds.includes('physical') ? choices[1 + (v % 2)]! : choices[0]!;
      return { type: 'lend', at, items: v % 4 === 0 ? choices[(v >> 2) % choices.length]! : fitting };
    }
    case 'return': {
      const out = loan.items.filter((i) => i.condition === null);
      const picked = v % 7 === 0 ? [{ documentId: 'doc-9' }] : out.slice(0, 1 + (v % 2));
      return { type: 'return', at, items: picked.map((i, k) => ({ documentId: i.documentId, condition: ITEM_CONDITIONS[(v >> (2 + k)) % 3]!, note: v % 5 === 0 ? '' : '说明' })) };
    }
    case 'resolveLost': {
      const missing = loan.items.filter((i) => i.condition === 'missing' && i.resolution === null);
      return { type: 'resolveLost', at, items: missing.slice(0, 1 + (v % 2)).map((i) => ({ documentId: i.documentId, resolution: LOST_RESOLUTIONS[v % 2]!, note: v % 6 === 0 ? '' : '处理' })) };
    }
    case 'renewalRequested':
      return { type: 'renewalRequested', at, workingDays: v % 12 };
    case 'renewalOutcome':
      return { type: 'renewalOutcome', outcome: outcome(v), at };
    case 'recall':
      return { type: 'recall', at, note: '' };
  }
}

/** Walks a loan through commands, checking the invariants after each. */
function run(policy: LoanPolicy, start: Loan, commands: readonly Command[], check: (before: Loan, after: Loan, refused: boolean, context: LoanContext, event: LoanEvent) => void): void {
  let loan = start;
  let today = '2026-09-20';
  for (const c of commands) {
    today = shiftDay(today, c.advance);
    const event = eventFor(loan, c, `${today} 02:00:00`);
    const context = ACTORS[c.actor === 'usual' ? actorOf(event) : c.actor](today);
    const before = structuredClone(loan);
    const d = decide(policy, frozen(loan), event, context);
    expect(loan).toEqual(before);
    check(before, d.ok ? d.loan : loan, !d.ok, context, event);
    if (d.ok) loan = d.loan;
  }
}

const sequences = fc.tuple(policyArb, loanArb, fc.array(commandArb, { minLength: 1, maxLength: 40, size: 'max' }));
const RUNS = { numRuns: 400 };

describe('borrowing over generated event sequences', () => {
  it('a refusal never changes the loan, and refuses with the reason actionsFor gives', () => {
    fc.assert(
      fc.property(sequences, ([policy, loan, commands]) => {
        run(policy, loan, commands, (before, after, refused, context, event) => {
          const blocked = guard(actionOf(event), before, context);
          if (refused) expect(after).toEqual(before);
          // A guard's refusal is decide's refusal; decide may refuse a bad payload beyond it.
          if (blocked) expect(refused).toBe(true);
          if (blocked) expect(decide(policy, before, event, context)).toEqual({ ok: false, reason: blocked });
          expect(STORED_LOAN_STATES).toContain(after.state);
        });
      }),
      RUNS,
    );
  });

  it('renewals never exceed the terms copied at lending, and a due date never moves back', () => {
    fc.assert(
      fc.property(sequences, ([policy, loan, commands]) => {
        run(policy, loan, commands, (before, after) => {
          expect(approvedRenewals(after)).toBeLessThanOrEqual(after.lending?.terms.renewals ?? 0);
          if (before.dueDate !== null) expect(after.dueDate !== null && after.dueDate >= before.dueDate).toBe(true);
          if (after.lending) expect(after.lending.terms.maxWorkingDays).toBeGreaterThanOrEqual(after.lending.step.workingDays);
        });
      }),
      RUNS,
    );
  });

  it('a returned loan never becomes lent again, and nothing more happens to it', () => {
    fc.assert(
      fc.property(sequences, ([policy, loan, commands]) => {
        run(policy, loan, commands, (before, after) => {
          if (before.state === 'returned') expect(after).toEqual(before);
          if (before.state === 'rejected' || before.state === 'withdrawn') expect(after).toEqual(before);
        });
      }),
      RUNS,
    );
  });

  it('access is never granted after return or past the due date, nor to anyone but the borrower', () => {
    fc.assert(
      fc.property(sequences, fc.integer({ min: 0, max: 20 }), ([policy, loan, commands], ahead) => {
        run(policy, loan, commands, (_before, after, _refused, context) => {
          for (const day of [context.today, shiftDay(context.today, ahead)]) {
            const got = readAccess({ userId: BORROWER, departmentKind: 'business' }, 'c-1', 'doc-1', [after], day);
            if (after.state === 'returned' || after.state === 'lost' || !isOut(after.state) || after.dueDate === null || day > after.dueDate) expect(got.allowed).toBe(false);
            if (got.allowed) expect(after.kinds).toContain('electronic');
            expect(readAccess({ userId: 'u-other', departmentKind: 'other' }, 'c-1', 'doc-1', [after], day).allowed).toBe(false);
            const reminders = remindersDue(after, day, cal);
            if (!isOut(after.state)) expect(reminders).toEqual([]);
            else expect(reminders.some((r) => r.kind === 'overdue')).toBe(day > (after.dueDate as string));
          }
        });
      }),
      RUNS,
    );
  });
});

describe('reading access over generated loan lists', () => {
  const viewArb: fc.Arbitrary<LoanAccessView> = fc.record({
    id: fc.constantFrom('l-1', 'l-2', 'l-3'),
    borrowerId: fc.constantFrom(BORROWER, 'u-other'),
    customerId: fc.constantFrom('c-1', 'c-2'),
    state: fc.constantFrom(...STORED_LOAN_STATES),
    dueDate: fc.option(fc.constantFrom('2026-10-09', '2026-10-10', '2026-10-12'), { nil: null }),
    kinds: fc.subarray([...LOAN_KINDS], { minLength: 1 }),
    documentIds: fc.option(fc.subarray(['doc-1', 'doc-2'], { minLength: 1 }), { nil: null }),
    print: fc.boolean(),
    export: fc.boolean(),
  });

  it('allowed exactly when one loan of the reader covers the file, is out, in date, electronic and has the document', () => {
    fc.assert(
      fc.property(fc.array(viewArb, { maxLength: 6 }), fc.constantFrom('2026-10-09', '2026-10-10', '2026-10-11'), fc.option(fc.constantFrom('doc-1', 'doc-2'), { nil: null }), (loans, today, documentId) => {
        const got = readAccess({ userId: BORROWER, departmentKind: 'business' }, 'c-1', documentId, loans, today);
        const granting = loans.filter(
          (l) =>
            l.borrowerId === BORROWER &&
            l.customerId === 'c-1' &&
            isOut(l.state) &&
            l.dueDate !== null &&
            today <= l.dueDate &&
            l.kinds.includes('electronic') &&
            (documentId === null || l.documentIds === null || l.documentIds.includes(documentId)),
        );
        expect(got.allowed).toBe(granting.length > 0);
        if (got.allowed && got.via === 'loan') expect(granting.map((l) => l.id)).toContain(got.loanId);
        if (!got.allowed && got.reason === 'needsLoan') expect(loans.some((l) => l.customerId === 'c-1')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
