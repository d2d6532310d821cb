import type { Kysely, Transaction } from 'kysely';
import type { CheckoutRequestView, LoanView, ReminderView } from '../../../shared/contract/checkouts';
import { ArchiveError } from '../../../shared/contract/errors';
import {
  chainForRequest,
  decide,
  highestConfidentiality,
  LOAN_KINDS,
  loansFromRequest,
  OUT_STATES,
  remindersDue,
  daysOverdue,
  validatePolicy,
  validateRequest,
  type CheckoutRequest,
  type ConfidentialityLevel,
  type Loan,
  type LoanActorRole,
  type LoanEvent,
  type LoanRefusal,
  type LoanState,
  type RequestedFile,
} from '../../../shared/domain/checkouts';
import { dayOf } from '../../../shared/domain/receivables';
import type { WorkingCalendar } from '../../../shared/domain/working-days';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import type { IdSource } from '../../host/types';
import { applyEvent, loadChain, startApproval } from '../approvals/chains';
import type { ApprovalForm, ApprovedChain } from '../approvals/forms';
import { readerOf } from './access';
import { checkoutCalendar, currentPolicy, insertLoan, loadLoan, loansOfRequest, policyView, refusal, saveLoan, viewsOf, type Viewer } from './store';

// 借阅与查阅 (issue 10): the checkout request and its chain, lending, return, renewal,
// recall, the borrowing log, the overdue list and the reminders. Every change of a loan is
// the pure `decide` (domain/checkouts/loan.ts); a refusal throws before anything is written.

type Db = Kysely<DB> | Transaction<DB>;

const KIND = 'checkout';

function caller(actor: Actor | null): Actor {
  if (!actor) throw new ArchiveError('UNAUTHENTICATED', 'not logged in');
  return actor;
}

function viewer(actor: Actor): Viewer {
  return { userId: actor.userId, archivist: actor.permissions.has('checkouts.lend') };
}

function rolesOf(actor: Actor): LoanActorRole[] {
  return actor.permissions.has('checkouts.lend') ? ['archivist'] : [];
}

/** Who may act is FORBIDDEN; a payload the rules refuse is VALIDATION; a loan not there yet or any more is CONFLICT. */
const FORBIDDEN_REFUSALS: readonly LoanRefusal[] = ['notBorrower', 'notArchivist', 'notApprover'];
const PAYLOAD_REFUSALS: readonly LoanRefusal[] = [
  'periodInvalid',
  'periodTooLong',
  'itemsRequired',
  'noPhysicalPart',
  'itemNotRequested',
  'itemDuplicated',
  'locationRequired',
  'itemNotOut',
  'itemNotMissing',
  'noteRequired',
  'noItems',
];

function loanRefusal(reason: LoanRefusal, loanId: string): ArchiveError {
  if (FORBIDDEN_REFUSALS.includes(reason)) return refusal('FORBIDDEN', reason, { loanId });
  if (PAYLOAD_REFUSALS.includes(reason)) return refusal('VALIDATION', reason, { loanId });
  return refusal('CONFLICT', reason, { loanId });
}

interface Step {
  db: Transaction<DB>;
  now: Date;
  calendar: WorkingCalendar;
  actor: { userId: string; roles: readonly LoanActorRole[] };
}

/** One event on one loan through the rules, saved; the refusal thrown as what it is. */
async function step(s: Step, loan: Loan, event: LoanEvent): Promise<Loan> {
  const policy = await currentPolicy(s.db);
  const decision = decide(policy, loan, event, { today: dayOf(s.now), calendar: s.calendar, actor: s.actor });
  if (!decision.ok) throw loanRefusal(decision.reason, loan.id);
  await saveLoan(s.db, decision.loan, s.now.toISOString());
  return decision.loan;
}

async function viewOne(db: Db, loan: Loan, actor: Actor, now: Date, calendar?: WorkingCalendar): Promise<LoanView> {
  const [view] = await viewsOf(db, [loan], viewer(actor), dayOf(now), calendar ?? (await checkoutCalendar(db)));
  return view!;
}

