// The review cycle (SPEC §2 "Cycle", issue 9 item 5): which customers are due for review
// and why, and the year-end round of seed 003 (每年年底由客服经理发起年度客户信用评审流程).
import { nextReviewOn } from '../scoring/score';
import { isDay } from '../working-days';
import { EVALUATION_OPEN_STATUSES, MAJOR_CREDIT_EVENTS, type EvaluationStatus, type MajorCreditEvent, type RoundSkipReason } from './codes';
import type { Day, UserId } from './state';

export interface CycleCustomer {
  customerId: string;
  /** The last final evaluation: the day it became final, its grade and the grade's review cycle. */
  lastFinal: { day: Day; grade: string; reviewCycleMonths: number } | null;
  /** The customer's credit events (any kind; only the major ones count). */
  creditEvents: readonly { kind: string; day: Day }[];
}

export type ReviewDue =
  | { reason: 'overdue'; dueOn: Day; days: number }
  | { reason: 'major_event'; event: MajorCreditEvent; day: Day }
  | { reason: 'cycle_due'; dueOn: Day }
  | { reason: 'never_evaluated' };

export interface DueCustomer {
  customerId: string;
  /** The most urgent reason first. */
  reasons: ReviewDue[];
  /** The cycle's review day (null: never evaluated). */
  dueOn: Day | null;
  lastGrade: string | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: Day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const isMajor = (kind: string): kind is MajorCreditEvent => (MAJOR_CREDIT_EVENTS as readonly string[]).includes(kind);

export interface ReviewsDueOptions {
  /** Also list customers whose review day falls within this many calendar days after today (0: due today or earlier). */
  horizonDays?: number;
}

/**
 * The customers due for review on `today`: overdue ones first (the longest overdue
 * first), then early reviews for a major credit event after the last final evaluation
 * (the oldest event first), then those due by the cycle, then those never evaluated.
 */
export function reviewsDue(customers: readonly CycleCustomer[], today: Day, options: ReviewsDueOptions = {}): DueCustomer[] {
  if (!isDay(today)) throw new RangeError(`today is not a YYYY-MM-DD day: ${String(today)}`);
  const horizon = options.horizonDays ?? 0;
  const t = dayNumber(today);
  const out: { due: DueCustomer; rank: number; key: number }[] = [];
  for (const c of customers) {
    const reasons: ReviewDue[] = [];
    let dueOn: Day | null = null;
    if (c.lastFinal) {
      dueOn = nextReviewOn(c.lastFinal.day, c.lastFinal.reviewCycleMonths);
      const days = t - dayNumber(dueOn);
      if (days > 0) reasons.push({ reason: 'overdue', dueOn, days });
      else if (-days <= horizon) reasons.push({ reason: 'cycle_due', dueOn });
    }
    const since = c.lastFinal?.day ?? null;
    const events = c.creditEvents
      .filter((e): e is { kind: MajorCreditEvent; day: Day } => isMajor(e.kind) && e.day <= today && (since === null || e.day > since))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    // Never evaluated: a major event still says why the review is urgent.
    const eventReasons: ReviewDue[] = events.map((e) => ({ reason: 'major_event', event: e.kind, day: e.day }));
    if (reasons[0]?.reason === 'overdue') reasons.push(...eventReasons);
    else reasons.unshift(...eventReasons);
    if (!c.lastFinal) reasons.push({ reason: 'never_evaluated' });
    if (reasons.length === 0) continue;
    const first = reasons[0]!;
    const rank = { overdue: 0, major_event: 1, cycle_due: 2, never_evaluated: 3 }[first.reason];
    const key = first.reason === 'overdue' ? -first.days : first.reason === 'major_event' ? dayNumber(first.day) : first.reason === 'cycle_due' ? dayNumber(first.dueOn) : 0;
    out.push({ due: { customerId: c.customerId, reasons, dueOn, lastGrade: c.lastFinal?.grade ?? null }, rank, key });
  }
  out.sort((a, b) => a.rank - b.rank || a.key - b.key || (a.due.customerId < b.due.customerId ? -1 : a.due.customerId > b.due.customerId ? 1 : 0));
  return out.map((o) => o.due);
}

export interface RoundCandidate {
  customerId: string;
  accountManager: UserId | null;
  serviceManager: UserId | null;
  /** The customer's evaluation under way, if any. */
  openEvaluation: { id: string; status: EvaluationStatus } | null;
}

export interface RoundDraft {
  customerId: string;
  accountManager: UserId;
  serviceManager: UserId;
}

export interface RoundSkip {
  customerId: string;
  reason: RoundSkipReason;
  /** For `evaluation_in_progress`: the evaluation and its status. */
  evaluation?: { id: string; status: EvaluationStatus };
}

export interface RoundPlan {
  create: RoundDraft[];
  skipped: RoundSkip[];
}

export function isOpenStatus(status: EvaluationStatus): boolean {
  return (EVALUATION_OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * The year-end round: the drafts to create for the customers chosen, in the order chosen;
 * each customer skipped says why. The host turns each draft into a `start` event.
 */
export function planYearEndRound(chosen: readonly RoundCandidate[]): RoundPlan {
  const create: RoundDraft[] = [];
  const skipped: RoundSkip[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    if (seen.has(c.customerId)) {
      skipped.push({ customerId: c.customerId, reason: 'chosen_twice' });
      continue;
    }
    seen.add(c.customerId);
    if (c.openEvaluation && isOpenStatus(c.openEvaluation.status)) skipped.push({ customerId: c.customerId, reason: 'evaluation_in_progress', evaluation: { ...c.openEvaluation } });
    else if (!c.accountManager) skipped.push({ customerId: c.customerId, reason: 'no_account_manager' });
    else if (!c.serviceManager) skipped.push({ customerId: c.customerId, reason: 'no_service_manager' });
    else create.push({ customerId: c.customerId, accountManager: c.accountManager, serviceManager: c.serviceManager });
  }
  return { create, skipped };
}
