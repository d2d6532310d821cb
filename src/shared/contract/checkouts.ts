import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS } from '../domain/customers';
import {
  DEADLINE_EXPLANATION_CODES,
  HOLIDAY_CODES,
  PERIOD_UNITS,
} from '../domain/working-days';
import {
  DUE_DATE_STEP_KINDS,
  ITEM_CONDITIONS,
  LOAN_ACTIONS,
  LOAN_KINDS,
  LOAN_REFUSALS,
  LOAN_STATES,
  LOST_RESOLUTIONS,
  POLICY_PROBLEMS,
  READ_GRANTS,
  REMINDER_KINDS,
  REMINDER_RECIPIENTS,
  RENEWAL_STATES,
  REQUEST_PROBLEMS,
  STORED_LOAN_STATES,
  PURPOSE_MAX_LENGTH,
  type ReadRefusal,
} from '../domain/checkouts';
import { chainStatus } from './approvals';
import { method } from './method';
import { empty, id, isoDay, isoMoment, person, purpose, text } from './schemas';

// Borrowing (借阅与查阅, SPEC §4, issue 10): the loan policy, the checkout request (查阅申请单)
// and its chain, lending and return (档案管理员), renewal and recall, the borrowing log
// (借阅登记簿), the overdue list and reminders, and the print / export of a lent file.
// The rules are the pure ones of src/shared/domain/checkouts; who may read a file is the
// host's reading check, declared on each method that reads (`readsCustomer`, method.ts).

export const loanKind = z.enum(LOAN_KINDS);
export const loanState = z.enum(LOAN_STATES);
export const storedLoanState = z.enum(STORED_LOAN_STATES);
export const confidentiality = z.enum(CONFIDENTIALITY_LEVELS);

/**
 * A read refusal as it crosses the seam. The domain's `notElectronic` (a loan of physical
 * items only) is named `loanPhysicalOnly` here: documents already gives `notElectronic`
 * for a document that has no electronic file.
 */
export const SEAM_READ_REFUSAL = {
  needsLoan: 'needsLoan',
  notBorrower: 'notBorrower',
  loanNotLent: 'loanNotLent',
  loanReturned: 'loanReturned',
  loanLost: 'loanLost',
  loanOverdue: 'loanOverdue',
  documentNotLent: 'documentNotLent',
  notElectronic: 'loanPhysicalOnly',
} as const satisfies Record<ReadRefusal, string>;

/** Refusals of borrowing beyond the pure rules' lists. */
export const CHECKOUT_HOST_REFUSALS = [
  'printNotGranted', // the request did not ask (and was not approved) for printing
  'exportNotGranted',
  'criteriaNeedCreditDepartment', // a search by grade or warning only the credit department may run
  'documentNotInFile', // a chosen document belongs to another customer
  'itemNotPhysical', // an item handed out that has no physical original
  'notCheckoutChain',
  'notYourLoan', // a loan the caller neither borrowed, lends, nor heads the department of
] as const;

function unique<T extends string>(...lists: readonly (readonly T[])[]): [T, ...T[]] {
  return [...new Set(lists.flat())] as [T, ...T[]];
}

/** Every `details.reason` borrowing gives: read refusals, the loan's, the request's, the policy's, the host's. */
export const checkoutsReasons = z.enum(
  unique<string>(
    Object.values(SEAM_READ_REFUSAL),
    LOAN_REFUSALS,
    REQUEST_PROBLEMS,
    POLICY_PROBLEMS,
    CHECKOUT_HOST_REFUSALS,
  ) as [CheckoutReason, ...CheckoutReason[]],
);
export type CheckoutReason =
  | (typeof SEAM_READ_REFUSAL)[ReadRefusal]
  | (typeof LOAN_REFUSALS)[number]
  | (typeof REQUEST_PROBLEMS)[number]
  | (typeof POLICY_PROBLEMS)[number]
  | (typeof CHECKOUT_HOST_REFUSALS)[number];