// ─── The request ────────────────────────────────────────────────────────────

async function requestView(db: Db, requestId: string, actor: Actor, now: Date): Promise<CheckoutRequestView> {
  const r = await db
    .selectFrom('checkout_requests as r')
    .innerJoin('approval_chains as c', 'c.id', 'r.chain_id')
    .innerJoin('users as u', 'u.id', 'r.requester_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.chain_id', 'c.status', 'r.requester_id', 'u.display_name', 'r.department_id', 'd.name as department_name', 'r.purpose', 'r.period_working_days', 'r.reading_room', 'r.print', 'r.export', 'r.requested_at'])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw new ArchiveError('NOT_FOUND', 'no such checkout request');
  const loans = await loansOfRequest(db, requestId);
  return {
    id: r.id,
    chainId: r.chain_id,
    chainStatus: r.status,
    requester: { id: r.requester_id, displayName: r.display_name },
    department: { id: r.department_id, name: r.department_name },
    purpose: r.purpose,
    periodWorkingDays: r.period_working_days,
    readingRoom: r.reading_room === 1,
    print: r.print === 1,
    export: r.export === 1,
    requestedAt: r.requested_at,
    loans: await viewsOf(db, loans, viewer(actor), dayOf(now), await checkoutCalendar(db)),
  };
}

/** May the caller see this loan: its borrower, the archivist, the credit department, the borrower's department head, or an approver of its chains. */
async function maySee(db: Db, loan: Loan, actor: Actor): Promise<boolean> {
  if (loan.borrowerId === actor.userId || actor.permissions.has('checkouts.lend')) return true;
  const reader = await readerOf(db, actor);
  if (reader.departmentKind === 'credit') return true;
  const head = await db.selectFrom('departments').select('head_user_id').where('id', '=', loan.departmentId).executeTakeFirst();
  if (head?.head_user_id === actor.userId) return true;
  const chains = await db
    .selectFrom('checkout_requests')
    .select('chain_id')
    .where('id', '=', loan.requestId)
    .union(db.selectFrom('loan_renewal_chains').select('chain_id').where('loan_id', '=', loan.id))
    .execute();
  if (chains.length === 0) return false;
  const involved = await db
    .selectFrom('approval_decisions')
    .select('chain_id')
    .where('chain_id', 'in', chains.map((c) => c.chain_id))
    .where((eb) => eb.or([eb('actor_id', '=', actor.userId), eb('principal_id', '=', actor.userId)]))
    .union(db.selectFrom('approval_seats').select('chain_id').where('chain_id', 'in', chains.map((c) => c.chain_id)).where('user_id', '=', actor.userId))
    .executeTakeFirst();
  return involved !== undefined;
}

async function visibleLoan(db: Db, loanId: string, actor: Actor): Promise<Loan> {
  const loan = await loadLoan(db, loanId);
  if (!(await maySee(db, loan, actor))) throw refusal('FORBIDDEN', 'notYourLoan', { loanId });
  return loan;
}

/** The 密级 a requested file carries: the highest of the file's own and that of what is asked for. */
async function fileLevel(db: Db, customerId: string, documentIds: readonly string[] | null): Promise<ConfidentialityLevel> {
  const customer = await db.selectFrom('customers').select(['id', 'confidentiality']).where('id', '=', customerId).executeTakeFirst();
  if (!customer) throw new ArchiveError('NOT_FOUND', 'no such customer', { customerId });
  let q = db.selectFrom('documents').select(['id', 'confidentiality']).where('customer_id', '=', customerId);
  if (documentIds !== null) {
    const found = await db.selectFrom('documents').select(['id', 'customer_id']).where('id', 'in', documentIds.length > 0 ? [...documentIds] : ['']).execute();
    const strangers = documentIds.filter((d) => !found.some((f) => f.id === d && f.customer_id === customerId));
    if (strangers.length > 0) throw refusal('VALIDATION', 'documentNotInFile', { customerId, documentIds: strangers });
    q = q.where('id', 'in', documentIds.length > 0 ? [...documentIds] : ['']);
  }
  const docs = await q.execute();
  return highestConfidentiality([customer.confidentiality, ...docs.map((d) => d.confidentiality)]);
}

