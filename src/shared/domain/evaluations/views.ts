// What the host hands out of an evaluation: the sheets a viewer may see, the content the
// approval chain binds to, and the result that applies to the customer at final.
import { canonicalJson } from '../approvals/canonical-json';
import { nextReviewOn } from '../scoring/score';
import type { Measure, CreditLimitRule } from '../scoring/model';
import type { ApprovalContent, Day, EvaluationState, Sheet, UserId } from './state';
import type { EvaluationKind } from './codes';

/**
 * The sheets `viewer` may see. A sheet is its author's alone until submitted; and a
 * reviewer who has not submitted sees only their own sheet, so nobody rates after seeing
 * another's ratings. Everyone else (the credit manager …) sees the submitted sheets.
 */
export function visibleSheets(state: EvaluationState, viewer: UserId): Sheet[] {
  const own = state.sheets.find((s) => s.reviewer === viewer);
  if (own && own.submittedOn === null) return [structuredClone(own)];
  return state.sheets.filter((s) => s.reviewer === viewer || s.submittedOn !== null).map((s) => structuredClone(s));
}

/** The evaluation as `viewer` may see it: the sheets filtered by `visibleSheets`; of the others only who and whether submitted. */
export interface EvaluationView extends Omit<EvaluationState, 'sheets' | 'attachments'> {
  sheets: Sheet[];
  hiddenSheets: { reviewer: UserId; submitted: boolean }[];
  attachments: string[];
}

export function viewFor(state: EvaluationState, viewer: UserId): EvaluationView {
  const { sheets, ...rest } = structuredClone(state);
  const visible = visibleSheets(state, viewer);
  const shown = new Set(visible.map((s) => s.reviewer));
  return {
    ...rest,
    attachments: rest.attachments ?? [],
    sheets: visible,
    hiddenSheets: sheets.filter((s) => !shown.has(s.reviewer)).map((s) => ({ reviewer: s.reviewer, submitted: s.submittedOn !== null })),
  };
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * What the approval chain hashes: the current decision and every input it was reached
 * from (each sheet's ratings and opinion, the values, the settlements, the limit base).
 * Entries are sorted, so equal content gives equal canonical JSON. null before the first
 * consolidation.
 */
export function approvalContent(state: EvaluationState): ApprovalContent | null {
  const decision = state.decisions.at(-1);
  if (!decision) return null;
  const values: ApprovalContent['values'] = [];
  for (const [item, v] of Object.entries(state.values)) if (v) values.push([item, { value: v.value, source: v.source }]);
  return {
    evaluationId: state.id,
    customerId: state.customerId,
    kind: state.kind,
    model: { id: state.modelId, version: state.modelVersion },
    round: decision.round,
    sheets: [...state.sheets]
      .sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0))
      .map((s) => ({ reviewer: s.reviewer, ratings: Object.entries(s.ratings).sort(byKey), opinion: s.opinion })),
    values: values.sort(byKey),
    limitBase: { averageMonthlySalesFen: state.limitBase.averageMonthlySalesFen },
    settlements: [...state.settlements].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0)).map((s) => ({ item: s.item, note: s.note, by: s.by })),
    score: { num: decision.score.num, den: decision.score.den },
    scoreText: decision.scoreText,
    computedGrade: decision.computedGrade,
    grade: decision.grade,
    override: decision.override ? { grade: decision.override.grade, reason: decision.override.reason } : null,
    policy: {
      limit: structuredClone(decision.policy.limit),
      limitFen: decision.policy.limitFen,
      termDays: decision.policy.termDays,
      measures: [...decision.policy.measures],
      reviewCycleMonths: decision.policy.reviewCycleMonths,
      starting: decision.policy.starting,
    },
    decidedBy: decision.decidedBy,
    ...(state.attachments && state.attachments.length > 0 ? { attachments: [...state.attachments].sort() } : {}),
  };
}

export function sameApprovalContent(a: ApprovalContent, b: ApprovalContent): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** What the host applies to the customer when the evaluation is final. */
export interface FinalResult {
  evaluationId: string;
  customerId: string;
  kind: EvaluationKind;
  modelId: string;
  modelVersion: number;
  /** Rounds decided: 2 after one upheld objection. */
  round: number;
  grade: string;
  computedGrade: string;
  override: { grade: string; reason: string } | null;
  score: { num: number; den: number };
  scoreText: string;
  limit: CreditLimitRule;
  limitFen: number;
  termDays: number;
  measures: Measure[];
  reviewCycleMonths: number;
  /** The new customer's starting limit and term. */
  starting: boolean;
  decidedOn: Day;
  finalOn: Day;
  /** The review cycle counted from the day the result became final. */
  nextReviewOn: Day;
}

export function finalResult(state: EvaluationState): FinalResult | null {
  if (state.status !== 'final' || state.finalOn === null) return null;
  const d = state.decisions.at(-1)!;
  return {
    evaluationId: state.id,
    customerId: state.customerId,
    kind: state.kind,
    modelId: state.modelId,
    modelVersion: state.modelVersion,
    round: d.round,
    grade: d.grade,
    computedGrade: d.computedGrade,
    override: d.override ? { ...d.override } : null,
    score: { ...d.score },
    scoreText: d.scoreText,
    limit: structuredClone(d.policy.limit),
    limitFen: d.policy.limitFen,
    termDays: d.policy.termDays,
    measures: [...d.policy.measures],
    reviewCycleMonths: d.policy.reviewCycleMonths,
    starting: d.policy.starting,
    decidedOn: d.decidedOn,
    finalOn: state.finalOn,
    nextReviewOn: nextReviewOn(state.finalOn, d.policy.reviewCycleMonths),
  };
}
