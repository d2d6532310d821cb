import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CROSSWALK,
  DEFAULT_MODELS,
  DEFAULT_SCALES,
  FIVE_C_MODEL,
  FIVE_C_POLICIES,
  FIVE_C_SCALES,
  NEW_CUSTOMER_MODEL,
  PERIODIC_REVIEW_MODEL,
  SCALE_REVIEW,
  WEIGHTED_MODEL,
  admissionIndicators,
  commonRank,
  creditLimitFor,
  exact,
  explain,
  financialRatios,
  gradeFor,
  itemValues,
  lossText,
  nextGradeText,
  nextReviewOn,
  policyFor,
  previewRevision,
  previewText,
  publishModel,
  reviseModel,
  scoreEvaluation,
  scoreText,
  validateCrosswalk,
  validateModel,
  type EvaluationInputs,
  type ReviewerSheet,
  type ScoringModel,
} from '../../src/shared/domain/scoring';

const ITEMS = ['contract_execution', 'payment_speed', 'cooperation', 'coordination'] as const;
const sheet = (reviewer: string, levels: string): ReviewerSheet => ({ reviewer, ratings: Object.fromEntries(ITEMS.map((item, i) => [item, levels[i]!])) });
const periodic = (...sheets: ReviewerSheet[]): EvaluationInputs => ({ sheets, values: {} });

function scored(model: ScoringModel, inputs: EvaluationInputs) {
  const outcome = scoreEvaluation(model, inputs);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
  return outcome.score;
}

function explained(model: ScoringModel, inputs: EvaluationInputs) {
  const outcome = explain(model, inputs);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
  return outcome.explanation;
}

