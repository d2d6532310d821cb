// Property tests: random chains run through random sequences of events (many of them
// nonsense: wrong people, wrong steps, stale content, delegations outside their dates).
// After every event the rules of SPEC §3 must still hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsFor, countingBallots, decide, pendingSeats, startChain, timeline } from '../../src/shared/domain/approvals';
import type { ApprovalContext, ApprovalDefinition, ApprovalEvent, ApprovalState, Delegation, Directory, StepDefinition, StepMode } from '../../src/shared/domain/approvals';

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'] as const;
const AUTHOR = 'u1';
const ROLES = ['A', 'B', 'C', 'D', 'E'] as const;
// Overlapping roles so that one person could fill several steps; the author holds roles too;
// the administrator (u6) holds one. Nobody holds E: its steps go to the administrator.
const directory: Directory = {
  users: [
    { id: 'u1', name: '一', departmentId: 'd1', roles: ['A', 'B'], active: true },
    { id: 'u2', name: '二', departmentId: 'd1', roles: ['A', 'B', 'C'], active: true },
    { id: 'u3', name: '三', departmentId: 'd2', roles: ['B', 'C', 'D'], active: true },
    { id: 'u4', name: '四', departmentId: 'd2', roles: ['C', 'D'], active: true },
    { id: 'u5', name: '五', departmentId: 'd1', roles: ['D', 'A'], active: true },
    { id: 'u6', name: '六', departmentId: null, roles: ['D'], active: true },
  ],
  departments: [
    { id: 'd1', code: 'business', kind: 'business', headUserId: 'u2' },
    { id: 'd2', code: 'legal', kind: 'other', headUserId: 'u4' },
  ],
  administrators: ['u6'],
};
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'] as const;
// Each content hash stands for one form; the amount decides the conditional steps.
const FORMS: Record<string, number> = { h1: 50, h2: 150, h3: 150 };
const HASHES = Object.keys(FORMS);

const modeArb: fc.Arbitrary<StepMode> = fc.oneof(
  fc.constant({ mode: 'sequential' as const }),
  fc.constant({ mode: 'any' as const }),
  fc.constant({ mode: 'all' as const }),
  fc.integer({ min: 1, max: 3 }).map((n) => ({ mode: 'quorum' as const, n })),
);
const stepArb = (i: number): fc.Arbitrary<StepDefinition> =>
  fc.record({ roles: fc.subarray([...ROLES], { minLength: 1, maxLength: 2 }), how: modeArb, distinct: fc.boolean(), conditional: fc.boolean(), head: fc.boolean() }).map((r) => ({
    id: `s${i}`,
    name: { 'zh-CN': `第${i}步`, 'en-US': `Step ${i}` },
    who: r.head ? [{ kind: 'authorDepartmentHead' as const }] : r.roles.map((role) => ({ kind: 'role' as const, role })),
    how: r.how,
    opinionRequired: false,
    distinctPerson: r.distinct,
    deadlineWorkingDays: 2,
    ...(r.conditional ? { when: [{ kind: 'amountAbove' as const, fen: 100 }] } : {}),
  }));
const definitionArb: fc.Arbitrary<ApprovalDefinition> = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(i + 1))))
  .map((steps) => ({ id: 'p', version: 1, kind: 'credit_limit_change' as const, name: { 'zh-CN': '性质', 'en-US': 'Property' }, steps }));

const delegationArb: fc.Arbitrary<Delegation> = fc
  .record({ from: fc.constantFrom(...USERS), to: fc.constantFrom(...USERS), a: fc.constantFrom(...DAYS), b: fc.constantFrom(...DAYS) })
  .filter((d) => d.from !== d.to)
  .map((d) => ({ fromUserId: d.from, toUserId: d.to, fromDay: d.a < d.b ? d.a : d.b, toDay: d.a < d.b ? d.b : d.a }));

