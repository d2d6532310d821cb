// Applying a model to a customer's inputs: the exact score, the grade, the policy of the
// grade, and a new model version. Several reviewers each fill their own sheet; the score
// is the average of their totals, kept as a fraction so the grade is decided exactly.
import { exact, scoreText, subExact, type Exact } from './exact';
import { itemMax, type ComputedItem, type CreditLimitRule, type Grade, type GradePolicy, type GradeScale, type ModelContent, type ScoringModel, type ValueBand } from './model';
import { validateModel, type ModelProblem } from './validate';

/** One reviewer's sheet: item code → option code, for the rated items. */
export interface ReviewerSheet {
  reviewer: string;
  ratings: Record<string, string>;
}

/** The value of a computed item: from the archive, or entered by the reviewer where the archive has none. */
export interface ItemValue {
  value: number;
  source: 'archive' | 'entered';
}

export interface EvaluationInputs {
  sheets: ReviewerSheet[];
  values: Record<string, ItemValue | null>;
}

export const SCORING_REFUSALS = ['no_reviewer', 'duplicate_reviewer', 'not_rated', 'unknown_option', 'value_missing', 'value_invalid', 'no_band_for_value', 'no_grade_for_score'] as const;
export type ScoringRefusalCode = (typeof SCORING_REFUSALS)[number];
export interface ScoringRefusal {
  code: ScoringRefusalCode;
  item: string | null;
  reviewer: string | null;
}

export interface ScoredItem {
  item: string;
  /** Points per reviewer, in sheet order (a computed item has the same points on every sheet). */
  points: number[];
  /** The option chosen per reviewer (rated) or the band of the value (computed). */
  chosen: number[];
}

export interface Score {
  modelId: string;
  modelVersion: number;
  /** The average of the reviewers' totals, exact. */
  score: Exact;
  grade: string;
  reviewerTotals: { reviewer: string; total: Exact }[];
  items: ScoredItem[];
}

export type ScoreOutcome = { ok: true; score: Score } | { ok: false; refusals: ScoringRefusal[] };

function bandIndex(item: ComputedItem, value: number): number {
  for (let i = 0; i < item.bands.length; i++) {
    const b = item.bands[i]!;
    if ((b.from === null || value >= b.from) && (b.to === null || value < b.to)) return i;
  }
  return -1;
}

export function bandFor(item: ComputedItem, value: number): ValueBand | null {
  const i = bandIndex(item, value);
  return i < 0 ? null : item.bands[i]!;
}

/** The grade of an exact score: bands are [from, to); the band ending at the top includes the top. */
export function gradeFor(score: Exact, scale: GradeScale, scoreMax: number): Grade | null {
  for (const band of scale.bands) {
    const aboveFrom = score.num >= band.from * score.den;
    const belowTo = score.num < band.to * score.den || (band.to === scoreMax && score.num === band.to * score.den);
    if (aboveFrom && belowTo) return scale.grades.find((g) => g.code === band.grade) ?? null;
  }
  return null;
}

/** The reviewers whose sheets count: one (nameless) when the model has no rated item. */
function reviewersOf(model: ModelContent, inputs: EvaluationInputs): string[] {
  return model.items.some((i) => i.kind === 'rated') ? inputs.sheets.map((s) => s.reviewer) : [''];
}

