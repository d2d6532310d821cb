import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS } from '../domain/customers';
import { DEPARTMENT_KINDS } from '../domain/permissions';
import {
  APPROVAL_KINDS,
  APPROVAL_REFUSALS,
  CHAIN_STATUSES,
  CONDITION_KINDS,
  DECISION_KINDS,
  DEFINITION_PROBLEMS,
  ESCALATION_REASONS,
  STEP_MODES,
  STEP_STATUSES,
  SUBMISSION_KINDS,
  VOID_REASONS,
} from '../domain/approvals';
import { method } from './method';
import { empty, id, isoDay, isoMoment, person } from './schemas';

// Approval chains (审批流, SPEC §3): the inbox (待我审批), my requests (我发起的), what I
// decided (已办), one chain with its timeline and what the caller may do, decisions,
// withdrawal, delegation (委托) and the chain definitions the administrator edits.
// Every state, reason and kind is the engine's closed list (src/shared/domain/approvals).
// A form is started and resubmitted through its own domain (creditLimits.request …).

export const approvalKind = z.enum(APPROVAL_KINDS);
export const approvalRefusal = z.enum(APPROVAL_REFUSALS);
/** Refusals of the approvals domain (`details.reason`): the engine's, and those of delegations. */
export const approvalsReasons = z.enum([...APPROVAL_REFUSALS, 'delegationOverlaps', 'delegationOver']);
export type ApprovalsReason = z.infer<typeof approvalsReasons>;
export const chainStatus = z.enum(CHAIN_STATUSES);
export const stepStatus = z.enum(STEP_STATUSES);
export const decisionKind = z.enum(DECISION_KINDS);
export const voidReason = z.enum(VOID_REASONS);
export const escalationReason = z.enum(ESCALATION_REASONS);
export const stepModeName = z.enum(STEP_MODES);
export const conditionKind = z.enum(CONDITION_KINDS);
export const definitionProblemCode = z.enum(DEFINITION_PROBLEMS);
export const submissionKind = z.enum(SUBMISSION_KINDS);
/** A delegation as of today: not started yet, in force, past its last day, or ended early. */
export const DELEGATION_STATES = ['upcoming', 'current', 'past', 'ended'] as const;
export const delegationState = z.enum(DELEGATION_STATES);

/**
 * Where a refusal of the engine crosses the seam: `FORBIDDEN` (who may act) or
 * `CONFLICT` (the chain is not where the caller thought), with `details.reason`.
 */
export const APPROVAL_FORBIDDEN_REASONS = [
  'unknownUser',
  'inactiveUser',
  'notCandidate',
  'notDelegate',
  'delegationOutsideDates',
  'notYourTurn',
  'ownForm',
  'alreadyDecided',
  'samePersonTwoSteps',
  'notAuthor',
  'transferTargetNotEligible',
] as const satisfies readonly (typeof APPROVAL_REFUSALS)[number][];

export const localizedText = z.strictObject({ 'zh-CN': z.string().trim().min(1).max(100), 'en-US': z.string().trim().min(1).max(100) });

// ─── Definitions ─────────────────────────────────────────────────────────────

const roleCode = z.string().trim().min(1).max(64);

export const assignee = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('role'), role: roleCode, sameDepartmentAsAuthor: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('user'), userId: id }),
  z.strictObject({ kind: z.literal('authorDepartmentHead') }),
  z.strictObject({ kind: z.literal('departmentHead'), departmentCode: z.string().trim().min(1).max(64) }),
  z.strictObject({ kind: z.literal('leadership') }),
]);

export const stepMode = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('sequential') }),
  z.strictObject({ mode: z.literal('any') }),
  z.strictObject({ mode: z.literal('all') }),
  z.strictObject({ mode: z.literal('quorum'), n: z.number().int().min(1).max(100) }),
]);

export const stepCondition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amountAbove'), fen: z.number().int().min(0).max(1e15) }),
  z.strictObject({ kind: z.literal('gradeIn'), grades: z.array(z.string().trim().min(1).max(40)).min(1).max(20).readonly() }),
  z.strictObject({ kind: z.literal('confidentialityIn'), levels: z.array(z.enum(CONFIDENTIALITY_LEVELS)).min(1).max(3).readonly() }),
  z.strictObject({ kind: z.literal('authorDepartmentKindIn'), kinds: z.array(z.enum(DEPARTMENT_KINDS)).min(1).max(3).readonly() }),
  z.strictObject({ kind: z.literal('authorDepartmentIn'), departmentCodes: z.array(z.string().trim().min(1).max(64)).min(1).max(50).readonly() }),
]);

