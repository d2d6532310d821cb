import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSE_REASONS, MEASURES_BY_RANK, NEW_WARNING, USER_CLOSE_REASONS, actionsFor, decide, type WarningActor, type WarningEvent, type WarningState } from '../../src/shared/domain/warnings';

// The warning lifecycle under any sequence of events by anyone: it never reaches a state
// the rules forbid, and actionsFor says exactly what decide would allow.

const MEASURES = [...MEASURES_BY_RANK[3], ...MEASURES_BY_RANK[4], ...MEASURES_BY_RANK[5]];
const actors: WarningActor[] = [
  { kind: 'system' },
  { kind: 'user', mayWork: true, mayClose: true },
  { kind: 'user', mayWork: true, mayClose: false },
  { kind: 'user', mayWork: false, mayClose: false },
];

const event: fc.Arbitrary<WarningEvent> = fc.oneof(
  fc.constant({ type: 'raise' } as const),
  fc.constant({ type: 'acknowledge' } as const),
  fc.record({ type: fc.constant('work' as const), note: fc.constantFrom('', '  ', '已电话联系客户财务'), measures: fc.subarray(MEASURES), earlyReview: fc.boolean() }),
  fc.record({ type: fc.constant('close' as const), reason: fc.constantFrom(...CLOSE_REASONS), note: fc.constantFrom('', '已结清') }),
  fc.constant({ type: 'cause_gone' } as const),
  fc.constant({ type: 'cause_back' } as const),
  fc.constant({ type: 'rule_off' } as const),
);
const steps = fc.array(fc.record({ event, actor: fc.integer({ min: 0, max: actors.length - 1 }) }), { maxLength: 40 });

describe('warning lifecycle properties', () => {
  it('every reachable state is consistent, and actionsFor agrees with decide', () => {
    fc.assert(
      fc.property(steps, (seq) => {
        let s: WarningState | null = null;
        let measures = new Set<string>();
        for (const { event: e, actor: a } of seq) {
          const actor = actors[a]!;
          if (s && (e.type === 'acknowledge' || e.type === 'work' || e.type === 'close')) {
            const offered = actionsFor(s, actor).find((x) => x.action === e.type)!;
            const outcome = decide(s, e, actor);
            // Offered means the gate passes: only the event's own fields (note, reason) can still refuse.
            if (!offered.allowed) expect(outcome).toEqual({ ok: false, refusal: offered.refusal });
            else if (!outcome.ok) expect(['warning_note_required', 'warning_close_reason']).toContain(outcome.refusal);
          }
          const out = decide(s, e, actor);
          if (!out.ok) continue;
          const before: WarningState | null = s;
          s = out.state;
          // Closed ⇔ a reason; a user closes only with a user reason; the rules only with theirs.
          expect(s.status === 'closed').toBe(s.closeReason !== null);
          if (e.type === 'close') expect(USER_CLOSE_REASONS).toContain(s.closeReason);
          if (e.type === 'cause_gone' || e.type === 'rule_off') expect(s.causePresent).toBe(false);
          // Users never raise, clear or reopen; the system never acknowledges, works or closes by hand.
          if (['raise', 'cause_gone', 'cause_back', 'rule_off'].includes(e.type)) expect(actor.kind).toBe('system');
          else expect(actor.kind).toBe('user');
          // A reopening only follows a cause that had gone.
          if (before && before.status === 'closed' && s.status !== 'closed') {
            expect(e.type).toBe('cause_back');
            expect(before.causePresent).toBe(false);
            expect(s.reopened).toBe(before.reopened + 1);
          }
          // Measures taken accumulate, never disappear.
          for (const m of measures) expect(s.measuresTaken).toContain(m);
          measures = new Set(s.measuresTaken);
          // Working needs an acknowledged warning.
          if (e.type === 'work') expect(before!.status === 'acknowledged' || before!.status === 'in_work').toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a warning is raised once; nothing else happens before it is', () => {
    expect(decide(null, { type: 'raise' }, { kind: 'system' })).toEqual({ ok: true, state: NEW_WARNING });
    expect(decide(NEW_WARNING, { type: 'raise' }, { kind: 'system' })).toEqual({ ok: false, refusal: 'warning_already_raised' });
    fc.assert(
      fc.property(event, fc.integer({ min: 0, max: 3 }), (e, a) => {
        if (e.type === 'raise') return;
        expect(decide(null, e, actors[a]!).ok).toBe(false);
      }),
    );
  });

  it('the story of a paid overdue warning: raised, acknowledged, worked, cleared by the rules, reopened when overdue again', () => {
    const cm: WarningActor = { kind: 'user', mayWork: true, mayClose: true };
    const sys: WarningActor = { kind: 'system' };
    const go = (s: WarningState, e: WarningEvent, a: WarningActor) => {
      const out = decide(s, e, a);
      if (!out.ok) throw new Error(out.refusal);
      return out.state;
    };
    let s = NEW_WARNING;
    expect(decide(s, { type: 'work', note: '催收', measures: [], earlyReview: false }, cm)).toEqual({ ok: false, refusal: 'warning_not_acknowledged' });
    s = go(s, { type: 'acknowledge' }, cm);
    s = go(s, { type: 'work', note: '电话催收，客户承诺月底前付款', measures: ['stronger_collection'], earlyReview: true }, cm);
    expect(s).toMatchObject({ status: 'in_work', measuresTaken: ['stronger_collection'], earlyReview: true });
    s = go(s, { type: 'cause_gone' }, sys);
    expect(s).toMatchObject({ status: 'closed', closeReason: 'cause_cleared', causePresent: false });
    s = go(s, { type: 'cause_back' }, sys);
    expect(s).toMatchObject({ status: 'raised', reopened: 1, closeReason: null, measuresTaken: ['stronger_collection'] });
    // Closed by hand while the cause stands: it stays closed until the cause goes and comes back.
    s = go(go(s, { type: 'acknowledge' }, cm), { type: 'close', reason: 'risk_accepted', note: '已知悉' }, cm);
    expect(decide(s, { type: 'cause_back' }, sys)).toEqual({ ok: false, refusal: 'warning_cause_present' });
  });
});
