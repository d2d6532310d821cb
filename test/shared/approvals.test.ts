import { describe, expect, it } from 'vitest';
import { actionsFor, canonicalJson, decide, defaultChain, isOverdue, pendingSeats, previewChain, startChain, timeline, validateDefinition } from '../../src/shared/domain/approvals';
import { ballot, chainOf, context, delegation, directory, role, run, started, stepOf, TODAY } from './approvals/fixture';

describe('a single-approver step (依次 with one candidate)', () => {
  const def = chainOf([stepOf('legal', [{ kind: 'user', userId: 'carol' }], { mode: 'sequential' }, { deadlineWorkingDays: 3 })]);

  it('opens with its candidate frozen, a deadline, and approves the chain on approval', () => {
    const s0 = started(def);
    expect(s0.status).toBe('running');
    expect(s0.currentStepId).toBe('legal');
    expect(s0.steps[0]).toMatchObject({ status: 'active', seats: [{ userId: 'carol' }], openedOn: TODAY, deadline: { day: '2026-03-05', calendarVersion: 'test-1' } });
    expect(pendingSeats(def, s0)).toEqual([{ stepId: 'legal', userId: 'carol' }]);
    expect(actionsFor(def, s0, { ...context(), userId: 'carol' }).seats[0]?.approve).toEqual({ allowed: true });

    const s1 = run(def, s0, [ballot('approve', 'carol', 'legal')]);
    expect(s1.status).toBe('approved');
    expect(s1.steps[0]?.status).toBe('approved');
    expect(s1.decisions).toMatchObject([{ kind: 'approve', actorId: 'carol', principalId: 'carol', contentHash: 'h1', opinion: '同意', voided: null }]);
    expect(timeline(def, s1).steps[0]?.tally).toEqual({ approvals: 1, rejections: 0, pending: 0, needed: 1 });
  });

  it('is overdue the day after its deadline, not on it', () => {
    const s0 = started(def);
    expect(isOverdue(s0, '2026-03-05')).toBe(false);
    expect(isOverdue(s0, '2026-03-06')).toBe(true);
    expect(timeline(def, s0, '2026-03-06').steps[0]?.overdue).toBe(true);
  });

  it('refuses the author, a stranger and a stale hash, and changes nothing', () => {
    const s0 = started(def);
    const before = structuredClone(s0);
    expect(decide(def, s0, ballot('approve', 'alice', 'legal'), context())).toEqual({ ok: false, reason: 'ownForm' });
    expect(decide(def, s0, ballot('approve', 'dave', 'legal'), context())).toEqual({ ok: false, reason: 'notCandidate' });
    expect(decide(def, s0, ballot('approve', 'carol', 'legal', { contentHash: 'h0' }), context())).toEqual({ ok: false, reason: 'staleContent' });
    expect(s0).toEqual(before);
  });

  it('uses role candidates in directory order, leaving out inactive users', () => {
    const d = chainOf([stepOf('dm', [role('dept_manager')])]);
    expect(started(d).steps[0]?.seats).toEqual([{ userId: 'bob' }]);
  });
});

// Three named candidates in directory order: carol, dave, erin. gina may receive transfers.
const trio = [{ kind: 'user' as const, userId: 'carol' }, { kind: 'user' as const, userId: 'dave' }, { kind: 'user' as const, userId: 'erin' }];
const committee = (how: Parameters<typeof stepOf>[2]) =>
  chainOf([stepOf('c', trio, how, { transferTo: [role('committee')] }), stepOf('gm', [role('general_manager')])]);

