// The warning rules as data (issue 12 item 1) and the one function that evaluates them for
// a customer's facts on `today`. Pure: the caller passes the facts, the settings and the
// day; the host reconciles what comes out with the warnings on file (./reconcile.ts).
import type { Measure } from '../scoring/model';
import { daysBetween, settleSales, type CreditToApply, type SaleToSettle } from '../receivables';
import { isDay } from '../working-days';
import { WARNED_CREDIT_EVENTS, WARNING_RULES, type ThresholdUnit, type WarningRule, type WarningSeverity, type WarnedCreditEvent } from './codes';

export type Day = string;

export interface RuleDefinition {
  unit: ThresholdUnit;
  min: number;
  max: number;
  /** The threshold a new archive starts with. */
  defaultThreshold: number;
  severity: WarningSeverity;
}

/**
 * Each rule's threshold: its unit, bounds and default. Defaults follow the seeds where they
 * give a figure, else a cautious choice the credit manager changes (docs/decisions).
 */
export const RULE_DEFINITIONS: Record<WarningRule, RuleDefinition> = {
  // An event counts as new while it occurred within this many days.
  credit_event: { unit: 'days', min: 1, max: 3650, defaultThreshold: 365, severity: 'severe' },
  // 付款逾期超过信用期限的 xx% (seed 004): days late beyond this share of the term.
  payment_overdue: { unit: 'percent', min: 0, max: 1000, defaultThreshold: 50, severity: 'high' },
  // Receivable above this share of the limit.
  over_limit: { unit: 'percent', min: 1, max: 1000, defaultThreshold: 100, severity: 'high' },
  // Receivable at or above this share of the limit (below over_limit's).
  near_limit: { unit: 'percent', min: 1, max: 1000, defaultThreshold: 90, severity: 'medium' },
  // The last final score, in points of a 100-point scale: below it warns (seed 000: 60 分以下 较差).
  score_below: { unit: 'points', min: 1, max: 100, defaultThreshold: 60, severity: 'medium' },
  // The grade fell by at least this many common ranks (crosswalk).
  grade_downgrade: { unit: 'ranks', min: 1, max: 4, defaultThreshold: 1, severity: 'medium' },
  // A qualification expires within this many days (expired: medium, expiring: low).
  qualification_expiring: { unit: 'days', min: 0, max: 365, defaultThreshold: 30, severity: 'low' },
  // The last full month's sales differ from the average of the 12 months before by more than this share.
  volume_anomaly: { unit: 'percent', min: 1, max: 1000, defaultThreshold: 50, severity: 'medium' },
  // The same for payments received (回款异常).
  payment_anomaly: { unit: 'percent', min: 1, max: 1000, defaultThreshold: 50, severity: 'medium' },
  // No sale for this many months (客户流失预警).
  dormant: { unit: 'months', min: 1, max: 60, defaultThreshold: 6, severity: 'low' },
};

export interface RuleSetting {
  rule: WarningRule;
  enabled: boolean;
  threshold: number;
}

export type RuleSettings = Record<WarningRule, RuleSetting>;

export const DEFAULT_RULE_SETTINGS: RuleSettings = Object.fromEntries(
  WARNING_RULES.map((rule) => [rule, { rule, enabled: true, threshold: RULE_DEFINITIONS[rule].defaultThreshold }]),
) as RuleSettings;

export type RuleSettingProblem = { rule: WarningRule; code: 'threshold_out_of_range' | 'threshold_not_integer'; min: number; max: number };

/** A setting's problems (empty: acceptable). Thresholds are whole numbers within the rule's bounds. */
export function ruleSettingProblems(settings: readonly RuleSetting[]): RuleSettingProblem[] {
  const out: RuleSettingProblem[] = [];
  for (const s of settings) {
    const d = RULE_DEFINITIONS[s.rule];
    if (!Number.isInteger(s.threshold)) out.push({ rule: s.rule, code: 'threshold_not_integer', min: d.min, max: d.max });
    else if (s.threshold < d.min || s.threshold > d.max) out.push({ rule: s.rule, code: 'threshold_out_of_range', min: d.min, max: d.max });
  }
  return out;
}

// ------------------------------------------------------------------ facts

export interface GradeFacts {
  scale: string;
  grade: string;
  /** The crosswalk's common rank (1 best … 5 worst); null when the crosswalk does not place it. */
  rank: number | null;
  previousGrade: string | null;
  previousRank: number | null;
  /** The day the grade took effect. */
  since: Day;
  /** The final score, exact (num/den points) out of the model's maximum; null: no score on file. */
  score: { num: number; den: number; max: number; text: string } | null;
}

