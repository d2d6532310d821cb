import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CheckoutReason, LoanPolicyView, LoanView } from '../../../shared/contract/checkouts';
import { ArchiveError } from '../../../shared/contract/errors';
import {
  actionsFor,
  daysOverdue,
  dueDateExplanation,
  loanStateOn,
  type Loan,
  type LoanActorRole,
  type LoanPolicy,
  type PolicyTerms,
} from '../../../shared/domain/checkouts';
import type { WorkingCalendar } from '../../../shared/domain/working-days';
import type { DB } from '../../archive/schema';
import { loadCalendar } from '../calendar/handlers';

// Loans as the archive keeps them: the rules' whole loan as JSON (body) beside the columns
// that are looked up (borrower, customer, state, due date). Every change goes through the
// rules' `decide`; `saveLoan` writes its result and nothing else.

type Db = Kysely<DB> | Transaction<DB>;

export function refusal(code: 'CONFLICT' | 'FORBIDDEN' | 'VALIDATION' | 'NOT_FOUND', reason: CheckoutReason, details: Record<string, unknown> = {}): ArchiveError {
  return code === 'CONFLICT'
    ? new ArchiveError('CONFLICT', `checkout refused: ${reason}`, { reason, ...details })
    : new ArchiveError(code, `checkout refused: ${reason}`, { reason, ...details });
}

// ─── The calendar ───────────────────────────────────────────────────────────

let cachedCalendar: { key: string; calendar: WorkingCalendar } | null = null;

/**
 * The working-day calendar (the calendar service's), built again only when what it is
 * made of changed (imported years, the company overlay): every page of loans counts days
 * overdue with it. Keyed by its content, so archives in one process never share one.
 */
export async function checkoutCalendar(db: Db): Promise<WorkingCalendar> {
  const [years, overlay, revision] = await Promise.all([
    db.selectFrom('calendar_years').select(['year', 'data']).orderBy('year').execute(),
    db.selectFrom('calendar_overlay').select(['day', 'kind', 'note']).orderBy('day').execute(),
    db.selectFrom('calendar_revision').select('overlay_revision').where('id', '=', 1).executeTakeFirst(),
  ]);
  const key = createHash('sha256').update(JSON.stringify([years, overlay, revision?.overlay_revision ?? 0])).digest('hex');
  if (cachedCalendar?.key !== key) cachedCalendar = { key, calendar: await loadCalendar(db) };
  return cachedCalendar.calendar;
}

// ─── The policy ─────────────────────────────────────────────────────────────

export async function currentPolicyRow(db: Db) {
  const row = await db.selectFrom('loan_policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) throw new ArchiveError('INTERNAL', 'the archive has no loan policy');
  return row;
}

export async function currentPolicy(db: Db): Promise<LoanPolicy> {
  const row = await currentPolicyRow(db);
  return { version: row.version, terms: JSON.parse(row.terms) as PolicyTerms[] };
}

export async function policyView(db: Db): Promise<LoanPolicyView> {
  const row = await currentPolicyRow(db);
  const by = row.set_by ? await db.selectFrom('users').select(['id', 'display_name']).where('id', '=', row.set_by).executeTakeFirst() : undefined;
  return {
    version: row.version,
    terms: JSON.parse(row.terms) as PolicyTerms[],
    setBy: by ? { id: by.id, displayName: by.display_name } : null,
    setAt: row.set_at,
  };
}

// ─── Loans ──────────────────────────────────────────────────────────────────

export async function loadLoan(db: Db, id: string): Promise<Loan> {
  const row = await db.selectFrom('loans').select('body').where('id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', 'no such loan');
  return JSON.parse(row.body) as Loan;
}

export async function loansOfRequest(db: Db, requestId: string): Promise<Loan[]> {
  const rows = await db.selectFrom('loans').select('body').where('request_id', '=', requestId).orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.body) as Loan);
}

export async function insertLoan(db: Transaction<DB>, loan: Loan, day: string): Promise<void> {
  await db
    .insertInto('loans')
    .values({
      id: loan.id,
      request_id: loan.requestId,
      borrower_id: loan.borrowerId,
      department_id: loan.departmentId,
      customer_id: loan.customerId,
      state: loan.state,
      due_date: loan.dueDate,
      requested_at: loan.requestedAt,
      requested_day: day,
      updated_at: loan.requestedAt,
      body: JSON.stringify(loan),
    })
    .execute();
}

export async function saveLoan(db: Transaction<DB>, loan: Loan, at: string): Promise<void> {
  await db.updateTable('loans').set({ state: loan.state, due_date: loan.dueDate, updated_at: at, body: JSON.stringify(loan) }).where('id', '=', loan.id).execute();
}

// ─── Views ──────────────────────────────────────────────────────────────────

function explanationOf(loan: Loan): LoanView['dueDateExplanation'] {
  const e = dueDateExplanation(loan);
  if (!e) return null;
  return { dueDate: e.dueDate, terms: { ...e.terms, kinds: [...e.terms.kinds], lines: [...e.terms.lines] }, steps: e.steps };
}

export interface Viewer {
  userId: string;
  /** Holds the lending right (档案管理员). */
  archivist: boolean;
}

