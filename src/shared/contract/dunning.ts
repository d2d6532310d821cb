import { z } from 'zod';
import { DUNNING_REFUSALS, DUNNING_STEP_KINDS, DUNNING_STEP_STATUSES, REMINDER_CHANNELS, SALE_PAYMENT_STATES } from '../domain/dunning';
import { chainStatus } from './approvals';
import { method } from './method';
import { empty, id, isoDay, isoMoment, person, purpose, text } from './schemas';

// 催收 (seed 003 五(二), issue 12 item 3): each open sale's steps by its due date — the
// 客服经理's reminder in the last week, the collection letter (催款函) once overdue, and after
// 15 days overdue the recommendation to turn the deposit into a penalty and suspend
// cooperation, which goes through its approval chain. The steps are derived from the dates
// at every call (shared/domain/dunning), so a day nobody opened the app loses none.

export const dunningStepKind = z.enum(DUNNING_STEP_KINDS);
export const reminderChannel = z.enum(REMINDER_CHANNELS);

export const dunningStep = z.strictObject({
  kind: dunningStepKind,
  opensOn: isoDay,
  status: z.enum(DUNNING_STEP_STATUSES),
  /** What was recorded: the day, by whom, how (a reminder), the chain (a suspension). */
  record: z
    .strictObject({ id, on: isoDay, by: person, channel: reminderChannel.nullable(), note: z.string().nullable(), chainId: id.nullable(), chainStatus: chainStatus.nullable(), at: isoMoment })
    .nullable(),
});

/** One sale of the customer with where its payment and dunning stand. */
export const saleDunningView = z.strictObject({
  saleId: id,
  docNo: z.string().nullable(),
  contractNo: z.string().nullable(),
  occurredOn: isoDay,
  dueOn: isoDay.nullable(),
  amountFen: z.number().int(),
  balanceFen: z.number().int(),
  state: z.enum(SALE_PAYMENT_STATES),
  daysOverdue: z.number().int(),
  steps: z.array(dunningStep),
  due: z.array(dunningStepKind),
});
export type SaleDunningView = z.infer<typeof saleDunningView>;

/** A step due now somewhere in the archive: the work list and the home page's count. */
export const dunningWorkItem = z.strictObject({
  customer: z.strictObject({ id, name: z.string() }),
  saleId: id,
  docNo: z.string().nullable(),
  dueOn: isoDay,
  balanceFen: z.number().int(),
  daysOverdue: z.number().int(),
  kind: dunningStepKind,
});

const letterTemplate = z.string().trim().min(20).max(5000);

export const dunningMethods = {
  /** The customer's sales, each with its balance, days overdue and dunning steps (oldest open first). */
  'dunning.sales': method({
    input: z.strictObject({ customerId: id, purpose }),
    output: z.strictObject({
      sales: z.array(saleDunningView),
      /** 停止合作: since when, by which approved chain (null: cooperation goes on). */
      cooperationSuspended: z.strictObject({ on: isoDay, chainId: id }).nullable(),
    }),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', use: 'read' },
  }),
  /** The steps due today over the customers the caller serves (客服经理) or, for the credit manager, all. */
  'dunning.work': method({
    input: empty,
    output: z.strictObject({ items: z.array(dunningWorkItem), counts: z.strictObject({ reminder: z.number().int(), letter: z.number().int(), suspension: z.number().int() }) }),
    permission: 'dunning.work',
  }),
  /** A reminder made (电话/传真/邮件/上门), recorded as done by the caller. */
  'dunning.recordReminder': method({
    input: z.strictObject({ saleId: id, channel: reminderChannel, note: text(500).nullable().default(null) }),
    output: saleDunningView,
    permission: 'dunning.work',
    writes: true,
  }),
  /**
   * The collection letter (催款函) from the template, filled from the file; the first one
   * records the letter step as done. The PDF comes back for the user to save where they choose (logged).
   */
  'dunning.letter': method({
    input: z.strictObject({ saleId: id }),
    output: z.strictObject({ sale: saleDunningView, text: z.string(), fileName: z.string(), mime: z.literal('application/pdf'), contentBase64: z.string(), pages: z.number().int() }),
    permission: 'dunning.work',
    writes: true,
  }),
  /** 保证金转违约金 and 停止合作: the recommendation starts its approval chain. */
  'dunning.recommendSuspension': method({
    input: z.strictObject({ saleId: id, reason: text(500) }),
    output: z.strictObject({ sale: saleDunningView, chainId: id }),
    permission: 'dunning.work',
    writes: true,
  }),
  /** The collection letter's template (the shipped one until the administrator saves another). */
  'dunning.template': method({
    input: empty,
    output: z.strictObject({ text: z.string(), savedAt: isoMoment.nullable(), savedBy: person.nullable(), fields: z.array(z.string()) }),
    permission: 'dunning.work',
  }),
  /** Saves the template; VALIDATION (reason `unknownPlaceholder`) when it names a field that does not exist. */
  'dunning.setTemplate': method({
    input: z.strictObject({ text: letterTemplate }),
    output: z.null(),
    permission: 'settings.manage',
    writes: true,
  }),
};

/** What the suspension's approval chain carries (its content, as the approvers see it). */
export const suspensionContent = z.object({
  customerId: id,
  customerName: z.string(),
  saleId: id,
  docNo: z.string().nullable(),
  contractNo: z.string().nullable(),
  dueOn: isoDay,
  amountFen: z.number().int(),
  balanceFen: z.number().int(),
  daysOverdue: z.number().int(),
  reason: z.string(),
});
export type SuspensionContent = z.infer<typeof suspensionContent>;

/** Why a dunning call is refused (details.reason); the steps' own refusals come from the domain. */
export const dunningReasons = z.enum([...DUNNING_REFUSALS, 'notASale', 'unknownPlaceholder']);