/** One step of a generated run: numbers that pick an event, guided toward people who have a seat. */
const choiceArb = fc.record({
  guided: fc.nat(4).map((n) => n > 0),
  kind: fc.constantFrom(...(['approve', 'approve', 'approve', 'approve', 'approve', 'approve', 'reject', 'return', 'return', 'return', 'transfer', 'transfer', 'transfer', 'withdraw', 'resubmit'] as const)),
  actor: fc.nat(20),
  principal: fc.nat(20),
  viaDelegate: fc.boolean(),
  step: fc.nat(6),
  staleHash: fc.boolean(),
  hash: fc.nat(2),
  opinion: fc.boolean(),
  target: fc.nat(7),
  day: fc.nat(2),
});
type Choice = typeof choiceArb extends fc.Arbitrary<infer T> ? T : never;

function contextFor(delegations: Delegation[], day: number): ApprovalContext {
  return { directory, delegations, today: DAYS[day]!, deadlineFor: (n, from) => ({ day: from, calendarVersion: `+${n}`, provisional: false }) };
}

let moment = 0;
function eventFor(def: ApprovalDefinition, state: ApprovalState, c: Choice, delegations: Delegation[]): ApprovalEvent {
  const at = `m${String(++moment).padStart(8, '0')}`;
  const pick = <T,>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
  let actorId: string = pick(USERS, c.actor);
  let principal: string = pick(USERS, c.principal);
  let stepId = pick(def.steps, c.step).id;
  const pending = pendingSeats(def, state);
  if (c.guided && pending.length > 0) {
    const seat = pick(pending, c.actor);
    principal = seat.userId;
    stepId = seat.stepId;
    const delegates = delegations.filter((d) => d.fromUserId === principal).map((d) => d.toUserId);
    actorId = c.viaDelegate && delegates.length > 0 ? pick(delegates, c.principal) : principal;
  }
  if (c.guided && (c.kind === 'withdraw' || c.kind === 'resubmit' || state.status === 'returned')) actorId = AUTHOR;
  const kind = c.guided && state.status === 'returned' && c.kind !== 'withdraw' ? 'resubmit' : c.kind;
  // Guided returns and transfers go where the engine says they may (read through actionsFor).
  const seatActions = c.guided ? actionsFor(def, state, { ...contextFor(delegations, c.day), userId: actorId }).seats.find((x) => x.principalId === principal) : undefined;
  const contentHash = c.staleHash && !c.guided ? pick(HASHES, c.hash) : state.contentHash;
  const opinion = c.opinion || c.guided ? '意见' : undefined;
  const base = { actorId, stepId, contentHash, opinion, at, ...(principal !== actorId && (c.guided || c.viaDelegate) ? { onBehalfOf: principal } : {}) };
  switch (kind) {
    case 'approve':
    case 'reject':
      return { type: kind, ...base };
    case 'return': {
      const targets = seatActions?.return.targets ?? [];
      const to = targets.length > 0 ? pick(targets, c.target) : c.target === 0 ? { to: 'author' as const } : { to: 'step' as const, stepId: pick(def.steps, c.target).id };
      return { type: 'return', to, ...base };
    }
    case 'transfer':
      const targets = seatActions?.transfer.targets ?? [];
      return { type: 'transfer', toUserId: targets.length > 0 ? pick(targets, c.target) : pick(USERS, c.target), ...base };
    case 'withdraw':
      return { type: 'withdraw', actorId, at };
    case 'resubmit': {
      const hash = pick(HASHES, c.hash);
      return { type: 'resubmit', actorId, contentHash: hash, form: { amountFen: FORMS[hash]! }, at };
    }
  }
}

/** The outcome a step's counting ballots give, computed here independently of the engine. */
function oracle(how: StepMode, seats: number, ballots: { kind: string }[]): 'open' | 'approved' | 'rejected' {
  const yes = ballots.filter((b) => b.kind === 'approve').length;
  const no = ballots.length - yes;
  if (how.mode === 'any') return ballots.length === 0 ? 'open' : ballots[0]!.kind === 'approve' ? 'approved' : 'rejected';
  const need = how.mode === 'quorum' ? how.n : seats;
  if (how.mode !== 'quorum' && no > 0) return 'rejected';
  if (yes >= need && seats > 0) return 'approved';
  return yes + (seats - ballots.length) < need ? 'rejected' : 'open';
}