describe('every kind of step decides as DingTalk and Feishu approvers expect', () => {
  type Row = [string, Parameters<typeof stepOf>[2], [ 'approve' | 'reject', string][], 'active' | 'approved' | 'rejected'];
  const rows: Row[] = [
    ['依次: the first approval waits for the next', { mode: 'sequential' }, [['approve', 'carol']], 'active'],
    ['依次: all in order approve', { mode: 'sequential' }, [['approve', 'carol'], ['approve', 'dave'], ['approve', 'erin']], 'approved'],
    ['依次: a rejection ends it', { mode: 'sequential' }, [['approve', 'carol'], ['reject', 'dave']], 'rejected'],
    ['或签: the first approval decides', { mode: 'any' }, [['approve', 'dave']], 'approved'],
    ['或签: the first rejection decides', { mode: 'any' }, [['reject', 'erin']], 'rejected'],
    ['会签: two of three approvals wait', { mode: 'all' }, [['approve', 'erin'], ['approve', 'carol']], 'active'],
    ['会签: all approve', { mode: 'all' }, [['approve', 'erin'], ['approve', 'carol'], ['approve', 'dave']], 'approved'],
    ['会签: one rejection rejects', { mode: 'all' }, [['approve', 'erin'], ['reject', 'carol']], 'rejected'],
    ['2 of 3: a rejection is a vote, the step stays open', { mode: 'quorum', n: 2 }, [['reject', 'carol']], 'active'],
    ['2 of 3: one rejection, two approvals', { mode: 'quorum', n: 2 }, [['reject', 'carol'], ['approve', 'dave'], ['approve', 'erin']], 'approved'],
    ['2 of 3: closes at two approvals', { mode: 'quorum', n: 2 }, [['approve', 'dave'], ['approve', 'erin']], 'approved'],
    ['2 of 3: two rejections make it impossible', { mode: 'quorum', n: 2 }, [['reject', 'dave'], ['reject', 'erin']], 'rejected'],
    ['1 of 3: a rejection does not end it', { mode: 'quorum', n: 1 }, [['reject', 'dave'], ['reject', 'carol']], 'active'],
  ];
  it.each(rows)('%s', (_label, how, ballots, expected) => {
    const def = committee(how);
    const s = run(def, started(def), ballots.map(([k, who]) => ballot(k, who, 'c')));
    expect(s.steps[0]?.status).toBe(expected);
    expect(s.status).toBe(expected === 'rejected' ? 'rejected' : 'running');
    expect(s.currentStepId).toBe(expected === 'active' ? 'c' : expected === 'approved' ? 'gm' : null);
    const tally = timeline(def, s).steps[0]!.tally;
    expect(tally.approvals).toBe(ballots.filter(([k]) => k === 'approve').length);
    expect(tally.rejections).toBe(ballots.filter(([k]) => k === 'reject').length);
  });

  it('依次 refuses a later candidate before the earlier one and tells the renderer whose turn it is', () => {
    const def = committee({ mode: 'sequential' });
    const s = started(def);
    expect(decide(def, s, ballot('approve', 'dave', 'c'), context())).toEqual({ ok: false, reason: 'notYourTurn' });
    expect(pendingSeats(def, s)).toEqual([{ stepId: 'c', userId: 'carol' }]);
    expect(timeline(def, s).steps[0]?.seats.map((x) => x.turn)).toEqual([true, false, false]);
    expect(actionsFor(def, s, { ...context(), userId: 'dave' }).seats[0]?.approve).toEqual({ allowed: false, reason: 'notYourTurn' });
  });

  it.each([[{ mode: 'any' } as const], [{ mode: 'all' } as const], [{ mode: 'quorum', n: 2 } as const]])('a closed %o step takes no further ballot', (how) => {
    const def = chainOf([stepOf('c', trio, how)]);
    const s = run(def, started(def), [ballot('approve', 'carol', 'c'), ...(how.mode === 'any' ? [] : [ballot('approve', 'dave', 'c')])]);
    const closedOutcome = how.mode === 'all' ? 'active' : 'approved';
    expect(s.steps[0]?.status).toBe(closedOutcome);
    if (closedOutcome === 'approved') expect(decide(def, s, ballot('reject', 'erin', 'c'), context())).toEqual({ ok: false, reason: 'chainClosed' });
  });

  it('a person who already voted at a step cannot vote again there', () => {
    const def = committee({ mode: 'all' });
    const s = run(def, started(def), [ballot('approve', 'carol', 'c')]);
    expect(decide(def, s, ballot('reject', 'carol', 'c'), context())).toEqual({ ok: false, reason: 'alreadyDecided' });
  });

  it('a decision for a step that has moved on is refused', () => {
    const def = committee({ mode: 'any' });
    const s = run(def, started(def), [ballot('approve', 'carol', 'c')]);
    expect(decide(def, s, ballot('approve', 'frank', 'c'), context())).toEqual({ ok: false, reason: 'stepNotActive' });
    expect(run(def, s, [ballot('approve', 'frank', 'gm')]).status).toBe('approved');
  });

  describe.each([[{ mode: 'sequential' } as const], [{ mode: 'any' } as const], [{ mode: 'all' } as const], [{ mode: 'quorum', n: 2 } as const]])('in a %o step', (how) => {
    const def = committee(how);
    const first = how.mode === 'sequential' ? 'carol' : 'dave';

    it('return to the author voids the step’s ballots and waits for the resubmission', () => {
      const pre = how.mode === 'any' ? [] : [ballot('approve', 'carol', 'c')];
      const returner = how.mode === 'sequential' ? 'dave' : 'erin';
      const s = run(def, started(def), [...pre, { type: 'return', to: { to: 'author' }, actorId: returner, stepId: 'c', contentHash: 'h1', opinion: '请补充材料', at: '2026-03-02T09:00:00Z' }]);
      expect(s.status).toBe('returned');
      expect(s.currentStepId).toBe('c');
      expect(s.decisions.filter((d) => d.kind === 'approve').every((d) => d.voided?.reason === 'returned')).toBe(true);
      expect(s.decisions.at(-1)).toMatchObject({ kind: 'return', returnTo: { to: 'author' }, opinion: '请补充材料', voided: null });
      expect(decide(def, s, ballot('approve', 'erin', 'c'), context())).toEqual({ ok: false, reason: 'awaitingResubmission' });
      expect(pendingSeats(def, s)).toEqual([]);
    });

    it('transfer hands the seat to an eligible colleague, who then decides', () => {
      const s = run(def, started(def), [{ type: 'transfer', toUserId: 'gina', actorId: first, stepId: 'c', contentHash: 'h1', at: '2026-03-02T09:00:00Z' }]);
      expect(s.steps[0]?.seats).toContainEqual({ userId: 'gina', transferredFrom: first });
      expect(s.steps[0]?.seats.some((x) => x.userId === first)).toBe(false);
      expect(decide(def, s, ballot('approve', first, 'c'), context())).toEqual({ ok: false, reason: 'notCandidate' });
      const s2 = run(def, s, [ballot('approve', 'gina', 'c')]);
      expect(s2.decisions.at(-1)).toMatchObject({ actorId: 'gina', principalId: 'gina', kind: 'approve' });
      expect(decide(def, s, { type: 'transfer', toUserId: 'alice', actorId: 'gina', stepId: 'c', contentHash: 'h1', at: 'x' }, context())).toEqual({ ok: false, reason: 'transferTargetNotEligible' });
    });
  });
});

