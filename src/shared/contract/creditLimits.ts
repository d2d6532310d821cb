import { z } from 'zod';
import { chainStatus, localizedText } from './approvals';
import { method } from './method';
import { fen, id, isoDay, isoMoment, person, purpose, text } from './schemas';

// 授信额度调整 (issue 8 item 10): an account manager or credit manager asks for a new
// credit limit and credit term (信用期限) for a customer; it goes through the
// credit-limit chain (approvals.*), and on final approval the customer's limit and term
// change and a history row records from when, why and by whose approval.

/** 信用期限 in days: 0 (cash) to ten years. */
export const creditTermDays = z.number().int().min(0).max(3650);

const requestFields = {
  /** The new credit limit, in fen. */
  limitFen: fen,
  termDays: creditTermDays,
  /** 调整原因 */
  reason: text(500),
};

export const creditLimitRequest = z.strictObject({
  chainId: id,
  customer: z.strictObject({ id, name: z.string() }),
  /** The customer's limit and term when the request was (re)submitted (null: none set). */
  before: z.strictObject({ limitFen: z.number().int().nullable(), termDays: z.number().int().nullable() }),
  limitFen: z.number().int(),
  termDays: z.number().int(),
  reason: z.string(),
  status: chainStatus,
  requestedBy: person,
  requestedAt: isoMoment,
  /** When the approved limit took effect (null until the final approval). */
  appliedAt: isoMoment.nullable(),
});
export type CreditLimitRequest = z.infer<typeof creditLimitRequest>;

/** One limit and term a customer had, from when, why and by whose approval. */
export const creditLimitChange = z.strictObject({
  id,
  limitFen: z.number().int(),
  termDays: z.number().int(),
  previousLimitFen: z.number().int().nullable(),
  previousTermDays: z.number().int().nullable(),
  effectiveOn: isoDay,
  effectiveAt: isoMoment,
  reason: z.string(),
  chainId: id,
  requestedBy: person,
  /** The approvals that counted, step by step ("王五 代 张三" when by a delegate). */
  approvals: z.array(
    z.strictObject({ stepId: z.string(), stepName: localizedText, by: person, onBehalfOf: person.nullable(), at: isoMoment }),
  ),
});
export type CreditLimitChange = z.infer<typeof creditLimitChange>;

export const creditLimitsMethods = {
  /** Starts the credit-limit chain for a customer. CONFLICT (reason `requestOpen`) while another request of the customer is open. */
  'creditLimits.request': method({
    input: z.strictObject({ customerId: id, ...requestFields }),
    output: creditLimitRequest,
    permission: 'creditLimits.request',
    writes: true,
  }),
  /** The author edits a returned request and resubmits it; approvals on other content are voided. */
  'creditLimits.resubmit': method({
    input: z.strictObject({ chainId: id, ...requestFields }),
    output: creditLimitRequest,
    permission: 'creditLimits.request',
    writes: true,
  }),
  /** The request of a chain (visible to whoever may see the chain). */
  'creditLimits.get': method({ input: z.strictObject({ chainId: id }), output: creditLimitRequest }),
  /** A customer's current limit and term, every change, and its requests not closed yet. */
  'creditLimits.history': method({
    input: z.strictObject({ customerId: id, purpose }),
    output: z.strictObject({
      current: z.strictObject({ limitFen: z.number().int(), termDays: z.number().int(), since: isoDay }).nullable(),
      changes: z.array(creditLimitChange),
      open: z.array(creditLimitRequest),
    }),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', use: 'read' },
  }),
};

/** Why a credit-limit call is refused beyond the engine's reasons (CONFLICT details.reason). */
export const CREDIT_LIMIT_REFUSALS = ['requestOpen', 'notCreditLimitChain'] as const;
export const creditLimitRefusal = z.enum(CREDIT_LIMIT_REFUSALS);
