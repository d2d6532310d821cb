import { z } from 'zod';
import {
  CHAIN_OUTCOMES,
  EVALUATION_EVENTS,
  EVALUATION_HISTORY_KINDS,
  EVALUATION_KINDS,
  EVALUATION_REFUSALS,
  EVALUATION_STATUSES,
  MAJOR_CREDIT_EVENTS,
  OBJECTION_GROUNDS,
  REVIEWER_ORIGINS,
  ROUND_SKIP_REASONS,
} from '../domain/evaluations/codes';
import { CROSSWALK_PROBLEMS, FINANCIAL_RATIOS, HEADER_FIELDS, INDICATORS, MEASURES, MODEL_KINDS, MODEL_PROBLEMS, MODEL_STATUSES, SCORING_REFUSALS } from '../domain/scoring';
import { MAX_FEN } from '../domain/money';
import { DEADLINE_EXPLANATION_CODES, HOLIDAY_CODES } from '../domain/working-days';
import { chainStatus } from './approvals';
import { method } from './method';
import { fen, id, isoDay, isoMoment, optionalText, person, purpose, text } from './schemas';

// 信用评审 (issue 9, SPEC §2): versioned scoring models, the crosswalk of grades, and
// evaluations through their lifecycle (draft → sheets → consolidation → approval chain →
// 公示 → 异议 → final). The rules are the pure ones of src/shared/domain/scoring and
// src/shared/domain/evaluations: the host enforces with `decide`, the renderer explains
// with `actionsFor` (handed back as `actions`). Every code below is one of their lists.

// ---------------------------------------------------------------------------------------
// Codes

export const evaluationKind = z.enum(EVALUATION_KINDS);
export const evaluationStatus = z.enum(EVALUATION_STATUSES);
export const evaluationEvent = z.enum(EVALUATION_EVENTS);
export const evaluationHistoryKind = z.enum(EVALUATION_HISTORY_KINDS);
export const evaluationRefusalCode = z.enum(EVALUATION_REFUSALS);
export const reviewerOrigin = z.enum(REVIEWER_ORIGINS);
export const chainOutcome = z.enum(CHAIN_OUTCOMES);
export const objectionGround = z.enum(OBJECTION_GROUNDS);
export const majorCreditEvent = z.enum(MAJOR_CREDIT_EVENTS);
export const roundSkipReason = z.enum(ROUND_SKIP_REASONS);
export const modelKind = z.enum(MODEL_KINDS);
export const modelStatus = z.enum(MODEL_STATUSES);
export const modelProblemCode = z.enum(MODEL_PROBLEMS);
export const crosswalkProblemCode = z.enum(CROSSWALK_PROBLEMS);
export const scoringRefusalCode = z.enum(SCORING_REFUSALS);
export const indicator = z.enum(INDICATORS);
export const measure = z.enum(MEASURES);
export const headerField = z.enum(HEADER_FIELDS);
export const REVIEW_DUE_REASON_CODES = ['overdue', 'major_event', 'cycle_due', 'never_evaluated'] as const;

/**
 * Refusals of the evaluations domain (`details.reason`): the lifecycle's own codes, and
 * those of the host around it.
 */
export const EVALUATION_HOST_REFUSALS = [
  'evaluationOpen', // the customer has an evaluation under way: one at a time
  'modelNotPublished', // an evaluation starts only on a published model version
  'modelInvalid', // the model content has problems (details.problems)
  'crosswalkInvalid', // the crosswalk has problems (details.problems)
  'draftExists', // a model has one draft at a time: edit it or publish it
  'notADraft', // only a draft version is published
  'noManagers', // the customer has no 客户经理 or no 客服经理 on file
  'nothingToPreview', // the customer has no evaluation on this model to preview on
  'reviewerNotUser', // the reviewer to add is not an active user
  'evidenceNotOnFile', // an evidence document is not a document of this customer
  'statementInconsistent', // a financial statement's parts exceed their whole (details.field)
  'attachmentNotOnFile', // a document to attach is not a document of this customer
] as const;
export const evaluationsReasons = z.enum([...EVALUATION_REFUSALS, ...EVALUATION_HOST_REFUSALS]);
export type EvaluationsReason = z.infer<typeof evaluationsReasons>;