// ─── The policy ─────────────────────────────────────────────────────────────

const policyLine = z.strictObject({
  confidentiality,
  kind: loanKind,
  maxWorkingDays: z.number().int().min(1).max(250),
  renewals: z.number().int().min(0).max(10),
  readingRoomOnly: z.boolean(),
});

export const loanPolicy = z.strictObject({
  version: z.number().int(),
  terms: z.array(policyLine),
  setBy: person.nullable(),
  setAt: isoMoment.nullable(),
});
export type LoanPolicyView = z.infer<typeof loanPolicy>;

// ─── A loan ─────────────────────────────────────────────────────────────────

const deadlineExplanation = z.strictObject({
  code: z.enum(DEADLINE_EXPLANATION_CODES),
  day: isoDay,
  holiday: z.enum(HOLIDAY_CODES).optional(),
  note: z.string().optional(),
});

/** How a working-day count reached its day (the calendar's own structured explanation). */
export const countedDeadline = z.strictObject({
  day: isoDay,
  from: isoDay,
  length: z.number().int(),
  unit: z.enum(PERIOD_UNITS),
  calendarVersion: z.string(),
  provisional: z.boolean(),
  missingYears: z.array(z.number().int()),
  nominalEnd: isoDay.optional(),
  explanation: z.array(deadlineExplanation),
});

const dueDateStep = z.strictObject({
  kind: z.enum(DUE_DATE_STEP_KINDS),
  requestedWorkingDays: z.number().int(),
  workingDays: z.number().int(),
  deadline: countedDeadline,
});

const loanTerms = z.strictObject({
  policyVersion: z.number().int(),
  confidentiality,
  kinds: z.array(loanKind),
  maxWorkingDays: z.number().int(),
  renewals: z.number().int(),
  readingRoomOnly: z.boolean(),
  lines: z.array(policyLine),
});

export const loanItem = z.strictObject({
  documentId: id,
  title: z.string(),
  archiveNo: z.string(),
  location: z.string(),
  condition: z.enum(ITEM_CONDITIONS).nullable(),
  note: z.string(),
  returnedAt: isoMoment.nullable(),
  resolution: z.enum(LOST_RESOLUTIONS).nullable(),
  resolutionNote: z.string(),
  resolvedAt: isoMoment.nullable(),
});

export const loanView = z.strictObject({
  id,
  requestId: id,
  /** The request's chain (审批单). */
  chainId: id,
  chainStatus,
  borrower: person,
  department: z.strictObject({ id, name: z.string() }),
  customer: z.strictObject({ id, name: z.string() }),
  confidentiality,
  /** As shown today: a loan out past its due date is `overdue`. */
  state: loanState,
  storedState: storedLoanState,
  kinds: z.array(loanKind),
  /** null: the whole file. */
  documents: z.array(z.strictObject({ id, title: z.string(), archiveNo: z.string() })).nullable(),
  purpose: z.string(),
  periodWorkingDays: z.number().int(),
  readingRoom: z.boolean(),
  print: z.boolean(),
  export: z.boolean(),
  requestedAt: isoMoment,
  decidedAt: isoMoment.nullable(),
  /** 借阅时间 */
  lentAt: isoMoment.nullable(),
  lentBy: person.nullable(),
  /** 归还日期: the last day it may be kept and read. */
  dueDate: isoDay.nullable(),
  closedAt: isoMoment.nullable(),
  items: z.array(loanItem),
  renewals: z.array(
    z.strictObject({
      state: z.enum(RENEWAL_STATES),
      chainId: id.nullable(),
      requestedAt: isoMoment,
      requestedWorkingDays: z.number().int(),
      decidedAt: isoMoment.nullable(),
      /** The due date the approved renewal reached (counted from the old one). */
      dueDate: isoDay.nullable(),
    }),
  ),
  recalls: z.array(z.strictObject({ at: isoMoment, day: isoDay, by: person, note: z.string() })),
  overdue: z.strictObject({ calendarDays: z.number().int(), workingDays: z.number().int() }),
  /** How the due date was reached: the terms copied at lending, then each step counted. */
  dueDateExplanation: z.strictObject({ dueDate: isoDay, terms: loanTerms, steps: z.array(dueDateStep) }).nullable(),
  /** What the caller may do now, and why not (the same guards the host enforces). */
  actions: z.array(z.strictObject({ action: z.enum(LOAN_ACTIONS), allowed: z.boolean(), reason: z.enum(LOAN_REFUSALS).nullable() })),
});
export type LoanView = z.infer<typeof loanView>;

