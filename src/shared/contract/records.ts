import { z } from 'zod';
import {
  CONTACT_ROLES,
  CONTRACT_STATUSES,
  CREDIT_EVENT_KINDS,
  FEEDBACK_KINDS,
  QUALIFICATION_KINDS,
  TRANSACTION_KINDS,
} from '../domain/customers';
import { RECORD_KINDS, REMOVABLE_KINDS, VOIDABLE_KINDS } from '../domain/voiding';
import { method } from './method';
import { fen, id, isoDay, isoMoment, optionalDay, optionalText, positiveFen, text } from './schemas';

// The records of a customer file (SPEC §1): contacts, qualifications, contracts,
// transactions, payments, credit events, feedback, third-party reports.

/** Refusals of records (`details.reason`). */
export const recordsReasons = z.enum(['contractNoTaken', 'contractInUse', 'alreadyVoided', 'contractHasRecords', 'contractVoided']);
export type RecordsReason = z.infer<typeof recordsReasons>;

export const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+()\- ]*$/, 'phone')
  .nullable()
  .transform((v) => (v ? v : null));
export const email = z
  .union([z.literal(''), z.email()])
  .nullable()
  .transform((v) => (v ? v : null));
export const bankAccount = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9 -]*$/, 'bankAccount')
  .nullable()
  .transform((v) => (v ? v.replace(/[\s-]/g, '') : null));

export const contactInput = z.strictObject({
  role: z.enum(CONTACT_ROLES),
  name: text(50),
  phone,
  email,
});

/** Whether a qualification is in force today. */
export const VALIDITY_STATES = ['valid', 'expiring', 'expired', 'open'] as const;
export type ValidityState = (typeof VALIDITY_STATES)[number];

const record = { id, createdAt: isoMoment };
/** 作废: who voided the record, when and why; null while it is in force. */
export const voidStamp = z.strictObject({ at: isoMoment, by: z.strictObject({ id, displayName: z.string() }), reason: z.string() });
export type VoidStampView = z.infer<typeof voidStamp>;
/** The fields of a record of money or credit: voided, never deleted. */
const voidable = { ...record, voided: voidStamp.nullable() };
export const contact = z.strictObject({ ...record, role: z.enum(CONTACT_ROLES), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() });
export const qualification = z.strictObject({
  ...voidable,
  kind: z.enum(QUALIFICATION_KINDS),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  level: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Computed for today: expired, expiring within 30 days, or fine. */
  validity: z.enum(VALIDITY_STATES),
});
export const contract = z.strictObject({
  ...voidable,
  departmentId: id,
  departmentName: z.string(),
  contractNo: z.string(),
  title: z.string(),
  amountFen: z.number().int(),
  signedOn: z.string(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES),
});
export const transaction = z.strictObject({
  ...voidable,
  contractId: id.nullable(),
  kind: z.enum(TRANSACTION_KINDS),
  docNo: z.string().nullable(),
  amountFen: z.number().int(),
  occurredOn: z.string(),
  dueOn: z.string().nullable(),
});
export const payment = z.strictObject({ ...voidable, contractId: id.nullable(), amountFen: z.number().int(), paidOn: z.string(), ref: z.string().nullable() });
export const creditEvent = z.strictObject({
  ...voidable,
  kind: z.enum(CREDIT_EVENT_KINDS),
  occurredOn: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  source: z.string().nullable(),
});
export const feedback = z.strictObject({ ...record, kind: z.enum(FEEDBACK_KINDS), occurredOn: z.string(), score: z.number().int().nullable(), content: z.string() });
export const creditReport = z.strictObject({
  ...record,
  agency: z.string(),
  reportNo: z.string().nullable(),
  issuedOn: z.string(),
  rating: z.string().nullable(),
  summary: z.string().nullable(),
});
export { RECORD_KINDS, REMOVABLE_KINDS, VOIDABLE_KINDS };

const customerRef = { customerId: id };