// ---------------------------------------------------------------------------------------
// Scoring models (data)

/** A label in both languages, as the model data carries it. */
export const modelText = z.strictObject({ 'zh-CN': z.string().trim().min(1).max(200), 'en-US': z.string().trim().min(1).max(200) });
const code = z.string().trim().min(1).max(40);
const points = z.number().int().min(0).max(1000);

export const ratingOption = z.strictObject({ code, points, label: modelText });
export const valueBand = z.strictObject({ from: z.number().nullable(), to: z.number().nullable(), points, label: modelText });
const itemBase = { code, label: modelText, weight: z.number().int().min(1).max(100), group: code.nullable() };
export const ratedItem = z.strictObject({ ...itemBase, kind: z.literal('rated'), options: z.array(ratingOption).min(1).max(10) });
export const computedItem = z.strictObject({
  ...itemBase,
  kind: z.literal('computed'),
  indicator,
  unit: z.enum(['percent', 'count', 'fen', 'years', 'ratio', 'days', 'score', 'flag']),
  bands: z.array(valueBand).min(1).max(20),
});
export const scoringItem = z.discriminatedUnion('kind', [ratedItem, computedItem]);
export const grade = z.strictObject({ code, label: modelText, meaning: modelText });
export const gradeScale = z.strictObject({
  code,
  label: modelText,
  grades: z.array(grade).min(1).max(10),
  bands: z.array(z.strictObject({ grade: code, from: z.number().int(), to: z.number().int() })).min(1).max(10),
});
export const creditLimitRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('fixed'), fen: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('monthly_sales'), months: z.number().min(0).max(120), percent: z.number().min(0).max(1000), capFen: z.number().int().min(0).nullable() }),
]);
export const gradePolicy = z.strictObject({
  limit: creditLimitRule,
  termDays: z.number().int().min(0).max(3650),
  start: z.strictObject({ limit: creditLimitRule, termDays: z.number().int().min(0).max(3650) }),
  measures: z.array(measure).max(MEASURES.length),
  reviewCycleMonths: z.number().int().min(1).max(12),
});
export const modelContent = z.strictObject({
  kind: modelKind,
  name: modelText,
  scoreMax: z.number().int().min(1).max(1000),
  items: z.array(scoringItem).min(1).max(50),
  groups: z.record(code, modelText),
  scale: gradeScale,
  policies: z.record(code, gradePolicy),
  header: z.array(headerField),
  opinions: z.array(z.strictObject({ code, label: modelText })).max(10),
});
export const scoringModel = modelContent.extend({ id: code, version: z.number().int().min(1), status: modelStatus });
export type ScoringModelOut = z.infer<typeof scoringModel>;

export const modelVersionRow = z.strictObject({
  version: z.number().int(),
  status: modelStatus,
  savedBy: person,
  savedAt: isoMoment,
  publishedAt: isoMoment.nullable(),
  /** Evaluations that use this version (they keep it forever). */
  evaluations: z.number().int(),
});
export const modelSummary = z.strictObject({
  id: code,
  kind: modelKind,
  name: modelText,
  /** The version new evaluations use (null: none published yet). */
  published: z.number().int().nullable(),
  /** The draft being edited (null: none). */
  draft: z.number().int().nullable(),
  versions: z.array(modelVersionRow),
});

export const modelProblem = z.strictObject({ code: modelProblemCode, at: z.string().nullable() });
export const crosswalk = z.strictObject({
  version: z.number().int().min(1),
  ranks: z.array(modelText).min(1).max(20),
  entries: z.array(z.strictObject({ scale: code, grade: code, rank: z.number().int() })).max(500),
});
export const crosswalkProblem = z.strictObject({ code: crosswalkProblemCode, scale: z.string(), grade: z.string().nullable() });