describe('客户信用评审表 (seed 003 appendix 2): the arithmetic of the form', () => {
  it('averages the reviewers’ totals: A B C D (70) and A A B B (90) make 80.0, B 良好', () => {
    const s = scored(PERIODIC_REVIEW_MODEL, periodic(sheet('客户经理', 'ABCD'), sheet('客服经理', 'AABB')));
    expect(s.reviewerTotals.map((t) => scoreText(t.total))).toEqual(['70.0', '90.0']);
    expect(scoreText(s.score)).toBe('80.0');
    expect(s.grade).toBe('B');
    expect(SCALE_REVIEW.grades.find((g) => g.code === s.grade)!.label['zh-CN']).toBe('良好');
  });

  it('decides the grade on the exact score: 89 and 89.5 are B, 90 is A, 60 is C, 59.9 is D', () => {
    const grade = (num: number, den = 1) => gradeFor(exact(num, den), SCALE_REVIEW, 100)!.code;
    expect(grade(89)).toBe('B');
    expect(grade(179, 2)).toBe('B');
    expect(grade(8999, 100)).toBe('B');
    expect(grade(90)).toBe('A');
    expect(grade(100)).toBe('A');
    expect(grade(60)).toBe('C');
    expect(grade(599, 10)).toBe('D');
    expect(grade(0)).toBe('D');
    expect(gradeFor(exact(1001, 10), SCALE_REVIEW, 100)).toBeNull();
  });

  it('never rounds an average of 89.5 up into A (nine reviewers at 90, one at 85)', () => {
    const sheets = [...Array.from({ length: 9 }, (_, i) => sheet(`r${i}`, 'AAAC')), sheet('r9', 'AAAD')];
    const s = scored(PERIODIC_REVIEW_MODEL, periodic(...sheets));
    expect(s.score).toEqual(exact(179, 2));
    expect(scoreText(s.score)).toBe('89.5');
    expect(s.grade).toBe('B');
  });

  it('gives C at exactly 60 and D at an average of 59.9 (49 reviewers at 60, one at 55)', () => {
    expect(scored(PERIODIC_REVIEW_MODEL, periodic(sheet('one', 'CCCC'))).grade).toBe('C');
    const sheets = [...Array.from({ length: 49 }, (_, i) => sheet(`r${i}`, 'CCCC')), sheet('last', 'CCCD')];
    const s = scored(PERIODIC_REVIEW_MODEL, periodic(...sheets));
    expect(s.score).toEqual(exact(599, 10));
    expect(scoreText(s.score)).toBe('59.9');
    expect(s.grade).toBe('D');
  });

  it('a single weighted-model customer at 89 is 良好 and one at 89.5 stays 良好', () => {
    const values = (v: number[]) =>
      Object.fromEntries(WEIGHTED_MODEL.items.map((item, i) => [item.code, { value: v[i]!, source: 'archive' as const }]));
    // on-time 100×25, overdue 100×15, amount 100×10, bad 100×15, litigation 100×10, years 100×10, frequency 60×5, satisfaction 20×5, complaints 0×5 = 8900
    const at89 = scored(WEIGHTED_MODEL, { sheets: [], values: values([99, 0, 200_000_000, 0, 0, 6, 5, 1, 9]) });
    expect(at89.score).toEqual(exact(89));
    expect(at89.grade).toBe('good');
    // on-time 100×25, overdue 70×15, amount 80×10, bad 100×15, litigation 100×10, years 80×10, frequency 80×5, satisfaction 80×5, complaints 100×5 = 8950
    const at895 = scored(WEIGHTED_MODEL, { sheets: [], values: values([96, 1, 30_000_000, 0, 0, 4, 12, 4, 0]) });
    expect(at895.score).toEqual(exact(179, 2));
    expect(at895.grade).toBe('good');
  });

  it('refuses a sheet with an item not rated, an unknown option, or no sheet at all', () => {
    const missing = scoreEvaluation(PERIODIC_REVIEW_MODEL, periodic({ reviewer: 'x', ratings: { contract_execution: 'A', payment_speed: 'A', cooperation: 'A' } }));
    expect(missing).toEqual({ ok: false, refusals: [{ code: 'not_rated', item: 'coordination', reviewer: 'x' }] });
    const unknown = scoreEvaluation(PERIODIC_REVIEW_MODEL, periodic(sheet('x', 'ABCE')));
    expect(unknown.ok ? [] : unknown.refusals.map((r) => r.code)).toEqual(['unknown_option']);
    const none = scoreEvaluation(PERIODIC_REVIEW_MODEL, periodic());
    expect(none.ok ? [] : none.refusals.map((r) => r.code)).toEqual(['no_reviewer']);
    const twice = scoreEvaluation(PERIODIC_REVIEW_MODEL, periodic(sheet('x', 'AAAA'), sheet('x', 'BBBB')));
    expect(twice.ok ? [] : twice.refusals.map((r) => r.code)).toEqual(['duplicate_reviewer']);
  });
});

