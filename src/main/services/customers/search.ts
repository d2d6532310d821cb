import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { CustomerSummary, SearchMatch } from '../../../shared/contract/customers';
import type { DB } from '../../archive/schema';
import { foldForSearch, gramsOf } from './grams';

type Db = Kysely<DB> | Transaction<DB>;

export type FoundCustomer = CustomerSummary & { matched: SearchMatch | null };

export interface SearchCriteria {
  text?: string;
  grade?: string;
  gradeScale?: string;
  ungraded?: true;
  industry?: string;
  departmentId?: string;
  warningState?: 'none' | 'open';
  verification?: 'pending' | 'verified';
  offset: number;
  limit: number;
}

/** Fragments are compared by how many customers carry them, counted no further than this. */
const SELECTIVE = 2000;

/** More customers than this share a credit-code prefix: they are listed in code order. */
const MANY_CODES = 500;

const CODE_LIKE = /^[0-9A-Za-z-]{2,}$/;
const PHONE_LIKE = /^[0-9+\-]{3,}$/;

/** The upper bound of a prefix range: every string that starts with `prefix` sorts below it. */
function prefixEnd(prefix: string): string {
  return `${prefix}\uffff`;
}

function summaryQuery(db: Db) {
  return db
    .selectFrom('customers')
    .innerJoin('departments', 'departments.id', 'customers.department_id')
    .select([
      'customers.id',
      'customers.kind',
      'customers.name',
      'customers.credit_code',
      'customers.id_number',
      'customers.industry',
      'customers.department_id',
      'departments.name as department_name',
      'customers.grade',
      'customers.grade_scale',
      'customers.grade_since',
      'customers.warning_state',
      'customers.verification',
      'customers.credit_limit_fen',
      'customers.credit_term_days',
    ]);
}

/** A subquery giving customer ids; the alternatives of a search are united. */
type IdQuery = SelectQueryBuilder<DB, 'customers', { customer_id: string }>;

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export function toSummary(r: SummaryRow): CustomerSummary {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    creditCode: r.credit_code,
    idNumber: r.id_number,
    industry: r.industry,
    departmentId: r.department_id,
    departmentName: r.department_name,
    grade: r.grade,
    gradeScale: r.grade_scale,
    gradeSince: r.grade_since,
    warningState: r.warning_state,
    verification: r.verification,
    creditLimitFen: r.credit_limit_fen,
    creditTermDays: r.credit_term_days,
  };
}