function checkInvariants(def: ApprovalDefinition, prev: ApprovalState, next: ApprovalState, event: ApprovalEvent): void {
  // Nobody decides on a form they wrote, neither in person nor through someone else.
  for (const d of next.decisions) expect([d.actorId, d.principalId]).not.toContain(AUTHOR);
  // One person does not fill two steps that need different people; one ballot per person per step.
  const filledBy = new Map<string, string>();
  for (const step of def.steps) {
    const people = countingBallots(next, step.id).flatMap((b) => (b.actorId === b.principalId ? [b.actorId] : [b.actorId, b.principalId]));
    expect(new Set(people).size).toBe(people.length);
    if (!step.distinctPerson) continue;
    for (const p of people) {
      expect(filledBy.get(p), `${p} filled ${filledBy.get(p)} and ${step.id}`).toBeUndefined();
      filledBy.set(p, step.id);
    }
  }
  // Nor can a seat be given to them, by opening the step or by transfer.
  const open = next.status === 'running' ? next.steps.find((st) => st.stepId === next.currentStepId) : undefined;
  if (open) {
    const seated = open.seats.map((x) => x.userId);
    expect(seated).not.toContain(AUTHOR);
    const openDef = def.steps.find((x) => x.id === open.stepId)!;
    if (openDef.distinctPerson) for (const u of seated) expect([undefined, open.stepId]).toContain(filledBy.get(u));
  }
  // Decisions are append-only; a voided decision stays voided and never counts.
  expect(next.decisions.slice(0, prev.decisions.length).map((d) => ({ ...d, voided: null }))).toEqual(prev.decisions.map((d) => ({ ...d, voided: null })));
  prev.decisions.forEach((d, i) => {
    if (d.voided) expect(next.decisions[i]?.voided).toEqual(d.voided);
  });
  const view = timeline(def, next);
  def.steps.forEach((step, i) => {
    const live = next.decisions.filter((d) => d.stepId === step.id && (d.kind === 'approve' || d.kind === 'reject') && d.voided === null);
    const tally = view.steps[i]!.tally;
    expect(tally.approvals + tally.rejections).toBe(live.length);
    // Every counting ballot is bound to the content as it is now.
    for (const b of live) expect(b.contentHash).toBe(next.contentHash);
    const st = next.steps[i]!;
    const how = st.escalation ? { mode: 'any' as const } : step.how;
    if (st.status === 'approved' || st.status === 'rejected') expect(oracle(how, st.seats.length, live)).toBe(st.status);
    if (st.status === 'active' && next.status === 'running') expect(oracle(how, st.seats.length, live)).toBe('open');
    if (st.status === 'skipped') expect(next.form.amountFen ?? 0).toBeLessThanOrEqual(100);
  });
  // A closed step never changes its outcome, except when a return or a resubmission voids it.
  if (event.type !== 'return' && event.type !== 'resubmit') {
    prev.steps.forEach((st, i) => {
      if (st.status === 'approved' || st.status === 'rejected' || st.status === 'skipped') {
        expect(next.steps[i]!.status).toBe(st.status);
        expect(countingBallots(next, st.stepId)).toEqual(countingBallots(prev, st.stepId));
      }
    });
  }
  // A chain is approved only when every step it needs is approved (the others skipped).
  if (next.status === 'approved') {
    def.steps.forEach((step, i) => {
      const st = next.steps[i]!;
      expect(['approved', 'skipped']).toContain(st.status);
      if (st.status === 'approved') expect(oracle(st.escalation ? { mode: 'any' } : step.how, st.seats.length, countingBallots(next, step.id))).toBe('approved');
      if (st.status === 'skipped') expect(step.when?.length ?? 0).toBeGreaterThan(0);
    });
  }
}