describe('explanations', () => {
  it('gives per item points, maximum, weight and the reviewers’ spread, flagging a spread over one level', () => {
    const e = explained(PERIODIC_REVIEW_MODEL, periodic(sheet('客户经理', 'ABCD'), sheet('客服经理', 'AABB')));
    expect(e.items.map((i) => [i.item, scoreText(i.points), i.max, i.weight, i.spread, i.needsSettling])).toEqual([
      ['contract_execution', '25.0', 25, 1, 0, false],
      ['payment_speed', '22.5', 25, 1, 1, false],
      ['cooperation', '17.5', 25, 1, 1, false],
      ['coordination', '15.0', 25, 1, 2, true],
    ]);
    expect(e.toSettle).toEqual(['coordination']);
    expect(e.items[3]!.ratings.map((r) => [r.reviewer, r.option, r.points])).toEqual([
      ['客户经理', 'D', 10],
      ['客服经理', 'B', 20],
    ]);
    // The most points lost first; on a tie of reviewers the worse wording is the reason.
    expect(e.biggestLosses.map((l) => lossText(l, 'zh-CN'))).toEqual(['配合程度 15/25：无法沟通又经常不配合我司工作', '合作情况 17.5/25：合作期 1–3 年', '回款速度 22.5/25：按照合同支付']);
    expect(e.nextGrade && nextGradeText(e.nextGrade, 'zh-CN')).toBe('距 A 级优秀还差 +10.0 分');
    expect(e.nextGrade && nextGradeText(e.nextGrade, 'en-US')).toBe('To reach A (Excellent): +10.0 points');
  });

  it('reads "回款速度 15/25：慢于合同约定" for a reviewer who rates the payment speed C', () => {
    const e = explained(PERIODIC_REVIEW_MODEL, periodic(sheet('客户经理', 'ACAA')));
    expect(e.scoreText).toBe('90.0');
    expect(e.grade.code).toBe('A');
    expect(e.nextGrade).toBeNull();
    expect(e.biggestLosses.map((l) => lossText(l, 'zh-CN'))).toEqual(['回款速度 15/25：慢于合同约定']);
    expect(lossText(e.biggestLosses[0]!, 'en-US')).toBe('Payment speed 15/25: Slower than the contract');
  });

  it('rounds the points still needed up, so that adding them reaches the next grade', () => {
    // 89.5 exact: +0.5 to A
    const sheets = [...Array.from({ length: 9 }, (_, i) => sheet(`r${i}`, 'AAAC')), sheet('r9', 'AAAD')];
    expect(explained(PERIODIC_REVIEW_MODEL, periodic(...sheets)).nextGrade!.neededText).toBe('0.5');
    // 239/3 = 79.67: +0.4 (0.333… rounded up) to B
    const three = explained(PERIODIC_REVIEW_MODEL, periodic(sheet('a', 'BBBB'), sheet('b', 'BBBB'), sheet('c', 'BBCB')));
    expect(three.score).toEqual(exact(235, 3));
    expect(three.scoreText).toBe('78.3');
    expect(three.nextGrade!.needed).toEqual(exact(5, 3));
    expect(three.nextGrade!.neededText).toBe('1.7');
  });

  it('marks a computed value entered by the reviewer where the archive has none', () => {
    const archive = { on_time_rate: null, overdue_count: 0, transaction_amount: 0, bad_record_count: 0, litigation_count: 0, cooperation_years: 2, transaction_frequency: 3, satisfaction: null, complaint_count: 0 };
    expect(itemValues(WEIGHTED_MODEL, archive, {}).on_time_rate).toBeNull();
    const values = itemValues(WEIGHTED_MODEL, archive, { on_time_rate: 90, satisfaction: 4 });
    expect(values.on_time_rate).toEqual({ value: 90, source: 'entered' });
    expect(values.cooperation_years).toEqual({ value: 2, source: 'archive' });
    const e = explained(WEIGHTED_MODEL, { sheets: [], values });
    expect(e.items.find((i) => i.item === 'satisfaction')).toMatchObject({ value: 4, source: 'entered', band: { points: 80 } });
  });
});