describe('conditions skip a step, and say why', () => {
  const threshold = 1_000_000_00;
  const def = chainOf([
    stepOf('dm', [{ kind: 'user', userId: 'bob' }]),
    stepOf('gm', [role('general_manager')], { mode: 'sequential' }, { when: [{ kind: 'amountAbove', fen: threshold }] }),
  ]);
  it.each([
    [threshold + 1, 'active'],
    [threshold, 'skipped'],
    [50_000_00, 'skipped'],
  ] as const)('amount %i fen: the general manager step is %s after the department manager', (amountFen, expected) => {
    const s = run(def, started(def, { amountFen }), [ballot('approve', 'bob', 'dm')]);
    expect(s.steps[1]?.status).toBe(expected);
    expect(s.status).toBe(expected === 'skipped' ? 'approved' : 'running');
    if (expected === 'skipped') expect(timeline(def, s).steps[1]?.skipped).toEqual({ condition: { kind: 'amountAbove', fen: threshold }, actual: amountFen });
  });
  it('a fact the form does not carry never skips a step', () => {
    expect(started(def, {}).steps[1]?.status).toBe('waiting');
  });
  it.each([
    [{ kind: 'gradeIn', grades: ['C', 'D'] } as const, { grade: 'B' }, 'alice', 'B'],
    [{ kind: 'confidentialityIn', levels: ['confidential'] } as const, { confidentiality: 'normal' as const }, 'alice', 'normal'],
    [{ kind: 'authorDepartmentKindIn', kinds: ['other'] } as const, {}, 'alice', 'business'],
    [{ kind: 'authorDepartmentIn', departmentCodes: ['legal'] } as const, {}, 'alice', 'business'],
  ])('%o does not hold for %o by %s', (condition, form, author, actual) => {
    const d = chainOf([stepOf('x', [role('general_manager')], { mode: 'any' }, { when: [condition] })]);
    const s = started(d, form, context(), author);
    expect(s.steps[0]).toMatchObject({ status: 'skipped', skipped: { condition, actual } });
    expect(s.status).toBe('approved'); // every step skipped: nothing to approve
  });
  it.each([
    [{ kind: 'gradeIn', grades: ['C', 'D'] } as const, { grade: 'D' }],
    [{ kind: 'confidentialityIn', levels: ['confidential'] } as const, { confidentiality: 'confidential' as const }],
    [{ kind: 'authorDepartmentKindIn', kinds: ['business'] } as const, {}],
    [{ kind: 'authorDepartmentIn', departmentCodes: ['business'] } as const, {}],
  ])('%o holds for %o', (condition, form) => {
    const d = chainOf([stepOf('x', [role('general_manager')], { mode: 'any' }, { when: [condition] })]);
    expect(started(d, form).steps[0]?.status).toBe('active');
  });
});

