import type { Kysely, Transaction } from 'kysely';
import { SEAM_READ_REFUSAL } from '../../../shared/contract/checkouts';
import { ArchiveError } from '../../../shared/contract/errors';
import type { CustomerRead } from '../../../shared/contract/method';
import { readAccess, READING_STATES, type LoanAccessView, type ReadAccess, type Reader } from '../../../shared/domain/checkouts';
import type { Permission } from '../../../shared/domain/permissions';
import { dayOf } from '../../../shared/domain/receivables';
import type { DB } from '../../archive/schema';

// Who may read (seed 000 查询权限, issue 10 item 1), enforced by the host for every method
// that declares `readsCustomer` (contract/method.ts): the router calls `checkReading`
// before the handler runs, so no handler can forget it. The rule is the pure `readAccess`;
// this file only finds the customer a call is about and the reader's loans of it.

type Db = Kysely<DB> | Transaction<DB>;

/** The permissions a loan stands in for: a borrower reads what was lent without them. */
export const LOAN_STANDS_IN: ReadonlySet<Permission> = new Set<Permission>(['customers.read', 'documents.read']);

export interface ReadingCaller {
  userId: string;
  permissions: ReadonlySet<Permission>;
}

/** The reader as the rule sees them: their department's kind, and whether they keep the archive. */
export async function readerOf(db: Db, caller: ReadingCaller): Promise<Reader> {
  const row = await db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select('departments.kind')
    .where('users.id', '=', caller.userId)
    .executeTakeFirst();
  return { userId: caller.userId, departmentKind: row?.kind ?? 'other', keepsArchive: caller.permissions.has('checkouts.lend') };
}

/** The reader's loans of one customer: by the index on (borrower, customer, state). */
export async function loansForReading(db: Db, readerId: string, customerId: string, onlyReading: boolean): Promise<LoanAccessView[]> {
  let q = db.selectFrom('loans').select(['id', 'state', 'due_date', 'body']).where('borrower_id', '=', readerId).where('customer_id', '=', customerId);
  if (onlyReading) q = q.where('state', 'in', [...READING_STATES]);
  const rows = await q.execute();
  return rows.map((r) => {
    const body = JSON.parse(r.body) as LoanAccessView;
    return { id: r.id, borrowerId: readerId, customerId, state: r.state, dueDate: r.due_date, kinds: body.kinds, documentIds: body.documentIds, print: body.print, export: body.export };
  });
}

/** May the reader read this customer's file (or one document of it) today? */
export async function accessTo(db: Db, reader: Reader, customerId: string, documentId: string | null, today: string): Promise<ReadAccess> {
  if (reader.departmentKind === 'credit' || reader.keepsArchive) return readAccess(reader, customerId, documentId, [], today);
  // The fast path reads only loans that may grant reading; a refusal looks at all of them
  // to say which loan came nearest (returned, not lent yet …).
  const granted = readAccess(reader, customerId, documentId, await loansForReading(db, reader.userId, customerId, true), today);
  if (granted.allowed) return granted;
  return readAccess(reader, customerId, documentId, await loansForReading(db, reader.userId, customerId, false), today);
}

export interface ReadTarget {
  customerId: string;
  documentId: string | null;
  /** An evaluation the caller takes part in (its starter or a reviewer) is theirs to read. */
  participant: boolean;
}

/**
 * The customers among these the user works on: they entered the file or are its 客户经理 /
 * 客服经理; they wrote, decided or are seated on an approval chain about it (a checkout's
 * aside); or they started or review an evaluation of it.
 * Their work needs the file, so they read it without a loan (decision 0016).
 */
export async function workedOn(db: Db, userId: string, customerIds: readonly string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const ids = [...customerIds];
  const chains = db.selectFrom('approval_chains').select('id').where('customer_id', 'in', ids).where('kind', '!=', 'checkout');
  const rows = await db
    .selectFrom('approval_chains')
    .select('customer_id')
    .where('customer_id', 'in', ids)
    .where('kind', '!=', 'checkout')
    .where((eb) =>
      eb.or([
        eb('author_id', '=', userId),
        eb('id', 'in', db.selectFrom('approval_decisions').select('chain_id').where('chain_id', 'in', chains).where((e) => e.or([e('actor_id', '=', userId), e('principal_id', '=', userId)]))),
        eb('id', 'in', db.selectFrom('approval_seats').select('chain_id').where('chain_id', 'in', chains).where('user_id', '=', userId)),
      ]),
    )
    .union(
      db
        .selectFrom('customers')
        .select('id as customer_id')
        .where('id', 'in', ids)
        .where((eb) => eb.or([eb('entered_by', '=', userId), eb('account_manager_id', '=', userId), eb('service_manager_id', '=', userId)])),
    )
    .union(
      db
        .selectFrom('evaluations')
        .select('customer_id')
        .where('customer_id', 'in', ids)
        .where((eb) => eb.or([eb('started_by', '=', userId), eb('id', 'in', db.selectFrom('evaluation_reviewers').select('evaluation_id').where('user_id', '=', userId))])),
    )
    .execute();
  return new Set(rows.map((r) => r.customer_id).filter((id): id is string => id !== null));
}

