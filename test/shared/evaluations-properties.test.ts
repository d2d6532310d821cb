import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAIN_OUTCOMES, EVALUATION_EVENTS, allowedActions, approvalContent, decide, visibleSheets, type EvaluationEvent, type EvaluationEventType, type EvaluationState } from '../../src/shared/domain/evaluations';
import { PERIODIC_REVIEW_MODEL, explain } from '../../src/shared/domain/scoring';
import { shiftDay } from '../../src/shared/domain/working-days';
import { AM, ITEMS, R3, SM, USERS, X, ctx, startEvent, step } from './evaluations-fixture';

const M = PERIODIC_REVIEW_MODEL;

/** One step of a user session: either something the UI would offer (guided) or anything at all. */
const command = fc.record({
  guided: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  actor: fc.nat(),
  kind: fc.nat(),
  advance: fc.integer({ min: 0, max: 4 }),
  bits: fc.nat(),
});
type Command = { guided: boolean; pick: number; actor: number; kind: number; advance: number; bits: number };

const bit = (bits: number, k: number) => ((bits >> k) & 1) === 1;
const level = (bits: number, k: number) => 'ABCD'[(bits >> (2 * k)) & 3]!;

/** A plausible event of `type` for the state, mostly well formed, sometimes not. */
function eventFor(type: EvaluationEventType, s: EvaluationState, bits: number, day: string): EvaluationEvent {
  const someone = [R3, X, AM, SM][bits & 3]!;
  switch (type) {
    case 'start':
      return startEvent();
    case 'add_reviewer':
      // Mostly someone already on it (refused): each added reviewer lengthens the story.
      return { type, reviewer: (bits & 7) === 0 ? R3 : AM };
    case 'remove_reviewer':
      return { type, reviewer: someone };
    case 'save_sheet': {
      const items = bit(bits, 9) && bit(bits, 13) ? ITEMS.filter((_, k) => bit(bits, 10 + k)) : s.status === 'reopened' && !bit(bits, 14) ? ITEMS.filter((i) => s.reopenedItems.includes(i)) : ITEMS;
      return { type, ratings: Object.fromEntries(items.map((item, k) => [item, level(bits >> 1, k)])), opinion: '意见' };
    }
    case 'submit_sheet':
    case 'finalize':
      return { type };
    case 'return_sheet':
      return { type, reviewer: someone, reason: (bits & 0x38) === 0 ? '请复核' : '' };
    case 'set_value':
      return { type, item: ITEMS[bits & 3]!, value: { value: 1, source: 'entered' } };
    case 'settle_item': {
      const e = explain(M, { sheets: s.sheets.map((x) => ({ reviewer: x.reviewer, ratings: x.ratings })), values: s.values });
      const open = e.ok ? e.explanation.toSettle.find((item) => !s.settlements.some((x) => x.item === item)) : undefined;
      return { type, item: open && !bit(bits, 11) ? open : ITEMS[bits & 3]!, note: bit(bits, 4) && bit(bits, 12) ? ' ' : '裁定说明' };
    }
    case 'consolidate':
      return { type, override: bit(bits, 5) ? { grade: level(bits, 3), reason: bit(bits, 6) ? '' : '书面理由' } : null };
    case 'chain_outcome': {
      const content = approvalContent(s);
      const stale = content && ((bits >> 5) & 7) === 7 ? { ...content, scoreText: '99.9' } : content;
      return { type, outcome: (bits & 7) !== 0 ? 'approved' : CHAIN_OUTCOMES[(bits >> 3) & 3]!, content: stale };
    }
    case 'enter_objection': {
      const items = ITEMS.filter((_, k) => bit(bits, k));
      const learnedOn = bit(bits, 5) ? (bit(bits, 6) ? day : shiftDay(day, -20)) : null;
      return { type, objectionId: `obj-${s.objections.length + (bits & 1 && bits & 16 ? -1 : 0)}`, items, reasons: '理由', evidence: (bits & 0xc0) === 0 ? ['doc-1'] : [], learnedOn };
    }
    case 'answer_objection': {
      const open = s.objections.find((o) => o.answer === null);
      return { type, objectionId: open && !bit(bits, 8) ? open.id : 'obj-none', upheld: bit(bits, 1), answer: bit(bits, 9) ? '' : '答复' };
    }
    case 'cancel':
      // Rarely meant: a cancelled session ends the story.
      return { type, reason: (bits & 255) === 0 ? '撤销' : '' };
    case 'set_attachments':
      return { type, documents: bit(bits, 3) ? ['doc-1', ''] : ['doc-1', 'doc-2'].slice(0, bits & 3) };
  }
}

interface Run {
  reachedFinal: boolean;
  reachedRound2: boolean;
  refusals: number;
}

