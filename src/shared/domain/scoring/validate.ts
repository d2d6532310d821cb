// Checks of a model and of the crosswalk, as closed lists of problem codes (the contract
// takes them as z.enum; texts.ts words them). A model that yields no problem can be published.
import { MEASURES, REVIEW_CYCLE_MAX_MONTHS, itemMax, type CreditLimitRule, type Crosswalk, type GradeScale, type ModelContent } from './model';

export const MODEL_PROBLEMS = [
  'score_max_invalid',
  'no_items',
  'duplicate_item',
  'weight_invalid',
  'unknown_group',
  'label_missing',
  'no_options',
  'duplicate_option',
  'points_invalid',
  'options_not_best_first',
  'item_max_zero',
  'no_value_bands',
  'value_bands_overlap',
  'value_bands_gap',
  'value_bands_open_ended',
  'no_grades',
  'duplicate_grade',
  'grade_without_band',
  'band_of_unknown_grade',
  'grade_band_bound_invalid',
  'grade_bands_overlap',
  'grade_bands_gap',
  'grade_bands_not_covering',
  'grade_bands_out_of_order',
  'policy_missing',
  'policy_of_unknown_grade',
  'limit_invalid',
  'term_invalid',
  'start_above_regular',
  'unknown_measure',
  'review_cycle_invalid',
  'review_cycle_longer_for_worse_grade',
] as const;
export type ModelProblemCode = (typeof MODEL_PROBLEMS)[number];

export interface ModelProblem {
  code: ModelProblemCode;
  /** The item, grade or option the problem is about; null: the model as a whole. */
  at: string | null;
}

export const CROSSWALK_PROBLEMS = ['rank_invalid', 'grade_missing', 'grade_unknown', 'grade_repeated', 'order_contradicts_scale'] as const;
export type CrosswalkProblemCode = (typeof CROSSWALK_PROBLEMS)[number];
export interface CrosswalkProblem {
  code: CrosswalkProblemCode;
  scale: string;
  grade: string | null;
}

const isWhole = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
const hasLabel = (t: { 'zh-CN': string; 'en-US': string }) => t['zh-CN'].trim() !== '' && t['en-US'].trim() !== '';

/** Problems of a grade scale on [0, scoreMax]: integer bounds, no overlap, no gap, best grade highest. */
export function validateScale(scale: GradeScale, scoreMax: number): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (code: ModelProblemCode, at: string | null = null) => problems.push({ code, at });
  if (scale.grades.length === 0) add('no_grades', scale.code);
  const order = new Map<string, number>();
  scale.grades.forEach((g, i) => {
    if (order.has(g.code)) add('duplicate_grade', g.code);
    order.set(g.code, i);
    if (!hasLabel(g.label) || !hasLabel(g.meaning)) add('label_missing', g.code);
  });
  const banded = new Set<string>();
  for (const b of scale.bands) {
    if (!order.has(b.grade)) add('band_of_unknown_grade', b.grade);
    if (banded.has(b.grade)) add('duplicate_grade', b.grade);
    banded.add(b.grade);
    if (!Number.isSafeInteger(b.from) || !Number.isSafeInteger(b.to) || b.from >= b.to) add('grade_band_bound_invalid', b.grade);
  }
  for (const g of scale.grades) if (!banded.has(g.code)) add('grade_without_band', g.code);
  const sorted = [...scale.bands].sort((a, b) => a.from - b.from || a.to - b.to);
  if (sorted.length > 0 && (sorted[0]!.from !== 0 || sorted[sorted.length - 1]!.to !== scoreMax)) add('grade_bands_not_covering', scale.code);
  for (let i = 1; i < sorted.length; i++) {
    const below = sorted[i - 1]!;
    const above = sorted[i]!;
    if (below.to > above.from) add('grade_bands_overlap', above.grade);
    else if (below.to < above.from) add('grade_bands_gap', above.grade);
    // A higher band must belong to a better grade (earlier in the list).
    if ((order.get(above.grade) ?? 0) >= (order.get(below.grade) ?? 0)) add('grade_bands_out_of_order', above.grade);
  }
  return problems;
}

function validLimit(rule: CreditLimitRule): boolean {
  switch (rule.kind) {
    case 'none':
      return true;
    case 'fixed':
      return isWhole(rule.fen, 0);
    case 'monthly_sales':
      return isWhole(rule.months, 1) && rule.months <= 24 && isWhole(rule.percent, 1) && rule.percent <= 1000 && (rule.capFen === null || isWhole(rule.capFen, 0));
  }
}

/** Whether a starting limit is certainly above the regular one (only comparable when both are of one kind). */
function startAbove(start: CreditLimitRule, regular: CreditLimitRule): boolean {
  if (regular.kind === 'none') return start.kind !== 'none';
  if (start.kind === 'fixed' && regular.kind === 'fixed') return start.fen > regular.fen;
  if (start.kind === 'monthly_sales' && regular.kind === 'monthly_sales') return start.months * start.percent > regular.months * regular.percent;
  return false;
}