describe('审批人为空 goes to the administrator, shown as such', () => {
  it('a step whose role nobody holds is the administrator’s', () => {
    const def = chainOf([stepOf('x', [role('co_department')])]);
    const s = started(def);
    expect(s.steps[0]).toMatchObject({ status: 'active', seats: [{ userId: 'root' }], escalation: { reason: 'noCandidates', resolvedCount: 0 } });
    expect(timeline(def, s).steps[0]?.escalation).toEqual({ reason: 'noCandidates', resolvedCount: 0 });
    expect(run(def, s, [ballot('approve', 'root', 'x')]).status).toBe('approved');
  });
  it('a step whose only candidate is the author goes to the administrator', () => {
    const def = chainOf([stepOf('x', [{ kind: 'authorDepartmentHead' }])]);
    expect(started(def, {}, context(), 'bob').steps[0]).toMatchObject({ seats: [{ userId: 'root' }], escalation: { reason: 'noCandidates' } });
    expect(started(def).steps[0]).toMatchObject({ seats: [{ userId: 'bob' }] });
  });
  it('an n-of-m step with fewer than n candidates goes to the administrator', () => {
    const def = chainOf([stepOf('x', [role('legal')], { mode: 'quorum', n: 3 })]);
    const s = started(def);
    expect(s.steps[0]).toMatchObject({ seats: [{ userId: 'root' }], escalation: { reason: 'tooFewCandidates', resolvedCount: 2 } });
    expect(timeline(def, s).steps[0]?.tally.needed).toBe(1);
  });
  it('an inactive user is never a candidate', () => {
    const def = chainOf([stepOf('x', [{ kind: 'user', userId: 'hank' }])]);
    expect(started(def).steps[0]?.escalation?.reason).toBe('noCandidates');
  });
});

// 部门经理 → 法律事务 (或签) → 计划财务部经理: the shape of the credit-limit chain.
const three = chainOf([
  stepOf('dm', [{ kind: 'authorDepartmentHead' }]),
  stepOf('legal', [role('legal')], { mode: 'any' }),
  stepOf('fin', [role('finance_manager')], { mode: 'sequential' }, { opinionRequired: true }),
]);
const returnTo = (actorId: string, stepId: string, to: { to: 'author' } | { to: 'step'; stepId: string }) =>
  ({ type: 'return', to, actorId, stepId, contentHash: 'h1', opinion: '金额需核实', at: '2026-03-02T10:00:00Z' }) as const;
const resubmit = (contentHash: string, amountFen = 200_00) => ({ type: 'resubmit', actorId: 'alice', contentHash, form: { amountFen }, at: '2026-03-03T09:00:00Z' }) as const;