export const stepDefinition = z.strictObject({
  id: z.string().trim().regex(/^[a-z][a-z0-9_]{0,63}$/, 'stepId'),
  name: localizedText,
  who: z.array(assignee).min(1).max(20).readonly(),
  how: stepMode,
  when: z.array(stepCondition).max(10).readonly().optional(),
  deadlineWorkingDays: z.number().int().min(1).max(365).optional(),
  opinionRequired: z.boolean(),
  distinctPerson: z.boolean(),
  transferTo: z.array(assignee).max(20).readonly().optional(),
});

export const approvalDefinition = z.strictObject({
  id: z.string().trim().regex(/^[a-z][a-z0-9_]{0,63}$/, 'definitionId'),
  version: z.number().int().min(1),
  kind: approvalKind,
  name: localizedText,
  steps: z.array(stepDefinition).min(1).max(30).readonly(),
  fileWithDepartment: z.string().trim().min(1).max(64).optional(),
});
export type ApprovalDefinitionDto = z.infer<typeof approvalDefinition>;

export const definitionSummary = z.strictObject({
  id: z.string(),
  kind: approvalKind,
  name: localizedText,
  /** The version new chains start with. */
  version: z.number().int(),
  stepCount: z.number().int(),
  savedAt: isoMoment,
  /** Null for the shipped default. */
  savedBy: person.nullable(),
  /** Chains not closed yet, of any version. */
  openChains: z.number().int(),
});

export const definitionVersion = z.strictObject({
  version: z.number().int(),
  savedAt: isoMoment,
  savedBy: person.nullable(),
  /** Chains that started with this version. */
  chains: z.number().int(),
});

export const definitionProblem = z.strictObject({ problem: definitionProblemCode, stepId: z.string().nullable() });

export const formFacts = z.strictObject({
  amountFen: z.number().int().min(0).max(1e15).optional(),
  grade: z.string().trim().min(1).max(40).optional(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).optional(),
});

const skipReason = z.strictObject({ condition: stepCondition, actual: z.union([z.number(), z.string()]).nullable() });
const escalation = z.strictObject({ reason: escalationReason, resolvedCount: z.number().int() });

export const previewStep = z.strictObject({
  stepId: z.string(),
  name: localizedText,
  how: stepMode,
  skipped: skipReason.nullable(),
  /** Who would be asked, in this order (the author left out). */
  candidates: z.array(person),
  escalation: escalation.nullable(),
  deadlineWorkingDays: z.number().int().nullable(),
});

// ─── A running chain ─────────────────────────────────────────────────────────

export const deadline = z.strictObject({ day: isoDay, calendarVersion: z.string(), provisional: z.boolean() });
export const returnTarget = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('author') }),
  z.strictObject({ to: z.literal('step'), stepId: z.string().max(64) }),
]);

const timelineDecision = z.strictObject({
  seq: z.number().int(),
  stepId: z.string(),
  kind: decisionKind,
  actorId: id,
  principalId: id,
  at: isoMoment,
  opinion: z.string().nullable(),
  contentHash: z.string(),
  returnTo: returnTarget.optional(),
  transferTo: id.optional(),
  voided: z.strictObject({ reason: voidReason, at: isoMoment }).nullable(),
  /** Show "actor 代 principal". */
  delegated: z.boolean(),
});

const timelineSeat = z.strictObject({
  userId: id,
  transferredFrom: id.optional(),
  ballot: timelineDecision.nullable(),
  turn: z.boolean(),
});

const timelineStep = z.strictObject({
  stepId: z.string(),
  name: localizedText,
  how: stepMode,
  status: stepStatus,
  skipped: skipReason.nullable(),
  escalation: escalation.nullable(),
  seats: z.array(timelineSeat),
  tally: z.strictObject({ approvals: z.number().int(), rejections: z.number().int(), pending: z.number().int(), needed: z.number().int() }),
  decisions: z.array(timelineDecision),
  opinionRequired: z.boolean(),
  distinctPerson: z.boolean(),
  deadline: deadline.nullable(),
  overdue: z.boolean(),
  openedAt: isoMoment.nullable(),
  closedAt: isoMoment.nullable(),
});

export const timeline = z.strictObject({
  definitionId: z.string(),
  definitionVersion: z.number().int(),
  name: localizedText,
  status: chainStatus,
  authorId: id,
  contentHash: z.string(),
  currentStepId: z.string().nullable(),
  steps: z.array(timelineStep),
  submissions: z.array(
    z.strictObject({ seq: z.number().int(), kind: submissionKind, at: isoMoment, contentHash: z.string(), opinion: z.string().nullable() }),
  ),
  filedWith: z.strictObject({ departmentCode: z.string(), departmentId: id.nullable(), at: isoMoment }).nullable(),
});

