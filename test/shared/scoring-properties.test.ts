import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODELS,
  FIVE_C_MODEL,
  PERIODIC_REVIEW_MODEL,
  SCALE_REVIEW,
  SCALE_FIVE_LEVEL,
  SCALE_AAA,
  WEIGHTED_MODEL,
  compareExact,
  exact,
  explain,
  gradeFor,
  scoreEvaluation,
  sumOfContributions,
  validateScale,
  type Exact,
  type GradeScale,
  type ScoringModel,
} from '../../src/shared/domain/scoring';

/** A score in [0, max] as an exact fraction. */
const scoreIn = (max: number) => fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.nat()).map(([den, k]): Exact => exact(k % (max * den + 1), den));

/** A scale of any shape (possibly broken): random bounds for 2–6 grades. */
const anyScale = fc.array(fc.tuple(fc.integer({ min: -5, max: 105 }), fc.integer({ min: -5, max: 105 })), { minLength: 2, maxLength: 6 }).map(
  (bounds): GradeScale => ({
    code: 's',
    label: { 'zh-CN': '等级', 'en-US': 'Scale' },
    grades: bounds.map((_, i) => ({ code: `g${i}`, label: { 'zh-CN': `级${i}`, 'en-US': `G${i}` }, meaning: { 'zh-CN': '含义', 'en-US': 'Meaning' } })),
    bands: bounds.map(([from, to], i) => ({ grade: `g${i}`, from, to })),
  }),
);

/** A well-formed scale: distinct cut points between 0 and 100, best grade highest. */
const cutScale = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }).map((cuts): GradeScale => {
  const edges = [100, ...[...cuts].sort((a, b) => b - a), 0];
  const grades = edges.slice(1).map((_, i) => ({ code: `g${i}`, label: { 'zh-CN': `级${i}`, 'en-US': `G${i}` }, meaning: { 'zh-CN': '含义', 'en-US': 'Meaning' } }));
  return { code: 'cut', label: { 'zh-CN': '等级', 'en-US': 'Scale' }, grades, bands: grades.map((g, i) => ({ grade: g.code, from: edges[i + 1]!, to: edges[i]! })) };
});

function bandsHolding(scale: GradeScale, s: Exact, max: number) {
  return scale.bands.filter((b) => compareExact(s, exact(b.from)) >= 0 && (compareExact(s, exact(b.to)) < 0 || (b.to === max && compareExact(s, exact(max)) === 0)));
}

/** Random sheets (and random in-band values) for any model. */
function inputsFor(model: ScoringModel) {
  const rated = model.items.filter((i) => i.kind === 'rated');
  const sheet = fc.record(Object.fromEntries(rated.map((i) => [i.code, fc.constantFrom(...(i.kind === 'rated' ? i.options.map((o) => o.code) : []))])));
  const values = fc.record(
    Object.fromEntries(
      model.items.flatMap((i) => (i.kind === 'computed' ? [[i.code, fc.constantFrom(...i.bands).map((b) => ({ value: b.from ?? (b.to ?? 0) - 1, source: 'archive' as const }))]] : [])),
    ),
  );
  const count = rated.length === 0 ? 0 : 1;
  return fc.tuple(fc.array(sheet, { minLength: count, maxLength: count * 8 }), values).map(([sheets, v]) => ({ sheets: sheets.map((ratings, r) => ({ reviewer: `r${r}`, ratings })), values: v }));
}

describe('grade scales', () => {
  it('a scale that validates has bands that never overlap and cover 0 to the top', () => {
    fc.assert(
      fc.property(fc.oneof(anyScale, cutScale), scoreIn(100), (scale, s) => {
        if (validateScale(scale, 100).length > 0) return;
        expect(bandsHolding(scale, s, 100)).toHaveLength(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('cut-point scales validate, and the shipped scales validate', () => {
    fc.assert(
      fc.property(cutScale, (scale) => {
        expect(validateScale(scale, 100)).toEqual([]);
      }),
    );
    for (const scale of [SCALE_REVIEW, SCALE_FIVE_LEVEL, SCALE_AAA]) expect(validateScale(scale, 100)).toEqual([]);
  });

  it('a scale with a score in two bands or in none does not validate', () => {
    fc.assert(
      fc.property(anyScale, scoreIn(100), (scale, s) => {
        if (bandsHolding(scale, s, 100).length !== 1) expect(validateScale(scale, 100)).not.toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('the grade is monotonic in the score: a higher score never has a worse grade', () => {
    fc.assert(
      fc.property(fc.constantFrom(SCALE_REVIEW, SCALE_FIVE_LEVEL, SCALE_AAA), scoreIn(100), scoreIn(100), (scale, a, b) => {
        const [low, high] = compareExact(a, b) <= 0 ? [a, b] : [b, a];
        const at = (s: Exact) => scale.grades.findIndex((g) => g.code === gradeFor(s, scale, 100)!.code);
        expect(at(high)).toBeLessThanOrEqual(at(low));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scores and explanations', () => {
  it('the average lies between the lowest and the highest reviewer total', () => {
    fc.assert(
      fc.property(inputsFor(PERIODIC_REVIEW_MODEL), (inputs) => {
        const outcome = scoreEvaluation(PERIODIC_REVIEW_MODEL, inputs);
        if (!outcome.ok) throw new Error('refused');
        const totals = outcome.score.reviewerTotals.map((t) => t.total);
        const min = totals.reduce((m, t) => (compareExact(t, m) < 0 ? t : m));
        const max = totals.reduce((m, t) => (compareExact(t, m) > 0 ? t : m));
        expect(compareExact(min, outcome.score.score)).toBeLessThanOrEqual(0);
        expect(compareExact(outcome.score.score, max)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('the items’ points in an explanation sum exactly to the score, for every default model', () => {
    for (const model of [...DEFAULT_MODELS, FIVE_C_MODEL, WEIGHTED_MODEL]) {
      fc.assert(
        fc.property(inputsFor(model), (inputs) => {
          const outcome = explain(model, inputs);
          if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
          expect(sumOfContributions(outcome.explanation)).toEqual(outcome.explanation.score);
          for (const loss of outcome.explanation.biggestLosses) expect(loss.lost.num).toBeGreaterThan(0);
          expect(outcome.explanation.biggestLosses.length).toBeLessThanOrEqual(3);
        }),
        { numRuns: 200 },
      );
    }
  });
});
