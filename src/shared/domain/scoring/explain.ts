// How a score was reached (SPEC §2 "every evaluation shows how its score was reached"):
// per item its value, points, maximum and weight; the reviewers' spread; the items that
// lost the most; and the points still needed for the next grade.
import { addExact, compareExact, exact, neededText, scoreText, subExact, type Exact } from './exact';
import { itemMax, type Grade, type ScoringModel, type Text, type ValueBand } from './model';
import { scoreEvaluation, type EvaluationInputs, type ScoringRefusal } from './score';

export interface ReviewerRating {
  reviewer: string;
  option: string;
  /** 0 for the best option, 1 for the next … */
  level: number;
  points: number;
}

export interface ItemExplanation {
  item: string;
  kind: 'rated' | 'computed';
  label: Text;
  group: string | null;
  weight: number;
  /** The item's own maximum points (25 on the seed-003 form). */
  max: number;
  /** The item's points, averaged over the reviewers. */
  points: Exact;
  /** What the item adds to the score (points × weight, on the model's 0–scoreMax scale). */
  contribution: Exact;
  contributionMax: Exact;
  lost: Exact;
  /** Computed items: the value, where it came from, and its band. */
  value: number | null;
  source: 'archive' | 'entered' | null;
  band: ValueBand | null;
  /** Rated items: each reviewer's rating. */
  ratings: ReviewerRating[];
  /** Levels between the best and the worst rating of the reviewers. */
  spread: number;
  /** Reviewers differ by more than one level: the credit manager settles it with a note. */
  needsSettling: boolean;
  /** The wording of the rating most reviewers chose (the worse on a tie), or of the value's band. */
  reason: Text;
}

export interface PointsLoss {
  item: string;
  label: Text;
  points: Exact;
  max: number;
  lost: Exact;
  reason: Text;
}

export interface NextGrade {
  grade: Grade;
  /** Points still needed, exact; `neededText` rounds it up to one decimal. */
  needed: Exact;
  neededText: string;
}

export interface Explanation {
  modelId: string;
  modelVersion: number;
  score: Exact;
  scoreText: string;
  grade: Grade;
  reviewerTotals: { reviewer: string; total: Exact; totalText: string }[];
  items: ItemExplanation[];
  /** The (up to) three items that lost the most points, the most first. */
  biggestLosses: PointsLoss[];
  nextGrade: NextGrade | null;
  /** Items the credit manager must settle. */
  toSettle: string[];
}

export type ExplanationOutcome = { ok: true; explanation: Explanation } | { ok: false; refusals: ScoringRefusal[] };

export function explain(model: ScoringModel, inputs: EvaluationInputs): ExplanationOutcome {
  const outcome = scoreEvaluation(model, inputs);
  if (!outcome.ok) return outcome;
  const { score } = outcome;
  const n = score.reviewerTotals.length;
  const weightedMax = model.items.reduce((t, i) => t + itemMax(i) * i.weight, 0);
  const items: ItemExplanation[] = model.items.map((item, index) => {
    const scored = score.items[index]!;
    const sum = scored.points.reduce((t, p) => t + p, 0);
    const max = itemMax(item);
    const contribution = exact(model.scoreMax * sum * item.weight, n * weightedMax);
    const contributionMax = exact(model.scoreMax * max * item.weight, weightedMax);
    const base = { item: item.code, label: item.label, group: item.group, weight: item.weight, max, points: exact(sum, n), contribution, contributionMax, lost: subExact(contributionMax, contribution) };
    if (item.kind === 'computed') {
      const entry = inputs.values[item.code]!;
      const band = item.bands[scored.chosen[0]!]!;
      return { ...base, kind: 'computed', value: entry.value, source: entry.source, band, ratings: [], spread: 0, needsSettling: false, reason: band.label };
    }
    const ratings = scored.chosen.map((level, r) => ({ reviewer: score.reviewerTotals[r]!.reviewer, option: item.options[level]!.code, level, points: item.options[level]!.points }));
    const levels = scored.chosen;
    const spread = Math.max(...levels) - Math.min(...levels);
    const counts = new Map<number, number>();
    for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
    let common = levels[0]!;
    for (const [level, count] of counts) {
      const best = counts.get(common)!;
      if (count > best || (count === best && level > common)) common = level;
    }
    return { ...base, kind: 'rated', value: null, source: null, band: null, ratings, spread, needsSettling: spread > 1, reason: item.options[common]!.label };
  });

  const biggestLosses = items
    .filter((i) => i.lost.num > 0)
    .map((i, order) => ({ i, order }))
    .sort((a, b) => compareExact(b.i.lost, a.i.lost) || a.order - b.order)
    .slice(0, 3)
    .map(({ i }) => ({ item: i.item, label: i.label, points: i.points, max: i.max, lost: i.lost, reason: i.reason }));

  const grades = model.scale.grades;
  const at = grades.findIndex((g) => g.code === score.grade);
  let nextGrade: NextGrade | null = null;
  if (at > 0) {
    const better = grades[at - 1]!;
    const band = model.scale.bands.find((b) => b.grade === better.code)!;
    const needed = subExact(exact(band.from), score.score);
    nextGrade = { grade: better, needed, neededText: neededText(needed) };
  }

  return {
    ok: true,
    explanation: {
      modelId: model.id,
      modelVersion: model.version,
      score: score.score,
      scoreText: scoreText(score.score),
      grade: grades[at]!,
      reviewerTotals: score.reviewerTotals.map((t) => ({ ...t, totalText: scoreText(t.total) })),
      items,
      biggestLosses,
      nextGrade,
      toSettle: items.filter((i) => i.needsSettling).map((i) => i.item),
    },
  };
}

/** The sum of the items' contributions: equal to the score, exactly. */
export function sumOfContributions(explanation: Explanation): Exact {
  return explanation.items.reduce((t, i) => addExact(t, i.contribution), exact(0));
}

/** Points as shown: whole when whole, else one decimal (cut). */
export function pointsText(points: Exact): string {
  return points.den === 1 ? String(points.num) : scoreText(points);
}