export function scoreEvaluation(model: ScoringModel, inputs: EvaluationInputs): ScoreOutcome {
  const refusals: ScoringRefusal[] = [];
  const reviewers = reviewersOf(model, inputs);
  if (reviewers.length === 0) refusals.push({ code: 'no_reviewer', item: null, reviewer: null });
  if (new Set(reviewers).size !== reviewers.length) refusals.push({ code: 'duplicate_reviewer', item: null, reviewer: null });
  const n = Math.max(1, reviewers.length);
  const items: ScoredItem[] = [];
  const totals = new Array<number>(n).fill(0);
  let weightedMax = 0;
  for (const item of model.items) {
    weightedMax += itemMax(item) * item.weight;
    const points = new Array<number>(n).fill(0);
    const chosen = new Array<number>(n).fill(-1);
    if (item.kind === 'rated') {
      inputs.sheets.forEach((sheet, r) => {
        const option = sheet.ratings[item.code];
        if (option === undefined) return void refusals.push({ code: 'not_rated', item: item.code, reviewer: sheet.reviewer });
        const k = item.options.findIndex((o) => o.code === option);
        if (k < 0) return void refusals.push({ code: 'unknown_option', item: item.code, reviewer: sheet.reviewer });
        points[r] = item.options[k]!.points;
        chosen[r] = k;
      });
    } else {
      const entry = inputs.values[item.code];
      if (!entry) refusals.push({ code: 'value_missing', item: item.code, reviewer: null });
      else if (!Number.isFinite(entry.value)) refusals.push({ code: 'value_invalid', item: item.code, reviewer: null });
      else {
        const k = bandIndex(item, entry.value);
        if (k < 0) refusals.push({ code: 'no_band_for_value', item: item.code, reviewer: null });
        else {
          points.fill(item.bands[k]!.points);
          chosen.fill(k);
        }
      }
    }
    for (let r = 0; r < n; r++) totals[r]! += points[r]! * item.weight;
    items.push({ item: item.code, points, chosen });
  }
  if (refusals.length > 0) return { ok: false, refusals };
  const sum = totals.reduce((t, x) => t + x, 0);
  const score = exact(model.scoreMax * sum, n * weightedMax);
  const grade = gradeFor(score, model.scale, model.scoreMax);
  if (!grade) return { ok: false, refusals: [{ code: 'no_grade_for_score', item: null, reviewer: null }] };
  return {
    ok: true,
    score: {
      modelId: model.id,
      modelVersion: model.version,
      score,
      grade: grade.code,
      reviewerTotals: reviewers.map((reviewer, r) => ({ reviewer, total: exact(model.scoreMax * totals[r]!, weightedMax) })),
      items,
    },
  };
}

export function policyFor(model: ModelContent, grade: string): GradePolicy | null {
  return model.policies[grade] ?? null;
}

/** The credit limit a rule gives, in fen: a fixed sum, or a share of the average monthly sales. */
export function creditLimitFor(rule: CreditLimitRule, base: { averageMonthlySalesFen: number }): number {
  switch (rule.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return rule.fen;
    case 'monthly_sales': {
      const fen = Math.round((Math.max(0, base.averageMonthlySalesFen) * rule.months * rule.percent) / 100);
      return rule.capFen === null ? fen : Math.min(fen, rule.capFen);
    }
  }
}

/** The day of the next review: `months` after the decision, on the same day of the month or the month's last. */
export function nextReviewOn(decidedOn: string, months: number): string {
  const y = Number(decidedOn.slice(0, 4));
  const m = Number(decidedOn.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(decidedOn.slice(8, 10)), last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type RevisionOutcome = { ok: true; model: ScoringModel } | { ok: false; problems: ModelProblem[] };

/**
 * An edit of a model. A published model is never changed: the edit becomes a new draft
 * version; a draft is edited in place (same version). The old object is left untouched.
 */
export function reviseModel(model: ScoringModel, content: ModelContent): RevisionOutcome {
  const problems = validateModel(content);
  if (problems.length > 0) return { ok: false, problems };
  const copy = structuredClone(content);
  return { ok: true, model: { ...copy, id: model.id, version: model.status === 'published' ? model.version + 1 : model.version, status: 'draft' } };
}

export function publishModel(model: ScoringModel): RevisionOutcome {
  const problems = validateModel(model);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, model: { ...structuredClone(model), status: 'published' } };
}

export interface PreviewSide {
  modelVersion: number;
  score: Exact;
  scoreText: string;
  grade: Grade;
}

export type PreviewOutcome =
  | { ok: true; old: PreviewSide; new: PreviewSide; scoreChange: Exact; gradeChanged: boolean }
  | { ok: false; side: 'old' | 'new'; refusals: ScoringRefusal[] };

function side(model: ScoringModel, inputs: EvaluationInputs): { ok: true; side: PreviewSide } | { ok: false; refusals: ScoringRefusal[] } {
  const outcome = scoreEvaluation(model, inputs);
  if (!outcome.ok) return outcome;
  const grade = model.scale.grades.find((g) => g.code === outcome.score.grade)!;
  return { ok: true, side: { modelVersion: model.version, score: outcome.score.score, scoreText: scoreText(outcome.score.score), grade } };
}

/** Two versions of a model on one customer's inputs: "old 78 B → new 71 C". */
export function previewRevision(oldModel: ScoringModel, newModel: ScoringModel, inputs: EvaluationInputs): PreviewOutcome {
  const before = side(oldModel, inputs);
  if (!before.ok) return { ok: false, side: 'old', refusals: before.refusals };
  const after = side(newModel, inputs);
  if (!after.ok) return { ok: false, side: 'new', refusals: after.refusals };
  return { ok: true, old: before.side, new: after.side, scoreChange: subExact(after.side.score, before.side.score), gradeChanged: before.side.grade.code !== after.side.grade.code };
}
