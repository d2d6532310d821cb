import type { Transaction } from 'kysely';
import type { CreditToApply, SaleToSettle } from '../../../shared/domain/receivables';
import { commonRank, type Crosswalk } from '../../../shared/domain/scoring';
import type { CreditEventFact, GradeFacts, QualificationFact, WarningFacts } from '../../../shared/domain/warnings';
import type { DB } from '../../archive/schema';

// What the warning rules read of the customers, from the archive: records in force only
// (voided ones are left out), the limit and term, the last two grades with the final score.
// For every customer (the daily run, a rule change) each table is read once, whole; for a
// few customers (after a write) through the customer indexes.

type Db = Transaction<DB>;

export interface CustomerFacts {
  facts: WarningFacts;
  ownerId: string;
  warningState: 'none' | 'open';
}

/** Ids per query when reading a few customers (well under SQLite's variable limit). */
const CHUNK = 500;

/** Which customers: those named, or a range of ids (the every-customer run goes range by range). */
export type FactsScope = { ids: readonly string[] } | { from: string; to: string };

async function inChunks<T>(scope: FactsScope, read: (chunk: readonly string[] | { from: string; to: string }) => Promise<T[]>): Promise<T[]> {
  if (!('ids' in scope)) return read(scope);
  const ids = scope.ids;
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) for (const r of await read(ids.slice(i, i + CHUNK))) out.push(r);
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function within<Q extends { where: (...args: any[]) => any }>(q: Q, chunk: readonly string[] | { from: string; to: string }): Q {
  if (Array.isArray(chunk)) return q.where('customer_id', 'in', chunk) as Q;
  const r = chunk as { from: string; to: string };
  return q.where('customer_id', '>=', r.from).where('customer_id', '<=', r.to) as Q;
}

