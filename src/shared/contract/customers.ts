import { z } from 'zod';
import {
  CONFIDENTIALITY_LEVELS,
  CUSTOMER_KINDS,
  ENTERPRISE_NATURES,
  SERVICE_TYPES,
  VERIFICATION_STATES,
  WARNING_STATES,
} from '../domain/customers';
import { creditCodeProblem, idNumberProblem, normalizeCreditCode, normalizeIdNumber } from '../domain/identifiers';
import { documentMeta } from './documents';
import { method } from './method';
import {
  bankAccount,
  contact,
  contactInput,
  contract,
  creditEvent,
  creditReport,
  feedback,
  payment,
  qualification,
  transaction,
} from './records';
import { fen, id, isoMoment, optionalDay, optionalText, person, purpose, text } from './schemas';

// The customer (SPEC §1): its key data, its file as read, search and 双人核验.

/** Refusals of customers (`details.reason`). */
export const customersReasons = z.enum(['creditCodeTaken', 'idNumberTaken', 'alreadyVerified', 'sameUser']);
export type CustomersReason = z.infer<typeof customersReasons>;

const customerFields = {
  kind: z.enum(CUSTOMER_KINDS),
  name: text(100),
  /** 统一社会信用代码, for an enterprise. */
  creditCode: z.string().max(40).transform(normalizeCreditCode).nullable(),
  /** 公民身份号码, for an individual. */
  idNumber: z.string().max(40).transform(normalizeIdNumber).nullable(),
  enterpriseNature: z.enum(ENTERPRISE_NATURES).nullable(),
  registeredCapitalFen: fen.nullable(),
  legalRepresentative: optionalText(50),
  personInCharge: optionalText(50),
  address: optionalText(200),
  bankName: optionalText(100),
  bankAccount,
  industry: optionalText(50),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  cooperationStart: optionalDay,
  departmentId: id,
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
};

/** An enterprise has a valid credit code, an individual a valid ID number. */
function checkIdentifiers(
  v: { kind: (typeof CUSTOMER_KINDS)[number]; creditCode: string | null; idNumber: string | null },
  ctx: z.RefinementCtx,
): void {
  if (v.kind === 'enterprise') {
    const problem = v.creditCode ? creditCodeProblem(v.creditCode) : 'required';
    if (problem) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: `creditCode.${problem}` });
    if (v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'idNumber.notForEnterprise' });
  } else {
    const problem = v.idNumber ? idNumberProblem(v.idNumber) : 'required';
    if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `idNumber.${problem}` });
    if (v.creditCode) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'creditCode.notForIndividual' });
  }
}

export const customerCreateInput = z
  .strictObject({ ...customerFields, contacts: z.array(contactInput).max(20).default([]) })
  .superRefine(checkIdentifiers);
export const customerUpdateInput = z.strictObject({ id, ...customerFields }).superRefine(checkIdentifiers);