// ─── The approval form: outcomes applied to each loan ───────────────────────

async function lastApprover(chain: ApprovedChain): Promise<string> {
  const approvals = chain.state.decisions.filter((d) => d.kind === 'approve');
  return approvals.at(-1)?.actorId ?? chain.state.authorId;
}

async function applyOutcome(db: Transaction<DB>, chain: ApprovedChain, outcome: 'approved' | 'rejected' | 'withdrawn', now: Date): Promise<void> {
  const at = now.toISOString();
  const calendar = await checkoutCalendar(db);
  const request = await db.selectFrom('checkout_requests').select('id').where('chain_id', '=', chain.id).executeTakeFirst();
  // The engine has asserted who decided: the rules are told the approver (or, for 撤回, the borrower) acts.
  const actorId = outcome === 'withdrawn' ? chain.state.authorId : await lastApprover(chain);
  const s: Step = { db, now, calendar, actor: { userId: actorId, roles: ['approver'] } };
  if (request) {
    for (const loan of await loansOfRequest(db, request.id)) {
      if (loan.state !== 'requested') continue;
      await step(s, loan, { type: 'approvalOutcome', outcome, at });
    }
    return;
  }
  const renewal = await db.selectFrom('loan_renewal_chains').select(['loan_id', 'seq']).where('chain_id', '=', chain.id).executeTakeFirst();
  if (!renewal) throw new ArchiveError('INTERNAL', 'a checkout chain without its request or renewal');
  const loan = await loadLoan(db, renewal.loan_id);
  // A renewal withdrawn by the return of the loan has nothing more to hear.
  if (loan.renewals[renewal.seq]?.state !== 'pending' || !(OUT_STATES as readonly string[]).includes(loan.state)) return;
  await step(s, loan, { type: 'renewalOutcome', outcome, at });
}

/** What the checkout chain needs of the approvals service: each outcome lands on the loans. */
export const checkoutForm: ApprovalForm = {
  kind: KIND,
  async onApproved(db, chain, now) {
    await applyOutcome(db, chain, 'approved', now);
  },
  async onStopped(db, chain, outcome, now) {
    // 退回 leaves the request waiting for its author (who may withdraw it).
    if (outcome === 'returned') return;
    await applyOutcome(db, chain, outcome, now);
  },
};

// ─── The log ────────────────────────────────────────────────────────────────

/** The stored condition of a shown state on `today` (overdue and lent/renewed split by the due date). */
function stateCondition(state: LoanState, today: string): { states: string[]; due?: 'past' | 'notPast' } {
  switch (state) {
    case 'overdue':
      return { states: ['lent', 'renewed'], due: 'past' };
    case 'lent':
    case 'renewed':
      return { states: [state], due: 'notPast' };
    default:
      void today;
      return { states: [state] };
  }
}

interface LogFilter {
  states?: LoanState[];
  borrowerId?: string;
  departmentId?: string;
  customerId?: string;
  from?: string;
  to?: string;
}

function filtered(db: Db, f: LogFilter, today: string) {
  let q = db.selectFrom('loans');
  if (f.borrowerId) q = q.where('borrower_id', '=', f.borrowerId);
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  if (f.from) q = q.where('requested_day', '>=', f.from);
  if (f.to) q = q.where('requested_day', '<=', f.to);
  if (f.states && f.states.length > 0) {
    const states = f.states;
    q = q.where((eb) =>
      eb.or(
        states.map((state) => {
          const c = stateCondition(state, today);
          const inState = eb('state', 'in', c.states as LoanState[] as never[]);
          if (c.due === 'past') return eb.and([inState, eb('due_date', '<', today)]);
          if (c.due === 'notPast') return eb.and([inState, eb('due_date', '>=', today)]);
          return inState;
        }),
      ),
    );
  }
  return q;
}

