// The closed lists of dunning (催收, seed 003 五(二), issue 12 item 3): every code that crosses
// the seam is one of these, so the contract can say `z.enum(...)` and the texts are complete
// by type.

/**
 * The steps of seed 003 五(二) for one open sale, in order:
 * - `reminder`: in the last week before the due date the 客服经理 reminds the customer by
 *   telephone, fax or mail (recorded as done, with the channel);
 * - `letter`: once the due date has passed, a collection letter (催款函) at once;
 * - `suspension`: more than 15 days overdue, the recommendation that the deposit becomes a
 *   penalty (保证金转违约金) and cooperation stops (停止合作) — decided by an approval chain.
 */
export const DUNNING_STEP_KINDS = ['reminder', 'letter', 'suspension'] as const;
export type DunningStepKind = (typeof DUNNING_STEP_KINDS)[number];

/** How a reminder reached the customer (seed 003: 电话、传真、Mail). */
export const REMINDER_CHANNELS = ['phone', 'fax', 'email', 'visit'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/**
 * Where one step stands on a day:
 * - `not_yet`: its window has not opened;
 * - `due`: to be done now;
 * - `missed`: a reminder whose week passed without one (it stays listed: a day nobody opened
 *   the app loses no step, and the file shows what was not done);
 * - `in_approval`: a suspension recommendation whose chain is running;
 * - `done`: recorded (for a suspension: the chain approved it);
 * - `rejected`: the chain rejected the suspension (it may be recommended again);
 * - `moot`: the sale was settled before the step was done or needed.
 */
export const DUNNING_STEP_STATUSES = ['not_yet', 'due', 'missed', 'in_approval', 'done', 'rejected', 'moot'] as const;
export type DunningStepStatus = (typeof DUNNING_STEP_STATUSES)[number];

/** A sale's state for the file's list: paid, open and not yet near its due date, due within the week, overdue. */
export const SALE_PAYMENT_STATES = ['paid', 'open', 'due_soon', 'overdue', 'no_due_date'] as const;
export type SalePaymentState = (typeof SALE_PAYMENT_STATES)[number];

/** Why recording a dunning step is refused. */
export const DUNNING_REFUSALS = [
  'sale_settled', // nothing is owed on the sale any more
  'step_not_open', // the step's window has not opened (a reminder before the last week, a letter before the due date …)
  'step_done', // the step is recorded already
  'suspension_in_approval', // the suspension's chain is running
  'no_due_date', // a sale without a due date has no dunning
] as const;
export type DunningRefusal = (typeof DUNNING_REFUSALS)[number];