const exactScore = z.strictObject({ num: z.number().int(), den: z.number().int() });
const previewSide = z.strictObject({ modelVersion: z.number().int(), score: exactScore, scoreText: z.string(), grade });
const scoringRefusal = z.strictObject({ code: scoringRefusalCode, item: z.string().nullable(), reviewer: z.string().nullable() });
/** "old 78 B → new 71 C" on one customer's latest evaluation of the model. */
export const modelPreview = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), evaluationId: id, old: previewSide, new: previewSide, scoreChange: exactScore, gradeChanged: z.boolean() }),
  z.strictObject({ ok: z.literal(false), evaluationId: id, side: z.enum(['old', 'new']), refusals: z.array(scoringRefusal) }),
]);

// ---------------------------------------------------------------------------------------
// An evaluation as a viewer may see it (viewFor)

const day = isoDay;
const deadline = z.strictObject({
  day,
  from: day,
  length: z.number().int(),
  unit: z.enum(['working-days', 'calendar-days']),
  calendarVersion: z.string(),
  provisional: z.boolean(),
  missingYears: z.array(z.number().int()),
  nominalEnd: day.optional(),
  /** Why the period ends where it does (holidays skipped …). */
  explanation: z.array(z.strictObject({ code: z.enum(DEADLINE_EXPLANATION_CODES), day, holiday: z.enum(HOLIDAY_CODES).optional(), note: z.string().optional() })),
});
export const sheet = z.strictObject({ reviewer: id, ratings: z.record(z.string(), z.string()), opinion: z.string(), submittedOn: day.nullable() });
const itemValue = z.strictObject({ value: z.number(), source: z.enum(['archive', 'entered']) });
export const evaluationDecision = z.strictObject({
  round: z.number().int(),
  score: exactScore,
  scoreText: z.string(),
  computedGrade: z.string(),
  grade: z.string(),
  override: z.strictObject({ grade: z.string(), reason: z.string() }).nullable(),
  policy: z.strictObject({
    limit: creditLimitRule,
    limitFen: z.number().int(),
    termDays: z.number().int(),
    measures: z.array(measure),
    reviewCycleMonths: z.number().int(),
    starting: z.boolean(),
  }),
  decidedBy: id,
  decidedOn: day,
  chain: chainOutcome.nullable(),
});
export const objection = z.strictObject({
  id,
  round: z.number().int(),
  items: z.array(z.string()),
  reasons: z.string(),
  evidence: z.array(id),
  learnedOn: day.nullable(),
  ground: objectionGround,
  enteredBy: id,
  enteredOn: day,
  answerDeadline: deadline,
  from: z.enum(['published', 'final']),
  answer: z.strictObject({ upheld: z.boolean(), text: z.string(), by: id, on: day, late: z.boolean() }).nullable(),
  /** Unanswered after its deadline (today on the host's clock). */
  overdue: z.boolean(),
});
export const historyEntry = z.strictObject({
  kind: evaluationHistoryKind,
  on: day,
  /** A user's id, or `system` for what the host did (the chain's outcome). */
  by: z.union([id, z.literal('system')]),
  round: z.number().int(),
  items: z.array(z.string()).optional(),
  reviewer: id.optional(),
  objectionId: id.optional(),
  grade: z.string().optional(),
  note: z.string().optional(),
});
export const evaluationView = z.strictObject({
  id,
  kind: evaluationKind,
  customerId: id,
  modelId: z.string(),
  modelVersion: z.number().int(),
  status: evaluationStatus,
  startedBy: id,
  startedOn: day,
  accountManager: id,
  serviceManager: id,
  reviewers: z.array(z.strictObject({ userId: id, origin: reviewerOrigin })),
  /** Only the sheets the viewer may see (a reviewer who has not submitted sees only their own). */
  sheets: z.array(sheet),
  /** The other sheets: whose, and whether submitted — never their ratings. */
  hiddenSheets: z.array(z.strictObject({ reviewer: id, submitted: z.boolean() })),
  values: z.record(z.string(), itemValue.nullable()),
  limitBase: z.strictObject({ averageMonthlySalesFen: z.number().int() }),
  settlements: z.array(z.strictObject({ item: z.string(), note: z.string(), by: id, on: day })),
  round: z.number().int(),
  reopenedItems: z.array(z.string()),
  decisions: z.array(evaluationDecision),
  publications: z.array(z.strictObject({ round: z.number().int(), startedOn: day, deadline })),
  objections: z.array(objection),
  finalOn: day.nullable(),
  history: z.array(historyEntry),
  /** 相关文档附件: documents of the customer file the form attaches. */
  attachments: z.array(id),
});