/**
 * The loans of a page, in the page's order. A page is chosen on the index alone (ids and
 * sort keys), and only its own rows' bodies are read: sorting never carries the JSON.
 */
async function bodiesOf(db: Db, ids: readonly string[]): Promise<Loan[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('loans').select(['id', 'body']).where('id', 'in', [...ids]).execute();
  const body = new Map(rows.map((r) => [r.id, r.body]));
  return ids.map((id) => JSON.parse(body.get(id)!) as Loan);
}

// ─── Reminders ──────────────────────────────────────────────────────────────

async function remindersFor(db: Db, actor: Actor, now: Date): Promise<ReminderView[]> {
  const today = dayOf(now);
  const calendar = await checkoutCalendar(db);
  const headOf = await db.selectFrom('departments').select('id').where('head_user_id', '=', actor.userId).execute();
  const archivist = actor.permissions.has('checkouts.lend');
  // Only loans out can remind: the borrower's own, and (escalated) the archivist's and the department heads'.
  let q = db.selectFrom('loans').select('body').where('state', 'in', [...OUT_STATES]);
  if (!archivist) {
    const departments = headOf.map((d) => d.id);
    q = q.where((eb) => eb.or([eb('borrower_id', '=', actor.userId), ...(departments.length > 0 ? [eb.and([eb('department_id', 'in', departments), eb('due_date', '<', today)])] : [])]));
  }
  const loans = (await q.orderBy('due_date').execute()).map((r) => JSON.parse(r.body) as Loan);
  const departmentsHeaded = new Set(headOf.map((d) => d.id));
  const out: { loan: Loan; view: Omit<ReminderView, 'customer' | 'borrower'> }[] = [];
  for (const loan of loans) {
    for (const r of remindersDue(loan, today, calendar)) {
      const as = loan.borrowerId === actor.userId && r.recipients.includes('borrower')
        ? 'borrower'
        : archivist && r.recipients.includes('archivist')
          ? 'archivist'
          : departmentsHeaded.has(loan.departmentId) && r.recipients.includes('departmentHead')
            ? 'departmentHead'
            : null;
      if (!as) continue;
      out.push({ loan, view: { key: r.key, kind: r.kind, as, since: r.since, dueDate: r.dueDate, loanId: loan.id, overdue: daysOverdue(loan, today, calendar) } });
    }
  }
  if (out.length === 0) return [];
  const customers = await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', [...new Set(out.map((o) => o.loan.customerId))]).execute();
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(out.map((o) => o.loan.borrowerId))]).execute();
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  return out.map(({ loan, view }) => ({
    ...view,
    customer: { id: loan.customerId, name: customerName.get(loan.customerId) ?? '' },
    borrower: { id: loan.borrowerId, displayName: userName.get(loan.borrowerId) ?? '' },
  }));
}

// ─── Handlers ───────────────────────────────────────────────────────────────

async function displayName(db: Db, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? '';
}

async function startRenewalChain(db: Transaction<DB>, loan: Loan, workingDays: number, actor: Actor, now: Date, ids: IdSource): Promise<void> {
  const seq = loan.renewals.length - 1;
  const customer = await db.selectFrom('customers').select('name').where('id', '=', loan.customerId).executeTakeFirstOrThrow();
  await startApproval(
    db,
    {
      kind: KIND,
      authorId: actor.userId,
      content: { renewalOf: loan.id, requestId: loan.requestId, customerId: loan.customerId, workingDays, dueDate: loan.dueDate },
      facts: { confidentiality: loan.confidentiality },
      subject: `续借：${customer.name}`,
      customerId: loan.customerId,
      async writeForm(chainId) {
        await db.insertInto('loan_renewal_chains').values({ chain_id: chainId, loan_id: loan.id, seq }).execute();
      },
    },
    now,
    ids,
  );
}