export const checkoutRequestView = z.strictObject({
  id,
  chainId: id,
  chainStatus,
  requester: person,
  department: z.strictObject({ id, name: z.string() }),
  purpose: z.string(),
  periodWorkingDays: z.number().int(),
  readingRoom: z.boolean(),
  print: z.boolean(),
  export: z.boolean(),
  requestedAt: isoMoment,
  loans: z.array(loanView),
});
export type CheckoutRequestView = z.infer<typeof checkoutRequestView>;

export const reminderView = z.strictObject({
  key: z.string(),
  kind: z.enum(REMINDER_KINDS),
  /** Why the caller is told: as the borrower, the archivist, or the borrower's department head. */
  as: z.enum(REMINDER_RECIPIENTS),
  since: isoDay,
  dueDate: isoDay,
  loanId: id,
  customer: z.strictObject({ id, name: z.string() }),
  borrower: person,
  overdue: z.strictObject({ calendarDays: z.number().int(), workingDays: z.number().int() }),
});
export type ReminderView = z.infer<typeof reminderView>;

// ─── Inputs ─────────────────────────────────────────────────────────────────

const requestedFile = z.strictObject({
  customerId: id,
  /** null: the whole file. */
  documentIds: z.array(id).max(200).nullable(),
  kinds: z.array(loanKind).min(1).max(2),
});

const requestFields = {
  files: z.array(requestedFile).min(1).max(20),
  /** 用途 */
  purpose: text(PURPOSE_MAX_LENGTH),
  periodWorkingDays: z.number().int().min(1).max(250),
  readingRoom: z.boolean().default(false),
  print: z.boolean().default(false),
  export: z.boolean().default(false),
};

const logFilter = {
  states: z.array(loanState).max(LOAN_STATES.length).optional(),
  borrowerId: id.optional(),
  departmentId: id.optional(),
  customerId: id.optional(),
  /** Requested on or after this day. */
  from: isoDay.optional(),
  /** Requested on or before this day. */
  to: isoDay.optional(),
};

const loanRef = { loanId: id };
const fileUse = { customerId: id, documentId: id.nullable().default(null), purpose };

