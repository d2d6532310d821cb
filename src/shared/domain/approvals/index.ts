// Approval chains (审批流): the pure engine every form goes through. See
// docs/decisions/0014-approval-engine.md for the model and its rules.
//
//   startChain(definition, submission, context)       -> DecideResult
//   decide(definition, state, event, context)          -> { ok: true, state } | { ok: false, reason }
//   actionsFor(definition, state, { ...context, userId }) -> AvailableActions
//   timeline(definition, state, today?)                -> Timeline
//   pendingSeats(definition, state), isOverdue(state, today), previewChain(...)
//   validateDefinition(definition), approvalDefinitionSchema (zod), canonicalJson(form)
// Texts of every code: src/shared/messages/approvals.{zh-CN,en-US}.ts

export * from './types';
export {
  actionsFor,
  approvalsNeeded,
  countingBallots,
  decide,
  DEFINITION_PROBLEMS,
  effectiveMode,
  isOverdue,
  pendingSeats,
  previewChain,
  startChain,
  validateDefinition,
} from './engine';
export type { DefinitionProblem, DefinitionProblemCode, PreviewStep } from './engine';
export { timeline } from './timeline';
export { canonicalJson } from './canonical-json';
export type { JsonValue } from './canonical-json';
export { delegationStanding, LEADERSHIP_ROLE, resolveAssignees, skipReasonFor } from './directory';
export { APPROVAL_ROLES, CREDIT_DEPARTMENT_CODE, CREDIT_LIMIT_GM_THRESHOLD_FEN, DEFAULT_CHAINS, defaultChain } from './defaults';
export type { ApprovalRole } from './defaults';
export { approvalDefinitionSchema, asApprovalDefinition, assigneeSchema, stepConditionSchema, stepDefinitionSchema, stepModeSchema } from './schema';