export function validateModel(model: ModelContent): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (code: ModelProblemCode, at: string | null = null) => problems.push({ code, at });
  if (!isWhole(model.scoreMax, 1)) add('score_max_invalid');
  if (!hasLabel(model.name)) add('label_missing');
  if (model.items.length === 0) add('no_items');
  const codes = new Set<string>();
  for (const item of model.items) {
    if (codes.has(item.code)) add('duplicate_item', item.code);
    codes.add(item.code);
    if (!isWhole(item.weight, 1)) add('weight_invalid', item.code);
    if (item.group !== null && !(item.group in model.groups)) add('unknown_group', item.code);
    if (!hasLabel(item.label)) add('label_missing', item.code);
    if (item.kind === 'rated') {
      if (item.options.length === 0) add('no_options', item.code);
      const seen = new Set<string>();
      item.options.forEach((o, i) => {
        if (seen.has(o.code)) add('duplicate_option', `${item.code}.${o.code}`);
        seen.add(o.code);
        if (!isWhole(o.points, 0)) add('points_invalid', `${item.code}.${o.code}`);
        if (!hasLabel(o.label)) add('label_missing', `${item.code}.${o.code}`);
        if (i > 0 && o.points >= item.options[i - 1]!.points) add('options_not_best_first', `${item.code}.${o.code}`);
      });
    } else {
      if (item.bands.length === 0) add('no_value_bands', item.code);
      const sorted = [...item.bands].sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity));
      for (const b of sorted) {
        if (!isWhole(b.points, 0)) add('points_invalid', item.code);
        if (!hasLabel(b.label)) add('label_missing', item.code);
      }
      if (sorted.length > 0 && (sorted[0]!.from !== null || sorted[sorted.length - 1]!.to !== null)) add('value_bands_open_ended', item.code);
      for (let i = 0; i < sorted.length; i++) {
        const b = sorted[i]!;
        if (b.from !== null && b.to !== null && b.from >= b.to) add('value_bands_overlap', item.code);
        if (i === 0) continue;
        const prev = sorted[i - 1]!;
        if (prev.to === null || b.from === null || prev.to > b.from) add('value_bands_overlap', item.code);
        else if (prev.to < b.from) add('value_bands_gap', item.code);
      }
    }
    if (itemMax(item) === 0) add('item_max_zero', item.code);
  }

  problems.push(...validateScale(model.scale, model.scoreMax));

  const grades = model.scale.grades.map((g) => g.code);
  for (const code of Object.keys(model.policies)) if (!grades.includes(code)) add('policy_of_unknown_grade', code);
  let previousCycle = Infinity;
  for (const code of grades) {
    const policy = model.policies[code];
    if (!policy) {
      add('policy_missing', code);
      continue;
    }
    if (!validLimit(policy.limit) || !validLimit(policy.start.limit)) add('limit_invalid', code);
    if (!isWhole(policy.termDays, 0) || !isWhole(policy.start.termDays, 0) || policy.termDays > 365 || policy.start.termDays > 365) add('term_invalid', code);
    else if (policy.start.termDays > policy.termDays) add('start_above_regular', code);
    if (startAbove(policy.start.limit, policy.limit)) add('start_above_regular', code);
    for (const m of policy.measures) if (!(MEASURES as readonly string[]).includes(m)) add('unknown_measure', code);
    if (!isWhole(policy.reviewCycleMonths, 1) || policy.reviewCycleMonths > REVIEW_CYCLE_MAX_MONTHS) add('review_cycle_invalid', code);
    else if (policy.reviewCycleMonths > previousCycle) add('review_cycle_longer_for_worse_grade', code);
    if (isWhole(policy.reviewCycleMonths, 1)) previousCycle = policy.reviewCycleMonths;
  }
  return problems;
}

/** Every grade of every scale once, ranks 1..N, and each scale's own order kept. */
export function validateCrosswalk(crosswalk: Crosswalk, scales: GradeScale[]): CrosswalkProblem[] {
  const problems: CrosswalkProblem[] = [];
  const rankOf = new Map<string, number>();
  const known = new Map(scales.map((s) => [s.code, new Set(s.grades.map((g) => g.code))]));
  for (const e of crosswalk.entries) {
    const key = `${e.scale}\u0000${e.grade}`;
    if (!known.get(e.scale)?.has(e.grade)) problems.push({ code: 'grade_unknown', scale: e.scale, grade: e.grade });
    if (rankOf.has(key)) problems.push({ code: 'grade_repeated', scale: e.scale, grade: e.grade });
    if (!isWhole(e.rank, 1) || e.rank > crosswalk.ranks.length) problems.push({ code: 'rank_invalid', scale: e.scale, grade: e.grade });
    rankOf.set(key, e.rank);
  }
  for (const scale of scales) {
    let previous = 0;
    for (const g of scale.grades) {
      const rank = rankOf.get(`${scale.code}\u0000${g.code}`);
      if (rank === undefined) {
        problems.push({ code: 'grade_missing', scale: scale.code, grade: g.code });
        continue;
      }
      if (rank <= previous) problems.push({ code: 'order_contradicts_scale', scale: scale.code, grade: g.code });
      previous = rank;
    }
  }
  return problems;
}

/** The common rank of a grade (1 best), or null when the crosswalk does not place it. */
export function commonRank(crosswalk: Crosswalk, scale: string, grade: string): number | null {
  return crosswalk.entries.find((e) => e.scale === scale && e.grade === grade)?.rank ?? null;
}
