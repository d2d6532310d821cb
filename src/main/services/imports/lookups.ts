import { sql, type Transaction } from 'kysely';
import type { DB } from '../../archive/schema';
import { labelKey } from './values';

// What the checker needs to know of the archive, each loaded once per import in one
// query (never a query per row): departments, customers by credit code or ID number,
// contracts by number, and the document numbers already recorded.

export interface KnownCustomer {
  id: string;
  departmentId: string;
}

export interface KnownContract {
  id: string;
  customerId: string;
  /** 作废: its number stays taken, but nothing new may refer to it. */
  voided: boolean;
}

export interface ArchiveLookups {
  /** Department id by folded name or code. */
  departments: Map<string, string>;
  /** Customer by credit code or ID number (normalized: no spaces, upper case). */
  customersByCode: Map<string, KnownCustomer>;
  /** Customer by exact name (NFKC, trimmed); null where two customers share the name. */
  customersByName(): Promise<Map<string, KnownCustomer | null>>;
  /** Contract by its number. */
  contracts(): Promise<Map<string, KnownContract>>;
  /**
   * Which of these document numbers the archive already holds, as `customerId|kind|number`
   * keys (kind is '' for payments). One query, with the numbers as one bound parameter.
   * A voided record's number is free again: the corrected row may be imported.
   */
  recordedNumbers(table: 'transactions' | 'payments', numbers: string[]): Promise<Set<string>>;
}

export function numberKey(customerId: string, kind: string, number: string): string {
  return `${customerId}\u0001${kind}\u0001${number}`;
}

/** The name a customer is found by in a file: NFKC, spaces trimmed. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim();
}

export async function loadLookups(db: Transaction<DB>): Promise<ArchiveLookups> {
  const departments = new Map<string, string>();
  for (const d of await db.selectFrom('departments').select(['id', 'code', 'name']).execute()) {
    departments.set(labelKey(d.code), d.id);
    departments.set(labelKey(d.name), d.id);
  }
  const customers = await db.selectFrom('customers').select(['id', 'name', 'credit_code', 'id_number', 'department_id']).execute();
  const customersByCode = new Map<string, KnownCustomer>();
  for (const c of customers) {
    const known = { id: c.id, departmentId: c.department_id };
    if (c.credit_code) customersByCode.set(c.credit_code, known);
    if (c.id_number) customersByCode.set(c.id_number, known);
  }

  let byName: Map<string, KnownCustomer | null> | null = null;
  let contracts: Map<string, KnownContract> | null = null;
  return {
    departments,
    customersByCode,
    async customersByName() {
      if (!byName) {
        byName = new Map();
        for (const c of customers) {
          const key = nameKey(c.name);
          byName.set(key, byName.has(key) ? null : { id: c.id, departmentId: c.department_id });
        }
      }
      return byName;
    },
    async contracts() {
      if (!contracts) {
        contracts = new Map();
        for (const c of await db.selectFrom('contracts').select(['id', 'contract_no', 'customer_id', 'voided_at']).execute()) {
          contracts.set(c.contract_no, { id: c.id, customerId: c.customer_id, voided: c.voided_at !== null });
        }
      }
      return contracts;
    },
    async recordedNumbers(table, numbers) {
      const found = new Set<string>();
      if (numbers.length === 0) return found;
      // json_each turns the one JSON parameter into a table SQLite can probe: the numbers
      // stay data, and the archive's rows are scanned once, inside SQLite.
      const list = sql<{ value: string }>`json_each(${JSON.stringify(numbers)})`.as('file_numbers');
      if (table === 'transactions') {
        const rows = await db
          .selectFrom('transactions')
          .select(['customer_id', 'kind', 'doc_no'])
          .where('doc_no', 'in', db.selectFrom(list).select('file_numbers.value'))
          .where('voided_at', 'is', null)
          .execute();
        for (const r of rows) found.add(numberKey(r.customer_id, r.kind, r.doc_no!));
      } else {
        const rows = await db
          .selectFrom('payments')
          .select(['customer_id', 'ref'])
          .where('ref', 'in', db.selectFrom(list).select('file_numbers.value'))
          .where('voided_at', 'is', null)
          .execute();
        for (const r of rows) found.add(numberKey(r.customer_id, '', r.ref!));
      }
      return found;
    },
  };
}