export const customerSummary = z.strictObject({
  id,
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  creditCode: z.string().nullable(),
  idNumber: z.string().nullable(),
  industry: z.string().nullable(),
  departmentId: id,
  departmentName: z.string(),
  grade: z.string().nullable(),
  /** The scale of the current grade (a scoring model's, issue 9); null: not from an evaluation (imported) or none. */
  gradeScale: z.string().nullable(),
  /** The day the current grade took effect (its evaluation became final); null: none. */
  gradeSince: z.string().nullable(),
  /** 授信额度 (fen) and 信用期限 (days) as last approved (creditLimits); null: never set. */
  creditLimitFen: z.number().int().nullable(),
  creditTermDays: z.number().int().nullable(),
  warningState: z.enum(WARNING_STATES),
  verification: z.enum(VERIFICATION_STATES),
});
export type CustomerSummary = z.infer<typeof customerSummary>;
/** Which of a customer's texts a search's text matched (null: no text given). */
export const SEARCH_MATCHES = ['name', 'contact', 'code', 'contractNumber', 'documentTitle'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export const customerBasics = z.strictObject({
  id,
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  creditCode: z.string().nullable(),
  idNumber: z.string().nullable(),
  enterpriseNature: z.enum(ENTERPRISE_NATURES).nullable(),
  registeredCapitalFen: z.number().int().nullable(),
  legalRepresentative: z.string().nullable(),
  personInCharge: z.string().nullable(),
  address: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  industry: z.string().nullable(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  cooperationStart: z.string().nullable(),
  departmentId: id,
  departmentName: z.string(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  grade: z.string().nullable(),
  /** 授信额度 (fen) and 信用期限 (days) as last approved (creditLimits); null: never set. */
  creditLimitFen: z.number().int().nullable(),
  creditTermDays: z.number().int().nullable(),
  warningState: z.enum(WARNING_STATES),
  createdAt: isoMoment,
  updatedAt: isoMoment,
});

export const verificationInfo = z.strictObject({
  state: z.enum(VERIFICATION_STATES),
  enteredBy: person,
  enteredAt: isoMoment,
  verifiedBy: person.nullable(),
  verifiedAt: isoMoment.nullable(),
});

export const creditFigures = z.strictObject({
  salesFen: z.number().int(),
  returnsFen: z.number().int(),
  paidFen: z.number().int(),
  receivableFen: z.number().int(),
  ageing: z.strictObject({ d0_30: z.number().int(), d31_60: z.number().int(), d61_90: z.number().int(), over90: z.number().int() }),
  onTimeRate: z.number().nullable(),
  overdueCount: z.number().int(),
  overdueFen: z.number().int(),
  yearsOfCooperation: z.number().nullable(),
  contractCount: z.number().int(),
  contractAmountFen: z.number().int(),
});

export const customerFile = z.strictObject({
  basics: customerBasics,
  verification: verificationInfo,
  contacts: z.array(contact),
  qualifications: z.array(qualification),
  contracts: z.array(contract),
  transactions: z.array(transaction),
  payments: z.array(payment),
  creditEvents: z.array(creditEvent),
  feedback: z.array(feedback),
  creditReports: z.array(creditReport),
  documents: z.array(documentMeta),
  figures: creditFigures,
});
export type CustomerFile = z.infer<typeof customerFile>;

export const customersMethods = {
  'customers.search': method({
    input: z.strictObject({
      text: z.string().trim().max(100).optional(),
      grade: z.string().max(10).optional(),
      /** With `grade`: only that grade of that scale (A of the 5C scale is not A of the review form). */
      gradeScale: z.string().max(40).optional(),
      /** Only customers without a current grade (not yet graded). */
      ungraded: z.literal(true).optional(),
      industry: z.string().max(50).optional(),
      departmentId: id.optional(),
      warningState: z.enum(WARNING_STATES).optional(),
      verification: z.enum(VERIFICATION_STATES).optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ total: z.number().int(), rows: z.array(customerSummary.extend({ matched: z.enum(SEARCH_MATCHES).nullable(), /** The caller may not read this file (no loan): its credit details are left out. */ restricted: z.literal(true).optional() })) }),
    permission: 'customers.read',
    logsRead: true, // criteria and number of results are recorded
    readsCustomer: { via: 'search' }, // rows of files the caller may not read carry no credit details
  }),
  'customers.facets': method({
    input: z.strictObject({}),
    output: z.strictObject({
      industries: z.array(z.string()),
      grades: z.array(z.string()),
      /** The current grades in the archive with their scale (null: imported, no scale), for the grade filter. */
      gradeScales: z.array(z.strictObject({ scale: z.string().nullable(), grade: z.string() })),
    }),
    permission: 'customers.read',
  }),
  'customers.get': method({
    input: z.strictObject({ id, purpose }),
    output: customerFile,
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'id', use: 'read' },
  }),
  'customers.create': method({
    input: customerCreateInput,
    output: z.strictObject({ id }),
    permission: 'customers.write',
    writes: true,
  }),
  'customers.update': method({
    input: customerUpdateInput,
    output: z.strictObject({ id, verification: z.enum(VERIFICATION_STATES) }),
    permission: 'customers.write',
    writes: true,
  }),
  /** 双人核验: a second user confirms the key data (name, code, bank account). */
  'customers.verify': method({
    input: z.strictObject({ id }),
    output: verificationInfo,
    permission: 'customers.verify',
    writes: true,
  }),

};