/** How many customers carry a fragment, counting no further than `cap`. */
async function gramCount(db: Db, gram: string, cap: number): Promise<number> {
  const row = await db
    .selectFrom((eb) => eb.selectFrom('search_grams').select('customer_id').where('gram', '=', gram).limit(cap).as('g'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Find customers by any part of the name (Chinese included), of a contact's name or of a
 * document title; by credit code, ID number or contract number prefix; by phone prefix;
 * filtered by grade, industry, department, warning and verification state. Ordered by
 * the name's pinyin (its stored sort key). Each result says which of its texts the text
 * matched. Every part is built with the query builder: user text only ever travels as a
 * bound parameter.
 */
export async function searchCustomers(db: Db, c: SearchCriteria): Promise<{ total: number; rows: FoundCustomer[] }> {
  const raw = (c.text ?? '').trim();
  const folded = foldForSearch(raw);
  const upper = raw.replace(/\s+/g, '').toUpperCase();
  const codeLike = CODE_LIKE.test(upper);
  const phoneLike = PHONE_LIKE.test(raw);
  const query: SearchText = { raw, folded, upper, codeLike, phoneLike };
  const grams = Array.from(folded).length >= 2 ? gramsOf([folded]) : [];

  // The rarest fragment of the text drives the search.
  let rarest: { gram: string; count: number } | null = null;
  for (const gram of grams) {
    const count = await gramCount(db, gram, SELECTIVE + 1);
    if (!rarest || count < rarest.count) rarest = { gram, count };
    if (count === 0) break;
  }

  const filtered = <Q extends ReturnType<typeof summaryQuery>>(q: Q): Q => {
    let out = q;
    if (c.grade) out = out.where('customers.grade', '=', c.grade) as Q;
    if (c.grade && c.gradeScale !== undefined) out = out.where('customers.grade_scale', '=', c.gradeScale) as Q;
    if (c.ungraded) out = out.where('customers.grade', 'is', null) as Q;
    if (c.industry) out = out.where('customers.industry', '=', c.industry) as Q;
    if (c.departmentId) out = out.where('customers.department_id', '=', c.departmentId) as Q;
    if (c.warningState) out = out.where('customers.warning_state', '=', c.warningState) as Q;
    if (c.verification) out = out.where('customers.verification', '=', c.verification) as Q;
    return out;
  };

  if (raw && !codeLike && !phoneLike && rarest) {
    // Text only: walk the fragment's index entries, which are in name order, and join
    // each to its customer. A page stops after `limit` matches; the count is a range
    // count of the fragment (checked against the whole text when it has several).
    const driver = filtered(
      summaryQuery(db)
        .innerJoin('search_grams', 'search_grams.customer_id', 'customers.id')
        .where('search_grams.gram', '=', rarest.gram),
    );
    const q =
      grams.length > 1
        ? driver.where((eb) => eb(sql<number>`instr(${eb.ref('customers.search_text')}, ${folded})`, '>', 0))
        : driver;
    const unfiltered = !c.grade && !c.ungraded && !c.industry && !c.departmentId && !c.warningState && !c.verification;
    const counted =
      unfiltered && grams.length === 1
        ? // A two-character text with no filter: its number is the length of its index range.
          db.selectFrom('search_grams').select((eb) => eb.fn.countAll<number>().as('n')).where('gram', '=', rarest.gram)
        : q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'));
    const [count, rows] = await Promise.all([
      counted.executeTakeFirstOrThrow(),
      q.orderBy('search_grams.sort_key').orderBy('search_grams.customer_id').limit(c.limit).offset(c.offset).execute(),
    ]);
    return { total: Number(count.n), rows: await withMatches(db, rows.map(toSummary), query) };
  }

  if (codeLike && /^[0-9A-Z]{6,}$/.test(upper)) {
    // A long credit-code prefix shared by many customers (a region's codes, say): walk
    // the code index in code order, so a page costs its own rows, not all the matches.
    const byCode = filtered(summaryQuery(db))
      .where('customers.credit_code', '>=', upper)
      .where('customers.credit_code', '<', prefixEnd(upper));
    const many = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('customers')
          .select('id')
          .where('credit_code', '>=', upper)
          .where('credit_code', '<', prefixEnd(upper))
          .limit(MANY_CODES + 1)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(many.n) > MANY_CODES) {
      const [count, rows] = await Promise.all([
        byCode.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        byCode.orderBy('customers.credit_code').limit(c.limit).offset(c.offset).execute(),
      ]);
      return { total: Number(count.n), rows: await withMatches(db, rows.map(toSummary), query) };
    }
  }

  let q = filtered(summaryQuery(db));
  if (raw) {
    // Codes, numbers and phones: the few customers they name, gathered from each index.
    q = q.where((eb) => {
      const ids: IdQuery[] = [];
      if (rarest && rarest.count > 0) {
        let byText = eb.selectFrom('search_grams').select('search_grams.customer_id').where('search_grams.gram', '=', rarest.gram);
        if (grams.length > 1) {
          byText = byText
            .innerJoin('customers as matched', 'matched.id', 'search_grams.customer_id')
            .where((e) => e(sql<number>`instr(${e.ref('matched.search_text')}, ${folded})`, '>', 0));
        }
        ids.push(byText as unknown as IdQuery);
      } else if (grams.length === 0 && Array.from(folded).length === 1) {
        ids.push(
          eb
            .selectFrom('customers as matched')
            .select('matched.id as customer_id')
            .where((e) => e(sql<number>`instr(${e.ref('matched.search_text')}, ${folded})`, '>', 0)) as unknown as IdQuery,
        );
      }
      if (codeLike) {
        ids.push(
          eb.selectFrom('customers as coded').select('coded.id as customer_id').where('coded.credit_code', '>=', upper).where('coded.credit_code', '<', prefixEnd(upper)) as unknown as IdQuery,
          eb.selectFrom('customers as carded').select('carded.id as customer_id').where('carded.id_number', '>=', upper).where('carded.id_number', '<', prefixEnd(upper)) as unknown as IdQuery,
          eb
            .selectFrom('contracts')
            .select('contracts.customer_id')
            .where('contracts.contract_no', '>=', upper)
            .where('contracts.contract_no', '<', prefixEnd(upper))
            .where('contracts.voided_at', 'is', null) as unknown as IdQuery,
        );
      }
      if (phoneLike) {
        ids.push(
          eb
            .selectFrom('customer_contacts')
            .select('customer_contacts.customer_id')
            .where('customer_contacts.phone', '>=', raw)
            .where('customer_contacts.phone', '<', prefixEnd(raw)) as unknown as IdQuery,
        );
      }
      if (ids.length === 0) return sql<boolean>`0 = 1`;
      const [first, ...rest] = ids;
      return eb('customers.id', 'in', rest.reduce((all, next) => all.union(next), first!));
    });
  }

  const [count, rows] = await Promise.all([
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q.orderBy('customers.sort_key').orderBy('customers.id').limit(c.limit).offset(c.offset).execute(),
  ]);
  return { total: Number(count.n), rows: await withMatches(db, rows.map(toSummary), query) };
}

interface SearchText {
  raw: string;
  folded: string;
  upper: string;
  codeLike: boolean;
  phoneLike: boolean;
}

/**
 * Say of each customer of a page which of its texts the search text matched, in the
 * order the list shows them: the name, a code (credit code or ID number), a contact (name
 * or phone), a contract number, a document title. The same folding and prefixes as the
 * search itself; only the page's customers are looked at.
 */
async function withMatches(db: Db, rows: CustomerSummary[], q: SearchText): Promise<FoundCustomer[]> {
  if (!q.raw || rows.length === 0) return rows.map((r) => ({ ...r, matched: null }));
  const ids = rows.map((r) => r.id);
  const [contacts, contracts, documents] = await Promise.all([
    db.selectFrom('customer_contacts').select(['customer_id', 'name', 'phone']).where('customer_id', 'in', ids).execute(),
    q.codeLike
      ? db
          .selectFrom('contracts')
          .select('customer_id')
          .where('customer_id', 'in', ids)
          .where('contract_no', '>=', q.upper)
          .where('contract_no', '<', prefixEnd(q.upper))
          .where('voided_at', 'is', null)
          .execute()
      : Promise.resolve([]),
    db.selectFrom('documents').select(['customer_id', 'title']).where('customer_id', 'in', ids).execute(),
  ]);
  const contains = (text: string | null) => !!text && foldForSearch(text).includes(q.folded);
  const startsWithCode = (code: string | null) => q.codeLike && !!code && code.startsWith(q.upper);
  const matchOf = (r: CustomerSummary): SearchMatch | null => {
    if (contains(r.name)) return 'name';
    if (startsWithCode(r.creditCode) || startsWithCode(r.idNumber)) return 'code';
    if (contacts.some((c) => c.customer_id === r.id && (contains(c.name) || (q.phoneLike && !!c.phone?.startsWith(q.raw))))) return 'contact';
    if (contracts.some((c) => c.customer_id === r.id)) return 'contractNumber';
    if (documents.some((d) => d.customer_id === r.id && contains(d.title))) return 'documentTitle';
    return null;
  };
  return rows.map((r) => ({ ...r, matched: matchOf(r) }));
}
