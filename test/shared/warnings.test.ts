import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_SETTINGS,
  RULE_DEFINITIONS,
  WARNING_RULES,
  evaluateRules,
  evidenceText,
  measuresDue,
  monthsBefore,
  ruleSettingProblems,
  type Finding,
  type RuleSettings,
  type WarningFacts,
  type WarningRule,
} from '../../src/shared/domain/warnings';
import { shiftDay } from '../../src/shared/domain/working-days';

// Each rule with fixed data at its threshold and just beyond it (issue 12: "at its threshold
// and just below it"). Only the rule under test is on, so nothing else interferes.

const TODAY = '2026-12-03';

const facts = (over: Partial<WarningFacts> = {}): WarningFacts => ({
  customerId: 'c1',
  limitFen: null,
  termDays: null,
  grade: null,
  sales: [],
  returns: [],
  payments: [],
  creditEvents: [],
  qualifications: [],
  ...over,
});

function only(rule: WarningRule, threshold?: number): RuleSettings {
  const s = Object.fromEntries(WARNING_RULES.map((r) => [r, { ...DEFAULT_RULE_SETTINGS[r], enabled: r === rule }])) as RuleSettings;
  if (threshold !== undefined) s[rule] = { ...s[rule], threshold };
  return s;
}

const fired = (f: WarningFacts, rule: WarningRule, threshold?: number, today = TODAY): Finding[] => evaluateRules(f, only(rule, threshold), today).filter((x) => x.rule === rule);

const sale = (id: string, amountFen: number, occurredOn: string, dueOn: string | null = null) => ({ id, contractId: null, docNo: `FP-${id}`, amountFen, occurredOn, dueOn });
const pay = (id: string, amountFen: number, on: string, ref: string | null = null) => ({ id, contractId: null, ref, amountFen, on });

describe('credit_event: a new litigation, bad record, judgment or blacklist entry', () => {
  const ev = (kind: string, occurredOn: string) => ({ id: `e-${kind}-${occurredOn}`, kind, occurredOn, title: '买卖合同纠纷', amountFen: 2_600_000_00 });
  it.each([
    ['exactly N days ago: still new', 365, shiftDay(TODAY, -365), 1],
    ['N + 1 days ago: not new any more', 365, shiftDay(TODAY, -366), 0],
    ['today', 30, TODAY, 1],
    ['tomorrow (not yet happened)', 30, shiftDay(TODAY, 1), 0],
  ])('%s', (_label, threshold, day, count) => {
    expect(fired(facts({ creditEvents: [ev('blacklist', day)] }), 'credit_event', threshold)).toHaveLength(count);
  });
  it('each warned kind is severe and one warning per event; a change of management is not warned', () => {
    const f = facts({ creditEvents: [ev('blacklist', TODAY), ev('litigation', TODAY), ev('bad_record', TODAY), ev('judgment', TODAY), ev('management_change', TODAY)] });
    const out = fired(f, 'credit_event');
    expect(out.map((x) => (x.evidence as { kind: string }).kind).sort()).toEqual(['bad_record', 'blacklist', 'judgment', 'litigation']);
    expect(new Set(out.map((x) => x.severity))).toEqual(new Set(['severe']));
    expect(new Set(out.map((x) => x.subject)).size).toBe(4);
    expect(evidenceText(out.find((x) => x.subject.includes('blacklist'))!.evidence, 'zh-CN')).toBe('2026-12-03 失信名单：买卖合同纠纷，涉及金额 ¥2,600,000.00');
  });
});