const evaluationRefusal = z.strictObject({ code: evaluationRefusalCode, item: z.string().optional(), scoring: z.array(scoringRefusal).optional() });
/** What the viewer may do now (actionsFor): every event with allowed / why not. */
export const evaluationAction = z.strictObject({ event: evaluationEvent, allowed: z.boolean(), refusal: evaluationRefusal.nullable() });

const ratingOfItem = z.strictObject({ reviewer: id, option: z.string(), level: z.number().int(), points: z.number() });
/** How the score was reached (explain), once every sheet is in. */
export const explanation = z.strictObject({
  modelId: z.string(),
  modelVersion: z.number().int(),
  score: exactScore,
  scoreText: z.string(),
  grade,
  reviewerTotals: z.array(z.strictObject({ reviewer: z.string(), total: exactScore, totalText: z.string() })),
  items: z.array(
    z.strictObject({
      item: z.string(),
      kind: z.enum(['rated', 'computed']),
      label: modelText,
      group: z.string().nullable(),
      weight: z.number().int(),
      max: z.number(),
      points: exactScore,
      contribution: exactScore,
      contributionMax: exactScore,
      lost: exactScore,
      value: z.number().nullable(),
      source: z.enum(['archive', 'entered']).nullable(),
      band: valueBand.nullable(),
      ratings: z.array(ratingOfItem),
      spread: z.number().int(),
      needsSettling: z.boolean(),
      reason: modelText,
    }),
  ),
  biggestLosses: z.array(z.strictObject({ item: z.string(), label: modelText, points: exactScore, max: z.number(), lost: exactScore, reason: modelText })),
  nextGrade: z.strictObject({ grade, needed: exactScore, neededText: z.string() }).nullable(),
  toSettle: z.array(z.string()),
});

/** The header of the paper form (seed 003), filled from the customer file; null: not on file. */
export const formHeader = z.partialRecord(headerField, z.string().nullable());

export const evaluationDetail = z.strictObject({
  evaluation: evaluationView,
  customer: z.strictObject({ id, name: z.string() }),
  /** The model version the evaluation uses (forever). */
  model: scoringModel,
  header: formHeader,
  /** null until every sheet is submitted (then all sheets are visible to everyone). */
  explanation: explanation.nullable(),
  /** Why the sheets in cannot be scored (an entered value missing …); empty when they can. */
  scoringRefusals: z.array(scoringRefusal),
  actions: z.array(evaluationAction),
  /** The approval chain of the current decision (null before consolidation). */
  chain: z.strictObject({ chainId: id, status: chainStatus }).nullable(),
  /** Display names of everyone the evaluation names (reviewers, deciders, authors). */
  people: z.array(person),
  /** The last day an objection can be entered within the publication (null: not published). */
  publicationEnds: day.nullable(),
});
export type EvaluationDetail = z.infer<typeof evaluationDetail>;

export const evaluationSummary = z.strictObject({
  id,
  kind: evaluationKind,
  status: evaluationStatus,
  model: z.strictObject({ id: z.string(), version: z.number().int(), name: modelText }),
  startedOn: day,
  round: z.number().int(),
  /** The current decision (null before consolidation). */
  scoreText: z.string().nullable(),
  grade: z.string().nullable(),
  gradeLabel: modelText.nullable(),
  overridden: z.boolean(),
  reviewers: z.array(person),
  publications: z.number().int(),
  objections: z.number().int(),
  finalOn: day.nullable(),
});