export const checkoutsMethods = {
  /** The loan policy in force (per 密级 × kind: the longest period, renewals, reading room). */
  'checkouts.policy': method({ input: empty, output: loanPolicy }),
  /** Replaces the policy (a new version). Loans already lent keep the terms copied onto them. */
  'checkouts.setPolicy': method({
    input: z.strictObject({ terms: z.array(policyLine).min(1).max(12) }),
    output: loanPolicy,
    permission: 'checkouts.policy',
    writes: true,
  }),
  /**
   * 查阅申请单: one or several customer files, the parts, purpose, period, print/export.
   * Starts the checkout chain (business → head of credit management; other → leadership,
   * filed with credit; 机密 → the general manager too). VALIDATION `details.reason` (the first
   * of `details.problems`) when the request breaks the policy.
   */
  'checkouts.request': method({ input: z.strictObject(requestFields), output: checkoutRequestView, writes: true }),
  /** One request with its loans (its requester, the archivist, the credit department, the approvers). */
  'checkouts.get': method({ input: z.strictObject({ requestId: id }), output: checkoutRequestView }),
  /** One loan, with how its due date was reached and what the caller may do. */
  'checkouts.loan': method({ input: z.strictObject(loanRef), output: loanView }),
  /** 档案管理员 lends an approved loan: physical items by location, or electronic reading opened. */
  'checkouts.lend': method({
    input: z.strictObject({
      ...loanRef,
      /** The physical items handed out; the location defaults to the document's own. */
      items: z.array(z.strictObject({ documentId: id, location: z.string().trim().max(120).optional() })).max(200),
    }),
    output: loanView,
    permission: 'checkouts.lend',
    writes: true,
  }),
  /** Each item checked back: complete, missing or damaged (with a note). A missing item leaves the loan lost. */
  'checkouts.return': method({
    input: z.strictObject({
      ...loanRef,
      items: z.array(z.strictObject({ documentId: id, condition: z.enum(ITEM_CONDITIONS), note: z.string().trim().max(500).default('') })).max(200),
    }),
    output: loanView,
    permission: 'checkouts.lend',
    writes: true,
  }),
  /** A missing item is found or written off; once none is left the loan is returned. */
  'checkouts.resolveLost': method({
    input: z.strictObject({
      ...loanRef,
      items: z.array(z.strictObject({ documentId: id, resolution: z.enum(LOST_RESOLUTIONS), note: z.string().trim().max(500) })).min(1).max(200),
    }),
    output: loanView,
    permission: 'checkouts.lend',
    writes: true,
  }),
  /** 续借: the borrower asks; it goes through the checkout chain and counts from the old due date. */
  'checkouts.renew': method({
    input: z.strictObject({ ...loanRef, workingDays: z.number().int().min(1).max(250) }),
    output: loanView,
    writes: true,
  }),
  /** 催还: the archivist asks for the file back (it blocks renewal and reminds the borrower). */
  'checkouts.recall': method({
    input: z.strictObject({ ...loanRef, note: z.string().trim().max(500).default('') }),
    output: loanView,
    permission: 'checkouts.lend',
    writes: true,
  }),
  /** 借阅登记簿: every loan with its state, filtered, newest request first. */
  'checkouts.log': method({
    input: z.strictObject({ ...logFilter, offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.strictObject({ total: z.number().int(), rows: z.array(loanView) }),
    permission: 'checkouts.lend',
  }),
  /** Loans out past their due date, most overdue first, with the days (counted at call time). */
  'checkouts.overdue': method({
    input: z.strictObject({ offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.strictObject({ total: z.number().int(), rows: z.array(loanView) }),
    permission: 'checkouts.lend',
  }),
  /** The caller's own loans (the borrower's home page): not closed ones first. */
  'checkouts.mine': method({ input: empty, output: z.array(loanView) }),
  /** Reminders due today for the caller: as borrower, archivist or department head. */
  'checkouts.reminders': method({ input: empty, output: z.array(reminderView) }),
  /** The loans of one customer file (who has it now and until when). */
  'checkouts.ofCustomer': method({ input: z.strictObject({ customerId: id }), output: z.array(loanView) }),
  /** Printing a file or document: allowed by the loan's print right (or the department), recorded as a print. */
  'checkouts.print': method({
    input: z.strictObject(fileUse),
    output: z.strictObject({ watermark: z.strictObject({ reader: z.string(), at: isoMoment }), via: z.enum(READ_GRANTS) }),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', documentField: 'documentId', use: 'print' },
  }),
  /** Exporting a file or document: allowed by the loan's export right (or the department), recorded as an export. */
  'checkouts.export': method({
    input: z.strictObject(fileUse),
    output: z.strictObject({ watermark: z.strictObject({ reader: z.string(), at: isoMoment }), via: z.enum(READ_GRANTS) }),
    permission: 'customers.read',
    readsCredit: true,
    readsCustomer: { via: 'customer', field: 'customerId', documentField: 'documentId', use: 'export' },
  }),
};

export type CheckoutsMethod = keyof typeof checkoutsMethods;
