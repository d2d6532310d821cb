// The loan policy as data (SPEC §4, issue 10 item 3): per 密级 and kind the longest period
// in working days, the renewals allowed and whether reading is in the reading room only.
// At lending the terms are copied onto the loan, so a later policy never moves a due date.
import { CONFIDENTIALITY_LEVELS } from '../customers';
import { workingDayDeadline, type Deadline, type WorkingCalendar } from '../working-days';
import { LOAN_KINDS, type DueDateStepKind, type LoanKind, type PolicyProblem } from './codes';

/** 密级: 普通 normal / 秘密 secret / 机密 confidential. */
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

/** One line of the policy: what a file of this 密级 may be lent as this kind for. */
export interface PolicyTerms {
  confidentiality: ConfidentialityLevel;
  kind: LoanKind;
  /** The longest loan period, in working days. */
  maxWorkingDays: number;
  /** How many renewals (续借) may be asked for and approved. */
  renewals: number;
  /** Physical items are read in the reading room only, never taken away. */
  readingRoomOnly: boolean;
}

export interface LoanPolicy {
  /** Goes up with every change the administrator makes. */
  version: number;
  /** One line per 密级 and kind: six in all. */
  terms: readonly PolicyTerms[];
}

const line = (confidentiality: ConfidentialityLevel, kind: LoanKind, maxWorkingDays: number, readingRoomOnly = false): PolicyTerms => ({
  confidentiality,
  kind,
  maxWorkingDays,
  renewals: 1,
  readingRoomOnly,
});

/** SPEC §4: 普通 ≤ 10 working days, 秘密 ≤ 7, 机密 ≤ 5; one renewal; 机密 physical in the reading room. */
export const DEFAULT_LOAN_POLICY: LoanPolicy = {
  version: 1,
  terms: [
    line('normal', 'physical', 10),
    line('normal', 'electronic', 10),
    line('secret', 'physical', 7),
    line('secret', 'electronic', 7),
    line('confidential', 'physical', 5, true),
    line('confidential', 'electronic', 5),
  ],
};

export interface PolicyProblemAt {
  code: PolicyProblem;
  confidentiality: ConfidentialityLevel;
  kind: LoanKind;
}

/** A policy is complete (every 密级 × kind once), with periods ≥ 1 and renewals ≥ 0. */
export function validatePolicy(policy: LoanPolicy): PolicyProblemAt[] {
  const problems: PolicyProblemAt[] = [];
  for (const confidentiality of CONFIDENTIALITY_LEVELS) {
    for (const kind of LOAN_KINDS) {
      const lines = policy.terms.filter((t) => t.confidentiality === confidentiality && t.kind === kind);
      if (lines.length === 0) problems.push({ code: 'termsMissing', confidentiality, kind });
      if (lines.length > 1) problems.push({ code: 'termsDuplicated', confidentiality, kind });
      for (const t of lines) {
        if (!Number.isInteger(t.maxWorkingDays) || t.maxWorkingDays < 1) problems.push({ code: 'maxDaysInvalid', confidentiality, kind });
        if (!Number.isInteger(t.renewals) || t.renewals < 0) problems.push({ code: 'renewalsInvalid', confidentiality, kind });
      }
    }
  }
  return problems;
}

/** The policy line of a 密级 and kind. Throws on a policy that `validatePolicy` refuses. */
export function policyTermsFor(policy: LoanPolicy, confidentiality: ConfidentialityLevel, kind: LoanKind): PolicyTerms {
  const found = policy.terms.find((t) => t.confidentiality === confidentiality && t.kind === kind);
  if (!found) throw new RangeError(`the loan policy has no terms for ${confidentiality} ${kind}`);
  return found;
}

/** The terms copied onto a loan when it is lent. */
export interface LoanTerms {
  policyVersion: number;
  confidentiality: ConfidentialityLevel;
  kinds: readonly LoanKind[];
  /** The strictest of the kinds' lines: the shortest period… */
  maxWorkingDays: number;
  /** …the fewest renewals… */
  renewals: number;
  /** …and the reading room if the physical line says so. */
  readingRoomOnly: boolean;
  /** The policy lines these were taken from. */
  lines: readonly PolicyTerms[];
}

/** The terms of a loan of these kinds of a file of this 密级: the strictest line applies. */
export function loanTermsFor(policy: LoanPolicy, confidentiality: ConfidentialityLevel, kinds: readonly LoanKind[]): LoanTerms {
  if (kinds.length === 0) throw new RangeError('a loan has at least one kind');
  const lines = LOAN_KINDS.filter((k) => kinds.includes(k)).map((k) => policyTermsFor(policy, confidentiality, k));
  return {
    policyVersion: policy.version,
    confidentiality,
    kinds: lines.map((l) => l.kind),
    maxWorkingDays: Math.min(...lines.map((l) => l.maxWorkingDays)),
    renewals: Math.min(...lines.map((l) => l.renewals)),
    readingRoomOnly: lines.some((l) => l.kind === 'physical' && l.readingRoomOnly),
    lines,
  };
}

/** One step of how a due date was reached: the lending, then each approved renewal. */
export interface DueDateStep {
  kind: DueDateStepKind;
  /** The working days asked for. */
  requestedWorkingDays: number;
  /** The working days counted: the request, cut to the terms' longest period. */
  workingDays: number;
  /** The calendar's structured count: from (not counted), day, calendar version, skipped days. */
  deadline: Deadline;
}

/** The count of a loan period on the calendar, from `fromDay` (the lending day, or the old due date). */
export function dueDateStep(calendar: WorkingCalendar, kind: DueDateStepKind, fromDay: string, requestedWorkingDays: number, terms: LoanTerms): DueDateStep {
  const workingDays = Math.min(requestedWorkingDays, terms.maxWorkingDays);
  return { kind, requestedWorkingDays, workingDays, deadline: workingDayDeadline(calendar, fromDay, workingDays) };
}