/** The actions a caller sends (the chain's outcome comes from the host itself). */
export const evaluationActInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('add_reviewer'), reviewer: id }),
  z.strictObject({ type: z.literal('remove_reviewer'), reviewer: id }),
  /** The caller's own sheet: ratings item → option (null clears) and the opinion. */
  z.strictObject({ type: z.literal('save_sheet'), ratings: z.record(code, code.nullable()), opinion: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('submit_sheet') }),
  z.strictObject({ type: z.literal('return_sheet'), reviewer: id, reason: text(500) }),
  /** A computed item's value the archive lacks (marked entered). */
  z.strictObject({ type: z.literal('set_value'), item: code, value: z.number().finite() }),
  /** Settle an item where reviewers differ by more than one level, with a note. */
  z.strictObject({ type: z.literal('settle_item'), item: code, note: text(1000) }),
  /** Consolidate: the computed grade, or an override with a written reason; starts the chain. */
  z.strictObject({ type: z.literal('consolidate'), override: z.strictObject({ grade: code, reason: text(1000) }).nullable() }),
  /** 异议 for the customer: the items, the reasons, evidence documents of the file. */
  z.strictObject({
    type: z.literal('enter_objection'),
    items: z.array(code).min(1).max(50),
    reasons: text(2000),
    evidence: z.array(id).min(1).max(50),
    learnedOn: isoDay.nullable(),
  }),
  z.strictObject({ type: z.literal('answer_objection'), objectionId: id, upheld: z.boolean(), answer: text(2000) }),
  /** Close the publication once its period is over (the host also does it). */
  z.strictObject({ type: z.literal('finalize') }),
  z.strictObject({ type: z.literal('cancel'), reason: text(500) }),
  /** 相关文档附件: documents of the customer file (the list replaces the one before). */
  z.strictObject({ type: z.literal('set_attachments'), documents: z.array(id).max(50) }),
]);
export type EvaluationActInput = z.infer<typeof evaluationActInput>;

export const dueReason = z.discriminatedUnion('reason', [
  z.strictObject({ reason: z.literal('overdue'), dueOn: day, days: z.number().int() }),
  z.strictObject({ reason: z.literal('major_event'), event: majorCreditEvent, day }),
  z.strictObject({ reason: z.literal('cycle_due'), dueOn: day }),
  z.strictObject({ reason: z.literal('never_evaluated') }),
]);
export const dueRow = z.strictObject({
  customer: z.strictObject({ id, name: z.string() }),
  reasons: z.array(dueReason),
  dueOn: day.nullable(),
  lastGrade: z.string().nullable(),
  /** The evaluation under way, if any. */
  open: z.strictObject({ id, status: evaluationStatus }).nullable(),
});

export const evaluationSettings = z.strictObject({
  /** 公示期 in working days (default 5). */
  publicationDays: z.number().int().min(1).max(60),
});

// ---------------------------------------------------------------------------------------
// Financial statements (seed 004): the source of the 5C model's ratios

const signedFen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
/** One period's statement, money in fen; the opening balances (null: not known) turn closing into average balances. */
export const financialStatementInput = z.strictObject({
  customerId: id,
  periodStart: isoDay,
  periodEnd: isoDay,
  totalAssetsFen: fen,
  totalLiabilitiesFen: fen,
  currentAssetsFen: fen,
  inventoryFen: fen,
  currentLiabilitiesFen: fen,
  receivablesFen: fen,
  revenueFen: fen,
  costOfSalesFen: fen,
  netProfitFen: signedFen,
  openingReceivablesFen: fen.nullable(),
  openingInventoryFen: fen.nullable(),
  openingEquityFen: signedFen.nullable(),
  /** Where the figures come from (审计报告, 年报 …). */
  source: optionalText(200),
});
const ratioValues = z.strictObject(Object.fromEntries(FINANCIAL_RATIOS.map((r) => [r, z.number().nullable()])) as Record<(typeof FINANCIAL_RATIOS)[number], z.ZodNullable<z.ZodNumber>>);
export const financialStatement = financialStatementInput.omit({ customerId: true }).extend({
  id,
  equityFen: signedFen,
  /** The seven ratios of seed 004 computed from it (null: a divisor is not positive). */
  ratios: ratioValues,
  enteredBy: person,
  enteredAt: isoMoment,
});

// ---------------------------------------------------------------------------------------
// Methods

