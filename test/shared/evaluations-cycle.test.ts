import { describe, expect, it } from 'vitest';
import {
  CHAIN_OUTCOME_TEXTS,
  CHAIN_OUTCOMES,
  EVALUATION_EVENT_TEXTS,
  EVALUATION_EVENTS,
  EVALUATION_HISTORY_KINDS,
  EVALUATION_HISTORY_TEXTS,
  EVALUATION_KIND_TEXTS,
  EVALUATION_KINDS,
  EVALUATION_REFUSAL_TEXTS,
  EVALUATION_REFUSALS,
  EVALUATION_ROLE_TEXTS,
  EVALUATION_ROLES,
  EVALUATION_STATUS_TEXTS,
  EVALUATION_STATUSES,
  MAJOR_CREDIT_EVENT_TEXTS,
  MAJOR_CREDIT_EVENTS,
  OBJECTION_GROUND_TEXTS,
  OBJECTION_GROUNDS,
  REVIEW_DUE_REASON_TEXTS,
  REVIEW_DUE_REASONS,
  REVIEWER_ORIGIN_TEXTS,
  REVIEWER_ORIGINS,
  ROUND_SKIP_REASONS,
  ROUND_SKIP_TEXTS,
  finalResult,
  planYearEndRound,
  reviewDueText,
  reviewsDue,
  type CycleCustomer,
} from '../../src/shared/domain/evaluations';
import { final } from './evaluations-fixture';

const customer = (customerId: string, lastFinal: CycleCustomer['lastFinal'], creditEvents: CycleCustomer['creditEvents'] = []): CycleCustomer => ({ customerId, lastFinal, creditEvents });

describe('reviewsDue: the customers due for review, overdue first, each with why', () => {
  const today = '2026-12-01';
  const list = [
    customer('c-fine', { day: '2026-09-15', grade: 'B', reviewCycleMonths: 6 }), // due 2027-03-15
    customer('c-due-today', { day: '2026-06-01', grade: 'B', reviewCycleMonths: 6 }), // due 2026-12-01
    customer('c-overdue-10', { day: '2026-05-21', grade: 'A', reviewCycleMonths: 6 }), // due 2026-11-21
    customer('c-overdue-31', { day: '2026-07-31', grade: 'D', reviewCycleMonths: 3 }), // due 2026-10-31 → 31 days; see below
    customer('c-litigation', { day: '2026-10-10', grade: 'B', reviewCycleMonths: 6 }, [
      { kind: 'litigation', day: '2026-11-03' },
      { kind: 'management_change', day: '2026-11-04' },
    ]),
    customer('c-old-event', { day: '2026-10-10', grade: 'B', reviewCycleMonths: 6 }, [{ kind: 'blacklist', day: '2026-10-01' }]),
    customer('c-future-event', { day: '2026-10-10', grade: 'B', reviewCycleMonths: 6 }, [{ kind: 'bad_record', day: '2026-12-02' }]),
    customer('c-never', null),
  ];
  it('orders overdue (longest first), then early reviews, then due by the cycle, then never evaluated', () => {
    const due = reviewsDue(list, today);
    expect(due.map((d) => d.customerId)).toEqual(['c-overdue-31', 'c-overdue-10', 'c-litigation', 'c-due-today', 'c-never']);
    expect(due[0]!.reasons).toEqual([{ reason: 'overdue', dueOn: '2026-10-31', days: 31 }]);
    expect(due[1]!.reasons).toEqual([{ reason: 'overdue', dueOn: '2026-11-21', days: 10 }]);
    expect(due[2]!.reasons).toEqual([{ reason: 'major_event', event: 'litigation', day: '2026-11-03' }]);
    expect(due[3]).toEqual({ customerId: 'c-due-today', reasons: [{ reason: 'cycle_due', dueOn: today }], dueOn: today, lastGrade: 'B' });
    expect(due[4]).toEqual({ customerId: 'c-never', reasons: [{ reason: 'never_evaluated' }], dueOn: null, lastGrade: null });
  });
  it('a major event after the last final evaluation puts the customer on the list at once; the day after it happened', () => {
    const c = customer('c', { day: '2026-11-20', grade: 'A', reviewCycleMonths: 6 }, [{ kind: 'blacklist', day: '2026-11-30' }]);
    expect(reviewsDue([c], '2026-11-29')).toEqual([]);
    expect(reviewsDue([c], '2026-11-30').map((d) => d.reasons)).toEqual([[{ reason: 'major_event', event: 'blacklist', day: '2026-11-30' }]]);
    // An event on the day of the evaluation was known to it.
    expect(reviewsDue([customer('c', { day: '2026-11-30', grade: 'A', reviewCycleMonths: 6 }, [{ kind: 'blacklist', day: '2026-11-30' }])], '2026-12-01')).toEqual([]);
  });
  it('an overdue customer with an event lists both, overdue first', () => {
    const c = customer('c', { day: '2026-01-10', grade: 'B', reviewCycleMonths: 6 }, [{ kind: 'judgment', day: '2026-08-01' }]);
    expect(reviewsDue([c], today)[0]!.reasons).toEqual([
      { reason: 'overdue', dueOn: '2026-07-10', days: 144 },
      { reason: 'major_event', event: 'judgment', day: '2026-08-01' },
    ]);
  });
  it('a horizon lists reviews coming due', () => {
    expect(reviewsDue(list, today, { horizonDays: 120 }).map((d) => d.customerId)).toContain('c-fine');
    expect(reviewsDue(list, today, { horizonDays: 100 }).map((d) => d.customerId)).not.toContain('c-fine');
  });
  it('the next review is counted from the final evaluation and its grade’s cycle', () => {
    const r = finalResult(final())!;
    const c = customer(r.customerId, { day: r.finalOn, grade: r.grade, reviewCycleMonths: r.reviewCycleMonths });
    expect(reviewsDue([c], '2027-04-09')).toEqual([]);
    expect(reviewsDue([c], '2027-04-10')[0]!.reasons).toEqual([{ reason: 'cycle_due', dueOn: '2027-04-10' }]);
  });
  it('says why in both languages', () => {
    const [overdue, event, due] = [reviewsDue(list, today)[1]!.reasons[0]!, reviewsDue(list, today)[2]!.reasons[0]!, reviewsDue(list, today)[3]!.reasons[0]!];
    expect(reviewDueText(overdue, 'zh-CN')).toBe('逾期 10 天（应于 2026-11-21 评审）');
    expect(reviewDueText(overdue, 'en-US')).toBe('Overdue by 10 days (due on 2026-11-21)');
    expect(reviewDueText(event, 'zh-CN')).toBe('因涉诉（2026-11-03）提前评审');
    expect(reviewDueText(event, 'en-US')).toBe('Early review: litigation on 2026-11-03');
    expect(reviewDueText(due, 'zh-CN')).toBe('评审周期已到（2026-12-01）');
  });
  it('refuses a today that is not a day', () => {
    expect(() => reviewsDue(list, '2026-02-30')).toThrow(RangeError);
  });
});