describe('model data', () => {
  it('ships four valid default models, the seed-004 scale variants and a valid crosswalk', () => {
    for (const model of DEFAULT_MODELS) expect(validateModel(model), model.id).toEqual([]);
    for (const [code, scale] of Object.entries(FIVE_C_SCALES)) expect(validateModel({ ...FIVE_C_MODEL, scale, policies: FIVE_C_POLICIES[code as 'abc'] })).toEqual([]);
    expect(validateCrosswalk(DEFAULT_CROSSWALK, DEFAULT_SCALES)).toEqual([]);
    expect(commonRank(DEFAULT_CROSSWALK, 'review_abcd', 'D')).toBe(commonRank(DEFAULT_CROSSWALK, 'five_level', 'bad'));
    expect(commonRank(DEFAULT_CROSSWALK, 'aaa', 'AAA')).toBe(1);
  });

  it('names each problem of a model by its closed-list code', () => {
    const overlap = { ...SCALE_REVIEW, bands: SCALE_REVIEW.bands.map((b) => (b.grade === 'B' ? { ...b, from: 78 } : b)) };
    expect(validateModel({ ...PERIODIC_REVIEW_MODEL, scale: overlap })).toEqual([{ code: 'grade_bands_overlap', at: 'B' }]);
    const gap = { ...SCALE_REVIEW, bands: SCALE_REVIEW.bands.map((b) => (b.grade === 'B' ? { ...b, from: 82 } : b)) };
    expect(validateModel({ ...PERIODIC_REVIEW_MODEL, scale: gap })).toEqual([{ code: 'grade_bands_gap', at: 'B' }]);
    const short = { ...SCALE_REVIEW, bands: SCALE_REVIEW.bands.map((b) => (b.grade === 'A' ? { ...b, to: 99 } : b)) };
    expect(validateModel({ ...PERIODIC_REVIEW_MODEL, scale: short })).toEqual([{ code: 'grade_bands_not_covering', at: 'review_abcd' }]);
    const policies = { ...PERIODIC_REVIEW_MODEL.policies, D: { ...PERIODIC_REVIEW_MODEL.policies.D!, reviewCycleMonths: 12 } };
    expect(validateModel({ ...PERIODIC_REVIEW_MODEL, policies })).toEqual([{ code: 'review_cycle_longer_for_worse_grade', at: 'D' }]);
    const tooLong = { ...PERIODIC_REVIEW_MODEL.policies, A: { ...PERIODIC_REVIEW_MODEL.policies.A!, reviewCycleMonths: 13 } };
    expect(validateModel({ ...PERIODIC_REVIEW_MODEL, policies: tooLong })).toEqual([{ code: 'review_cycle_invalid', at: 'A' }]);
    const startHigh = { ...NEW_CUSTOMER_MODEL.policies, admit: { ...NEW_CUSTOMER_MODEL.policies.admit!, start: { limit: { kind: 'fixed' as const, fen: 50_000_000 }, termDays: 30 } } };
    expect(validateModel({ ...NEW_CUSTOMER_MODEL, policies: startHigh })).toEqual([{ code: 'start_above_regular', at: 'admit' }]);
    const item = WEIGHTED_MODEL.items[1]!;
    const bands = item.kind === 'computed' ? item.bands.map((b, i) => (i === 1 ? { ...b, to: 4 } : b)) : [];
    expect(validateModel({ ...WEIGHTED_MODEL, items: WEIGHTED_MODEL.items.map((x, i) => (i === 1 ? { ...item, bands } as typeof item : x)) })).toEqual([{ code: 'value_bands_overlap', at: 'overdue_count' }]);
  });

  it('finds a crosswalk that misses a grade or contradicts a scale', () => {
    const missing = { ...DEFAULT_CROSSWALK, entries: DEFAULT_CROSSWALK.entries.filter((e) => !(e.scale === 'aaa' && e.grade === 'B')) };
    expect(validateCrosswalk(missing, DEFAULT_SCALES)).toEqual([{ code: 'grade_missing', scale: 'aaa', grade: 'B' }]);
    const upside = { ...DEFAULT_CROSSWALK, entries: DEFAULT_CROSSWALK.entries.map((e) => (e.scale === 'abc' && e.grade === 'C' ? { ...e, rank: 1 } : e)) };
    expect(validateCrosswalk(upside, DEFAULT_SCALES)).toEqual([{ code: 'order_contradicts_scale', scale: 'abc', grade: 'C' }]);
  });

  it('turns a grade into its policy: limit, term, measures, review cycle and a new customer’s lower start', () => {
    const a = policyFor(PERIODIC_REVIEW_MODEL, 'A')!;
    expect(creditLimitFor(a.limit, { averageMonthlySalesFen: 12_345_67 })).toBe(37_037_01);
    expect(creditLimitFor(a.start.limit, { averageMonthlySalesFen: 12_345_67 })).toBe(200_000_00);
    expect([a.termDays, a.start.termDays, a.reviewCycleMonths]).toEqual([90, 30, 6]);
    expect(a.measures).toContain('more_cooperation');
    expect(creditLimitFor({ kind: 'monthly_sales', months: 2, percent: 50, capFen: 1_000_00 }, { averageMonthlySalesFen: 5_000_00 })).toBe(1_000_00);
    expect(policyFor(WEIGHTED_MODEL, 'poor')!.measures).toEqual(['restrict_volume', 'stronger_collection', 'shorter_review']);
    expect(policyFor(WEIGHTED_MODEL, 'bad')!.limit).toEqual({ kind: 'none' });
    expect(nextReviewOn('2026-08-31', 6)).toBe('2027-02-28');
    expect(nextReviewOn('2026-06-30', 6)).toBe('2026-12-30');
  });
});

