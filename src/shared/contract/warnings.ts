import { z } from 'zod';
import { MEASURES } from '../domain/scoring/model';
import {
  CLOSE_REASONS,
  THRESHOLD_UNITS,
  USER_CLOSE_REASONS,
  USER_WARNING_ACTIONS,
  WARNING_EVENTS,
  WARNING_REFUSALS,
  WARNING_RULES,
  WARNING_SEVERITIES,
  WARNING_STATUSES,
  type Evidence,
} from '../domain/warnings';
import { method } from './method';
import { id, isoMoment, optionalText, person, purpose, text } from './schemas';

// 风险预警 (issue 12, SPEC §5): the rules with the credit manager's thresholds, the
// warnings they raise (customer, rule, evidence, severity, measures due by grade) and each
// warning's lifecycle (acknowledged, worked, closed with a reason, reopened by the rules).
// The rules are the pure ones of src/shared/domain/warnings: the host evaluates them
// whenever the data they read changes and once a day; `decide` enforces the lifecycle,
// `actionsFor` is handed back as `actions`.

export const warningRule = z.enum(WARNING_RULES);
export const warningSeverity = z.enum(WARNING_SEVERITIES);
export const warningStatus = z.enum(WARNING_STATUSES);
export const warningEvent = z.enum(WARNING_EVENTS);
export const warningAction = z.enum(USER_WARNING_ACTIONS);
export const closeReason = z.enum(CLOSE_REASONS);
export const userCloseReason = z.enum(USER_CLOSE_REASONS);
export const thresholdUnit = z.enum(THRESHOLD_UNITS);
export const warningRefusalCode = z.enum(WARNING_REFUSALS);
const measure = z.enum(MEASURES);

/** Host refusals around the lifecycle (`details.reason`). */
export const WARNING_HOST_REFUSALS = [
  'thresholdOutOfRange', // a rule's threshold outside its bounds (details.field: the rule)
  'ruleListedTwice', // a rule given twice in one change
] as const;
export const warningsReasons = z.enum([...WARNING_REFUSALS, ...WARNING_HOST_REFUSALS]);

/** The evidence as the rule wrote it (src/shared/domain/warnings Evidence: its figure against its threshold). */
export const evidence = z.custom<Evidence>((v) => typeof v === 'object' && v !== null && typeof (v as { rule?: unknown }).rule === 'string' && (WARNING_RULES as readonly string[]).includes((v as { rule: string }).rule));

export const ruleSetting = z.strictObject({ rule: warningRule, enabled: z.boolean(), threshold: z.number().int().min(0).max(100_000) });
export const ruleRow = ruleSetting.extend({ unit: thresholdUnit, min: z.number().int(), max: z.number().int(), defaultThreshold: z.number().int(), severity: warningSeverity, updatedAt: isoMoment.nullable(), updatedBy: person.nullable() });

export const warningRow = z.strictObject({
  id,
  customer: z.strictObject({ id, name: z.string(), grade: z.string().nullable() }),
  rule: warningRule,
  subject: z.string(),
  severity: warningSeverity,
  status: warningStatus,
  evidence,
  measuresDue: z.array(measure),
  owner: person.nullable(),
  raisedAt: isoMoment,
  updatedAt: isoMoment,
  closedAt: isoMoment.nullable(),
  closeReason: closeReason.nullable(),
  reopened: z.number().int(),
});
export type WarningRow = z.infer<typeof warningRow>;

export const warningHistoryEntry = z.strictObject({
  id,
  kind: warningEvent,
  status: warningStatus,
  /** null: by the rules. */
  by: person.nullable(),
  at: isoMoment,
  note: z.string().nullable(),
  measures: z.array(measure),
  earlyReview: z.boolean(),
  closeReason: closeReason.nullable(),
  evidence: evidence.nullable(),
});

export const warningDetail = warningRow.extend({
  measuresTaken: z.array(measure),
  earlyReview: z.boolean(),
  causePresent: z.boolean(),
  history: z.array(warningHistoryEntry),
  actions: z.array(z.strictObject({ action: warningAction, allowed: z.boolean(), refusal: warningRefusalCode.nullable() })),
});
export type WarningDetail = z.infer<typeof warningDetail>;

export const warningActInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('acknowledge'), note: optionalText(2000) }),
  z.strictObject({ type: z.literal('work'), note: text(2000), measures: z.array(measure).max(20), earlyReview: z.boolean() }),
  z.strictObject({ type: z.literal('close'), reason: userCloseReason, note: text(2000) }),
]);
export type WarningActInput = z.infer<typeof warningActInput>;

const severityCounts = z.strictObject({ severe: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() });

export const warningsMethods = {
  /**
   * Open warnings (or closed ones), most severe first and the oldest first, one page:
   * filtered by severity, rule, owner (the customer's 客户经理) or customer.
   */
  'warnings.list': method({
    input: z.strictObject({
      status: z.enum(['open', 'closed']).default('open'),
      severity: warningSeverity.optional(),
      rule: warningRule.optional(),
      ownerId: id.optional(),
      customerId: id.optional(),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({ rows: z.array(warningRow), total: z.number().int(), bySeverity: severityCounts }),
    permission: 'customers.read',
    logsRead: true,
    readsCustomer: { via: 'many' }, // open warnings over every customer: no loan covers them
  }),
  /** A warning with its history and what the caller may do with it. */
  'warnings.get': method({
    input: z.strictObject({ warningId: id, purpose }),
    output: warningDetail,
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'many' }, // the credit manager's warnings: no loan covers them
  }),
  /** A customer's warnings, open ones first (the file's header badges and its warnings tab). */
  'warnings.ofCustomer': method({
    input: z.strictObject({ customerId: id, purpose }),
    output: z.array(warningDetail),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', use: 'read' },
  }),
  /**
   * Acknowledge, work or close a warning, enforced by the pure `decide`: FORBIDDEN for a
   * step not the caller's, CONFLICT for one not possible now, VALIDATION for a missing note.
   */
  'warnings.act': method({
    input: z.strictObject({ warningId: id, action: warningActInput }),
    output: warningDetail,
    permission: 'warnings.work',
    writes: true,
  }),
  'warnings.rules': method({ input: z.strictObject({}), output: z.array(ruleRow), permission: 'customers.read' }),
  /**
   * Changes rules (on/off, threshold); every customer is evaluated again in the same
   * transaction: a rule turned off closes its warnings, a lower line raises new ones.
   * VALIDATION `thresholdOutOfRange` (details.field: the rule) and nothing changes.
   */
  'warnings.setRules': method({
    input: z.strictObject({ rules: z.array(ruleSetting).min(1).max(WARNING_RULES.length) }),
    output: z.array(ruleRow),
    permission: 'warnings.manage',
    writes: true,
  }),
};