describe('return (退回) and resubmission', () => {
  const atFinance = () => run(three, started(three), [ballot('approve', 'bob', 'dm'), ballot('approve', 'dave', 'legal')]);

  it('resubmitting unchanged keeps the earlier approvals and resumes at the step that returned it', () => {
    const returned = run(three, atFinance(), [returnTo('erin', 'fin', { to: 'author' })]);
    expect(returned.status).toBe('returned');
    const s = run(three, returned, [resubmit('h1')]);
    expect(s.status).toBe('running');
    expect(s.currentStepId).toBe('fin');
    expect(s.decisions.filter((d) => d.kind === 'approve').map((d) => d.voided)).toEqual([null, null]);
    expect(s.submissions.map((x) => x.kind)).toEqual(['submit', 'resubmit']);
  });

  it('resubmitting changed voids every decision on the old content and starts again from the first step', () => {
    const s = run(three, atFinance(), [returnTo('erin', 'fin', { to: 'author' }), resubmit('h2')]);
    expect(s.currentStepId).toBe('dm');
    expect(s.contentHash).toBe('h2');
    expect(s.decisions.filter((d) => d.kind === 'approve').map((d) => d.voided?.reason)).toEqual(['contentChanged', 'contentChanged']);
    const view = timeline(three, s);
    expect(view.steps[0]?.decisions[0]?.voided).toEqual({ reason: 'contentChanged', at: '2026-03-03T09:00:00Z' });
    expect(view.steps.map((x) => x.status)).toEqual(['active', 'waiting', 'waiting']);
    expect(view.steps.map((x) => x.tally.approvals)).toEqual([0, 0, 0]);
    // The approver now decides on the new content, and only on it.
    expect(decide(three, s, ballot('approve', 'bob', 'dm'), context())).toEqual({ ok: false, reason: 'staleContent' });
    expect(run(three, s, [ballot('approve', 'bob', 'dm', { contentHash: 'h2' })]).currentStepId).toBe('legal');
  });

  it('a changed form re-applies the conditions', () => {
    const def = chainOf([stepOf('dm', [{ kind: 'authorDepartmentHead' }]), stepOf('gm', [role('general_manager')], { mode: 'any' }, { when: [{ kind: 'amountAbove', fen: 1000_00 }] })]);
    const s0 = started(def, { amountFen: 5000_00 });
    expect(s0.steps[1]?.status).toBe('waiting');
    const s = run(def, s0, [returnTo('bob', 'dm', { to: 'author' }), resubmit('h2', 500_00), ballot('approve', 'bob', 'dm', { contentHash: 'h2' })]);
    expect(s.steps[1]?.status).toBe('skipped');
    expect(s.status).toBe('approved');
  });

  it('return to an earlier step voids from that step on and reopens it, without the author', () => {
    const s = run(three, atFinance(), [returnTo('erin', 'fin', { to: 'step', stepId: 'legal' })]);
    expect(s.status).toBe('running');
    expect(s.currentStepId).toBe('legal');
    expect(s.decisions.map((d) => [d.stepId, d.kind, d.voided?.reason ?? null])).toEqual([
      ['dm', 'approve', null],
      ['legal', 'approve', 'returned'],
      ['fin', 'return', null],
    ]);
    expect(s.steps.map((x) => x.status)).toEqual(['approved', 'active', 'waiting']);
    // dave's voided approval does not count, and he may decide again.
    expect(run(three, s, [ballot('approve', 'carol', 'legal')]).currentStepId).toBe('fin');
  });

  it.each([
    ['the current step', { to: 'step', stepId: 'fin' }],
    ['a later step', { to: 'step', stepId: 'nope' }],
  ] as const)('refuses a return to %s', (_label, to) => {
    expect(decide(three, atFinance(), returnTo('erin', 'fin', to), context())).toEqual({ ok: false, reason: 'invalidReturnTarget' });
  });

  it('cannot return to a skipped step, and lists only what it may return to', () => {
    const def = chainOf([stepOf('a', [role('legal')], { mode: 'any' }), stepOf('b', [role('general_manager')], { mode: 'any' }, { when: [{ kind: 'gradeIn', grades: ['D'] }] }), stepOf('c', [role('finance_manager')])]);
    const s = run(def, started(def, { grade: 'A' }), [ballot('approve', 'carol', 'a')]);
    expect(decide(def, s, returnTo('erin', 'c', { to: 'step', stepId: 'b' }), context())).toEqual({ ok: false, reason: 'invalidReturnTarget' });
    expect(actionsFor(def, s, { ...context(), userId: 'erin' }).seats[0]?.return.targets).toEqual([{ to: 'author' }, { to: 'step', stepId: 'a' }]);
  });

  it('only the author resubmits, and only a returned form', () => {
    const returned = run(three, atFinance(), [returnTo('erin', 'fin', { to: 'author' })]);
    expect(decide(three, returned, { ...resubmit('h2'), actorId: 'bob' }, context())).toEqual({ ok: false, reason: 'notAuthor' });
    expect(decide(three, atFinance(), resubmit('h2'), context())).toEqual({ ok: false, reason: 'notReturned' });
  });

  it('return and reject always need an opinion; approve when the step says so', () => {
    const s = atFinance();
    expect(decide(three, s, { ...returnTo('erin', 'fin', { to: 'author' }), opinion: '  ' }, context())).toEqual({ ok: false, reason: 'opinionRequired' });
    expect(decide(three, s, ballot('reject', 'erin', 'fin', { opinion: undefined }), context())).toEqual({ ok: false, reason: 'opinionRequired' });
    expect(decide(three, s, ballot('approve', 'erin', 'fin', { opinion: '' }), context())).toEqual({ ok: false, reason: 'opinionRequired' });
    expect(decide(three, started(three), ballot('approve', 'bob', 'dm', { opinion: undefined }), context()).ok).toBe(true);
  });
});

// bob's colleague in the business department, who may take his seat by transfer.
const withColleague = context({ directory: { ...directory, users: [...directory.users, { id: 'hank2', name: '郑一', departmentId: 'd-biz', roles: [], active: true }] } });