export interface CreditEventFact {
  id: string;
  kind: string;
  occurredOn: Day;
  title: string;
  amountFen: number | null;
}

export interface QualificationFact {
  id: string;
  kind: string;
  validTo: Day | null;
}

/** What the rules read of one customer: records in force only (voided ones left out by the caller). */
export interface WarningFacts {
  customerId: string;
  limitFen: number | null;
  termDays: number | null;
  grade: GradeFacts | null;
  sales: readonly SaleToSettle[];
  returns: readonly CreditToApply[];
  payments: readonly CreditToApply[];
  creditEvents: readonly CreditEventFact[];
  qualifications: readonly QualificationFact[];
}

// ------------------------------------------------------------------ evidence

export interface OverdueSale {
  saleId: string;
  docNo: string | null;
  dueOn: Day;
  daysLate: number;
  leftFen: number;
}

/** What a warning shows as its cause: the figure against its threshold, the sales, the event. */
export type Evidence =
  | { rule: 'credit_event'; eventId: string; kind: WarnedCreditEvent; occurredOn: Day; title: string; amountFen: number | null; threshold: number }
  | { rule: 'payment_overdue'; termDays: number; threshold: number; allowedDays: number; overdueFen: number; count: number; sales: OverdueSale[] }
  | { rule: 'over_limit' | 'near_limit'; receivableFen: number; limitFen: number; usedPercent: number | null; threshold: number }
  | { rule: 'score_below'; score: string; points: number; grade: string; scale: string; threshold: number }
  | { rule: 'grade_downgrade'; scale: string; from: string; to: string; fromRank: number; toRank: number; since: Day; threshold: number }
  | { rule: 'qualification_expiring'; qualificationId: string; kind: string; validTo: Day; daysLeft: number; expired: boolean; threshold: number }
  | { rule: 'volume_anomaly' | 'payment_anomaly'; month: string; monthFen: number; averageFen: number; changePercent: number; threshold: number }
  | { rule: 'dormant'; lastSaleOn: Day; months: number; threshold: number };

export interface Finding {
  rule: WarningRule;
  /** What the warning is about within the customer: an event or qualification id, else ''. */
  subject: string;
  severity: WarningSeverity;
  evidence: Evidence;
}

/** The key of a warning: one per customer, rule and subject. */
export const findingKey = (f: { rule: WarningRule; subject: string }): string => `${f.rule}:${f.subject}`;

// ------------------------------------------------------------------ helpers

const round1 = (x: number) => Math.round(x * 10) / 10;
const monthIndex = (day: Day) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const isWarnedEvent = (kind: string): kind is WarnedCreditEvent => (WARNED_CREDIT_EVENTS as readonly string[]).includes(kind);

/** The same day `n` months earlier (the month's last day when it has fewer days). */
export function monthsBefore(day: Day, n: number): Day {
  const index = monthIndex(day) - n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), last);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const HISTORY_MONTHS = 12;
/** The anomaly rules need business in at least this many of the 12 months before. */
export const ANOMALY_MIN_ACTIVE_MONTHS = 3;

interface MonthlyTotals {
  /** Total of the last full month (the month before today's). */
  last: number;
  /** Average of the 12 months before it, and in how many of them there was any. */
  average: number;
  activeMonths: number;
}

function monthlyTotals(items: readonly { amountFen: number; day: Day }[], today: Day): MonthlyTotals {
  const lastMonth = monthIndex(today) - 1;
  const sums = new Array<number>(HISTORY_MONTHS + 1).fill(0);
  for (const it of items) {
    const back = lastMonth - monthIndex(it.day);
    if (back >= 0 && back <= HISTORY_MONTHS) sums[back]! += it.amountFen;
  }
  const history = sums.slice(1);
  return { last: sums[0]!, average: history.reduce((a, b) => a + b, 0) / HISTORY_MONTHS, activeMonths: history.filter((s) => s > 0).length };
}

function anomaly(rule: 'volume_anomaly' | 'payment_anomaly', totals: MonthlyTotals, today: Day, threshold: number): Finding | null {
  if (totals.activeMonths < ANOMALY_MIN_ACTIVE_MONTHS || totals.average <= 0) return null;
  // |last − average| > threshold % of average, in exact fen arithmetic (average × 12 is whole).
  const sum12 = Math.round(totals.average * HISTORY_MONTHS);
  const deviation12 = Math.abs(totals.last * HISTORY_MONTHS - sum12);
  if (deviation12 * 100 <= sum12 * threshold) return null;
  return {
    rule,
    subject: '',
    severity: RULE_DEFINITIONS[rule].severity,
    evidence: {
      rule,
      month: monthName(monthIndex(today) - 1),
      monthFen: totals.last,
      averageFen: Math.round(totals.average),
      changePercent: round1(((totals.last * HISTORY_MONTHS - sum12) * 100) / sum12),
      threshold,
    },
  };
}

