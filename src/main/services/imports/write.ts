import type { CompiledQuery, Insertable, Transaction } from 'kysely';
import type { ImportKind } from '../../../shared/domain/customers';
import { pinyinSortKey } from '../../../shared/domain/pinyin';
import type { DB } from '../../archive/schema';
import { gramsOf, searchTextOf } from '../customers/grams';
import type { RecordOf } from './check';
import type { ContractRecord } from './check/contracts';
import type { CustomerRecord } from './check/customers';
import type { PaymentRecord } from './check/payments';
import type { TransactionRecord } from './check/transactions';

// Writing checked records, in the caller's transaction, in large multi-row INSERTs built
// by Kysely. A statement's shape depends only on its number of rows, so it is compiled
// once per size and run again with the next rows' values: the SQL always comes from the
// query builder, the values always travel as bound parameters.

/** SQLite's limit of bound parameters in one statement. */
const MAX_PARAMETERS = 32766;

export interface WriteEnv {
  db: Transaction<DB>;
  importId: string;
  userId: string;
  /** Ids of the new rows. */
  newId(): string;
  /** The moment of the import (created_at, entered_at). */
  at: string;
  /** Rows written so far (of the file's records). */
  progress?(done: number): void;
  /** Throws to stop (a cancelled job): the transaction then rolls back. */
  checkpoint?(): void;
}

type Table = keyof DB;

/**
 * Insert one row per item, its values given by `valuesOf` in `columns` order, in batches
 * of as many rows as the parameter limit allows, yielding to the event loop between batches.
 */
export async function insertRows<T extends Table, R>(
  env: WriteEnv,
  table: T,
  columns: readonly (keyof Insertable<DB[T]> & string)[],
  items: readonly R[],
  valuesOf: (item: R, index: number) => readonly unknown[],
  onBatch?: (written: number) => void,
): Promise<void> {
  const width = columns.length;
  const perBatch = Math.floor(MAX_PARAMETERS / width);
  let compiled: CompiledQuery | null = null;
  let compiledRows = 0;
  for (let start = 0; start < items.length; start += perBatch) {
    env.checkpoint?.();
    const end = Math.min(items.length, start + perBatch);
    const rows = end - start;
    const parameters = new Array<unknown>(rows * width);
    for (let i = start, p = 0; i < end; i++, p += width) {
      const values = valuesOf(items[i]!, i);
      for (let c = 0; c < width; c++) parameters[p + c] = values[c] ?? null;
    }
    if (!compiled || compiledRows !== rows) {
      const objects = Array.from({ length: rows }, (_, r) => Object.fromEntries(columns.map((c, i) => [c, parameters[r * width + i]])));
      compiled = env.db
        .insertInto(table)
        .values(objects as never)
        .compile();
      compiledRows = rows;
      if (compiled.parameters.length !== rows * width) {
        throw new Error(`insert into ${table}: ${compiled.parameters.length} parameters for ${rows} rows`);
      }
    }
    await env.db.executeQuery({ ...compiled, parameters });
    onBatch?.(end);
    // Let progress and cancel calls be answered between batches.
    await new Promise(setImmediate);
  }
}

const CUSTOMER_COLUMNS = [
  'id',
  'kind',
  'name',
  'credit_code',
  'id_number',
  'enterprise_nature',
  'registered_capital_fen',
  'legal_representative',
  'person_in_charge',
  'address',
  'bank_name',
  'bank_account',
  'industry',
  'service_type',
  'cooperation_start',
  'department_id',
  'confidentiality',
  'grade',
  'warning_state',
  'verification',
  'search_text',
  'sort_key',
  'entered_by',
  'entered_at',
  'verified_by',
  'verified_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof Insertable<DB['customers']>)[];

async function writeCustomers(env: WriteEnv, records: CustomerRecord[]): Promise<void> {
  const ids = records.map(() => env.newId());
  const sortKeys = records.map((r) => pinyinSortKey(r.name));
  await insertRows(env, 'customers', CUSTOMER_COLUMNS, records, (r, i) => [
    ids[i],
    r.kind,
    r.name,
    r.credit_code,
    r.id_number,
    r.enterprise_nature,
    r.registered_capital_fen,
    r.legal_representative,
    r.person_in_charge,
    r.address,
    r.bank_name,
    r.bank_account,
    r.industry,
    r.service_type,
    r.cooperation_start,
    r.department_id,
    r.confidentiality,
    null,
    'none',
    'pending', // imported key data still needs a second person's confirmation (双人核验)
    searchTextOf([r.name, ...r.contacts.map((c) => c.name)]),
    sortKeys[i],
    env.userId,
    env.at,
    null,
    null,
    env.at,
    env.at,
  ], env.progress);

  const contactRows: unknown[][] = [];
  const gramRows: unknown[][] = [];
  records.forEach((r, i) => {
    for (const c of r.contacts) contactRows.push([env.newId(), ids[i], c.role, c.name, c.phone, c.email, env.at]);
    // Searchable at once: the same fragments customers.create indexes.
    for (const gram of gramsOf([r.name, ...r.contacts.map((c) => c.name)])) gramRows.push([gram, sortKeys[i], ids[i]]);
  });
  await insertRows(env, 'customer_contacts', ['id', 'customer_id', 'role', 'name', 'phone', 'email', 'created_at'], contactRows, (r) => r);
  await insertRows(env, 'search_grams', ['gram', 'sort_key', 'customer_id'], gramRows, (r) => r);
}

async function writeContracts(env: WriteEnv, records: ContractRecord[]): Promise<void> {
  await insertRows(
    env,
    'contracts',
    ['id', 'customer_id', 'department_id', 'contract_no', 'title', 'amount_fen', 'signed_on', 'start_on', 'end_on', 'status', 'import_id', 'created_at'],
    records,
    (r) => [
    env.newId(),
    r.customer_id,
    r.department_id,
    r.contract_no,
    r.title,
    r.amount_fen,
    r.signed_on,
    r.start_on,
    r.end_on,
    r.status,
    env.importId,
    env.at,
  ],
    env.progress,
  );
}

async function writeTransactions(env: WriteEnv, records: TransactionRecord[]): Promise<void> {
  await insertRows(
    env,
    'transactions',
    ['id', 'customer_id', 'contract_id', 'kind', 'doc_no', 'amount_fen', 'occurred_on', 'due_on', 'import_id', 'created_at'],
    records,
    (r) => [env.newId(), r.customer_id, r.contract_id, r.kind, r.doc_no, r.amount_fen, r.occurred_on, r.due_on, env.importId, env.at],
    env.progress,
  );
}

async function writePayments(env: WriteEnv, records: PaymentRecord[]): Promise<void> {
  await insertRows(
    env,
    'payments',
    ['id', 'customer_id', 'contract_id', 'amount_fen', 'paid_on', 'ref', 'import_id', 'created_at'],
    records,
    (r) => [env.newId(), r.customer_id, r.contract_id, r.amount_fen, r.paid_on, r.ref, env.importId, env.at],
    env.progress,
  );
}

export async function writeRecords<K extends ImportKind>(kind: K, records: RecordOf[K][], env: WriteEnv): Promise<void> {
  switch (kind) {
    case 'customers':
      return writeCustomers(env, records as CustomerRecord[]);
    case 'contracts':
      return writeContracts(env, records as ContractRecord[]);
    case 'transactions':
      return writeTransactions(env, records as TransactionRecord[]);
    case 'payments':
      return writePayments(env, records as PaymentRecord[]);
  }
}