describe('model versions', () => {
  it('a new version leaves a past evaluation’s score and grade as they were, and previews old against new', () => {
    const inputs = periodic(sheet('客户经理', 'ABCD'), sheet('客服经理', 'AABB'));
    const v1 = PERIODIC_REVIEW_MODEL;
    const snapshot = structuredClone(v1);
    const past = scored(v1, inputs);
    const stricter = { ...SCALE_REVIEW, bands: [{ grade: 'A', from: 92, to: 100 }, { grade: 'B', from: 85, to: 92 }, { grade: 'C', from: 60, to: 85 }, { grade: 'D', from: 0, to: 60 }] };
    const revised = reviseModel(v1, { ...v1, scale: stricter });
    if (!revised.ok) throw new Error(JSON.stringify(revised.problems));
    expect([revised.model.version, revised.model.status]).toEqual([2, 'draft']);
    const v2 = publishModel(revised.model);
    if (!v2.ok) throw new Error('not published');
    expect(v1).toEqual(snapshot);
    expect(scored(v1, inputs)).toEqual(past);
    expect([past.modelVersion, scoreText(past.score), past.grade]).toEqual([1, '80.0', 'B']);
    expect(scored(v2.model, inputs).grade).toBe('C');
    const preview = previewRevision(v1, v2.model, inputs);
    if (!preview.ok) throw new Error('no preview');
    expect([preview.old.grade.code, preview.new.grade.code, preview.gradeChanged]).toEqual(['B', 'C', true]);
    expect(previewText(preview, 'zh-CN')).toBe('原 v1 80.0 B → 新 v2 80.0 C');
  });

  it('edits a draft in place and refuses an edit that breaks the model', () => {
    const draft: ScoringModel = { ...PERIODIC_REVIEW_MODEL, version: 3, status: 'draft' };
    const edited = reviseModel(draft, { ...draft, name: { 'zh-CN': '年度评审表', 'en-US': 'Annual review' } });
    expect(edited.ok && [edited.model.version, edited.model.name['zh-CN']]).toEqual([3, '年度评审表']);
    const broken = reviseModel(PERIODIC_REVIEW_MODEL, { ...PERIODIC_REVIEW_MODEL, items: [] });
    expect(broken).toEqual({ ok: false, problems: [{ code: 'no_items', at: null }] });
  });

  it('previews a change of weights: "old 78 B → new 71 C" style as data', () => {
    const weighted: ScoringModel = { ...PERIODIC_REVIEW_MODEL, items: PERIODIC_REVIEW_MODEL.items.map((i) => (i.code === 'payment_speed' ? { ...i, weight: 3 } : i)) };
    const revised = reviseModel(PERIODIC_REVIEW_MODEL, weighted);
    if (!revised.ok) throw new Error('invalid');
    const preview = previewRevision(PERIODIC_REVIEW_MODEL, revised.model, periodic(sheet('a', 'AADA')));
    if (!preview.ok) throw new Error('no preview');
    // old: 25+25+10+25 = 85 B; new: (25+3×25+10+25)/(25×6)×100 = 135/150×100 = 90 A
    expect([preview.old.scoreText, preview.old.grade.code, preview.new.scoreText, preview.new.grade.code]).toEqual(['85.0', 'B', '90.0', 'A']);
    expect(preview.scoreChange).toEqual(exact(5));
  });
});