/** The customer (and document) a call is about, from the input field its method names. */
async function targetOf(db: Db, read: Extract<CustomerRead, { field: string }>, input: Record<string, unknown>, userId: string): Promise<ReadTarget | null> {
  const value = input[read.field];
  if (typeof value !== 'string') return null;
  switch (read.via) {
    case 'customer': {
      const doc = read.documentField ? input[read.documentField] : null;
      return { customerId: value, documentId: typeof doc === 'string' ? doc : null, participant: false };
    }
    case 'document': {
      const row = await db.selectFrom('documents').select('customer_id').where('id', '=', value).executeTakeFirst();
      return row ? { customerId: row.customer_id, documentId: value, participant: false } : null;
    }
    case 'evaluation': {
      const row = await db.selectFrom('evaluations').select(['customer_id', 'started_by']).where('id', '=', value).executeTakeFirst();
      if (!row) return null;
      const reviewer = await db.selectFrom('evaluation_reviewers').select('user_id').where('evaluation_id', '=', value).where('user_id', '=', userId).executeTakeFirst();
      return { customerId: row.customer_id, documentId: null, participant: row.started_by === userId || reviewer !== undefined };
    }
  }
}

export interface ReadingVerdict {
  /** null: allowed. */
  refusal: ArchiveError | null;
  /** Allowed through a loan of the reader (which then stands in for the read permission). */
  viaLoan: boolean;
  customerId: string | null;
}

const allowed = (viaLoan: boolean, customerId: string | null): ReadingVerdict => ({ refusal: null, viaLoan, customerId });

function forbidden(reason: string, details: Record<string, unknown>): ArchiveError {
  return new ArchiveError('FORBIDDEN', `reading refused: ${reason}`, { reason: reason as never, ...details });
}

/**
 * The host's reading check for a method that declares `readsCustomer`. A target that does
 * not exist is let through: the handler answers NOT_FOUND as it always did (its existence
 * says nothing of its content). Search methods are answered to anyone and mask their rows.
 */
export async function checkReading(db: Db, caller: ReadingCaller, read: CustomerRead, input: Record<string, unknown>, now: Date): Promise<ReadingVerdict> {
  if (read.via === 'search') return allowed(false, null);
  const reader = await readerOf(db, caller);
  if (read.via === 'many') {
    if (reader.departmentKind === 'credit' || reader.keepsArchive) return allowed(false, null);
    return { refusal: forbidden(SEAM_READ_REFUSAL.needsLoan, { loanId: null }), viaLoan: false, customerId: null };
  }
  const target = await targetOf(db, read, input, caller.userId);
  if (!target) return allowed(false, null);
  if (target.participant) return allowed(false, target.customerId);
  const access = await accessTo(db, reader, target.customerId, target.documentId, dayOf(now));
  if (!access.allowed && (await workedOn(db, caller.userId, [target.customerId])).has(target.customerId)) return allowed(false, target.customerId);
  if (!access.allowed) {
    return { refusal: forbidden(SEAM_READ_REFUSAL[access.reason], { loanId: access.loanId, customerId: target.customerId }), viaLoan: false, customerId: target.customerId };
  }
  if (read.use === 'print' && !access.print) return { refusal: forbidden('printNotGranted', { loanId: access.via === 'loan' ? access.loanId : null }), viaLoan: false, customerId: target.customerId };
  if (read.use === 'export' && !access.export) return { refusal: forbidden('exportNotGranted', { loanId: access.via === 'loan' ? access.loanId : null }), viaLoan: false, customerId: target.customerId };
  return allowed(access.via === 'loan', target.customerId);
}

/**
 * For a search: which of these customers the caller may read today. `null`: every one
 * (the credit department, the archivist). One query over the caller's loans that are out.
 */
export async function readableAmong(db: Db, caller: ReadingCaller, customerIds: readonly string[], now: Date): Promise<Set<string> | null> {
  const reader = await readerOf(db, caller);
  if (reader.departmentKind === 'credit' || reader.keepsArchive) return null;
  if (customerIds.length === 0) return new Set();
  const today = dayOf(now);
  const rows = await db
    .selectFrom('loans')
    .select(['id', 'customer_id', 'state', 'due_date', 'body'])
    .where('borrower_id', '=', caller.userId)
    .where('state', 'in', [...READING_STATES])
    .where('customer_id', 'in', [...customerIds])
    .execute();
  const readable = await workedOn(db, caller.userId, customerIds);
  for (const r of rows) {
    const body = JSON.parse(r.body) as LoanAccessView;
    const view: LoanAccessView = { id: r.id, borrowerId: caller.userId, customerId: r.customer_id, state: r.state, dueDate: r.due_date, kinds: body.kinds, documentIds: body.documentIds, print: body.print, export: body.export };
    if (readAccess(reader, r.customer_id, null, [view], today).allowed) readable.add(r.customer_id);
  }
  return readable;
}
