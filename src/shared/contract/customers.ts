import { z } from 'zod';
import {
  CONFIDENTIALITY_LEVELS,
  CONTACT_ROLES,
  CONTRACT_STATUSES,
  CREDIT_EVENT_KINDS,
  CUSTOMER_KINDS,
  DOCUMENT_CATEGORIES,
  ENTERPRISE_NATURES,
  FEEDBACK_KINDS,
  IMPORT_FORMATS,
  IMPORT_KINDS,
  QUALIFICATION_KINDS,
  RETENTION_PERIODS,
  SERVICE_TYPES,
  TRANSACTION_KINDS,
  VERIFICATION_STATES,
  WARNING_STATES,
} from '../domain/customers';
import { creditCodeProblem, idNumberProblem, normalizeCreditCode, normalizeIdNumber } from '../domain/identifiers';
import { MAX_FEN } from '../domain/money';
import { method } from './method';
import { id, isoDay, isoMoment, text } from './schemas';

// The customer credit file (SPEC §1): schemas and methods.
// Validation messages that a user sees are translation keys (`validation.<key>`).

/** Money in fen (分): a whole number, never floating point; up to MAX_FEN. */
export const fen = z.number().int().min(0).max(MAX_FEN);
export const positiveFen = fen.min(1);

/** Optional free text: trimmed; empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
}

const optionalDay = isoDay.nullable();
const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+()\- ]*$/, 'phone')
  .nullable()
  .transform((v) => (v ? v : null));
const email = z
  .union([z.literal(''), z.email()])
  .nullable()
  .transform((v) => (v ? v : null));
const bankAccount = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9 -]*$/, 'bankAccount')
  .nullable()
  .transform((v) => (v ? v.replace(/[\s-]/g, '') : null));

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

export const contactInput = z.strictObject({
  role: z.enum(CONTACT_ROLES),
  name: text(50),
  phone,
  email,
});

export const customerCreateInput = z
  .strictObject({ ...customerFields, contacts: z.array(contactInput).max(20).default([]) })
  .superRefine(checkIdentifiers);
export const customerUpdateInput = z.strictObject({ id, ...customerFields }).superRefine(checkIdentifiers);

const person = z.strictObject({ id, displayName: z.string() });

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

const record = { id, createdAt: isoMoment };
export const contact = z.strictObject({ ...record, role: z.enum(CONTACT_ROLES), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() });
export const qualification = z.strictObject({
  ...record,
  kind: z.enum(QUALIFICATION_KINDS),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  level: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Computed for today: expired, expiring within 30 days, or fine. */
  validity: z.enum(['valid', 'expiring', 'expired', 'open']),
});
export const contract = z.strictObject({
  ...record,
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
  ...record,
  contractId: id.nullable(),
  kind: z.enum(TRANSACTION_KINDS),
  docNo: z.string().nullable(),
  amountFen: z.number().int(),
  occurredOn: z.string(),
  dueOn: z.string().nullable(),
});
export const payment = z.strictObject({ ...record, contractId: id.nullable(), amountFen: z.number().int(), paidOn: z.string(), ref: z.string().nullable() });
export const creditEvent = z.strictObject({
  ...record,
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
export const documentMeta = z.strictObject({
  id,
  customerId: id,
  category: z.enum(DOCUMENT_CATEGORIES),
  title: z.string(),
  archiveNo: z.string(),
  retention: z.enum(RETENTION_PERIODS),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  electronic: z
    .strictObject({ fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() })
    .nullable(),
  location: z.strictObject({ cabinet: z.string().nullable(), shelf: z.string().nullable(), box: z.string().nullable() }).nullable(),
  addedBy: person,
  addedAt: isoMoment,
});
export type DocumentMeta = z.infer<typeof documentMeta>;

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

/** 用途: why a file is read. Chosen from a list or typed; always recorded. */
export const purpose = z.string().trim().min(2).max(200);

export const RECORD_KINDS = ['contact', 'qualification', 'contract', 'transaction', 'payment', 'creditEvent', 'feedback', 'creditReport'] as const;

const customerRef = { customerId: id };

export const importProblem = z.strictObject({
  /** 1-based row number in the file, the header being row 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  /** Translation key: validation.import.<code> */
  code: z.string(),
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblem>;

const importFile = {
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(IMPORT_FORMATS),
  fileName: text(200),
  /** The file's bytes, base64 (≤ 200 MiB of file). */
  contentBase64: z.string().max(280 * 1024 * 1024),
};

export const customerMethods = {
  'customers.search': method({
    input: z.strictObject({
      text: z.string().trim().max(100).optional(),
      grade: z.string().max(10).optional(),
      industry: z.string().max(50).optional(),
      departmentId: id.optional(),
      warningState: z.enum(WARNING_STATES).optional(),
      verification: z.enum(VERIFICATION_STATES).optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ total: z.number().int(), rows: z.array(customerSummary.extend({ matched: z.enum(SEARCH_MATCHES).nullable() })) }),
    permission: 'customers.read',
    logsRead: true, // criteria and number of results are recorded
  }),
  'customers.facets': method({
    input: z.strictObject({}),
    output: z.strictObject({ industries: z.array(z.string()), grades: z.array(z.string()) }),
    permission: 'customers.read',
  }),
  'customers.get': method({
    input: z.strictObject({ id, purpose }),
    output: customerFile,
    permission: 'customers.read',
    readsCredit: true,
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
  'records.remove': method({
    input: z.strictObject({ kind: z.enum(RECORD_KINDS), id }),
    output: z.null(),
    permission: 'customers.write',
    writes: true,
  }),

  'documents.add': method({
    input: z
      .strictObject({
        ...customerRef,
        category: z.enum(DOCUMENT_CATEGORIES),
        title: text(200),
        /** 档号. Left empty, the next number is given. */
        archiveNo: optionalText(60),
        retention: z.enum(RETENTION_PERIODS),
        confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
        file: z
          .strictObject({
            name: text(200),
            mime: z.string().max(120),
            /** The file's bytes, base64 (≤ 50 MiB of file). */
            contentBase64: z.string().min(1).max(70 * 1024 * 1024),
          })
          .nullable(),
        location: z
          .strictObject({ cabinet: optionalText(40), shelf: optionalText(40), box: optionalText(40) })
          .nullable(),
      })
      .refine((v) => v.file !== null || v.location !== null, { path: ['file'], message: 'documentNeedsFileOrLocation' }),
    output: documentMeta,
    permission: 'documents.write',
    writes: true,
  }),
  /** The content of an electronic document, decrypted in memory only, with the watermark to show. */
  'documents.open': method({
    input: z.strictObject({ id, purpose }),
    output: z.strictObject({
      document: documentMeta,
      contentBase64: z.string(),
      watermark: z.strictObject({ reader: z.string(), at: isoMoment }),
    }),
    permission: 'documents.read',
    readsCredit: true,
  }),

  'imports.template': method({
    input: z.strictObject({ kind: z.enum(IMPORT_KINDS), format: z.enum(IMPORT_FORMATS) }),
    output: z.strictObject({ fileName: z.string(), mime: z.string(), contentBase64: z.string() }),
    permission: 'customers.import',
  }),
  /** Check a file row by row; writes nothing. */
  'imports.preview': method({
    input: z.strictObject(importFile),
    output: z.strictObject({
      rows: z.number().int(),
      problems: z.array(importProblem),
      /** More problems than listed. */
      moreProblems: z.number().int(),
      /** The file row the header was read from (1 unless a title stands above it). */
      headerRow: z.number().int(),
      columns: z.array(z.string()),
      sample: z.array(z.array(z.string())),
    }),
    permission: 'customers.import',
  }),
  /** Check again and write the whole file in one transaction, or nothing. Progress: jobs.progress. */
  'imports.run': method({
    input: z.strictObject({ ...importFile, jobId: z.uuid() }),
    output: z.strictObject({ written: z.number().int() }),
    permission: 'customers.import',
    writes: true,
  }),
  'jobs.progress': method({
    input: z.strictObject({ jobId: z.uuid() }),
    output: z
      .strictObject({
        phase: z.enum(['reading', 'checking', 'writing', 'done', 'cancelled', 'failed']),
        done: z.number().int(),
        total: z.number().int(),
      })
      .nullable(),
    concurrent: true,
  }),
  'jobs.cancel': method({
    input: z.strictObject({ jobId: z.uuid() }),
    output: z.null(),
    concurrent: true,
  }),
};