describe('新增客户信用评审表 and the 5C model', () => {
  it('ticks the checklist from valid qualifications and admits with the starting limit and term', () => {
    const archive = admissionIndicators(
      [
        { kind: 'business_licence', validFrom: '2015-01-01', validTo: null },
        { kind: 'tax_registration', validFrom: null, validTo: '2030-01-01' },
        { kind: 'organisation_code', validFrom: null, validTo: '2026-01-01' }, // expired
        { kind: 'iso9000', validFrom: '2024-01-01', validTo: '2027-01-01' },
        { kind: 'bank_credit_level', validFrom: null, validTo: null },
        { kind: 'tax_credit_level', validFrom: null, validTo: null },
      ],
      '2018-05-01',
      0,
      '2026-06-01',
    );
    expect(archive.qualification_organisation_code).toBe(0);
    const e = explained(NEW_CUSTOMER_MODEL, {
      sheets: [
        { reviewer: '客户经理', ratings: { payment_capability: 'fair', related_business: 'none' } },
        { reviewer: '客服经理', ratings: { payment_capability: 'fair', related_business: 'none' } },
      ],
      values: itemValues(NEW_CUSTOMER_MODEL, archive, {}),
    });
    // licence 10 + tax 5 + iso9000 5 + bank 5 + tax credit 5 = 30; 8.1 years → 12; capability 11; related 7; no bad record 15 → 75
    expect(e.scoreText).toBe('75.0');
    expect(e.grade.code).toBe('admit');
    const start = policyFor(NEW_CUSTOMER_MODEL, 'admit')!.start;
    expect([creditLimitFor(start.limit, { averageMonthlySalesFen: 0 }), start.termDays]).toEqual([100_000_00, 30]);
  });

  it('computes seed 004’s ratios from a statement and scores them with the 5C ratings', () => {
    const ratios = financialRatios({
      totalAssetsFen: 1_000_000_00,
      totalLiabilitiesFen: 550_000_00,
      currentAssetsFen: 600_000_00,
      inventoryFen: 150_000_00,
      currentLiabilitiesFen: 300_000_00,
      receivablesFen: 120_000_00,
      equityFen: 450_000_00,
      revenueFen: 800_000_00,
      costOfSalesFen: 600_000_00,
      netProfitFen: 64_000_00,
      periodDays: 365,
    });
    expect(ratios).toEqual({ debt_ratio: 55, current_ratio: 2, quick_ratio: 1.5, receivables_turnover_days: 54.75, inventory_turnover_days: 91.25, sales_margin: 8, return_on_equity: 14.22 }); // 6,400,000 / 45,000,000 = 14.222…%, kept to two decimals as the form shows it
    const ratings = { character: 'A', capacity: 'B', capital: 'B', collateral: 'C', conditions: 'A' };
    const s = scored(FIVE_C_MODEL, { sheets: [{ reviewer: 'r', ratings }], values: itemValues(FIVE_C_MODEL, ratios, {}) });
    // 5C: 10+7+7+4+10 = 38; ratios: debt 6, current 8, quick 6, receivables 6, inventory 4, margin 5, ROE 14.2% → 5 = 40; total 78
    expect(scoreText(s.score)).toBe('78.0');
    expect(s.grade).toBe('A');
    expect(financialRatios({ ...{ totalAssetsFen: 0, totalLiabilitiesFen: 0, currentAssetsFen: 0, inventoryFen: 0, currentLiabilitiesFen: 0, receivablesFen: 0, equityFen: -1, revenueFen: 0, costOfSalesFen: 0, netProfitFen: 0, periodDays: 365 } }).return_on_equity).toBeNull();
  });
});