/** The facts of the customers in scope. */
export async function loadFacts(db: Db, ids: FactsScope): Promise<Map<string, CustomerFacts>> {
  const out = new Map<string, CustomerFacts>();
  if ('ids' in ids && ids.ids.length === 0) return out;
  const customers = await inChunks(ids, (chunk) => {
    let q = db.selectFrom('customers').select(['id', 'credit_limit_fen', 'credit_term_days', 'grade', 'grade_scale', 'grade_since', 'account_manager_id', 'entered_by', 'warning_state']);
    q = Array.isArray(chunk) ? q.where('id', 'in', chunk) : q.where('id', '>=', (chunk as { from: string }).from).where('id', '<=', (chunk as { to: string }).to);
    return q.execute();
  });
  const sales = new Map<string, SaleToSettle[]>();
  const returns = new Map<string, CreditToApply[]>();
  const payments = new Map<string, CreditToApply[]>();
  const events = new Map<string, CreditEventFact[]>();
  const qualifications = new Map<string, QualificationFact[]>();
  const push = <T>(m: Map<string, T[]>, key: string, v: T) => {
    const list = m.get(key);
    if (list) list.push(v);
    else m.set(key, [v]);
  };

  // The rows come out of the queries already in the shape the rules take (aliased
  // columns): at 2,000,000 transactions no second object per row is made.
  for (const r of await inChunks(ids, (chunk) => {
    let q = db
      .selectFrom('transactions')
      .select(['id', 'customer_id', 'kind', 'contract_id as contractId', 'doc_no as docNo', 'amount_fen as amountFen', 'occurred_on as occurredOn', 'due_on as dueOn'])
      .where('voided_at', 'is', null);
    q = within(q, chunk);
    return q.execute();
  })) {
    if (r.kind === 'sale') push(sales, r.customer_id, r);
    else push(returns, r.customer_id, { id: r.id, contractId: r.contractId, ref: r.docNo, amountFen: r.amountFen, on: r.occurredOn });
  }
  for (const r of await inChunks(ids, (chunk) => {
    let q = db.selectFrom('payments').select(['id', 'customer_id', 'contract_id as contractId', 'ref', 'amount_fen as amountFen', 'paid_on as on']).where('voided_at', 'is', null);
    q = within(q, chunk);
    return q.execute();
  })) {
    push(payments, r.customer_id, r);
  }
  for (const r of await inChunks(ids, (chunk) => {
    let q = db.selectFrom('credit_events').select(['id', 'customer_id', 'kind', 'occurred_on', 'title', 'amount_fen']).where('voided_at', 'is', null);
    q = within(q, chunk);
    return q.execute();
  })) {
    push(events, r.customer_id, { id: r.id, kind: r.kind, occurredOn: r.occurred_on, title: r.title, amountFen: r.amount_fen });
  }
  for (const r of await inChunks(ids, (chunk) => {
    let q = db.selectFrom('qualifications').select(['id', 'customer_id', 'kind', 'valid_to']).where('voided_at', 'is', null);
    q = within(q, chunk);
    return q.execute();
  })) {
    push(qualifications, r.customer_id, { id: r.id, kind: r.kind, validTo: r.valid_to });
  }

  // The last two grades of each customer, with the final score and the model's maximum.
  const history = await inChunks(ids, (chunk) => {
    let q = db
      .selectFrom('customer_grade_history')
      .select(['customer_id', 'scale', 'grade', 'score_num', 'score_den', 'score_text', 'model_id', 'model_version', 'effective_on', 'effective_at']);
    q = within(q, chunk);
    return q.execute();
  });
  const grades = new Map<string, { last: (typeof history)[number]; before: (typeof history)[number] | null }>();
  for (const h of history) {
    const seen = grades.get(h.customer_id);
    if (!seen) grades.set(h.customer_id, { last: h, before: null });
    else if (h.effective_at > seen.last.effective_at) grades.set(h.customer_id, { last: h, before: seen.last });
    else if (!seen.before || h.effective_at > seen.before.effective_at) seen.before = h;
  }
  const crosswalkRow = grades.size > 0 || customers.some((c) => c.grade) ? await db.selectFrom('grade_crosswalks').select('body').orderBy('version', 'desc').limit(1).executeTakeFirst() : undefined;
  const crosswalk = crosswalkRow ? (JSON.parse(crosswalkRow.body) as Crosswalk) : null;
  const rank = (scale: string | null, grade: string | null) => (crosswalk && scale && grade ? commonRank(crosswalk, scale, grade) : null);
  const maxima = new Map<string, number>();
  if (grades.size > 0) {
    for (const m of await db.selectFrom('scoring_models').select(['id', 'version', 'body']).execute()) maxima.set(`${m.id}@${m.version}`, (JSON.parse(m.body) as { scoreMax: number }).scoreMax);
  }

  for (const c of customers) {
    const g = grades.get(c.id);
    let grade: GradeFacts | null = null;
    if (g) {
      const max = maxima.get(`${g.last.model_id}@${g.last.model_version}`) ?? 100;
      grade = {
        scale: g.last.scale,
        grade: g.last.grade,
        rank: rank(g.last.scale, g.last.grade),
        previousGrade: g.before?.grade ?? null,
        previousRank: g.before ? rank(g.before.scale, g.before.grade) : null,
        since: g.last.effective_on,
        score: g.last.score_den > 0 ? { num: g.last.score_num, den: g.last.score_den, max, text: g.last.score_text } : null,
      };
    } else if (c.grade && c.grade_scale) {
      grade = { scale: c.grade_scale, grade: c.grade, rank: rank(c.grade_scale, c.grade), previousGrade: null, previousRank: null, since: c.grade_since ?? '', score: null };
    }
    out.set(c.id, {
      // The customer's 客户经理, else whoever registered the customer.
      ownerId: c.account_manager_id ?? c.entered_by,
      warningState: c.warning_state,
      facts: {
        customerId: c.id,
        limitFen: c.credit_limit_fen,
        termDays: c.credit_term_days,
        grade,
        sales: sales.get(c.id) ?? [],
        returns: returns.get(c.id) ?? [],
        payments: payments.get(c.id) ?? [],
        creditEvents: events.get(c.id) ?? [],
        qualifications: qualifications.get(c.id) ?? [],
      },
    });
  }
  return out;
}
