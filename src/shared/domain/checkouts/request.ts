// The checkout request (查阅申请单, seed 001 §6): who asks, for which customer files and
// parts, for what purpose (用途), for how long; and which approval chain it goes through
// (seed 000 查询权限).
import { CONFIDENTIALITY_LEVELS } from '../customers';
import type { DepartmentKind } from '../permissions';
import { LOAN_KINDS, type ChainRoute, type CheckoutChainStep, type LoanKind, type RequestProblem } from './codes';
import { policyTermsFor, type ConfidentialityLevel, type LoanPolicy } from './policy';

export const PURPOSE_MAX_LENGTH = 500;

/** One customer file asked for. */
export interface RequestedFile {
  customerId: string;
  /** The highest 密级 of what is asked for: the file's own, or that of the chosen documents. */
  confidentiality: ConfidentialityLevel;
  /** null: the whole file; otherwise the chosen documents' ids. */
  documentIds: readonly string[] | null;
  /** Physical items handed out, electronic reading in the app, or both. */
  kinds: readonly LoanKind[];
}

export interface CheckoutRequest {
  requesterId: string;
  departmentId: string;
  /** The requester's department kind: it picks the chain. */
  departmentKind: DepartmentKind;
  files: readonly RequestedFile[];
  /** 用途 */
  purpose: string;
  /** The period wanted, in working days from the day the loan is lent. */
  periodWorkingDays: number;
  /** Physical items are read in the reading room, not taken away. */
  readingRoom: boolean;
  print: boolean;
  export: boolean;
}

export interface RequestProblemAt {
  code: RequestProblem;
  /** The file of `files` concerned, where one is. */
  fileIndex?: number;
  kind?: LoanKind;
  /** The policy's longest period, for 'periodTooLong'. */
  limit?: number;
}

const levelRank = (level: ConfidentialityLevel): number => CONFIDENTIALITY_LEVELS.indexOf(level);

/** The highest 密级 of some files or documents (normal for none). */
export function highestConfidentiality(levels: Iterable<ConfidentialityLevel>): ConfidentialityLevel {
  let top: ConfidentialityLevel = 'normal';
  for (const l of levels) if (levelRank(l) > levelRank(top)) top = l;
  return top;
}

/** Everything wrong with a request, against the loan policy in force. Empty: it may be submitted. */
export function validateRequest(request: CheckoutRequest, policy: LoanPolicy): RequestProblemAt[] {
  const problems: RequestProblemAt[] = [];
  if (request.files.length === 0) problems.push({ code: 'noFiles' });
  const purpose = request.purpose.trim();
  if (purpose.length === 0) problems.push({ code: 'purposeMissing' });
  if (purpose.length > PURPOSE_MAX_LENGTH) problems.push({ code: 'purposeTooLong', limit: PURPOSE_MAX_LENGTH });
  const periodValid = Number.isInteger(request.periodWorkingDays) && request.periodWorkingDays >= 1;
  if (!periodValid) problems.push({ code: 'periodInvalid' });

  const seen = new Set<string>();
  let electronic = false;
  request.files.forEach((file, fileIndex) => {
    if (seen.has(file.customerId)) problems.push({ code: 'fileDuplicated', fileIndex });
    seen.add(file.customerId);
    if (file.documentIds !== null) {
      if (file.documentIds.length === 0) problems.push({ code: 'noDocumentsChosen', fileIndex });
      if (new Set(file.documentIds).size !== file.documentIds.length) problems.push({ code: 'documentDuplicated', fileIndex });
    }
    const kinds = LOAN_KINDS.filter((k) => file.kinds.includes(k));
    if (kinds.length === 0) problems.push({ code: 'noKinds', fileIndex });
    for (const kind of kinds) {
      const terms = policyTermsFor(policy, file.confidentiality, kind);
      if (periodValid && request.periodWorkingDays > terms.maxWorkingDays) {
        problems.push({ code: 'periodTooLong', fileIndex, kind, limit: terms.maxWorkingDays });
      }
      if (kind === 'physical' && terms.readingRoomOnly && !request.readingRoom) problems.push({ code: 'readingRoomOnly', fileIndex, kind });
      if (kind === 'electronic') {
        electronic = true;
        if (request.departmentKind === 'credit') problems.push({ code: 'electronicNotNeeded', fileIndex, kind });
      }
    }
  });
  if (request.print && !electronic) problems.push({ code: 'printNeedsElectronic' });
  if (request.export && !electronic) problems.push({ code: 'exportNeedsElectronic' });
  return problems;
}

/**
 * The approval a request needs. It agrees with the engine's default 'checkout' definition,
 * whose steps apply by the author's department kind and the form's 密级:
 * - business → credit_head (head of the credit-management department);
 * - other → leadership (company leadership), then filed (备案) with credit management;
 * - credit → no department step (its own department reads every file; physical items only);
 * - a 机密 file anywhere in the request → general_manager as well (the higher approver).
 */
export interface CheckoutChain {
  /** The engine's definition kind. */
  kind: 'checkout';
  route: ChainRoute;
  /** The engine's step ids that apply, in order. Empty: approved on submission. */
  steps: CheckoutChainStep[];
  /** 备案: the approved request is recorded with the credit-management department. */
  filedWithCredit: boolean;
  /** A 机密 file needs the higher approver. */
  higherApprover: boolean;
  /** The facts the engine's step conditions read (FormFacts). */
  facts: { confidentiality: ConfidentialityLevel };
}

export function checkoutChain(departmentKind: DepartmentKind, levels: Iterable<ConfidentialityLevel>): CheckoutChain {
  const confidentiality = highestConfidentiality(levels);
  const route: ChainRoute = departmentKind === 'business' ? 'creditHead' : departmentKind === 'other' ? 'leadership' : 'none';
  const higherApprover = confidentiality === 'confidential';
  const steps: CheckoutChainStep[] = [];
  if (route === 'creditHead') steps.push('credit_head');
  if (route === 'leadership') steps.push('leadership');
  if (higherApprover) steps.push('general_manager');
  return { kind: 'checkout', route, steps, filedWithCredit: route === 'leadership', higherApprover, facts: { confidentiality } };
}

/** The chain of a request: its requester's department kind and the highest 密级 of its files. */
export function chainForRequest(request: CheckoutRequest): CheckoutChain {
  return checkoutChain(
    request.departmentKind,
    request.files.map((f) => f.confidentiality),
  );
}
