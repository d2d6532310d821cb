import { describe, expect, it } from 'vitest';
import {
  CHECKOUT_TEXTS,
  CHECKOUT_LANGS,
  DEFAULT_LOAN_POLICY,
  LOAN_ACTIONS,
  LOAN_EVENTS,
  LOAN_STATES,
  actionOf,
  actionsFor,
  allowedActions,
  checkoutChain,
  chainForRequest,
  daysOverdue,
  decide,
  dueDateExplanation,
  loanStateOn,
  loanTermsFor,
  loansFromRequest,
  readAccess,
  remindersDue,
  validatePolicy,
  validateRequest,
  workingDaysBefore,
  type Loan,
  type LoanAccessView,
  type LoanContext,
  type LoanEvent,
  type LoanPolicy,
  type Reader,
} from '../../src/shared/domain/checkouts';
import { CONFIDENTIALITY_LEVELS } from '../../src/shared/domain/customers';
import { DEPARTMENT_KINDS } from '../../src/shared/domain/permissions';
import { addWorkingDays, officialCalendar, workingDayDeadline } from '../../src/shared/domain/working-days';
import {
  ARCHIVIST,
  BORROWER,
  approve,
  asApprover,
  asArchivist,
  asBorrower,
  asStranger,
  file,
  frozen,
  lendItems,
  lentLoan,
  request,
  requestedLoan,
  walk,
} from './checkouts-fixtures';

const cal = officialCalendar;