describe('withdraw (撤回)', () => {
  const withdraw = (actorId = 'alice') => ({ type: 'withdraw', actorId, at: '2026-03-02T11:00:00Z' }) as const;
  it('the author withdraws before anyone decided', () => {
    const s = run(three, started(three), [withdraw()]);
    expect(s.status).toBe('withdrawn');
    expect(pendingSeats(three, s)).toEqual([]);
    expect(decide(three, s, ballot('approve', 'bob', 'dm'), context())).toEqual({ ok: false, reason: 'chainClosed' });
  });
  it('not after a decision, and not by someone else', () => {
    const s = run(three, started(three), [ballot('approve', 'bob', 'dm')]);
    expect(decide(three, s, withdraw(), context())).toEqual({ ok: false, reason: 'withdrawAfterDecision' });
    expect(actionsFor(three, s, { ...context(), userId: 'alice' }).withdraw).toEqual({ allowed: false, reason: 'withdrawAfterDecision' });
    expect(decide(three, started(three), withdraw('bob'), context())).toEqual({ ok: false, reason: 'notAuthor' });
  });
  it('a transfer is not a decision; a returned form may be withdrawn; a resubmission starts the count again', () => {
    const transferred = run(three, started(three), [{ type: 'transfer', toUserId: 'hank2', actorId: 'bob', stepId: 'dm', contentHash: 'h1', at: 't' }], withColleague);
    expect(transferred.steps[0]?.seats).toEqual([{ userId: 'hank2', transferredFrom: 'bob' }]);
    expect(decide(three, transferred, withdraw(), context()).ok).toBe(true);
    const s = run(three, started(three), [ballot('approve', 'bob', 'dm'), returnTo('carol', 'legal', { to: 'author' })]);
    expect(decide(three, s, withdraw(), context()).ok).toBe(true);
    const resubmitted = run(three, s, [resubmit('h1')]);
    expect(decide(three, resubmitted, withdraw(), context()).ok).toBe(true);
  });
});

describe('delegation (委托): 王五 代 张三', () => {
  // bob (张三) hands his approvals to carol (王五) from 03-01 to 03-05.
  const delegations = [delegation('bob', 'carol', '2026-03-01', '2026-03-05')];
  const inside = context({ delegations, today: '2026-03-05' });
  const outside = context({ delegations, today: '2026-03-06' });
  const def = chainOf([stepOf('dm', [{ kind: 'authorDepartmentHead' }]), stepOf('gm', [role('general_manager')])]);
  const forBob = (extra = {}) => ballot('approve', 'carol', 'dm', { onBehalfOf: 'bob', ...extra });

  it('within the dates the delegate decides in the principal’s seat, shown as such', () => {
    const s = run(def, started(def, {}, inside), [forBob()], inside);
    expect(s.decisions[0]).toMatchObject({ actorId: 'carol', principalId: 'bob', kind: 'approve' });
    expect(timeline(def, s).steps[0]?.decisions[0]?.delegated).toBe(true);
    expect(timeline(def, s).steps[0]?.seats[0]?.ballot?.actorId).toBe('carol');
  });
  it('outside the dates it is refused with its own reason, and without any delegation too', () => {
    const s = started(def, {}, outside);
    expect(decide(def, s, forBob(), outside)).toEqual({ ok: false, reason: 'delegationOutsideDates' });
    expect(decide(def, s, ballot('approve', 'dave', 'dm', { onBehalfOf: 'bob' }), outside)).toEqual({ ok: false, reason: 'notDelegate' });
    expect(actionsFor(def, s, { ...outside, userId: 'carol' }).seats).toMatchObject([{ principalId: 'bob', approve: { allowed: false, reason: 'delegationOutsideDates' } }]);
  });
  it('the principal still decides himself; one person, one ballot per step', () => {
    const s = run(def, started(def, {}, inside), [ballot('approve', 'bob', 'dm')], inside);
    expect(s.currentStepId).toBe('gm');
    // gina holds no seat of the 会签 but acts for carol and dave: she casts one ballot.
    const all = chainOf([stepOf('c', trio, { mode: 'all' })]);
    const d2 = context({ delegations: [delegation('carol', 'gina', '2026-03-01', '2026-03-31'), delegation('dave', 'gina', '2026-03-01', '2026-03-31')] });
    const s2 = run(all, started(all, {}, d2), [ballot('approve', 'gina', 'c', { onBehalfOf: 'carol' })], d2);
    expect(decide(all, s2, ballot('approve', 'gina', 'c', { onBehalfOf: 'dave' }), d2)).toEqual({ ok: false, reason: 'alreadyDecided' });
    expect(decide(all, s2, ballot('approve', 'carol', 'c'), d2)).toEqual({ ok: false, reason: 'alreadyDecided' });
    expect(run(all, s2, [ballot('approve', 'dave', 'c')], d2).steps[0]?.status).toBe('active');
  });
  it('a delegate who sits at the step decides in their own seat, and may transfer the seat they hold for someone else', () => {
    const def = chainOf([stepOf('c', trio, { mode: 'all' }, { transferTo: [role('committee')] })]);
    const d = context({ delegations: [delegation('dave', 'carol', '2026-03-01', '2026-03-31')] });
    const s = started(def, {}, d);
    expect(decide(def, s, ballot('approve', 'carol', 'c', { onBehalfOf: 'dave' }), d)).toEqual({ ok: false, reason: 'delegateHoldsOwnSeat' });
    const forDave = actionsFor(def, s, { ...d, userId: 'carol' }).seats.find((x) => x.principalId === 'dave');
    expect(forDave).toMatchObject({ approve: { allowed: false, reason: 'delegateHoldsOwnSeat' }, transfer: { allowed: true, targets: ['gina'] } });
    const t = run(def, s, [{ type: 'transfer', toUserId: 'gina', actorId: 'carol', onBehalfOf: 'dave', stepId: 'c', contentHash: 'h1', at: 't' }], d);
    expect(t.decisions[0]).toMatchObject({ kind: 'transfer', actorId: 'carol', principalId: 'dave', transferTo: 'gina' });
    const done = run(def, t, [ballot('approve', 'carol', 'c'), ballot('approve', 'gina', 'c'), ballot('approve', 'erin', 'c')], d);
    expect(done.status).toBe('approved');
  });
  it('the author cannot approve through a delegation', () => {
    const d = context({ delegations: [delegation('bob', 'alice', '2026-03-01', '2026-03-31')] });
    expect(decide(def, started(def, {}, d), ballot('approve', 'alice', 'dm', { onBehalfOf: 'bob' }), d)).toEqual({ ok: false, reason: 'ownForm' });
  });
  it('actionsFor lists each seat the user acts for, and why not', () => {
    const all = chainOf([stepOf('c', trio, { mode: 'all' })]);
    const d = context({ delegations: [delegation('dave', 'gina', '2026-03-01', '2026-03-31'), delegation('erin', 'gina', '2026-01-01', '2026-01-31')] });
    const a = actionsFor(all, started(all, {}, d), { ...d, userId: 'gina' });
    expect(a.seats.map((x) => [x.principalId, x.delegation?.fromUserId ?? null, x.approve.allowed ? 'yes' : x.approve.reason])).toEqual([
      ['dave', 'dave', 'yes'],
      ['erin', 'erin', 'delegationOutsideDates'],
    ]);
    expect(a.noSeatBecause).toBeNull();
  });
});

