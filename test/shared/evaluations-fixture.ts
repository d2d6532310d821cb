// The evaluation lifecycle driven as the host would drive it: one customer, its 客户经理
// (am) and 客服经理 (sm), the credit manager (cm), an added reviewer (r3), the host (host),
// and another account manager (x) who does not look after this customer.
import {
  approvalContent,
  decide,
  type EvaluationContext,
  type EvaluationEvent,
  type EvaluationRefusalCode,
  type EvaluationRole,
  type EvaluationState,
} from '../../src/shared/domain/evaluations';
import { PERIODIC_REVIEW_MODEL, type ScoringModel } from '../../src/shared/domain/scoring';
import { officialCalendar } from '../../src/shared/domain/working-days';

export const AM = 'am';
export const SM = 'sm';
export const CM = 'cm';
export const R3 = 'r3';
export const HOST = 'host';
export const X = 'x';
export const USERS = [AM, SM, CM, R3, HOST, X] as const;

export const ROLES: Record<string, EvaluationRole[]> = {
  [AM]: ['account_manager'],
  [SM]: ['service_manager'],
  [CM]: ['credit_manager'],
  [R3]: [],
  [HOST]: ['system'],
  [X]: ['account_manager', 'service_manager'],
};

export const ITEMS = ['contract_execution', 'payment_speed', 'cooperation', 'coordination'] as const;

/** 'ABCD' → the four items of the seed-003 form rated A, B, C, D. */
export const ratings = (levels: string): Record<string, string> => Object.fromEntries(ITEMS.map((item, i) => [item, levels[i]!]));

export function ctx(actor: string, today: string, publicationDays = 5): EvaluationContext {
  return { actor: { id: actor, roles: ROLES[actor] ?? [] }, today, calendar: officialCalendar, settings: { publicationDays } };
}

export const MONTHLY_SALES_FEN = 30_000_000; // ¥300,000.00 a month

export const startEvent = (model: ScoringModel = PERIODIC_REVIEW_MODEL): EvaluationEvent => ({
  type: 'start',
  evaluationId: 'ev-1',
  kind: model.kind === 'new_customer' ? 'new_customer_review' : 'periodic_review',
  customerId: 'cust-1',
  accountManager: AM,
  serviceManager: SM,
  values: {},
  limitBase: { averageMonthlySalesFen: MONTHLY_SALES_FEN },
});

export function step(state: EvaluationState | null, actor: string, today: string, event: EvaluationEvent, model: ScoringModel = PERIODIC_REVIEW_MODEL): EvaluationState {
  const outcome = decide(model, state, event, ctx(actor, today));
  if (!outcome.ok) throw new Error(`${event.type} by ${actor} on ${today} refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome.state;
}

export function refusal(state: EvaluationState | null, actor: string, today: string, event: EvaluationEvent, model: ScoringModel = PERIODIC_REVIEW_MODEL): EvaluationRefusalCode | 'ok' {
  const outcome = decide(model, state, event, ctx(actor, today));
  return outcome.ok ? 'ok' : outcome.refusal.code;
}

/** The host reports that the chain approved exactly what the evaluation holds. */
export const approve = (state: EvaluationState): EvaluationEvent => ({ type: 'chain_outcome', outcome: 'approved', content: approvalContent(state) });

export const OBJECTION: EvaluationEvent = {
  type: 'enter_objection',
  objectionId: 'obj-1',
  items: ['payment_speed', 'coordination'],
  reasons: '客户已按合同约定提前付款，回款速度评定有误',
  evidence: ['doc-receipt-1'],
  learnedOn: null,
};

// The scenario of seed 003 on the 2026 calendar: started Monday 21 September; 中秋 is
// 25–27 September and 国庆 1–7 October (10 October a make-up working day).
export const DAYS = {
  started: '2026-09-21',
  submitted: '2026-09-22',
  consolidated: '2026-09-23',
  approved: '2026-09-24',
  /** 5 working days from 24 September: 28, 29, 30 September, 8, 9 October. */
  publicationEnds: '2026-10-09',
  objected: '2026-09-30',
  /** 15 working days from 30 September: 8, 9, 10 (make-up), 12–16, 19–23, 26, 27 October. */
  answerDue: '2026-10-27',
  answered: '2026-10-12',
} as const;

/** Started by the 客服经理; the 客户经理 rates A B C D (70), the 客服经理 A A B B (90). */
export function submitted(): EvaluationState {
  let s = step(null, SM, DAYS.started, startEvent());
  s = step(s, AM, DAYS.submitted, { type: 'save_sheet', ratings: ratings('ABCD'), opinion: '客户经理意见：合作顺利' });
  s = step(s, AM, DAYS.submitted, { type: 'submit_sheet' });
  s = step(s, SM, DAYS.submitted, { type: 'save_sheet', ratings: ratings('AABB'), opinion: '客服经理意见：配合良好' });
  return step(s, SM, DAYS.submitted, { type: 'submit_sheet' });
}

export function inApproval(): EvaluationState {
  // 配合程度: D against B, two levels apart: settled with a note before consolidating.
  const s = step(submitted(), CM, DAYS.consolidated, { type: 'settle_item', item: 'coordination', note: '经核实，客户近期配合有所改善，按平均计' });
  return step(s, CM, DAYS.consolidated, { type: 'consolidate', override: null });
}

export function published(): EvaluationState {
  const s = inApproval();
  return step(s, HOST, DAYS.approved, approve(s));
}

export function objected(): EvaluationState {
  return step(published(), AM, DAYS.objected, OBJECTION);
}

export function reopened(): EvaluationState {
  return step(objected(), CM, DAYS.answered, { type: 'answer_objection', objectionId: 'obj-1', upheld: true, answer: '经核实回款记录，异议成立，重新评定' });
}

export function final(): EvaluationState {
  return step(published(), HOST, '2026-10-10', { type: 'finalize' });
}