/** actionsFor and decide agree: an action offered is accepted, and one refused is explained the same way. */
function checkActionsAgree(def: ApprovalDefinition, state: ApprovalState, ctx: ApprovalContext): void {
  for (const userId of USERS) {
    const actions = actionsFor(def, state, { ...ctx, userId });
    for (const seat of actions.seats) {
      const r = decide(def, state, { type: 'approve', actorId: userId, onBehalfOf: seat.principalId, stepId: seat.stepId, contentHash: state.contentHash, opinion: '意见', at: 'probe' }, ctx);
      expect(r.ok ? { allowed: true } : { allowed: false, reason: r.reason }).toEqual(seat.approve);
      for (const toUserId of seat.transfer.targets) {
        expect(decide(def, state, { type: 'transfer', toUserId, actorId: userId, onBehalfOf: seat.principalId, stepId: seat.stepId, contentHash: state.contentHash, at: 'probe' }, ctx).ok).toBe(true);
      }
    }
    // Nobody is stuck: whoever holds a seat that waits for a decision may decide in it.
    if (pendingSeats(def, state).some((p) => p.userId === userId)) {
      expect(actions.seats.find((x) => x.principalId === userId)?.approve, `${userId} waits but cannot decide`).toEqual({ allowed: true });
    }
    const w = decide(def, state, { type: 'withdraw', actorId: userId, at: 'probe' }, ctx);
    expect(w.ok ? { allowed: true } : { allowed: false, reason: w.reason }).toEqual(actions.withdraw);
  }
}

describe('approval chains under generated sequences of events', () => {
  it('keep every rule of SPEC §3 after every event, and a refusal changes nothing', () => {
    fc.assert(
      fc.property(
        definitionArb,
        fc.constantFrom(...HASHES),
        fc.array(delegationArb, { maxLength: 6 }),
        fc.array(choiceArb, { minLength: 5, maxLength: 80, size: 'medium' }),
        (def, hash, delegations, choices) => {
          const started = startChain(def, { authorId: AUTHOR, form: { amountFen: FORMS[hash]! }, contentHash: hash, at: 'm0' }, contextFor(delegations, 1));
          if (!started.ok) throw new Error(started.reason);
          let state = started.state;
          for (const c of choices) {
            const ctx = contextFor(delegations, c.day);
            if (c.guided && c.staleHash && ['approved', 'rejected', 'withdrawn'].includes(state.status)) {
              // A closed chain takes nothing more: start the author's next request instead.
              const again = startChain(def, { authorId: AUTHOR, form: { amountFen: FORMS[HASHES[c.hash]!]! }, contentHash: HASHES[c.hash]!, at: 'again' }, ctx);
              if (!again.ok) throw new Error(again.reason);
              state = again.state;
              continue;
            }
            const event = eventFor(def, state, c, delegations);
            const before = structuredClone(state);
            const r = decide(def, state, event, ctx);
            expect(state).toEqual(before); // the input is never touched
            if (!r.ok) continue;
            checkInvariants(def, state, r.state, event);
            state = r.state;
            checkActionsAgree(def, state, ctx);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reach every end: approved, rejected, returned and withdrawn chains all occur', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(definitionArb, fc.array(choiceArb, { minLength: 1, maxLength: 30 }), (def, choices) => {
        const started = startChain(def, { authorId: AUTHOR, form: { amountFen: 150 }, contentHash: 'h2', at: 'm0' }, contextFor([], 1));
        if (!started.ok) return;
        let state = started.state;
        for (const c of choices) {
          const r = decide(def, state, eventFor(def, state, { ...c, guided: true }, []), contextFor([], c.day));
          if (r.ok) state = r.state;
          seen.add(state.status);
        }
      }),
      { numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(['approved', 'rejected', 'returned', 'running', 'withdrawn']);
  });
});