describe('payment_overdue: overdue by more than X % of the credit term', () => {
  // Term 30 days, threshold 50 %: allowed 15 days late; the 16th day warns.
  it.each([
    ['15 days late = 50 % of 30: not beyond', 15, 0],
    ['16 days late: beyond', 16, 1],
  ])('%s', (_label, late, count) => {
    const due = shiftDay(TODAY, -late);
    const out = fired(facts({ termDays: 30, sales: [sale('s1', 100_00, shiftDay(due, -30), due)] }), 'payment_overdue', 50);
    expect(out).toHaveLength(count);
  });
  it('a sale paid in full is not overdue; a part payment leaves the rest overdue, with the sales as evidence', () => {
    const due = shiftDay(TODAY, -40);
    const s = [sale('s1', 1_000_00, shiftDay(due, -30), due), sale('s2', 500_00, shiftDay(due, -20), shiftDay(due, 10))];
    expect(fired(facts({ termDays: 30, sales: s, payments: [pay('p1', 1_500_00, TODAY)] }), 'payment_overdue')).toHaveLength(0);
    const [f] = fired(facts({ termDays: 30, sales: s, payments: [pay('p1', 600_00, shiftDay(due, 1), 'FP-s1')] }), 'payment_overdue');
    expect(f!.severity).toBe('high');
    expect(f!.evidence).toMatchObject({ rule: 'payment_overdue', termDays: 30, threshold: 50, allowedDays: 15, overdueFen: 900_00, count: 2 });
    expect(f!.evidence.rule === 'payment_overdue' && f!.evidence.sales[0]).toMatchObject({ saleId: 's1', daysLate: 40, leftFen: 400_00 });
    expect(evidenceText(f!.evidence, 'zh-CN')).toContain('逾期金额 ¥900.00');
  });
  it('without a term on file, the sale’s own term counts', () => {
    const due = shiftDay(TODAY, -10);
    // Its own term is 20 days: 10 days late = 50 %: not beyond; 11 days late on a 22-day term: not beyond; on a 20-day term: beyond.
    expect(fired(facts({ sales: [sale('s1', 100_00, shiftDay(due, -20), due)] }), 'payment_overdue', 50)).toHaveLength(0);
    expect(fired(facts({ sales: [sale('s1', 100_00, shiftDay(due, -23), shiftDay(due, -1))] }), 'payment_overdue', 50)).toHaveLength(0);
    expect(fired(facts({ sales: [sale('s1', 100_00, shiftDay(due, -20), shiftDay(due, -1))] }), 'payment_overdue', 50)).toHaveLength(1);
  });
  it('a cash customer (term 0) warns from the first day past due', () => {
    expect(fired(facts({ termDays: 0, sales: [sale('s1', 100_00, TODAY, TODAY)] }), 'payment_overdue', 50)).toHaveLength(0);
    expect(fired(facts({ termDays: 0, sales: [sale('s1', 100_00, shiftDay(TODAY, -1), shiftDay(TODAY, -1))] }), 'payment_overdue', 50)).toHaveLength(1);
  });
});

describe('over_limit and near_limit: receivables against the credit limit', () => {
  const owing = (fen: number) => facts({ limitFen: 1_000_00, sales: [sale('s1', fen, shiftDay(TODAY, -3))] });
  it.each([
    ['over: exactly the limit is not over', 'over_limit', 100, 1_000_00, 0],
    ['over: one fen more is', 'over_limit', 100, 1_000_01, 1],
    ['near: one fen below 90 % is not near', 'near_limit', 90, 899_99, 0],
    ['near: at 90 % is', 'near_limit', 90, 900_00, 1],
  ] as const)('%s', (_label, rule, threshold, fen, count) => {
    expect(fired(owing(fen), rule, threshold)).toHaveLength(count);
  });
  it('over the limit is one high warning, not also a near one; payments count', () => {
    const s = { ...DEFAULT_RULE_SETTINGS };
    const out = evaluateRules(owing(1_200_00), s, TODAY).filter((f) => f.rule === 'over_limit' || f.rule === 'near_limit');
    expect(out.map((f) => [f.rule, f.severity])).toEqual([['over_limit', 'high']]);
    expect(out[0]!.evidence).toMatchObject({ receivableFen: 1_200_00, limitFen: 1_000_00, usedPercent: 120 });
    const paid = evaluateRules({ ...owing(1_200_00), payments: [pay('p', 500_00, TODAY)] }, s, TODAY).filter((f) => f.rule === 'over_limit' || f.rule === 'near_limit');
    expect(paid).toEqual([]);
  });
  it('no limit on file: nothing; a zero limit with anything owed: over', () => {
    expect(fired({ ...owing(1), limitFen: null }, 'over_limit')).toHaveLength(0);
    expect(fired({ ...owing(1), limitFen: 0 }, 'over_limit')).toHaveLength(1);
  });
});