export const recordsMethods = {
  'records.addContact': method({ input: contactInput.extend(customerRef), output: z.strictObject({ id }), permission: 'customers.write', writes: true }),
  'records.addQualification': method({
    input: z
      .strictObject({
        ...customerRef,
        kind: z.enum(QUALIFICATION_KINDS),
        number: optionalText(60),
        issuer: optionalText(100),
        level: optionalText(20),
        validFrom: optionalDay,
        validTo: optionalDay,
      })
      .refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, { path: ['validTo'], message: 'dateOrder' }),
    output: z.strictObject({ id }),
    permission: 'customers.write',
    writes: true,
  }),
  'records.addContract': method({
    input: z
      .strictObject({
        ...customerRef,
        departmentId: id,
        /** Left empty, the next number of the department is given (e.g. YW-2026-0007). */
        contractNo: optionalText(40),
        title: text(200),
        amountFen: fen,
        signedOn: isoDay,
        startOn: optionalDay,
        endOn: optionalDay,
        status: z.enum(CONTRACT_STATUSES),
      })
      .refine((v) => !v.startOn || !v.endOn || v.startOn <= v.endOn, { path: ['endOn'], message: 'dateOrder' }),
    output: z.strictObject({ id, contractNo: z.string() }),
    permission: 'customers.write',
    writes: true,
  }),
  'records.addTransaction': method({
    input: z
      .strictObject({
        ...customerRef,
        contractId: id.nullable(),
        kind: z.enum(TRANSACTION_KINDS),
        docNo: optionalText(60),
        amountFen: positiveFen,
        occurredOn: isoDay,
        dueOn: optionalDay,
      })
      .refine((v) => !v.dueOn || v.occurredOn <= v.dueOn, { path: ['dueOn'], message: 'dateOrder' }),
    output: z.strictObject({ id }),
    permission: 'customers.write',
    writes: true,
  }),
  'records.addPayment': method({
    input: z.strictObject({ ...customerRef, contractId: id.nullable(), amountFen: positiveFen, paidOn: isoDay, ref: optionalText(60) }),
    output: z.strictObject({ id }),
    permission: 'customers.write',
    writes: true,
  }),
  'records.addCreditEvent': method({
    input: z.strictObject({
      ...customerRef,
      kind: z.enum(CREDIT_EVENT_KINDS),
      occurredOn: isoDay,
      title: text(200),
      detail: optionalText(2000),
      amountFen: fen.nullable(),
      source: optionalText(100),
    }),
    output: z.strictObject({ id }),
    permission: 'customers.write',
    writes: true,
  }),
  'records.addFeedback': method({
    input: z
      .strictObject({
        ...customerRef,
        kind: z.enum(FEEDBACK_KINDS),
        occurredOn: isoDay,
        score: z.number().int().min(1).max(5).nullable(),
        content: text(2000),
      })
      .refine((v) => v.kind !== 'satisfaction' || v.score !== null, { path: ['score'], message: 'required' }),
    output: z.strictObject({ id }),
    permission: 'customers.write',
    writes: true,
  }),
  'records.addCreditReport': method({
    input: z.strictObject({
      ...customerRef,
      agency: text(100),
      reportNo: optionalText(60),
      issuedOn: isoDay,
      rating: optionalText(20),
      summary: optionalText(2000),
    }),
    output: z.strictObject({ id }),
    permission: 'customers.write',
    writes: true,
  }),
  /** Contacts, feedback and third-party reports only: records of money and credit are voided. */
  'records.remove': method({
    input: z.strictObject({ kind: z.enum(REMOVABLE_KINDS), id }),
    output: z.null(),
    permission: 'customers.write',
    writes: true,
  }),
  /** 作废 / 红冲: the record stays in the file, marked, and no longer counts. */
  'records.void': method({
    input: z.strictObject({ kind: z.enum(VOIDABLE_KINDS), id, reason: text(500) }),
    output: z.null(),
    permission: 'customers.write',
    writes: true,
  }),

};