const possibility = z.discriminatedUnion('allowed', [
  z.strictObject({ allowed: z.literal(true) }),
  z.strictObject({ allowed: z.literal(false), reason: approvalRefusal }),
]);

/** A possibility with where it may go (return targets, transfer colleagues). */
function possibilityWith<T extends z.ZodType>(targets: T) {
  return z.discriminatedUnion('allowed', [
    z.strictObject({ allowed: z.literal(true), targets }),
    z.strictObject({ allowed: z.literal(false), reason: approvalRefusal, targets }),
  ]);
}

const delegationRef = z.strictObject({ fromUserId: id, toUserId: id, fromDay: isoDay, toDay: isoDay });

export const seatActions = z.strictObject({
  stepId: z.string(),
  principalId: id,
  /** The delegation that lets the caller act in this seat (null: their own seat). */
  delegation: delegationRef.nullable(),
  approve: possibility,
  reject: possibility,
  return: possibilityWith(z.array(returnTarget)),
  transfer: possibilityWith(z.array(id)),
  opinionRequired: z.strictObject({ approve: z.boolean(), reject: z.literal(true), return: z.literal(true) }),
});

export const availableActions = z.strictObject({
  userId: id,
  seats: z.array(seatActions),
  noSeatBecause: approvalRefusal.nullable(),
  withdraw: possibility,
  resubmit: possibility,
});

/** One chain as a list shows it. */
export const chainSummary = z.strictObject({
  id,
  kind: approvalKind,
  definitionId: z.string(),
  definitionVersion: z.number().int(),
  /** The chain definition's name (授信额度调整 …). */
  name: localizedText,
  /** What the form is about, as its domain says it (the customer's name …). */
  subject: z.string(),
  customerId: id.nullable(),
  /** The amount the form is about (fen), if any. */
  amountFen: z.number().int().nullable(),
  author: person,
  status: chainStatus,
  currentStepId: z.string().nullable(),
  currentStepName: localizedText.nullable(),
  /** The open step's deadline (null when closed or without one). */
  deadline: deadline.nullable(),
  overdue: z.boolean(),
  submittedAt: isoMoment,
  updatedAt: isoMoment,
  closedAt: isoMoment.nullable(),
});
export type ChainSummary = z.infer<typeof chainSummary>;

/** 待我审批: a seat waiting for the caller, or for someone the caller acts for today. */
export const inboxRow = chainSummary.extend({
  stepId: z.string(),
  /** Whose seat: the caller, or the person they act for by delegation. */
  principal: person,
  delegated: z.boolean(),
});

/** 已办: a decision the caller made (as themselves or as a delegate). */
export const doneRow = chainSummary.extend({
  decision: z.strictObject({
    seq: z.number().int(),
    stepId: z.string(),
    stepName: localizedText,
    kind: decisionKind,
    at: isoMoment,
    opinion: z.string().nullable(),
    principal: person,
    delegated: z.boolean(),
    voided: voidReason.nullable(),
  }),
});

const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export const chainDetail = z.strictObject({
  chain: chainSummary,
  /** The form as it was hashed (canonical JSON of this is `contentHash`). */
  content: z.unknown(),
  contentHash: z.string(),
  facts: formFacts,
  timeline,
  /** What the caller may do now, and if not, why (the engine's actionsFor). */
  actions: availableActions,
  /** Everyone the timeline and actions name by id. */
  people: z.array(person),
});
export type ChainDetail = z.infer<typeof chainDetail>;

const opinion = z.string().trim().max(1000).optional();
const decisionBase = {
  chainId: id,
  /** The step the caller saw. */
  stepId: z.string().max(64),
  /** The content hash the caller saw; a changed form is refused (staleContent). */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'contentHash'),
  /** Deciding in the seat of someone who delegated to the caller. */
  onBehalfOf: id.optional(),
  opinion,
};

export const decisionInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('approve'), ...decisionBase }),
  z.strictObject({ kind: z.literal('reject'), ...decisionBase }),
  z.strictObject({ kind: z.literal('return'), to: returnTarget, ...decisionBase }),
  z.strictObject({ kind: z.literal('transfer'), toUserId: id, ...decisionBase }),
]);

// ─── Delegation ──────────────────────────────────────────────────────────────

export const delegation = z.strictObject({
  id,
  from: person,
  to: person,
  fromDay: isoDay,
  toDay: isoDay,
  state: delegationState,
  createdAt: isoMoment,
  endedAt: isoMoment.nullable(),
});
export type DelegationDto = z.infer<typeof delegation>;