/** Everything a page of loans needs besides the loans, fetched once per page. */
export async function viewsOf(db: Db, loans: readonly Loan[], viewer: Viewer, today: string, calendar: WorkingCalendar): Promise<LoanView[]> {
  if (loans.length === 0) return [];
  const requestIds = [...new Set(loans.map((l) => l.requestId))];
  const customerIds = [...new Set(loans.map((l) => l.customerId))];
  const loanIds = loans.map((l) => l.id);
  const documentIds = [...new Set(loans.flatMap((l) => [...(l.documentIds ?? []), ...l.items.map((i) => i.documentId)]))];
  const [requests, customers, renewalChains, documents] = await Promise.all([
    db
      .selectFrom('checkout_requests as r')
      .innerJoin('approval_chains as c', 'c.id', 'r.chain_id')
      .select(['r.id', 'r.chain_id', 'c.status'])
      .where('r.id', 'in', requestIds)
      .execute(),
    db.selectFrom('customers').select(['id', 'name']).where('id', 'in', customerIds).execute(),
    db.selectFrom('loan_renewal_chains').select(['chain_id', 'loan_id', 'seq']).where('loan_id', 'in', loanIds).execute(),
    documentIds.length > 0 ? db.selectFrom('documents').select(['id', 'title', 'archive_no']).where('id', 'in', documentIds).execute() : Promise.resolve([]),
  ]);
  const userIds = [...new Set(loans.flatMap((l) => [l.borrowerId, ...(l.lending ? [l.lending.by] : []), ...l.recalls.map((r) => r.by)]))];
  const departmentIds = [...new Set(loans.map((l) => l.departmentId))];
  const chainIds = [...requests.map((r) => r.chain_id), ...renewalChains.map((r) => r.chain_id)];
  const [users, departments, seats] = await Promise.all([
    db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute(),
    db.selectFrom('departments').select(['id', 'name']).where('id', 'in', departmentIds).execute(),
    db.selectFrom('approval_seats').select('chain_id').where('user_id', '=', viewer.userId).where('chain_id', 'in', chainIds).execute(),
  ]);
  const request = new Map(requests.map((r) => [r.id, r]));
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const document = new Map(documents.map((d) => [d.id, d]));
  const seated = new Set(seats.map((s) => s.chain_id));
  const person = (id: string) => ({ id, displayName: userName.get(id) ?? id });

  return loans.map((loan): LoanView => {
    const req = request.get(loan.requestId);
    if (!req) throw new ArchiveError('INTERNAL', 'a loan without its request');
    const renewalChain = new Map(renewalChains.filter((r) => r.loan_id === loan.id).map((r) => [r.seq, r.chain_id]));
    const pendingSeq = loan.renewals.findIndex((r) => r.state === 'pending');
    const approverOf = loan.state === 'requested' ? seated.has(req.chain_id) : pendingSeq >= 0 && seated.has(renewalChain.get(pendingSeq) ?? '');
    const roles: LoanActorRole[] = [...(viewer.archivist ? (['archivist'] as const) : []), ...(approverOf ? (['approver'] as const) : [])];
    const doc = (id: string) => ({ id, title: document.get(id)?.title ?? '', archiveNo: document.get(id)?.archive_no ?? '' });
    return {
      id: loan.id,
      requestId: loan.requestId,
      chainId: req.chain_id,
      chainStatus: req.status,
      borrower: person(loan.borrowerId),
      department: { id: loan.departmentId, name: departmentName.get(loan.departmentId) ?? '' },
      customer: { id: loan.customerId, name: customerName.get(loan.customerId) ?? '' },
      confidentiality: loan.confidentiality,
      state: loanStateOn(loan, today),
      storedState: loan.state,
      kinds: [...loan.kinds],
      documents: loan.documentIds === null ? null : loan.documentIds.map(doc),
      purpose: loan.purpose,
      periodWorkingDays: loan.periodWorkingDays,
      readingRoom: loan.readingRoom,
      print: loan.print,
      export: loan.export,
      requestedAt: loan.requestedAt,
      decidedAt: loan.decidedAt,
      lentAt: loan.lending?.at ?? null,
      lentBy: loan.lending ? person(loan.lending.by) : null,
      dueDate: loan.dueDate,
      closedAt: loan.closedAt,
      items: loan.items.map((i) => ({ ...i, title: doc(i.documentId).title, archiveNo: doc(i.documentId).archiveNo })),
      renewals: loan.renewals.map((r, seq) => ({
        state: r.state,
        chainId: renewalChain.get(seq) ?? null,
        requestedAt: r.requestedAt,
        requestedWorkingDays: r.requestedWorkingDays,
        decidedAt: r.decidedAt,
        dueDate: r.step?.deadline.day ?? null,
      })),
      recalls: loan.recalls.map((r) => ({ at: r.at, day: r.day, by: person(r.by), note: r.note })),
      overdue: daysOverdue(loan, today, calendar),
      dueDateExplanation: explanationOf(loan),
      actions: actionsFor(loan, { today, calendar, actor: { userId: viewer.userId, roles } }),
    };
  });
}