/** How many of the worst overdue sales a payment_overdue warning lists. */
export const EVIDENCE_SALES = 5;

// ------------------------------------------------------------------ evaluation

/**
 * The warnings a customer's facts deserve on `today` under the settings: one finding per
 * rule that fires (per event and per kind of qualification for those rules). Disabled
 * rules find nothing. Sorted most severe first, then by rule order.
 */
export function evaluateRules(facts: WarningFacts, settings: RuleSettings, today: Day): Finding[] {
  if (!isDay(today)) throw new RangeError(`today is not a YYYY-MM-DD day: ${String(today)}`);
  const on = (rule: WarningRule) => settings[rule].enabled;
  const th = (rule: WarningRule) => settings[rule].threshold;
  const out: Finding[] = [];
  const push = (rule: WarningRule, subject: string, evidence: Evidence, severity = RULE_DEFINITIONS[rule].severity) => out.push({ rule, subject, severity, evidence });

  // 新增涉诉 / 不良记录 / 失信名单 / 判决: each event within the look-back is a severe warning.
  if (on('credit_event')) {
    for (const e of facts.creditEvents) {
      // Within N days: an event exactly N days ago still counts, one day more does not.
      if (!isWarnedEvent(e.kind) || e.occurredOn > today || daysBetween(e.occurredOn, today) > th('credit_event')) continue;
      push('credit_event', e.id, { rule: 'credit_event', eventId: e.id, kind: e.kind, occurredOn: e.occurredOn, title: e.title, amountFen: e.amountFen, threshold: th('credit_event') });
    }
  }

  const needsSettlement = on('payment_overdue') || on('over_limit') || on('near_limit');
  if (needsSettlement) {
    const settled = settleSales(facts.sales, [...facts.returns, ...facts.payments], today);
    if (on('payment_overdue')) {
      const late: OverdueSale[] = [];
      let overdueFen = 0;
      const threshold = th('payment_overdue');
      for (const row of settled.sales) {
        const dueOn = row.sale.dueOn;
        if (row.leftFen <= 0 || dueOn === null || dueOn >= today) continue;
        // The term of the customer, else the sale's own (due − sale day).
        const term = facts.termDays ?? Math.max(0, daysBetween(row.sale.occurredOn, dueOn));
        const daysLate = daysBetween(dueOn, today);
        // Overdue by more than threshold % of the term: daysLate × 100 > term × threshold.
        if (daysLate * 100 <= term * threshold) continue;
        late.push({ saleId: row.sale.id, docNo: row.sale.docNo, dueOn, daysLate, leftFen: row.leftFen });
        overdueFen += row.leftFen;
      }
      if (late.length > 0) {
        late.sort((a, b) => b.daysLate - a.daysLate || b.leftFen - a.leftFen || (a.saleId < b.saleId ? -1 : 1));
        const term = facts.termDays ?? daysBetween(facts.sales.find((s) => s.id === late[0]!.saleId)!.occurredOn, late[0]!.dueOn);
        push('payment_overdue', '', {
          rule: 'payment_overdue',
          termDays: term,
          threshold,
          allowedDays: Math.floor((term * threshold) / 100),
          overdueFen,
          count: late.length,
          sales: late.slice(0, EVIDENCE_SALES),
        });
      }
    }
    if (facts.limitFen !== null) {
      const receivableFen = settled.sales.reduce((t, r) => t + r.leftFen, 0) - settled.advanceFen;
      const limitFen = facts.limitFen;
      const usedPercent = limitFen > 0 ? round1((receivableFen * 100) / limitFen) : null;
      const over = on('over_limit') && receivableFen > 0 && receivableFen * 100 > limitFen * th('over_limit');
      if (over) push('over_limit', '', { rule: 'over_limit', receivableFen, limitFen, usedPercent, threshold: th('over_limit') });
      else if (on('near_limit') && receivableFen > 0 && receivableFen * 100 >= limitFen * th('near_limit')) {
        push('near_limit', '', { rule: 'near_limit', receivableFen, limitFen, usedPercent, threshold: th('near_limit') });
      }
    }
  }

  const g = facts.grade;
  if (on('score_below') && g?.score) {
    const { num, den, max } = g.score;
    // points = num/den × 100/max; below the line: num × 100 < threshold × den × max.
    if (num * 100 < th('score_below') * den * max) {
      push('score_below', '', { rule: 'score_below', score: g.score.text, points: round1((num * 100) / (den * max)), grade: g.grade, scale: g.scale, threshold: th('score_below') });
    }
  }
  if (on('grade_downgrade') && g && g.rank !== null && g.previousRank !== null && g.previousGrade !== null && g.rank - g.previousRank >= th('grade_downgrade')) {
    push('grade_downgrade', '', { rule: 'grade_downgrade', scale: g.scale, from: g.previousGrade, to: g.grade, fromRank: g.previousRank, toRank: g.rank, since: g.since, threshold: th('grade_downgrade') });
  }

  if (on('qualification_expiring')) {
    // Only the latest qualification of each kind: a renewed licence replaces the old one.
    const latest = new Map<string, QualificationFact>();
    for (const q of facts.qualifications) {
      if (q.validTo === null) continue;
      const seen = latest.get(q.kind);
      if (!seen || q.validTo > seen.validTo! || (q.validTo === seen.validTo && q.id > seen.id)) latest.set(q.kind, q);
    }
    for (const q of [...latest.values()].sort((a, b) => (a.kind < b.kind ? -1 : 1))) {
      const daysLeft = daysBetween(today, q.validTo!);
      const expired = daysLeft < 0;
      if (!expired && daysLeft > th('qualification_expiring')) continue;
      push(
        'qualification_expiring',
        q.kind,
        { rule: 'qualification_expiring', qualificationId: q.id, kind: q.kind, validTo: q.validTo!, daysLeft, expired, threshold: th('qualification_expiring') },
        expired ? 'medium' : 'low',
      );
    }
  }

  let dormant = false;
  if (on('dormant') && facts.sales.length > 0) {
    let lastSaleOn = '';
    for (const s of facts.sales) if (s.occurredOn <= today && s.occurredOn > lastSaleOn) lastSaleOn = s.occurredOn;
    // No business for N months: no sale on or after the same day N months ago.
    if (lastSaleOn !== '' && lastSaleOn < monthsBefore(today, th('dormant'))) {
      dormant = true;
      push('dormant', '', { rule: 'dormant', lastSaleOn, months: monthIndex(today) - monthIndex(lastSaleOn), threshold: th('dormant') });
    }
  }
  if (on('volume_anomaly')) {
    const f = anomaly('volume_anomaly', monthlyTotals(facts.sales.map((s) => ({ amountFen: s.amountFen, day: s.occurredOn })), today), today, th('volume_anomaly'));
    // A customer who stopped buying is the dormant warning's, not a monthly anomaly too.
    if (f && !(dormant && f.evidence.rule === 'volume_anomaly' && f.evidence.monthFen === 0)) out.push(f);
  }
  if (on('payment_anomaly')) {
    const f = anomaly('payment_anomaly', monthlyTotals(facts.payments.map((p) => ({ amountFen: p.amountFen, day: p.on })), today), today, th('payment_anomaly'));
    if (f) out.push(f);
  }

  const rank = (s: WarningSeverity) => ['severe', 'high', 'medium', 'low'].indexOf(s);
  return out.sort((a, b) => rank(a.severity) - rank(b.severity) || WARNING_RULES.indexOf(a.rule) - WARNING_RULES.indexOf(b.rule) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

// ------------------------------------------------------------------ measures

/**
 * The measures due by the customer's grade (seed 000 用户信用管理措施), by the crosswalk's
 * common rank: 一般 (3) closer monitoring and a risk notice; 较差 (4) restricted volume,
 * stronger collection, a shorter review cycle; 差 (5) suspend cooperation, legal recovery,
 * share within the company. A warning on a better or ungraded customer calls at least for
 * what 一般 does.
 */
export const MEASURES_BY_RANK: Record<3 | 4 | 5, readonly Measure[]> = {
  3: ['close_monitoring', 'risk_notice'],
  4: ['restrict_volume', 'stronger_collection', 'shorter_review'],
  5: ['suspend_cooperation', 'legal_recovery', 'share_information'],
};

export function measuresDue(rank: number | null): readonly Measure[] {
  if (rank !== null && rank >= 5) return MEASURES_BY_RANK[5];
  if (rank === 4) return MEASURES_BY_RANK[4];
  return MEASURES_BY_RANK[3];
}

/** A severe warning (blacklist, litigation …) puts the customer on the early-review list. */
export const needsEarlyReview = (severity: WarningSeverity): boolean => severity === 'severe';