describe('distinct people', () => {
  // carol holds legal and committee: two steps that need different people.
  const def = chainOf([stepOf('legal', [role('legal')], { mode: 'sequential' }), stepOf('committee', [role('committee')], { mode: 'all' })]);

  it('whoever filled one distinct-person step is left out of the next', () => {
    const s = run(def, started(def), [ballot('approve', 'carol', 'legal'), ballot('approve', 'dave', 'legal')]);
    expect(s.steps[1]?.seats.map((x) => x.userId)).toEqual(['erin', 'gina']);
  });
  it('delegation cannot make one person fill two steps', () => {
    const d = context({ delegations: [delegation('erin', 'carol', '2026-03-01', '2026-03-31')] });
    const s = run(def, started(def, {}, d), [ballot('approve', 'carol', 'legal'), ballot('approve', 'dave', 'legal')], d);
    expect(decide(def, s, ballot('approve', 'carol', 'committee', { onBehalfOf: 'erin' }), d)).toEqual({ ok: false, reason: 'samePersonTwoSteps' });
  });
  it('transfer cannot either', () => {
    const s = run(def, started(def), [ballot('approve', 'carol', 'legal'), ballot('approve', 'dave', 'legal')]);
    const t = { type: 'transfer', toUserId: 'carol', actorId: 'erin', stepId: 'committee', contentHash: 'h1', at: 't' } as const;
    expect(decide(def, s, t, context())).toEqual({ ok: false, reason: 'transferTargetNotEligible' });
  });
  it('steps that do not need different people ask the same person again', () => {
    const loose = chainOf(def.steps.map((x) => ({ ...x, distinctPerson: false })));
    const s = run(loose, started(loose), [ballot('approve', 'carol', 'legal'), ballot('approve', 'dave', 'legal')]);
    expect(s.steps[1]?.seats.map((x) => x.userId)).toEqual(['carol', 'dave', 'erin', 'gina']);
  });
  it('a user who holds several roles of a step is asked once', () => {
    const d = chainOf([stepOf('x', [role('legal'), role('committee'), { kind: 'user', userId: 'carol' }], { mode: 'all' })]);
    expect(started(d).steps[0]?.seats.map((x) => x.userId)).toEqual(['carol', 'dave', 'erin', 'gina']);
  });
  it('the author is never a candidate, even by role', () => {
    const d = chainOf([stepOf('x', [role('dept_manager')], { mode: 'any' })]);
    const s = started(d, {}, context(), 'bob');
    expect(s.steps[0]?.seats.map((x) => x.userId)).toEqual(['root']);
    expect(actionsFor(d, s, { ...context(), userId: 'bob' }).noSeatBecause).toBe('ownForm');
  });
});