export const evaluationsMethods = {
  /** Every scoring model with its versions (models are policy, not credit information). */
  'evaluations.models': method({ input: z.strictObject({}), output: z.array(modelSummary), permission: 'customers.read' }),
  /** One version of a model (the published one when `version` is left out). */
  'evaluations.model': method({
    input: z.strictObject({ modelId: code, version: z.number().int().min(1).optional() }),
    output: scoringModel,
    permission: 'customers.read',
  }),
  /**
   * Saves the draft of a model: editing a published model makes a new draft version; a
   * draft is edited in place. CONFLICT `modelInvalid` with `details.problems` when the content has problems.
   */
  'evaluations.saveModelDraft': method({
    input: z.strictObject({ modelId: code, content: modelContent }),
    output: scoringModel,
    permission: 'evaluations.manage',
    writes: true,
  }),
  /** Publishes a draft version: new evaluations use it; past ones keep theirs. */
  'evaluations.publishModel': method({
    input: z.strictObject({ modelId: code, version: z.number().int().min(1) }),
    output: scoringModel,
    permission: 'evaluations.manage',
    writes: true,
  }),
  /** A version (usually the draft) against the published one on a customer's latest evaluation of the model. */
  'evaluations.previewModel': method({
    input: z.strictObject({ modelId: code, version: z.number().int().min(1), customerId: id, purpose }),
    output: modelPreview,
    permission: 'evaluations.manage',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', use: 'read' },
  }),
  /** The crosswalk of every grade of every scale onto one common order. */
  'evaluations.crosswalk': method({
    input: z.strictObject({}),
    output: z.strictObject({ crosswalk, scales: z.array(gradeScale) }),
    permission: 'customers.read',
  }),
  /** Replaces the crosswalk (a new version). CONFLICT `crosswalkInvalid` with `details.problems`. */
  'evaluations.setCrosswalk': method({
    input: z.strictObject({ ranks: crosswalk.shape.ranks, entries: crosswalk.shape.entries }),
    output: crosswalk,
    permission: 'evaluations.manage',
    writes: true,
  }),
  'evaluations.settings': method({ input: z.strictObject({}), output: evaluationSettings, permission: 'customers.read' }),
  'evaluations.setSettings': method({ input: evaluationSettings, output: evaluationSettings, permission: 'evaluations.manage', writes: true }),
  /**
   * Starts an evaluation of a customer on the published version of a model: a periodic
   * review by a 客服经理, a new customer's by the 客户经理. The header is filled and the
   * archive-computed items computed from the file. CONFLICT `evaluationOpen` while another runs.
   * The customer's 客户经理 and 客服经理 are the file's; given here, they are recorded on the
   * file (CONFLICT `noManagers` when neither the file nor the call names them).
   */
  'evaluations.start': method({
    input: z.strictObject({ customerId: id, modelId: code, accountManagerId: id.optional(), serviceManagerId: id.optional() }),
    output: evaluationDetail,
    permission: 'evaluations.take_part',
    writes: true,
  }),
  /** The year-end round (seed 003): drafts for many customers at once; each skipped one says why. */
  'evaluations.startRound': method({
    input: z.strictObject({ customerIds: z.array(id).min(1).max(100_000), modelId: code }),
    output: z.strictObject({
      created: z.array(z.strictObject({ customerId: id, evaluationId: id })),
      skipped: z.array(z.strictObject({ customerId: id, reason: roundSkipReason, evaluationId: id.nullable() })),
    }),
    permission: 'evaluations.take_part',
    writes: true,
  }),
  /**
   * The year-end round as a job (progress and cancel through jobs.progress / jobs.cancel):
   * the customers chosen by list, or by a filter (current grade, department, review due
   * within so many days — every condition given must hold); their drafts are created in one
   * transaction, or none (a cancelled round writes nothing).
   */
  'evaluations.startRoundJob': method({
    input: z.strictObject({
      jobId: z.uuid(),
      modelId: code,
      select: z.discriminatedUnion('by', [
        z.strictObject({ by: z.literal('list'), customerIds: z.array(id).min(1).max(100_000) }),
        z.strictObject({
          by: z.literal('filter'),
          /** Current grades to include; `null` in the list stands for customers not yet graded. */
          grades: z.array(code.nullable()).min(1).max(20).nullable(),
          departmentIds: z.array(id).min(1).max(200).nullable(),
          /** Only customers on the reviews-due list within this horizon (overdue, early review, due, never evaluated). */
          dueWithinDays: z.number().int().min(0).max(366).nullable(),
        }),
      ]),
    }),
    output: z.strictObject({
      created: z.array(z.strictObject({ customerId: id, evaluationId: id })),
      skipped: z.array(z.strictObject({ customerId: id, reason: roundSkipReason, evaluationId: id.nullable() })),
    }),
    permission: 'evaluations.take_part',
    writes: true,
  }),
  /** One evaluation as the caller may see it, with its explanation and what the caller may do. */
  'evaluations.get': method({
    input: z.strictObject({ evaluationId: id, purpose }),
    output: evaluationDetail,
    permission: 'customers.read',
    readsCredit: true,
    /** Its starter and reviewers read it as their work; anyone else as any credit information. */
    readsCustomer: { via: 'evaluation', field: 'evaluationId', use: 'read' },
    /** A publication period over without objection is made final on reading (finalizeDue). */
    writes: true,
  }),
  /** Every evaluation of a customer, newest first. */
  'evaluations.list': method({
    input: z.strictObject({ customerId: id, purpose }),
    output: z.array(evaluationSummary),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', use: 'read' },
    /** A publication period over without objection is made final on reading (finalizeDue). */
    writes: true,
  }),
  /**
   * One step of the lifecycle by the caller, enforced by the pure `decide`: VALIDATION
   * (details.reason) for a bad field, FORBIDDEN for a step that is not the caller's,
   * CONFLICT for a step not possible now. Consolidation starts the approval chain.
   */
  'evaluations.act': method({
    input: z.strictObject({ evaluationId: id, action: evaluationActInput }),
    output: evaluationDetail,
    permission: 'evaluations.take_part',
    writes: true,
  }),
  /**
   * Enters a customer's financial statement for a period (a correction is a new statement;
   * the latest entered for the latest period is the one the 5C model computes its ratios from).
   * VALIDATION `statementInconsistent` (details.field) when a part exceeds its whole.
   */
  'evaluations.addFinancialStatement': method({
    input: financialStatementInput,
    output: financialStatement,
    permission: 'evaluations.take_part',
    writes: true,
  }),
  /** A customer's financial statements with their ratios, the latest period first. */
  'evaluations.financialStatements': method({
    input: z.strictObject({ customerId: id, purpose }),
    output: z.array(financialStatement),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', use: 'read' },
  }),
  /** Customers due for review: overdue first, then early reviews for a major credit event, then due by the cycle, then never evaluated. */
  'evaluations.due': method({
    input: z.strictObject({ horizonDays: z.number().int().min(0).max(366).default(30) }),
    output: z.array(dueRow),
    permission: 'customers.read',
    logsRead: true,
    readsCustomer: { via: 'search' }, // answered to anyone who takes part: only the files the caller may read are listed
    writes: true,
  }),
  /**
   * The evaluation printed like its paper 评审表 (seed 003) as a PDF, in memory: the header,
   * each reviewer's ratings (the sheets the caller may see), the average, the grade, every
   * opinion and the approval timeline. The caller saves it where the user chooses (the
   * desktop shell asks, and records the saved file); the export itself is on record.
   */
  'evaluations.exportPdf': method({
    input: z.strictObject({ evaluationId: id, purpose }),
    output: z.strictObject({
      fileName: z.string(),
      mime: z.literal('application/pdf'),
      contentBase64: z.string(),
      pages: z.number().int().min(1),
      sha256: z.string(),
    }),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'evaluation', field: 'evaluationId', use: 'export' },
    /** As evaluations.get: a publication period over without objection is made final first (finalizeDue). */
    writes: true,
  }),
};

export type EvaluationsMethod = keyof typeof evaluationsMethods;
