import { describe, expect, it } from 'vitest';
import { actionsFor, decide, isOverdue, pendingSeats, timeline } from '../../src/shared/domain/approvals';
import { ballot, chainOf, context, role, run, started, stepOf, TODAY } from './approvals/fixture';

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