describe('definitions are data and versioned', () => {
  it('a running chain keeps its version; another version is refused', () => {
    const s = started(three);
    expect(s).toMatchObject({ definitionId: 'test-chain', definitionVersion: 1 });
    expect(decide({ ...three, version: 2 }, s, ballot('approve', 'bob', 'dm'), context())).toEqual({ ok: false, reason: 'definitionMismatch' });
  });
  it('an invalid definition does not start, and says what is wrong', () => {
    const bad = chainOf([stepOf('a', [], { mode: 'quorum', n: 0 }, { deadlineWorkingDays: 0 }), stepOf('a', [role('legal')])], { version: 0 });
    expect(validateDefinition(bad).map((p) => p.problem).sort()).toEqual(['badDeadline', 'badVersion', 'duplicateStepId', 'noAssignee', 'quorumOutOfRange']);
    expect(startChain(bad, { authorId: 'alice', form: {}, contentHash: 'h', at: 't' }, context())).toEqual({ ok: false, reason: 'definitionInvalid' });
    expect(startChain(three, { authorId: 'nobody', form: {}, contentHash: 'h', at: 't' }, context())).toEqual({ ok: false, reason: 'unknownUser' });
  });
  it('the preview names the people of every step, in order, for this form', () => {
    const p = previewChain(defaultChain('credit_limit_change'), { authorId: 'alice', form: { amountFen: 2_000_000_00 } }, context());
    expect(p.map((x) => [x.stepId, x.candidates])).toEqual([
      ['dept_manager', ['bob']], // the business department's holder of 部门经理
      ['credit_head', ['gina']],
      ['finance_manager', ['erin']],
      ['general_manager', ['frank']],
    ]);
    // The legal department has no 部门经理: the preview says it would go to the administrator.
    const small = previewChain(defaultChain('credit_limit_change'), { authorId: 'dave', form: { amountFen: 100_00 } }, context());
    expect(small[0]).toMatchObject({ candidates: ['root'], escalation: { reason: 'noCandidates' } });
    expect(small[3]).toMatchObject({ candidates: [], skipped: { condition: { kind: 'amountAbove' }, actual: 100_00 } });
  });
});

describe('canonical JSON binds a decision to exactly that content', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: '额度' }], c: true }, u: undefined })).toBe('{"a":{"c":true,"d":[3,{"y":"额度","z":null}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it.each([[Number.NaN], [Infinity], [new Date(0)], [() => 1]])('refuses %s', (bad) => {
    expect(() => canonicalJson({ v: bad as never })).toThrow(TypeError);
  });
});

describe('people who leave', () => {
  it('a candidate deactivated after the step opened cannot decide, nor can their delegate', () => {
    const def = chainOf([stepOf('legal', [role('legal')], { mode: 'any' })]);
    const s = started(def);
    const gone = context({
      directory: { ...directory, users: directory.users.map((u) => (u.id === 'carol' ? { ...u, active: false } : u)) },
      delegations: [delegation('carol', 'erin', '2026-03-01', '2026-03-31')],
    });
    expect(decide(def, s, ballot('approve', 'carol', 'legal'), gone)).toEqual({ ok: false, reason: 'inactiveUser' });
    expect(decide(def, s, ballot('approve', 'erin', 'legal', { onBehalfOf: 'carol' }), gone)).toEqual({ ok: false, reason: 'inactiveUser' });
    expect(run(def, s, [ballot('approve', 'dave', 'legal')], gone).status).toBe('approved');
  });
  it('when the administrator wrote the form and nobody else can take a step, it waits with no seat and the author may withdraw', () => {
    const def = chainOf([stepOf('x', [role('co_department')])]);
    const s = started(def, {}, context(), 'root');
    expect(s.steps[0]).toMatchObject({ status: 'active', seats: [], escalation: { reason: 'noCandidates' } });
    expect(pendingSeats(def, s)).toEqual([]);
    expect(actionsFor(def, s, { ...context(), userId: 'root' }).withdraw).toEqual({ allowed: true });
  });
});