describe('score_below and grade_downgrade', () => {
  const graded = (num: number, den: number, rank: number, previousRank: number | null) =>
    facts({ grade: { scale: 'five_level', grade: 'fair', rank, previousGrade: previousRank === null ? null : 'good', previousRank, since: '2026-07-01', score: { num, den, max: 100, text: String(num / den) } } });
  it.each([
    ['exactly the line: no warning', 60, 1, 0],
    ['a hundredth below: warning', 5999, 100, 1],
  ])('score %s', (_label, num, den, count) => {
    expect(fired(graded(num, den, 3, null), 'score_below', 60)).toHaveLength(count);
  });
  it('a score on a 25-point model is read out of 100', () => {
    const f = facts({ grade: { scale: 'x', grade: 'C', rank: 3, previousGrade: null, previousRank: null, since: TODAY, score: { num: 15, den: 1, max: 25, text: '15' } } });
    expect(fired(f, 'score_below', 60)).toHaveLength(0);
    expect(fired(f, 'score_below', 61)).toHaveLength(1);
  });
  it.each([
    ['one down with threshold 1', 3, 2, 1, 1],
    ['one down with threshold 2', 3, 2, 2, 0],
    ['two down with threshold 2', 4, 2, 2, 1],
    ['same grade', 2, 2, 1, 0],
    ['upgrade', 2, 3, 1, 0],
  ])('downgrade: %s', (_label, rank, previous, threshold, count) => {
    expect(fired(graded(70, 1, rank, previous), 'grade_downgrade', threshold)).toHaveLength(count);
  });
});

describe('qualification_expiring', () => {
  const q = (validTo: string, kind = 'business_licence', id = 'q1') => ({ id, kind, validTo });
  it.each([
    ['expires in N days: warned', 30, shiftDay(TODAY, 30), 1, 'low'],
    ['expires in N + 1 days: not yet', 30, shiftDay(TODAY, 31), 0, null],
    ['expires today: warned, not expired yet', 30, TODAY, 1, 'low'],
    ['expired yesterday: medium', 30, shiftDay(TODAY, -1), 1, 'medium'],
  ])('%s', (_label, threshold, validTo, count, severity) => {
    const out = fired(facts({ qualifications: [q(validTo)] }), 'qualification_expiring', threshold);
    expect(out).toHaveLength(count);
    if (severity) expect(out[0]!.severity).toBe(severity);
  });
  it('a renewed licence replaces the old one; one warning per kind', () => {
    const f = facts({ qualifications: [q(shiftDay(TODAY, -100)), q('2030-01-01', 'business_licence', 'q2'), q(shiftDay(TODAY, 5), 'iso9000', 'q3')] });
    expect(fired(f, 'qualification_expiring').map((x) => x.subject)).toEqual(['iso9000']);
  });
});

