// Who may read a customer file or one of its documents (seed 000 查询权限, issue 10 item 1).
// Called on every open of a file, a document, an evaluation, a print and an export, so it
// only walks the few loans the host fetched by (borrower, customer): no calendar needed,
// since a due date is a day and reading lasts through it.
import type { DepartmentKind } from '../permissions';
import { OUT_STATES, type ReadRefusal } from './codes';
import type { LoanAccessView } from './loan';

export interface Reader {
  userId: string;
  departmentKind: DepartmentKind;
  /**
   * The archivist (档案管理员) keeps the archive: enters and verifies files, lends and takes
   * them back, so reads every file wherever their department is. The host says so from the
   * lending right (permission `checkouts.lend`).
   */
  keepsArchive?: boolean;
}

export type ReadAccess =
  /** The credit-management department reads every file; print and export follow its permissions. */
  | { allowed: true; via: 'creditDepartment' | 'archiveKeeper'; print: true; export: true }
  /** Through a loan: until its due date, and print or export only if the request asked for them. */
  | { allowed: true; via: 'loan'; loanId: string; dueDate: string; print: boolean; export: boolean }
  /** `loanId`: the loan that came nearest, so the screen can say which one and offer the next step. */
  | { allowed: false; reason: ReadRefusal; loanId: string | null };

/** Stored states a loan may grant reading in: the host fetches only these when it wants the fast path. */
export const READING_STATES = OUT_STATES;

// When no loan grants reading, the refusal names the loan nearest to granting it.
const NEARNESS: readonly ReadRefusal[] = ['documentNotLent', 'notElectronic', 'loanOverdue', 'loanNotLent', 'loanLost', 'loanReturned', 'notBorrower', 'needsLoan'];

function refusalOf(loan: LoanAccessView, reader: Reader, documentId: string | null, today: string): ReadRefusal | null {
  if (loan.borrowerId !== reader.userId) return 'notBorrower';
  switch (loan.state) {
    case 'returned':
      return 'loanReturned';
    case 'lost':
      return 'loanLost';
    case 'lent':
    case 'renewed':
      break;
    default:
      return 'loanNotLent';
  }
  if (loan.dueDate === null || today > loan.dueDate) return 'loanOverdue';
  if (!loan.kinds.includes('electronic')) return 'notElectronic';
  if (documentId !== null && loan.documentIds !== null && !loan.documentIds.includes(documentId)) return 'documentNotLent';
  return null;
}

/**
 * May `reader` read customer `customerId` (its file, or with `documentId` that document) in
 * the app on `today`? `loans` are the reader's loans (others' are ignored, as 'notBorrower'),
 * of any customer; only those of `customerId` count.
 */
export function readAccess(reader: Reader, customerId: string, documentId: string | null, loans: Iterable<LoanAccessView>, today: string): ReadAccess {
  if (reader.departmentKind === 'credit') return { allowed: true, via: 'creditDepartment', print: true, export: true };
  if (reader.keepsArchive === true) return { allowed: true, via: 'archiveKeeper', print: true, export: true };
  let best: { reason: ReadRefusal; loanId: string | null } = { reason: 'needsLoan', loanId: null };
  let granted: LoanAccessView | null = null;
  for (const loan of loans) {
    if (loan.customerId !== customerId) continue;
    const reason = refusalOf(loan, reader, documentId, today);
    if (reason === null) {
      // Several loans may cover the file: the one lasting longest, with the most rights, wins.
      if (granted === null || grantsMore(loan, granted)) granted = loan;
      continue;
    }
    if (NEARNESS.indexOf(reason) < NEARNESS.indexOf(best.reason)) best = { reason, loanId: loan.id };
  }
  if (granted) return { allowed: true, via: 'loan', loanId: granted.id, dueDate: granted.dueDate as string, print: granted.print, export: granted.export };
  return { allowed: false, ...best };
}

function grantsMore(a: LoanAccessView, b: LoanAccessView): boolean {
  const rights = (l: LoanAccessView) => Number(l.print) + Number(l.export);
  if (rights(a) !== rights(b)) return rights(a) > rights(b);
  return (a.dueDate as string) > (b.dueDate as string);
}