/** Returning a loan withdraws a renewal still waiting; its chain is withdrawn too where the engine allows. */
async function withdrawRenewalChains(db: Transaction<DB>, before: Loan, after: Loan, now: Date, ids: IdSource): Promise<void> {
  const seq = before.renewals.findIndex((r) => r.state === 'pending');
  if (seq < 0 || after.renewals[seq]?.state !== 'withdrawn') return;
  const row = await db.selectFrom('loan_renewal_chains').select('chain_id').where('loan_id', '=', before.id).where('seq', '=', seq).executeTakeFirst();
  if (!row) return;
  const chain = await loadChain(db, row.chain_id);
  if (chain.state.status !== 'running') return;
  try {
    await applyEvent(db, chain, { type: 'withdraw', actorId: chain.authorId, at: now.toISOString(), opinion: '档案已归还' }, now, ids);
  } catch (e) {
    // Someone decided already: the chain runs on, and its outcome finds nothing pending.
    if (!(e instanceof ArchiveError)) throw e;
  }
}

export const checkoutHandlers: PartialHandlers = {
  'checkouts.policy': {
    async run({ db }) {
      return policyView(db);
    },
  },

  'checkouts.setPolicy': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const current = await currentPolicy(db);
      const next = { version: current.version + 1, terms: input.terms };
      const problems = validatePolicy(next);
      if (problems.length > 0) throw refusal('VALIDATION', problems[0]!.code, { problems });
      await db.insertInto('loan_policies').values({ version: next.version, terms: JSON.stringify(input.terms), set_by: me.userId, set_at: now.toISOString() }).execute();
      audit.details = { version: next.version, terms: input.terms };
      return policyView(db);
    },
  },

  'checkouts.request': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const user = await db
        .selectFrom('users')
        .innerJoin('departments', 'departments.id', 'users.department_id')
        .select(['users.department_id', 'departments.kind'])
        .where('users.id', '=', me.userId)
        .executeTakeFirstOrThrow();
      const files: RequestedFile[] = [];
      for (const f of input.files) {
        files.push({
          customerId: f.customerId,
          confidentiality: await fileLevel(db, f.customerId, f.documentIds),
          documentIds: f.documentIds,
          kinds: LOAN_KINDS.filter((k) => f.kinds.includes(k)),
        });
      }
      const request: CheckoutRequest = {
        requesterId: me.userId,
        departmentId: user.department_id,
        departmentKind: user.kind,
        files,
        purpose: input.purpose,
        periodWorkingDays: input.periodWorkingDays,
        readingRoom: input.readingRoom,
        print: input.print,
        export: input.export,
      };
      const policy = await currentPolicy(db);
      const problems = validateRequest(request, policy);
      if (problems.length > 0) throw refusal('VALIDATION', problems[0]!.code, { problems });

      const chainOf = chainForRequest(request);
      const customers = await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', files.map((f) => f.customerId)).execute();
      const name = new Map(customers.map((c) => [c.id, c.name]));
      const requestId = host.ids.next();
      const at = now.toISOString();
      const loans = loansFromRequest(request, requestId, files.map(() => host.ids.next()), at);
      await startApproval(
        db,
        {
          kind: KIND,
          authorId: me.userId,
          content: {
            purpose: request.purpose.trim(),
            periodWorkingDays: request.periodWorkingDays,
            readingRoom: request.readingRoom,
            print: request.print,
            export: request.export,
            files: files.map((f) => ({ customerId: f.customerId, confidentiality: f.confidentiality, documentIds: f.documentIds === null ? null : [...f.documentIds], kinds: [...f.kinds] })),
          },
          facts: chainOf.facts,
          subject: files.map((f) => name.get(f.customerId) ?? '').join('、'),
          customerId: files.length === 1 ? files[0]!.customerId : null,
          async writeForm(chainId) {
            await db
              .insertInto('checkout_requests')
              .values({
                id: requestId,
                chain_id: chainId,
                requester_id: me.userId,
                department_id: user.department_id,
                purpose: request.purpose.trim(),
                period_working_days: request.periodWorkingDays,
                reading_room: request.readingRoom ? 1 : 0,
                print: request.print ? 1 : 0,
                export: request.export ? 1 : 0,
                requested_at: at,
              })
              .execute();
            for (const loan of loans) await insertLoan(db, loan, dayOf(now));
          },
        },
        now,
        host.ids,
      );
      audit.target = `checkout:${requestId}`;
      audit.details = { customers: files.map((f) => f.customerId), route: chainOf.route, steps: chainOf.steps };
      return requestView(db, requestId, me, now);
    },
  },

  'checkouts.get': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const loans = await loansOfRequest(db, input.requestId);
      if (loans.length === 0) throw new ArchiveError('NOT_FOUND', 'no such checkout request');
      if (!(await maySee(db, loans[0]!, me))) throw refusal('FORBIDDEN', 'notYourLoan', { requestId: input.requestId });
      return requestView(db, input.requestId, me, now);
    },
  },

  'checkouts.loan': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      return viewOne(db, await visibleLoan(db, input.loanId, me), me, now);
    },
  },

  'checkouts.lend': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const loan = await loadLoan(db, input.loanId);
      const documents = input.items.length > 0 ? await db.selectFrom('documents').selectAll().where('id', 'in', input.items.map((i) => i.documentId)).execute() : [];
      const items = input.items.map((item) => {
        const doc = documents.find((d) => d.id === item.documentId);
        if (!doc || doc.customer_id !== loan.customerId) throw refusal('VALIDATION', 'itemNotRequested', { documentId: item.documentId });
        const shelved = [doc.location_cabinet, doc.location_shelf, doc.location_box].filter((x): x is string => x !== null && x !== '');
        if (shelved.length === 0) throw refusal('VALIDATION', 'itemNotPhysical', { documentId: item.documentId });
        return { documentId: item.documentId, location: item.location && item.location.length > 0 ? item.location : shelved.join(' / ') };
      });
      const calendar = await checkoutCalendar(db);
      const next = await step({ db, now, calendar, actor: { userId: me.userId, roles: rolesOf(me) } }, loan, { type: 'lend', at: now.toISOString(), items });
      audit.target = `loan:${loan.id}`;
      audit.details = { customerId: loan.customerId, dueDate: next.dueDate, items: items.length, policyVersion: next.lending?.terms.policyVersion, calendarVersion: next.lending?.step.deadline.calendarVersion };
      return viewOne(db, next, me, now, calendar);
    },
  },

  'checkouts.return': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const loan = await loadLoan(db, input.loanId);
      const calendar = await checkoutCalendar(db);
      const next = await step({ db, now, calendar, actor: { userId: me.userId, roles: rolesOf(me) } }, loan, { type: 'return', at: now.toISOString(), items: input.items });
      await withdrawRenewalChains(db, loan, next, now, host.ids);
      audit.target = `loan:${loan.id}`;
      audit.details = { customerId: loan.customerId, state: next.state, items: input.items.map((i) => ({ documentId: i.documentId, condition: i.condition })) };
      return viewOne(db, next, me, now, calendar);
    },
  },

  'checkouts.resolveLost': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const loan = await loadLoan(db, input.loanId);
      const calendar = await checkoutCalendar(db);
      const next = await step({ db, now, calendar, actor: { userId: me.userId, roles: rolesOf(me) } }, loan, { type: 'resolveLost', at: now.toISOString(), items: input.items });
      audit.target = `loan:${loan.id}`;
      audit.details = { customerId: loan.customerId, state: next.state, items: input.items.map((i) => ({ documentId: i.documentId, resolution: i.resolution })) };
      return viewOne(db, next, me, now, calendar);
    },
  },

  'checkouts.renew': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const loan = await loadLoan(db, input.loanId);
      const calendar = await checkoutCalendar(db);
      const asked = await step({ db, now, calendar, actor: { userId: me.userId, roles: rolesOf(me) } }, loan, { type: 'renewalRequested', at: now.toISOString(), workingDays: input.workingDays });
      await startRenewalChain(db, asked, input.workingDays, me, now, host.ids);
      audit.target = `loan:${loan.id}`;
      audit.details = { customerId: loan.customerId, workingDays: input.workingDays, dueDate: loan.dueDate };
      return viewOne(db, await loadLoan(db, loan.id), me, now, calendar);
    },
  },

  'checkouts.recall': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const loan = await loadLoan(db, input.loanId);
      const calendar = await checkoutCalendar(db);
      const next = await step({ db, now, calendar, actor: { userId: me.userId, roles: rolesOf(me) } }, loan, { type: 'recall', at: now.toISOString(), note: input.note });
      audit.target = `loan:${loan.id}`;
      audit.details = { customerId: loan.customerId, borrowerId: loan.borrowerId };
      return viewOne(db, next, me, now, calendar);
    },
  },

  'checkouts.log': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      const [count, page] = await Promise.all([
        filtered(db, input, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        filtered(db, input, today).select('id').orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(input.limit).offset(input.offset).execute(),
      ]);
      const loans = await bodiesOf(db, page.map((r) => r.id));
      return { total: Number(count.n), rows: await viewsOf(db, loans, viewer(me), today, await checkoutCalendar(db)) };
    },
  },

  'checkouts.overdue': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      const overdue = () => db.selectFrom('loans').where('state', 'in', [...OUT_STATES]).where('due_date', '<', today);
      const [count, rows] = await Promise.all([
        overdue().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        overdue().select('id').orderBy('due_date').orderBy('id').limit(input.limit).offset(input.offset).execute(),
      ]);
      return { total: Number(count.n), rows: await viewsOf(db, await bodiesOf(db, rows.map((r) => r.id)), viewer(me), today, await checkoutCalendar(db)) };
    },
  },

  'checkouts.mine': {
    async run({ db, actor, now }) {
      const me = caller(actor);
      const rows = await db.selectFrom('loans').select(['body', 'state']).where('borrower_id', '=', me.userId).orderBy('requested_at', 'desc').limit(500).execute();
      const open = rows.filter((r) => r.state !== 'returned' && r.state !== 'rejected' && r.state !== 'withdrawn');
      const closed = rows.filter((r) => !open.includes(r));
      return viewsOf(db, [...open, ...closed].map((r) => JSON.parse(r.body) as Loan), viewer(me), dayOf(now), await checkoutCalendar(db));
    },
  },

  'checkouts.reminders': {
    async run({ db, actor, now }) {
      return remindersFor(db, caller(actor), now);
    },
  },

  'checkouts.ofCustomer': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const reader = await readerOf(db, me);
      let q = db.selectFrom('loans').select('body').where('customer_id', '=', input.customerId);
      // Outside the credit department and the archive, one sees one's own loans of the file.
      if (reader.departmentKind !== 'credit' && !reader.keepsArchive) q = q.where('borrower_id', '=', me.userId);
      const rows = await q.orderBy('requested_at', 'desc').limit(200).execute();
      return viewsOf(db, rows.map((r) => JSON.parse(r.body) as Loan), viewer(me), dayOf(now), await checkoutCalendar(db));
    },
  },

  'checkouts.print': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const reader = await readerOf(db, me);
      audit.target = input.documentId ? `document:${input.documentId}` : `customer:${input.customerId}`;
      audit.details = { customerId: input.customerId, documentId: input.documentId };
      return { watermark: { reader: await displayName(db, me.userId), at: now.toISOString() }, via: reader.departmentKind === 'credit' ? 'creditDepartment' : reader.keepsArchive ? 'archiveKeeper' : 'loan' };
    },
  },

  'checkouts.export': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const reader = await readerOf(db, me);
      audit.target = input.documentId ? `document:${input.documentId}` : `customer:${input.customerId}`;
      audit.details = { customerId: input.customerId, documentId: input.documentId };
      return { watermark: { reader: await displayName(db, me.userId), at: now.toISOString() }, via: reader.departmentKind === 'credit' ? 'creditDepartment' : reader.keepsArchive ? 'archiveKeeper' : 'loan' };
    },
  },
};