describe('the year-end round: the drafts to create, and who is skipped and why', () => {
  it('creates a draft per chosen customer, skipping those under way, chosen twice or without their managers', () => {
    const plan = planYearEndRound([
      { customerId: 'c1', accountManager: 'am1', serviceManager: 'sm1', openEvaluation: null },
      { customerId: 'c2', accountManager: 'am1', serviceManager: 'sm1', openEvaluation: { id: 'ev-9', status: 'published' } },
      { customerId: 'c3', accountManager: 'am2', serviceManager: 'sm1', openEvaluation: { id: 'ev-8', status: 'final' } },
      { customerId: 'c1', accountManager: 'am1', serviceManager: 'sm1', openEvaluation: null },
      { customerId: 'c4', accountManager: null, serviceManager: 'sm1', openEvaluation: null },
      { customerId: 'c5', accountManager: 'am2', serviceManager: null, openEvaluation: { id: 'ev-7', status: 'cancelled' } },
    ]);
    expect(plan.create).toEqual([
      { customerId: 'c1', accountManager: 'am1', serviceManager: 'sm1' },
      { customerId: 'c3', accountManager: 'am2', serviceManager: 'sm1' },
    ]);
    expect(plan.skipped).toEqual([
      { customerId: 'c2', reason: 'evaluation_in_progress', evaluation: { id: 'ev-9', status: 'published' } },
      { customerId: 'c1', reason: 'chosen_twice' },
      { customerId: 'c4', reason: 'no_account_manager' },
      { customerId: 'c5', reason: 'no_service_manager' },
    ]);
  });
  it('every status under way blocks a new draft; final, rejected and cancelled do not', () => {
    for (const status of EVALUATION_STATUSES) {
      const plan = planYearEndRound([{ customerId: 'c', accountManager: 'a', serviceManager: 's', openEvaluation: { id: 'e', status } }]);
      expect(plan.create.length, status).toBe(['final', 'rejected', 'cancelled'].includes(status) ? 1 : 0);
    }
  });
  it('plans 100,000 customers at once', () => {
    const chosen = Array.from({ length: 100_000 }, (_, i) => ({ customerId: `c${i}`, accountManager: 'a', serviceManager: 's', openEvaluation: i % 10 === 0 ? { id: `e${i}`, status: 'draft' as const } : null }));
    const plan = planYearEndRound(chosen);
    expect([plan.create.length, plan.skipped.length]).toEqual([90_000, 10_000]);
  });
});

describe('texts: every code in both languages', () => {
  const tables: [string, readonly string[], Record<string, { 'zh-CN': string; 'en-US': string }>][] = [
    ['kinds', EVALUATION_KINDS, EVALUATION_KIND_TEXTS],
    ['statuses', EVALUATION_STATUSES, EVALUATION_STATUS_TEXTS],
    ['events', EVALUATION_EVENTS, EVALUATION_EVENT_TEXTS],
    ['roles', EVALUATION_ROLES, EVALUATION_ROLE_TEXTS],
    ['reviewer origins', REVIEWER_ORIGINS, REVIEWER_ORIGIN_TEXTS],
    ['chain outcomes', CHAIN_OUTCOMES, CHAIN_OUTCOME_TEXTS],
    ['refusals', EVALUATION_REFUSALS, EVALUATION_REFUSAL_TEXTS],
    ['history', EVALUATION_HISTORY_KINDS, EVALUATION_HISTORY_TEXTS],
    ['grounds', OBJECTION_GROUNDS, OBJECTION_GROUND_TEXTS],
    ['major events', MAJOR_CREDIT_EVENTS, MAJOR_CREDIT_EVENT_TEXTS],
    ['review-due reasons', REVIEW_DUE_REASONS, REVIEW_DUE_REASON_TEXTS],
    ['round skips', ROUND_SKIP_REASONS, ROUND_SKIP_TEXTS],
  ];
  it.each(tables)('%s: one text per code, none empty, none repeated within a language', (_name, codes, texts) => {
    expect(Object.keys(texts).sort()).toEqual([...codes].sort());
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const words = codes.map((c) => texts[c]![lang]);
      expect(words.every((w) => w.trim().length > 0)).toBe(true);
      expect(new Set(words).size, lang).toBe(words.length);
    }
  });
});