// ---------------------------------------------------------------------------------------
describe('the checkout request (查阅申请单)', () => {
  it('a complete request of a business user has no problems and goes to the head of credit management', () => {
    const r = request({ files: [file(), file({ customerId: 'c-2', confidentiality: 'secret', documentIds: ['doc-9'], kinds: ['electronic'] })], print: true });
    expect(validateRequest(r, DEFAULT_LOAN_POLICY)).toEqual([]);
    expect(chainForRequest(r)).toEqual({ kind: 'checkout', route: 'creditHead', steps: ['credit_head'], filedWithCredit: false, higherApprover: false, facts: { confidentiality: 'secret' } });
  });

  it.each([
    ['no files', { files: [] }, [{ code: 'noFiles' }]],
    ['a blank purpose', { purpose: '   ' }, [{ code: 'purposeMissing' }]],
    ['a purpose of 501 characters', { purpose: '用'.repeat(501) }, [{ code: 'purposeTooLong', limit: 500 }]],
    ['a period of 0', { periodWorkingDays: 0 }, [{ code: 'periodInvalid' }]],
    ['a period of 2.5', { periodWorkingDays: 2.5 }, [{ code: 'periodInvalid' }]],
    ['the same file twice', { files: [file(), file()] }, [{ code: 'fileDuplicated', fileIndex: 1 }]],
    ['a file with no kind', { files: [file({ kinds: [] })] }, [{ code: 'noKinds', fileIndex: 0 }]],
    ['chosen documents, none chosen', { files: [file({ documentIds: [] })] }, [{ code: 'noDocumentsChosen', fileIndex: 0 }]],
    ['a document twice', { files: [file({ documentIds: ['d', 'd'] })] }, [{ code: 'documentDuplicated', fileIndex: 0 }]],
    ['printing without electronic reading', { files: [file({ kinds: ['physical'] })], print: true }, [{ code: 'printNeedsElectronic' }]],
    ['exporting without electronic reading', { files: [file({ kinds: ['physical'] })], export: true }, [{ code: 'exportNeedsElectronic' }]],
    [
      'electronic reading asked by the credit department',
      { departmentKind: 'credit' as const, files: [file({ kinds: ['electronic'] })] },
      [{ code: 'electronicNotNeeded', fileIndex: 0, kind: 'electronic' }],
    ],
    [
      '11 working days of a 普通 file',
      { periodWorkingDays: 11 },
      [
        { code: 'periodTooLong', fileIndex: 0, kind: 'physical', limit: 10 },
        { code: 'periodTooLong', fileIndex: 0, kind: 'electronic', limit: 10 },
      ],
    ],
    ['8 working days of a 秘密 file read electronically', { periodWorkingDays: 8, files: [file({ confidentiality: 'secret', kinds: ['electronic'] })] }, [{ code: 'periodTooLong', fileIndex: 0, kind: 'electronic', limit: 7 }]],
    [
      '6 working days of a 机密 file, physical outside the reading room',
      { periodWorkingDays: 6, files: [file({ confidentiality: 'confidential', kinds: ['physical'] })] },
      [
        { code: 'periodTooLong', fileIndex: 0, kind: 'physical', limit: 5 },
        { code: 'readingRoomOnly', fileIndex: 0, kind: 'physical' },
      ],
    ],
  ])('%s is refused', (_name, overrides, problems) => {
    expect(validateRequest(request(overrides), DEFAULT_LOAN_POLICY)).toEqual(problems);
  });

  it('机密 physical items in the reading room, 5 working days, are fine', () => {
    expect(validateRequest(request({ readingRoom: true, files: [file({ confidentiality: 'confidential', kinds: ['physical'] })] }), DEFAULT_LOAN_POLICY)).toEqual([]);
  });

  it('the chain follows the department kind and the highest 密级', () => {
    const rows = DEPARTMENT_KINDS.flatMap((dept) => CONFIDENTIALITY_LEVELS.map((level) => [dept, level, checkoutChain(dept, ['normal', level]).steps.join(' → '), checkoutChain(dept, [level]).filedWithCredit]));
    expect(rows).toEqual([
      ['credit', 'normal', '', false],
      ['credit', 'secret', '', false],
      ['credit', 'confidential', 'general_manager', false],
      ['business', 'normal', 'credit_head', false],
      ['business', 'secret', 'credit_head', false],
      ['business', 'confidential', 'credit_head → general_manager', false],
      ['other', 'normal', 'leadership', true],
      ['other', 'secret', 'leadership', true],
      ['other', 'confidential', 'leadership → general_manager', true],
    ]);
    expect(checkoutChain('other', ['secret', 'confidential', 'normal'])).toMatchObject({ route: 'leadership', higherApprover: true, facts: { confidentiality: 'confidential' } });
  });

  it('one loan per requested file, all awaiting approval, with the purpose trimmed', () => {
    const r = request({ purpose: '  年审  ', files: [file(), file({ customerId: 'c-2' })] });
    const loans = loansFromRequest(r, 'r-7', ['l-a', 'l-b'], '2026-09-25 01:00:00');
    expect(loans.map((l) => [l.id, l.requestId, l.customerId, l.state, l.purpose, l.dueDate])).toEqual([
      ['l-a', 'r-7', 'c-1', 'requested', '年审', null],
      ['l-b', 'r-7', 'c-2', 'requested', '年审', null],
    ]);
    expect(() => loansFromRequest(r, 'r-7', ['l-a'], '2026-09-25 01:00:00')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------
describe('the loan policy is data', () => {
  it('the defaults: 10, 7, 5 working days, one renewal, 机密 physical in the reading room', () => {
    expect(validatePolicy(DEFAULT_LOAN_POLICY)).toEqual([]);
    expect(DEFAULT_LOAN_POLICY.terms.map((t) => `${t.confidentiality}/${t.kind}:${t.maxWorkingDays}/${t.renewals}/${t.readingRoomOnly}`)).toEqual([
      'normal/physical:10/1/false',
      'normal/electronic:10/1/false',
      'secret/physical:7/1/false',
      'secret/electronic:7/1/false',
      'confidential/physical:5/1/true',
      'confidential/electronic:5/1/false',
    ]);
  });

  it('a broken policy says what is wrong', () => {
    const [first, ...rest] = DEFAULT_LOAN_POLICY.terms;
    const broken: LoanPolicy = { version: 2, terms: [...rest, { ...rest[0]!, maxWorkingDays: 0, renewals: -1 }] };
    expect(first).toBeDefined();
    expect(validatePolicy(broken)).toEqual([
      { code: 'termsMissing', confidentiality: 'normal', kind: 'physical' },
      { code: 'termsDuplicated', confidentiality: 'normal', kind: 'electronic' },
      { code: 'maxDaysInvalid', confidentiality: 'normal', kind: 'electronic' },
      { code: 'renewalsInvalid', confidentiality: 'normal', kind: 'electronic' },
    ]);
  });

  it('a loan of both kinds takes the strictest line', () => {
    const policy: LoanPolicy = { version: 3, terms: DEFAULT_LOAN_POLICY.terms.map((t) => (t.kind === 'electronic' ? { ...t, maxWorkingDays: t.maxWorkingDays - 2, renewals: 2 } : t)) };
    expect(loanTermsFor(policy, 'confidential', ['electronic', 'physical'])).toMatchObject({ policyVersion: 3, kinds: ['physical', 'electronic'], maxWorkingDays: 3, renewals: 1, readingRoomOnly: true });
    expect(loanTermsFor(policy, 'normal', ['electronic'])).toMatchObject({ maxWorkingDays: 8, renewals: 2, readingRoomOnly: false });
  });
});

// ---------------------------------------------------------------------------------------
describe('due dates on the 2026 calendar', () => {
  it('a 5-working-day loan lent on 2026-09-28 is due on 2026-10-10, a make-up Saturday', () => {
    const loan = lentLoan('2026-09-28', 5, { files: [file({ confidentiality: 'confidential', kinds: ['electronic'] })] });
    expect(loan.state).toBe('lent');
    expect(loan.dueDate).toBe('2026-10-10');
    const how = dueDateExplanation(loan);
    expect(how?.terms).toMatchObject({ policyVersion: 1, confidentiality: 'confidential', maxWorkingDays: 5, renewals: 1 });
    expect(how?.steps).toHaveLength(1);
    const step = how!.steps[0]!;
    expect(step).toMatchObject({ kind: 'lent', requestedWorkingDays: 5, workingDays: 5 });
    expect(step.deadline).toMatchObject({ day: '2026-10-10', from: '2026-09-28', calendarVersion: cal.version, provisional: false });
    expect(step.deadline.explanation.filter((e) => e.code === 'skipped-public-holiday').map((e) => e.day)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(step.deadline.explanation.at(-1)).toEqual({ code: 'counted-makeup-workday', day: '2026-10-10', holiday: 'national-day' });
    expect(loan.lending).toMatchObject({ day: '2026-09-28', by: ARCHIVIST });
  });

  it('a renewal counts from the old due date, not from the day it is approved', () => {
    const lent = lentLoan('2026-09-28', 5);
    const renewed = walk(lent, [
      [{ type: 'renewalRequested', at: '2026-10-09 02:00:00', workingDays: 3 }, asBorrower('2026-10-09')],
      [{ type: 'renewalOutcome', outcome: 'approved', at: '2026-10-12 02:00:00' }, asApprover('2026-10-12')],
    ]);
    // (10-10, 10-14]: 10-12, 10-13, 10-14. From the approval day it would be 10-15.
    expect(renewed.state).toBe('renewed');
    expect(renewed.dueDate).toBe('2026-10-14');
    expect(dueDateExplanation(renewed)?.steps.map((s) => [s.kind, s.deadline.from, s.deadline.day])).toEqual([
      ['lent', '2026-09-28', '2026-10-10'],
      ['renewal', '2026-10-10', '2026-10-14'],
    ]);
  });

  it('a policy change after lending leaves the due date, the period and the renewals as they were', () => {
    const lent = lentLoan('2026-09-28', 10);
    expect(lent.dueDate).toBe(addWorkingDays(cal, '2026-09-28', 10));
    const stricter: LoanPolicy = { version: 2, terms: DEFAULT_LOAN_POLICY.terms.map((t) => ({ ...t, maxWorkingDays: 2, renewals: 0 })) };
    const renewed = walk(
      lent,
      [
        [{ type: 'renewalRequested', at: '2026-10-13 02:00:00', workingDays: 10 }, asBorrower('2026-10-13')],
        [{ type: 'renewalOutcome', outcome: 'approved', at: '2026-10-13 03:00:00' }, asApprover('2026-10-13')],
      ],
      stricter,
    );
    expect(renewed.lending?.terms.policyVersion).toBe(1);
    expect(renewed.dueDate).toBe(addWorkingDays(cal, lent.dueDate!, 10));
    expect(dueDateExplanation(renewed)?.steps[0]?.deadline.day).toBe(lent.dueDate);
  });

  it('a policy made stricter between approval and lending cuts the period, and says so', () => {
    const stricter: LoanPolicy = { version: 2, terms: DEFAULT_LOAN_POLICY.terms.map((t) => ({ ...t, maxWorkingDays: 3 })) };
    const loan = lentLoan('2026-09-28', 8, {}, stricter);
    expect(loan.dueDate).toBe('2026-10-08');
    expect(dueDateExplanation(loan)?.steps[0]).toMatchObject({ requestedWorkingDays: 8, workingDays: 3 });
    expect(loan.lending?.terms.policyVersion).toBe(2);
  });

  it('a loan counted into a year the calendar lacks says its due date is provisional', () => {
    const loan = lentLoan('2026-12-28', 10);
    expect(dueDateExplanation(loan)?.steps[0]?.deadline).toMatchObject({ provisional: true, missingYears: [2027] });
  });

  it('no explanation before lending', () => {
    expect(dueDateExplanation(requestedLoan())).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------
// Every event in every state.

const DAY = '2026-09-28';
const OVERDUE_DAY = '2026-10-12'; // the loans below are due 2026-10-10

type Fixture = { loan: Loan; today: string };
const lent = lentLoan(DAY, 5);
const renewalAsked = walk(lent, [[{ type: 'renewalRequested', at: '2026-09-29 01:00:00', workingDays: 2 }, asBorrower(DAY)]]);
const renewed = walk(renewalAsked, [[{ type: 'renewalOutcome', outcome: 'approved', at: '2026-09-29 02:00:00' }, asApprover(DAY)]]);
const recalled = walk(lent, [[{ type: 'recall', at: '2026-09-29 01:00:00', note: '年审需要' }, asArchivist(DAY)]]);
const lost = walk(lent, [[{ type: 'return', at: '2026-09-30 01:00:00', items: [{ documentId: 'doc-1', condition: 'missing', note: '第 3 页缺失' }] }, asArchivist(DAY)]]);
const FIXTURES: Record<string, Fixture> = {
  requested: { loan: requestedLoan(), today: DAY },
  approved: { loan: walk(requestedLoan(), [[approve(), asApprover(DAY)]]), today: DAY },
  rejected: { loan: walk(requestedLoan(), [[{ type: 'approvalOutcome', outcome: 'rejected', at: '2026-09-25 02:00:00' }, asApprover(DAY)]]), today: DAY },
  withdrawn: { loan: walk(requestedLoan(), [[{ type: 'approvalOutcome', outcome: 'withdrawn', at: '2026-09-25 02:00:00' }, asBorrower(DAY)]]), today: DAY },
  lent: { loan: lent, today: DAY },
  'lent, renewal asked': { loan: renewalAsked, today: DAY },
  renewed: { loan: renewed, today: DAY },
  'lent, recalled': { loan: recalled, today: DAY },
  overdue: { loan: lent, today: OVERDUE_DAY },
  returned: { loan: walk(lent, [[{ type: 'return', at: '2026-09-30 01:00:00', items: [{ documentId: 'doc-1', condition: 'complete', note: '' }] }, asArchivist(DAY)]]), today: DAY },
  lost: { loan: lost, today: DAY },
};

type EventCase = { event: LoanEvent; as: (today: string) => LoanContext };
const EVENTS: Record<string, EventCase> = {
  approve: { event: approve(), as: asApprover },
  reject: { event: { type: 'approvalOutcome', outcome: 'rejected', at: '2026-09-30 01:00:00' }, as: asApprover },
  withdraw: { event: { type: 'approvalOutcome', outcome: 'withdrawn', at: '2026-09-30 01:00:00' }, as: asBorrower },
  lend: { event: lendItems(), as: asArchivist },
  'return complete': { event: { type: 'return', at: '2026-09-30 01:00:00', items: [{ documentId: 'doc-1', condition: 'complete', note: '' }] }, as: asArchivist },
  'return damaged': { event: { type: 'return', at: '2026-09-30 01:00:00', items: [{ documentId: 'doc-1', condition: 'damaged', note: '封面破损' }] }, as: asArchivist },
  'return missing': { event: { type: 'return', at: '2026-09-30 01:00:00', items: [{ documentId: 'doc-1', condition: 'missing', note: '未找到' }] }, as: asArchivist },
  'resolve lost': { event: { type: 'resolveLost', at: '2026-10-09 01:00:00', items: [{ documentId: 'doc-1', resolution: 'found', note: '在阅档室找回' }] }, as: asArchivist },
  'ask renewal': { event: { type: 'renewalRequested', at: '2026-09-30 01:00:00', workingDays: 3 }, as: asBorrower },
  'approve renewal': { event: { type: 'renewalOutcome', outcome: 'approved', at: '2026-09-30 01:00:00' }, as: asApprover },
  'reject renewal': { event: { type: 'renewalOutcome', outcome: 'rejected', at: '2026-09-30 01:00:00' }, as: asApprover },
  'withdraw renewal': { event: { type: 'renewalOutcome', outcome: 'withdrawn', at: '2026-09-30 01:00:00' }, as: asBorrower },
  recall: { event: { type: 'recall', at: '2026-09-30 01:00:00', note: '请尽快归还' }, as: asArchivist },
};

// The shown state after the event on the fixture's day, or the refusal ('!reason').
const closed = Object.fromEntries(Object.keys(EVENTS).map((e) => [e, '!loanClosed']));
const EXPECTED: Record<keyof typeof FIXTURES, Record<keyof typeof EVENTS, string>> = {
  requested: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', lend: '!notApproved', 'return complete': '!notLent', 'return damaged': '!notLent', 'return missing': '!notLent', 'resolve lost': '!notLost', 'ask renewal': '!notLent', 'approve renewal': '!notLent', 'reject renewal': '!notLent', 'withdraw renewal': '!notLent', recall: '!notLent' },
  approved: { approve: '!notRequested', reject: '!notRequested', withdraw: '!notRequested', lend: 'lent', 'return complete': '!notLent', 'return damaged': '!notLent', 'return missing': '!notLent', 'resolve lost': '!notLost', 'ask renewal': '!notLent', 'approve renewal': '!notLent', 'reject renewal': '!notLent', 'withdraw renewal': '!notLent', recall: '!notLent' },
  rejected: closed,
  withdrawn: closed,
  lent: { approve: '!notRequested', reject: '!notRequested', withdraw: '!notRequested', lend: '!notApproved', 'return complete': 'returned', 'return damaged': 'returned', 'return missing': 'lost', 'resolve lost': '!notLost', 'ask renewal': 'lent', 'approve renewal': '!noRenewalPending', 'reject renewal': '!noRenewalPending', 'withdraw renewal': '!noRenewalPending', recall: 'lent' },
  'lent, renewal asked': { approve: '!notRequested', reject: '!notRequested', withdraw: '!notRequested', lend: '!notApproved', 'return complete': 'returned', 'return damaged': 'returned', 'return missing': 'lost', 'resolve lost': '!notLost', 'ask renewal': '!renewalPending', 'approve renewal': 'renewed', 'reject renewal': 'lent', 'withdraw renewal': 'lent', recall: 'lent' },
  renewed: { approve: '!notRequested', reject: '!notRequested', withdraw: '!notRequested', lend: '!notApproved', 'return complete': 'returned', 'return damaged': 'returned', 'return missing': 'lost', 'resolve lost': '!notLost', 'ask renewal': '!renewalLimitReached', 'approve renewal': '!noRenewalPending', 'reject renewal': '!noRenewalPending', 'withdraw renewal': '!noRenewalPending', recall: 'renewed' },
  'lent, recalled': { approve: '!notRequested', reject: '!notRequested', withdraw: '!notRequested', lend: '!notApproved', 'return complete': 'returned', 'return damaged': 'returned', 'return missing': 'lost', 'resolve lost': '!notLost', 'ask renewal': '!recalled', 'approve renewal': '!noRenewalPending', 'reject renewal': '!noRenewalPending', 'withdraw renewal': '!noRenewalPending', recall: 'lent' },
  overdue: { approve: '!notRequested', reject: '!notRequested', withdraw: '!notRequested', lend: '!notApproved', 'return complete': 'returned', 'return damaged': 'returned', 'return missing': 'lost', 'resolve lost': '!notLost', 'ask renewal': '!loanOverdue', 'approve renewal': '!noRenewalPending', 'reject renewal': '!noRenewalPending', 'withdraw renewal': '!noRenewalPending', recall: 'overdue' },
  returned: closed,
  lost: { approve: '!notRequested', reject: '!notRequested', withdraw: '!notRequested', lend: '!notApproved', 'return complete': '!notLent', 'return damaged': '!notLent', 'return missing': '!notLent', 'resolve lost': 'returned', 'ask renewal': '!notLent', 'approve renewal': '!notLent', 'reject renewal': '!notLent', 'withdraw renewal': '!notLent', recall: '!notLent' },
};

describe('every event in every state', () => {
  const rows = Object.entries(FIXTURES).flatMap(([state, fx]) => Object.entries(EVENTS).map(([name, ev]) => ({ state, name, fx, ev, expected: EXPECTED[state]![name]! })));

  it('the table covers every state and every event type', () => {
    const shown = new Set(Object.values(FIXTURES).map((f) => loanStateOn(f.loan, f.today)));
    expect([...shown].sort()).toEqual([...LOAN_STATES].sort());
    expect(new Set(Object.values(EVENTS).map((e) => e.event.type))).toEqual(new Set(LOAN_EVENTS));
    expect(new Set(Object.values(EVENTS).map((e) => actionOf(e.event)))).toEqual(new Set(LOAN_ACTIONS));
  });

  it.each(rows)('$state + $name → $expected', ({ fx, ev, expected }) => {
    const before = structuredClone(fx.loan);
    const d = decide(DEFAULT_LOAN_POLICY, frozen(fx.loan), ev.event, ev.as(fx.today));
    const got = d.ok ? loanStateOn(d.loan, fx.today) : `!${d.reason}`;
    expect(got).toBe(expected);
    expect(fx.loan).toEqual(before);
    // The buttons say the same as decide.
    const action = actionOf(ev.event);
    const offered = actionsFor(fx.loan, ev.as(fx.today)).find((a) => a.action === action);
    if (d.ok) expect(offered).toEqual({ action, allowed: true, reason: null });
    else expect(offered).toEqual({ action, allowed: false, reason: d.reason });
  });

  it.each(Object.entries(EVENTS))('%s by someone without the right is refused', (_name, ev) => {
    const fx = ev.event.type === 'resolveLost' ? FIXTURES.lost! : ev.event.type === 'lend' ? FIXTURES.approved! : ev.event.type === 'approvalOutcome' ? FIXTURES.requested! : ev.event.type === 'renewalOutcome' ? FIXTURES['lent, renewal asked']! : FIXTURES.lent!;
    const d = decide(DEFAULT_LOAN_POLICY, fx.loan, ev.event, asStranger(fx.today));
    const need = ev.as === asBorrower ? 'notBorrower' : ev.as === asArchivist ? 'notArchivist' : 'notApprover';
    expect(d).toEqual({ ok: false, reason: need });
  });
});

describe('lending and return', () => {
  const approvedLoan = (overrides = {}) => walk(requestedLoan(overrides), [[approve(), asApprover(DAY)]]);
  const lendWith = (loan: Loan, items: { documentId: string; location: string }[]) => decide(DEFAULT_LOAN_POLICY, loan, { type: 'lend', at: '2026-09-28 01:00:00', items }, asArchivist(DAY));

  it.each([
    ['no items for a physical loan', {}, [], 'itemsRequired'],
    ['items for an electronic-only loan', { files: [file({ kinds: ['electronic'] })] }, [{ documentId: 'doc-1', location: 'A' }], 'noPhysicalPart'],
    ['an item outside the chosen documents', { files: [file({ documentIds: ['doc-1'] })] }, [{ documentId: 'doc-2', location: 'A' }], 'itemNotRequested'],
    ['an item twice', {}, [{ documentId: 'doc-1', location: 'A' }, { documentId: 'doc-1', location: 'A' }], 'itemDuplicated'],
    ['an item without its location', {}, [{ documentId: 'doc-1', location: ' ' }], 'locationRequired'],
  ])('lending with %s is refused', (_name, overrides, items, reason) => {
    expect(lendWith(approvedLoan(overrides), items)).toEqual({ ok: false, reason });
  });

  it('items come back one by one; the loan is returned when the last is checked', () => {
    const loan = walk(approvedLoan(), [
      [
        {
          type: 'lend',
          at: '2026-09-28 01:00:00',
          items: [
            { documentId: 'doc-1', location: '柜 A' },
            { documentId: 'doc-2', location: '柜 B' },
          ],
        },
        asArchivist(DAY),
      ],
    ]);
    const ret = (items: { documentId: string; condition: 'complete' | 'missing' | 'damaged'; note: string }[]) => decide(DEFAULT_LOAN_POLICY, loan, { type: 'return', at: '2026-09-30 01:00:00', items }, asArchivist('2026-09-30'));
    expect(ret([{ documentId: 'doc-1', condition: 'damaged', note: '' }])).toEqual({ ok: false, reason: 'noteRequired' });
    expect(ret([{ documentId: 'doc-3', condition: 'complete', note: '' }])).toEqual({ ok: false, reason: 'itemNotOut' });
    expect(ret([])).toEqual({ ok: false, reason: 'noItems' });
    const half = ret([{ documentId: 'doc-1', condition: 'damaged', note: ' 水渍 ' }]);
    expect(half.ok && half.loan.state).toBe('lent');
    const halfLoan = (half as { loan: Loan }).loan;
    expect(halfLoan.items[0]).toMatchObject({ condition: 'damaged', note: '水渍', returnedAt: '2026-09-30 01:00:00' });
    const again = decide(DEFAULT_LOAN_POLICY, halfLoan, { type: 'return', at: '2026-09-30 02:00:00', items: [{ documentId: 'doc-1', condition: 'complete', note: '' }] }, asArchivist('2026-09-30'));
    expect(again).toEqual({ ok: false, reason: 'itemNotOut' });
    const done = decide(DEFAULT_LOAN_POLICY, halfLoan, { type: 'return', at: '2026-09-30 03:00:00', items: [{ documentId: 'doc-2', condition: 'complete', note: '' }] }, asArchivist('2026-09-30'));
    expect(done.ok && [done.loan.state, done.loan.closedAt]).toEqual(['returned', '2026-09-30 03:00:00']);
  });

  it('a loan with a missing item stays open as lost until every missing item is settled', () => {
    const loan = walk(approvedLoan(), [
      [{ type: 'lend', at: '2026-09-28 01:00:00', items: [{ documentId: 'doc-1', location: 'A' }, { documentId: 'doc-2', location: 'B' }] }, asArchivist(DAY)],
      [
        {
          type: 'return',
          at: '2026-09-30 01:00:00',
          items: [
            { documentId: 'doc-1', condition: 'missing', note: '未归还' },
            { documentId: 'doc-2', condition: 'missing', note: '未归还' },
          ],
        },
        asArchivist('2026-09-30'),
      ],
    ]);
    expect([loan.state, loan.closedAt]).toEqual(['lost', null]);
    const resolve = (documentId: string, note = '找回') => decide(DEFAULT_LOAN_POLICY, loan, { type: 'resolveLost', at: '2026-10-09 01:00:00', items: [{ documentId, resolution: 'found', note }] }, asArchivist('2026-10-09'));
    expect(resolve('doc-1', '')).toEqual({ ok: false, reason: 'noteRequired' });
    expect(resolve('doc-9')).toEqual({ ok: false, reason: 'itemNotMissing' });
    const one = resolve('doc-1');
    expect(one.ok && one.loan.state).toBe('lost');
    const both = decide(DEFAULT_LOAN_POLICY, (one as { loan: Loan }).loan, { type: 'resolveLost', at: '2026-10-09 02:00:00', items: [{ documentId: 'doc-2', resolution: 'writtenOff', note: '确认遗失' }] }, asArchivist('2026-10-09'));
    expect(both.ok && [both.loan.state, both.loan.closedAt]).toEqual(['returned', '2026-10-09 02:00:00']);
  });

  it('an electronic-only loan is returned with no items, which ends the reading', () => {
    const loan = lentLoan(DAY, 5, { files: [file({ kinds: ['electronic'] })] });
    expect(loan.items).toEqual([]);
    const d = decide(DEFAULT_LOAN_POLICY, loan, { type: 'return', at: '2026-09-30 01:00:00', items: [] }, asArchivist('2026-09-30'));
    expect(d.ok && d.loan.state).toBe('returned');
  });

  it('renewals: a period within the copied terms, and returning withdraws a renewal still waiting', () => {
    const ask = (workingDays: number) => decide(DEFAULT_LOAN_POLICY, lent, { type: 'renewalRequested', at: '2026-09-30 01:00:00', workingDays }, asBorrower('2026-09-30'));
    expect(ask(0)).toEqual({ ok: false, reason: 'periodInvalid' });
    expect(ask(11)).toEqual({ ok: false, reason: 'periodTooLong' });
    const returned = walk(renewalAsked, [[{ type: 'return', at: '2026-09-30 01:00:00', items: [{ documentId: 'doc-1', condition: 'complete', note: '' }] }, asArchivist(DAY)]]);
    expect(returned.renewals.map((r) => r.state)).toEqual(['withdrawn']);
  });

  it('what each person may do on a lent loan', () => {
    expect(allowedActions(lent, asBorrower(DAY))).toEqual(['requestRenewal']);
    expect(allowedActions(lent, asArchivist(DAY))).toEqual(['return', 'recall']);
    expect(allowedActions(renewalAsked, asApprover(DAY))).toEqual(['decideRenewal']);
    expect(allowedActions(renewalAsked, asBorrower(DAY))).toEqual(['withdrawRenewal']);
    expect(allowedActions(FIXTURES.requested!.loan, asBorrower(DAY))).toEqual(['withdrawRequest']);
    expect(allowedActions(FIXTURES.approved!.loan, asArchivist(DAY))).toEqual(['lend']);
  });
});

// ---------------------------------------------------------------------------------------
describe('who may read (查询权限)', () => {
  const reader: Reader = { userId: BORROWER, departmentKind: 'business' };
  const view = (loan: Loan): LoanAccessView => loan;
  const electronicLoan = lentLoan(DAY, 5, { files: [file({ documentIds: ['doc-1'], kinds: ['electronic'] })], print: true });

  it('the credit-management department reads every file without a loan', () => {
    expect(readAccess({ userId: 'u-credit', departmentKind: 'credit' }, 'c-1', 'doc-1', [], DAY)).toEqual({ allowed: true, via: 'creditDepartment', print: true, export: true });
  });

  it('the archivist keeps every file, wherever their department is; keeping it is not assumed', () => {
    expect(readAccess({ userId: 'u-archive', departmentKind: 'other', keepsArchive: true }, 'c-1', 'doc-1', [], DAY)).toEqual({ allowed: true, via: 'archiveKeeper', print: true, export: true });
    expect(readAccess({ userId: 'u-archive', departmentKind: 'other', keepsArchive: false }, 'c-1', 'doc-1', [], DAY)).toEqual({ allowed: false, reason: 'needsLoan', loanId: null });
  });

  it('through a lent loan, until the due date inclusive, with the rights of the request', () => {
    expect(electronicLoan.dueDate).toBe('2026-10-10');
    expect(readAccess(reader, 'c-1', 'doc-1', [electronicLoan], '2026-10-10')).toEqual({ allowed: true, via: 'loan', loanId: 'l-1', dueDate: '2026-10-10', print: true, export: false });
    expect(readAccess(reader, 'c-1', null, [electronicLoan], DAY)).toMatchObject({ allowed: true });
    expect(readAccess(reader, 'c-1', 'doc-1', [electronicLoan], '2026-10-11')).toEqual({ allowed: false, reason: 'loanOverdue', loanId: 'l-1' });
  });

  it.each([
    ['no loan', [], 'c-1', 'doc-1', 'needsLoan'],
    ['a loan of another customer', [electronicLoan], 'c-2', null, 'needsLoan'],
    ['a loan of someone else', [{ ...electronicLoan, borrowerId: 'u-other' }], 'c-1', 'doc-1', 'notBorrower'],
    ['a loan awaiting approval', [requestedLoan()], 'c-1', null, 'loanNotLent'],
    ['an approved loan not lent yet', [FIXTURES.approved!.loan], 'c-1', null, 'loanNotLent'],
    ['a returned loan', [FIXTURES.returned!.loan], 'c-1', null, 'loanReturned'],
    ['a lost loan', [FIXTURES.lost!.loan], 'c-1', null, 'loanLost'],
    ['physical items only', [lentLoan(DAY, 5, { files: [file({ kinds: ['physical'] })] })], 'c-1', null, 'notElectronic'],
    ['a document outside the chosen ones', [electronicLoan], 'c-1', 'doc-2', 'documentNotLent'],
  ] as [string, Loan[], string, string | null, string][])('refused with %s', (_name, loans, customerId, documentId, reason) => {
    const got = readAccess(reader, customerId, documentId, loans.map(view), DAY);
    expect(got.allowed).toBe(false);
    expect(!got.allowed && got.reason).toBe(reason);
  });

  it('the refusal names the loan nearest to granting, and any granting loan wins', () => {
    const returned = { ...FIXTURES.returned!.loan, id: 'l-old' };
    expect(readAccess(reader, 'c-1', 'doc-2', [returned, electronicLoan], DAY)).toEqual({ allowed: false, reason: 'documentNotLent', loanId: 'l-1' });
    expect(readAccess(reader, 'c-1', 'doc-1', [returned, electronicLoan], DAY)).toMatchObject({ allowed: true, loanId: 'l-1' });
  });

  it('stays cheap: a reader with 500 loans is checked 20,000 times well within 1 ms each', () => {
    const loans: LoanAccessView[] = Array.from({ length: 500 }, (_, i) => ({ ...electronicLoan, id: `l-${i}`, customerId: `c-${i % 250}`, documentIds: [`doc-${i}`] }));
    const started = performance.now();
    let granted = 0;
    for (let i = 0; i < 20_000; i++) if (readAccess(reader, `c-${i % 300}`, `doc-${i % 500}`, loans, DAY).allowed) granted++;
    const perCall = (performance.now() - started) / 20_000;
    expect(granted).toBeGreaterThan(0);
    expect(perCall).toBeLessThan(1);
  });
});

// ---------------------------------------------------------------------------------------
describe('reminders, derived from the dates', () => {
  // Lent 2026-09-28 for 4 working days: due Friday 2026-10-09, after the National Day holiday.
  const loan = lentLoan(DAY, 4);
  const kinds = (today: string) => remindersDue(loan, today, cal).map((r) => `${r.kind}@${r.since}:${r.recipients.join('+')}`);

  it('the borrower is reminded 2 working days before the due date, before the holiday', () => {
    expect(loan.dueDate).toBe('2026-10-09');
    expect(workingDaysBefore(cal, '2026-10-09', 2)).toBe('2026-09-30');
    expect(kinds('2026-09-29')).toEqual([]);
    expect(kinds('2026-09-30')).toEqual(['dueSoon@2026-09-30:borrower']);
    // A holiday on which nobody opened the app loses nothing: it is still due, since 09-30.
    expect(kinds('2026-10-05')).toEqual(['dueSoon@2026-09-30:borrower']);
    expect(kinds('2026-10-09')).toEqual(['dueSoon@2026-09-30:borrower']);
  });

  it('overdue from the day after the due date; escalated on the 3rd working day overdue', () => {
    expect(kinds('2026-10-10')).toEqual(['overdue@2026-10-10:borrower']);
    expect(daysOverdue(loan, '2026-10-11', cal)).toEqual({ calendarDays: 2, workingDays: 1 });
    expect(kinds('2026-10-12')).toEqual(['overdue@2026-10-10:borrower']);
    expect(kinds('2026-10-13')).toEqual(['overdue@2026-10-10:borrower', 'overdueEscalated@2026-10-13:borrower+archivist+departmentHead']);
    expect(kinds('2026-10-20')).toEqual(['overdue@2026-10-10:borrower', 'overdueEscalated@2026-10-13:borrower+archivist+departmentHead']);
    expect(daysOverdue(loan, '2026-10-13', cal)).toEqual({ calendarDays: 4, workingDays: 3 });
    expect(loanStateOn(loan, '2026-10-13')).toBe('overdue');
  });

  it('a recall reminds the borrower from its day; a returned loan reminds nobody', () => {
    const r = walk(loan, [[{ type: 'recall', at: '2026-09-29 01:00:00', note: '' }, asArchivist('2026-09-29')]]);
    expect(remindersDue(r, '2026-09-29', cal).map((x) => x.key)).toEqual(['l-1:recalled:2026-09-29']);
    expect(remindersDue(FIXTURES.returned!.loan, '2026-10-20', cal)).toEqual([]);
    expect(daysOverdue(FIXTURES.returned!.loan, '2026-10-20', cal)).toEqual({ calendarDays: 0, workingDays: 0 });
    expect(remindersDue(requestedLoan(), '2026-10-20', cal)).toEqual([]);
  });

  it('a renewal moves the reminders to the new due date', () => {
    const renewedLoan = walk(loan, [
      [{ type: 'renewalRequested', at: '2026-10-08 01:00:00', workingDays: 5 }, asBorrower('2026-10-08')],
      [{ type: 'renewalOutcome', outcome: 'approved', at: '2026-10-09 01:00:00' }, asApprover('2026-10-09')],
    ]);
    expect(renewedLoan.dueDate).toBe(workingDayDeadline(cal, '2026-10-09', 5).day);
    expect(remindersDue(renewedLoan, '2026-10-12', cal)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
describe('texts', () => {
  it.each(CHECKOUT_LANGS)('every code has a text in %s', (lang) => {
    for (const table of Object.values(CHECKOUT_TEXTS[lang])) for (const text of Object.values(table as Record<string, string>)) expect(text.trim().length).toBeGreaterThan(0);
    expect(Object.keys(CHECKOUT_TEXTS[lang].loanStates)).toEqual([...LOAN_STATES]);
  });

  it('the two languages cover the same codes', () => {
    const keys = (lang: (typeof CHECKOUT_LANGS)[number]) => Object.entries(CHECKOUT_TEXTS[lang]).map(([k, t]) => `${k}:${Object.keys(t).sort().join(',')}`);
    expect(keys('en-US')).toEqual(keys('zh-CN'));
  });
});