describe('volume_anomaly and payment_anomaly: the last month against the customer’s own 12 months', () => {
  // Twelve months of 1,000.00 a month (Nov 2025 … Oct 2026), then November 2026.
  const months = Array.from({ length: 12 }, (_, k) => monthsBefore('2026-10-15', k));
  const history = months.map((d, k) => sale(`h${k}`, 1_000_00, d));
  it.each([
    ['+50 % exactly: not beyond 50 %', 1_500_00, 0],
    ['+50 % and a fen: beyond', 1_500_01, 1],
    ['−50 % exactly: not beyond', 500_00, 0],
    ['−50 % and a fen: beyond', 499_99, 1],
  ])('sales %s', (_label, november, count) => {
    const out = fired(facts({ sales: [...history, sale('n', november, '2026-11-20')] }), 'volume_anomaly', 50);
    expect(out).toHaveLength(count);
  });
  it('payments the same way, with the month and the average as evidence', () => {
    const payments = months.map((d, k) => pay(`p${k}`, 2_000_00, d));
    const [f] = fired(facts({ payments: [...payments, pay('n', 500_00, '2026-11-05')] }), 'payment_anomaly', 50);
    expect(f!.evidence).toMatchObject({ rule: 'payment_anomaly', month: '2026-11', monthFen: 500_00, averageFen: 2_000_00, changePercent: -75 });
    expect(evidenceText(f!.evidence, 'zh-CN')).toBe('2026-11 回款额 ¥500.00，近 12 个月月均 ¥2,000.00，变动 -75%（预警线 ±50%）');
  });
  it('a customer with business in fewer than 3 of the 12 months is not judged', () => {
    expect(fired(facts({ sales: [sale('a', 1_000_00, '2026-09-01'), sale('b', 1_000_00, '2026-10-01'), sale('n', 9_000_00, '2026-11-20')] }), 'volume_anomaly')).toHaveLength(0);
  });
});

describe('dormant: no business for N months (客户流失预警)', () => {
  it.each([
    ['last sale exactly N months ago: not yet lapsing', monthsBefore(TODAY, 6), 0],
    ['a day before that: lapsing', shiftDay(monthsBefore(TODAY, 6), -1), 1],
  ])('%s', (_label, day, count) => {
    expect(fired(facts({ sales: [sale('s', 100_00, day)] }), 'dormant', 6)).toHaveLength(count);
  });
  it('a customer who never bought is not lapsing', () => {
    expect(fired(facts(), 'dormant', 1)).toHaveLength(0);
  });
  it('monthsBefore clamps to the month’s end', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 2)).toBe('2025-11-15');
  });
});

describe('rules as data', () => {
  it('a disabled rule finds nothing; findings come most severe first', () => {
    const f = facts({
      limitFen: 100_00,
      termDays: 30,
      sales: [sale('s1', 1_000_00, '2026-01-05', '2026-02-04')],
      creditEvents: [{ id: 'e', kind: 'litigation', occurredOn: '2026-11-01', title: '诉讼', amountFen: null }],
    });
    const all = evaluateRules(f, DEFAULT_RULE_SETTINGS, TODAY);
    expect(all.map((x) => x.rule)).toEqual(['credit_event', 'payment_overdue', 'over_limit', 'dormant']);
    const off = { ...DEFAULT_RULE_SETTINGS, credit_event: { ...DEFAULT_RULE_SETTINGS.credit_event, enabled: false } };
    expect(evaluateRules(f, off, TODAY).map((x) => x.rule)).not.toContain('credit_event');
  });
  it('thresholds are whole numbers within their bounds', () => {
    expect(ruleSettingProblems([{ rule: 'dormant', enabled: true, threshold: 6 }])).toEqual([]);
    expect(ruleSettingProblems([{ rule: 'dormant', enabled: true, threshold: 0 }])).toEqual([{ rule: 'dormant', code: 'threshold_out_of_range', min: 1, max: 60 }]);
    expect(ruleSettingProblems([{ rule: 'near_limit', enabled: true, threshold: 90.5 }])[0]!.code).toBe('threshold_not_integer');
    for (const r of WARNING_RULES) expect(ruleSettingProblems([DEFAULT_RULE_SETTINGS[r]]), r).toEqual([]);
    expect(Object.keys(RULE_DEFINITIONS)).toEqual([...WARNING_RULES]);
  });
  it('measures due by grade (seed 000): 一般, 较差, 差', () => {
    expect(measuresDue(3)).toEqual(['close_monitoring', 'risk_notice']);
    expect(measuresDue(4)).toEqual(['restrict_volume', 'stronger_collection', 'shorter_review']);
    expect(measuresDue(5)).toEqual(['suspend_cooperation', 'legal_recovery', 'share_information']);
    expect(measuresDue(null)).toEqual(measuresDue(3));
    expect(measuresDue(1)).toEqual(measuresDue(3));
  });
});