export const colleague = z.strictObject({ id, displayName: z.string(), departmentId: id, departmentName: z.string() });

export const departmentHead = z.strictObject({
  departmentId: id,
  code: z.string(),
  name: z.string(),
  head: person.nullable(),
});

export const approvalsMethods = {
  /** 待我审批, oldest deadline first; `total` and `overdue` count every waiting seat. */
  'approvals.inbox': method({
    input: z.strictObject(page),
    output: z.strictObject({ total: z.number().int(), overdue: z.number().int(), rows: z.array(inboxRow) }),
  }),
  /** The count in the navigation. */
  'approvals.inboxCount': method({
    input: empty,
    output: z.strictObject({ total: z.number().int(), overdue: z.number().int() }),
  }),
  /** 我发起的, newest first. */
  'approvals.mine': method({
    input: z.strictObject({ ...page, status: chainStatus.optional() }),
    output: z.strictObject({ total: z.number().int(), rows: z.array(chainSummary) }),
  }),
  /** 已办, newest decision first. */
  'approvals.done': method({
    input: z.strictObject(page),
    output: z.strictObject({ total: z.number().int(), rows: z.array(doneRow) }),
  }),
  /** One chain: visible to its author, its seats and deciders, their delegates, and approvals.manage. */
  'approvals.get': method({ input: z.strictObject({ id }), output: chainDetail }),
  /** 同意 / 拒绝 / 退回 / 转交. A refusal is FORBIDDEN or CONFLICT with details.reason, and writes nothing. */
  'approvals.decide': method({ input: decisionInput, output: chainDetail, writes: true }),
  /** 撤回 by the author while nobody has decided since the last submission. */
  'approvals.withdraw': method({ input: z.strictObject({ chainId: id, opinion }), output: chainDetail, writes: true }),

  /** Active users to delegate to or to preview for (id, name, department). */
  'approvals.colleagues': method({ input: empty, output: z.array(colleague) }),
  /** Delegations the caller gave and received. */
  'approvals.delegations.mine': method({
    input: empty,
    output: z.strictObject({ given: z.array(delegation), received: z.array(delegation) }),
  }),
  /** 委托: the caller hands their approvals to a colleague from fromDay to toDay (both inclusive). */
  'approvals.delegations.create': method({
    input: z.strictObject({ toUserId: id, fromDay: isoDay, toDay: isoDay }),
    output: delegation,
    writes: true,
  }),
  /** Ends a delegation the caller gave (or, with approvals.manage, anyone's) from today. */
  'approvals.delegations.end': method({ input: z.strictObject({ id }), output: delegation, writes: true }),
  /** Every delegation, for the administrator. */
  'approvals.delegations.all': method({
    input: z.strictObject({ includePast: z.boolean().default(false) }),
    output: z.array(delegation),
    permission: 'approvals.manage',
  }),

  'approvals.definitions.list': method({ input: empty, output: z.array(definitionSummary), permission: 'approvals.manage' }),
  /** A definition, the latest version unless one is named, with its versions and any problems. */
  'approvals.definitions.get': method({
    input: z.strictObject({ id: z.string().max(64), version: z.number().int().min(1).optional() }),
    output: z.strictObject({ definition: approvalDefinition, versions: z.array(definitionVersion), problems: z.array(definitionProblem) }),
    permission: 'approvals.manage',
  }),
  /**
   * Saves the steps as a new version (the given `version` must be the latest: CONFLICT
   * otherwise); running chains keep theirs. Problems are a VALIDATION error whose details
   * list them as `{ path: ['steps', i], code: problem }`.
   */
  'approvals.definitions.save': method({
    input: z.strictObject({ definition: approvalDefinition }),
    output: z.strictObject({ definition: approvalDefinition, versions: z.array(definitionVersion), problems: z.array(definitionProblem) }),
    permission: 'approvals.manage',
    writes: true,
  }),
  /** "For this form, these people, in this order", for a definition as edited (saved or not). */
  'approvals.definitions.preview': method({
    input: z.strictObject({ definition: approvalDefinition, authorId: id, facts: formFacts }),
    output: z.strictObject({ steps: z.array(previewStep), problems: z.array(definitionProblem) }),
    permission: 'approvals.manage',
  }),

  /** Departments with their head (负责人), whom `authorDepartmentHead` and `departmentHead` steps name. */
  'approvals.departmentHeads.list': method({ input: empty, output: z.array(departmentHead) }),
  'approvals.departmentHeads.set': method({
    input: z.strictObject({ departmentId: id, headUserId: id.nullable() }),
    output: departmentHead,
    permission: 'approvals.manage',
    writes: true,
  }),
};