/** Drives one session; checks `check` after every step. */
function drive(commands: Command[], check: (before: EvaluationState, after: EvaluationState | null, event: EvaluationEvent) => void): Run {
  let day = '2026-09-21';
  let s = step(null, SM, day, startEvent());
  const run: Run = { reachedFinal: false, reachedRound2: false, refusals: 0 };
  for (const c of commands) {
    day = shiftDay(day, c.advance);
    let actor: string;
    let type: EvaluationEventType;
    if (c.guided) {
      const offered = USERS.flatMap((u) => allowedActions(M, s, ctx(u, day)).map((t) => [u, t] as const));
      if (offered.length === 0) continue;
      [actor, type] = offered[c.pick % offered.length]!;
    } else {
      actor = USERS[c.actor % USERS.length]!;
      type = EVALUATION_EVENTS[c.kind % EVALUATION_EVENTS.length]!;
    }
    const event = eventFor(type, s, c.bits, day);
    const before = structuredClone(s);
    const outcome = decide(M, s, event, ctx(actor, day));
    // decide never touches what it is given, refused or not.
    expect(s).toEqual(before);
    if (!outcome.ok) {
      run.refusals++;
      check(before, null, event);
      continue;
    }
    check(before, outcome.state, event);
    s = outcome.state;
    if (s.status === 'final') run.reachedFinal = true;
    if (s.round > 1) run.reachedRound2 = true;
  }
  return run;
}

const sessions = fc.array(command, { minLength: 40, maxLength: 150 });

describe('the evaluation lifecycle under any sequence of events', () => {
  it('a refusal never changes the state; no sequence reaches final without an approved chain and a completed publication; hidden sheets stay hidden', () => {
    const seen = { final: 0, round2: 0, refusals: 0 };
    fc.assert(
      fc.property(sessions, (commands) => {
        const run = drive(commands, (before, after) => {
          if (!after) return;
          if (after.status === 'final') {
            const decision = after.decisions.at(-1)!;
            const publication = after.publications.at(-1)!;
            expect(decision.chain).toBe('approved');
            expect(publication.round).toBe(decision.round);
            expect(after.finalOn! > publication.deadline.day).toBe(true);
            expect(after.objections.every((o) => o.answer !== null)).toBe(true);
          }
          if (after.status === 'published' || after.status === 'objection') expect(after.decisions.at(-1)!.chain).toBe('approved');
          // A sheet not submitted is seen by its author alone.
          for (const viewer of USERS) {
            for (const sheet of visibleSheets(after, viewer)) if (sheet.reviewer !== viewer) expect(sheet.submittedOn).not.toBeNull();
            const own = after.sheets.find((x) => x.reviewer === viewer);
            if (own && own.submittedOn === null) expect(visibleSheets(after, viewer).map((x) => x.reviewer)).toEqual([viewer]);
          }
          // A rating changes only on its author's own sheet, before it is submitted.
          for (const sheet of after.sheets) {
            const was = before.sheets.find((x) => x.reviewer === sheet.reviewer);
            if (was && was.submittedOn !== null && JSON.stringify(was.ratings) !== JSON.stringify(sheet.ratings)) {
              // Only an upheld objection takes submitted ratings back, and only its items.
              expect(after.status).toBe('reopened');
              for (const item of Object.keys(was.ratings)) if (was.ratings[item] !== sheet.ratings[item]) expect(after.reopenedItems).toContain(item);
            }
          }
        });
        if (run.reachedFinal) seen.final++;
        if (run.reachedRound2) seen.round2++;
        seen.refusals += run.refusals;
      }),
      { numRuns: 250 },
    );
    // The property is not vacuous: sessions do reach final, a second round, and refusals.
    expect(seen.final).toBeGreaterThan(10);
    expect(seen.round2).toBeGreaterThan(5);
    expect(seen.refusals).toBeGreaterThan(100);
  });

  it('what actionsFor offers, decide accepts as far as the gates go: the refusal, if any, is about the event’s fields', () => {
    const gateCodes = new Set(['wrong_state', 'not_permitted', 'not_a_reviewer', 'not_account_manager', 'already_started', 'not_started', 'wrong_model', 'sheets_pending', 'publication_not_over', 'objection_open']);
    fc.assert(
      fc.property(sessions, (commands) => {
        let day = '2026-09-21';
        let s = step(null, SM, day, startEvent());
        for (const c of commands) {
          day = shiftDay(day, c.advance);
          const offered = USERS.flatMap((u) => allowedActions(M, s, ctx(u, day)).map((t) => [u, t] as const));
          if (offered.length === 0) return;
          const [actor, type] = offered[c.pick % offered.length]!;
          const outcome = decide(M, s, eventFor(type, s, c.bits, day), ctx(actor, day));
          if (!outcome.ok) expect(gateCodes.has(outcome.refusal.code), outcome.refusal.code).toBe(false);
          else s = outcome.state;
        }
      }),
      { numRuns: 100 },
    );
  });
});
