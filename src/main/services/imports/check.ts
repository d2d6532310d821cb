import type { z } from 'zod';
import type { CustomerContactsTable, CustomersTable } from '../../archive/schema';
import { customerCreateInput } from '../../../shared/contract/customers';
import { importProblemCodes, type ImportProblem, type ImportProblemCode } from '../../../shared/contract/imports';
import type { ImportKind } from '../../../shared/domain/customers';
import { creditCodeProblem, idNumberProblem, normalizeCreditCode } from '../../../shared/domain/identifiers';
import type { Sheet, SheetRow } from './files';
import {
  columnNamed,
  CONFIDENTIALITY_LABELS,
  CONTRACT_STATUS_LABELS,
  CUSTOMER_KIND_LABELS,
  ENTERPRISE_NATURE_LABELS,
  IMPORT_COLUMNS,
  SERVICE_TYPE_LABELS,
  TRANSACTION_KIND_LABELS,
  type ImportColumn,
} from './kinds';
import { nameKey, numberKey, type ArchiveLookups, type KnownCustomer } from './lookups';
import { cellText, displayText, labelKey, parseDay, parseFen, type Cell, type Parsed } from './values';

// Checking a file row by row. Each row is checked by the rules of the form that enters the
// same record by hand: customers through the contract's own schema (customerCreateInput);
// contracts, transactions and payments — files of up to millions of rows — by the same
// rules in plain code (the schemas of records.addContract/addTransaction/addPayment; a
// test holds the two to agreement). Every problem names its row, column and value.

/** A customers row as an import writes it (the columns a file fills), with its contacts. */
export type CustomerRecord = Pick<
  CustomersTable,
  | 'kind'
  | 'name'
  | 'credit_code'
  | 'id_number'
  | 'enterprise_nature'
  | 'registered_capital_fen'
  | 'legal_representative'
  | 'person_in_charge'
  | 'address'
  | 'bank_name'
  | 'bank_account'
  | 'industry'
  | 'service_type'
  | 'cooperation_start'
  | 'department_id'
  | 'confidentiality'
> & {
  /** A file has a finance and a business contact column. */
  contacts: (Pick<CustomerContactsTable, 'name' | 'phone' | 'email'> & { role: 'finance' | 'business' })[];
};

export interface ContractRecord {
  customer_id: string;
  department_id: string;
  contract_no: string;
  title: string;
  amount_fen: number;
  signed_on: string;
  start_on: string | null;
  end_on: string | null;
  status: 'active' | 'completed' | 'terminated';
}

export interface TransactionRecord {
  customer_id: string;
  contract_id: string | null;
  kind: 'sale' | 'return';
  doc_no: string | null;
  amount_fen: number;
  occurred_on: string;
  due_on: string | null;
}

export interface PaymentRecord {
  customer_id: string;
  contract_id: string | null;
  amount_fen: number;
  paid_on: string;
  ref: string | null;
}

export interface RecordOf {
  customers: CustomerRecord;
  contracts: ContractRecord;
  transactions: TransactionRecord;
  payments: PaymentRecord;
}

export type AnyRecord = RecordOf[ImportKind];

/** Problems kept in full; beyond this they are only counted. */
const KEEP_PROBLEMS = 5000;
const MAX_VALUE_CHARS = 100;

export class ProblemList {
  readonly kept: ImportProblem[] = [];
  count = 0;
  /** Where each column is in the file: problems of a row are listed in the file's column order. */
  columnOrder = new Map<string, number>();
  add(row: number, column: string | null, code: ImportProblemCode, value: Cell): void {
    this.count++;
    if (this.kept.length >= KEEP_PROBLEMS) return;
    const shown = value === null || value === undefined ? null : displayText(value).slice(0, MAX_VALUE_CHARS);
    this.kept.push({ row, column, code, value: shown === '' ? null : shown });
  }
  /** The first `n` problems by row (then column), and how many more there are. */
  first(n: number): { problems: ImportProblem[]; moreProblems: number } {
    const at = (column: string | null) => (column === null ? -1 : (this.columnOrder.get(column) ?? -1));
    const sorted = [...this.kept].sort((a, b) => a.row - b.row || at(a.column) - at(b.column) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return { problems: sorted.slice(0, n), moreProblems: this.count - Math.min(n, sorted.length) };
  }
}

/** Where each column of a kind is in the file, by key; -1 where it is absent. */
export interface ColumnMap {
  index: Record<string, number>;
  /** The header text the file uses for a column (or the template's, where absent). */
  headerOf(key: string): string;
  /** The columns of the file, as the file names them. */
  fileHeader: string[];
}

export class UnknownColumns extends Error {}

/** Match the header row to the kind's columns; missing and repeated columns are problems of the header's row. */
export function mapColumns(kind: ImportKind, header: readonly string[], problems: ProblemList, headerRow = 1): ColumnMap {
  const columns = IMPORT_COLUMNS[kind];
  const index: Record<string, number> = Object.fromEntries(columns.map((c) => [c.key, -1]));
  const names: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.header]));
  let matched = 0;
  header.forEach((text, i) => {
    if (!text) return;
    const col = columnNamed(kind, text);
    if (!col) return;
    matched++;
    if (index[col.key]! >= 0) {
      problems.add(headerRow, text, 'column.duplicate', text);
      return;
    }
    index[col.key] = i;
    names[col.key] = text;
  });
  if (matched === 0) throw new UnknownColumns(`no column of a ${kind} file`);
  const missing = (col: ImportColumn) => problems.add(headerRow, col.header, 'column.missing', null);
  for (const col of columns) if (col.required && index[col.key] === -1) missing(col);
  // Who the record belongs to: a credit code (or ID number), or for contracts a name.
  const byKey = (key: string) => columns.find((c) => c.key === key)!;
  if (kind === 'customers' && index.creditCode === -1 && index.idNumber === -1) missing(byKey('creditCode'));
  if (kind === 'contracts' && index.creditCode === -1 && index.customerName === -1) missing(byKey('creditCode'));
  return { index, headerOf: (key) => names[key] ?? key, fileHeader: [...header] };
}

export interface CheckProgress {
  (done: number, total: number): void;
}

export interface CheckOptions {
  /** Build the records to write (the run) or only find the problems (the preview). */
  keepRecords: boolean;
  /** The department of customers whose row names none: the importer's. */
  defaultDepartmentId: string;
  progress?: CheckProgress;
  /** Throws to stop (a cancelled job). */
  checkpoint?: () => void;
}

export interface CheckResult<K extends ImportKind = ImportKind> {
  rows: number;
  records: RecordOf[K][];
  problems: ProblemList;
  columns: ColumnMap;
  /** The first data rows as text, for the preview. */
  sample: string[][];
}

const SAMPLE_ROWS = 20;

interface RowContext {
  n: number;
  cells: Cell[];
}

type RowChecker<R> = (row: RowContext) => R | null;

/** Check a whole sheet; yields to the event loop between slices. */
export async function checkSheet<K extends ImportKind>(
  kind: K,
  sheet: Sheet,
  lookups: ArchiveLookups,
  options: CheckOptions,
): Promise<CheckResult<K>> {
  const problems = new ProblemList();
  const columns = mapColumns(kind, sheet.header, problems, sheet.headerRow);
  sheet.header.forEach((h, i) => {
    if (!problems.columnOrder.has(h)) problems.columnOrder.set(h, i);
  });
  const checker = (await makeChecker(kind, columns, lookups, problems, options)) as KindChecker<RecordOf[K]>;
  const records: RecordOf[K][] = [];
  const sample: string[][] = [];
  let rows = 0;
  let total = sheet.estimatedRows;
  for await (const slice of sheet.slices()) {
    options.checkpoint?.();
    for (const row of slice as SheetRow[]) {
      rows++;
      if (sample.length < SAMPLE_ROWS) sample.push(columns.fileHeader.map((_, i) => displayText(row.cells[i] ?? null)));
      const record = checker.row(row);
      // Once a row fails, the file will write nothing: stop keeping records.
      if (record && options.keepRecords && problems.count === 0) records.push(record);
    }
    if (rows > total) total = rows;
    options.progress?.(rows, total);
    await new Promise(setImmediate);
  }
  for (const p of sheet.problems) problems.add(p.row, p.column, p.code, p.value);
  await checker.finish();
  options.progress?.(rows, rows);
  // A file with any problem writes nothing: its records are of no use.
  return { rows, records: problems.count === 0 ? records : [], problems, columns, sample };
}

interface KindChecker<R> {
  row: RowChecker<R>;
  /** Checks that need the whole file first (numbers already in the archive). */
  finish(): Promise<void>;
}

/** Memoised label lookups: a file repeats the same few labels a million times. */
function labelReader<C extends string>(table: Map<string, C>): (text: string) => C | undefined {
  const memo = new Map<string, C | undefined>();
  return (text) => {
    if (memo.has(text)) return memo.get(text);
    const code = table.get(labelKey(text));
    if (memo.size < 10_000) memo.set(text, code);
    return code;
  };
}

async function makeChecker(
  kind: ImportKind,
  columns: ColumnMap,
  lookups: ArchiveLookups,
  problems: ProblemList,
  options: CheckOptions,
): Promise<KindChecker<AnyRecord>> {
  const { index } = columns;
  const at = (key: string) => index[key] ?? -1;
  const cellOf = (cells: Cell[], i: number): Cell => (i >= 0 ? (cells[i] ?? null) : null);
  const report = (n: number, key: string, code: ImportProblemCode, value: Cell) => problems.add(n, columns.headerOf(key), code, value);

  /** Text of a column; too long is a problem (the form's length bound). */
  const textOf = (row: RowContext, key: string, max: number): string | null => {
    const cell = cellOf(row.cells, at(key));
    const text = cellText(cell);
    if (text !== null && text.length > max) {
      report(row.n, key, 'text.tooLong', cell);
      return null;
    }
    return text;
  };
  const requiredText = (row: RowContext, key: string, max: number): string | null => {
    const text = textOf(row, key, max);
    if (text === null && at(key) >= 0 && cellText(cellOf(row.cells, at(key))) === null) report(row.n, key, 'required', null);
    return text;
  };
  const parsed = <T>(row: RowContext, key: string, parse: (c: Cell) => Parsed<T> | null, required: boolean): T | null | undefined => {
    const cell = cellOf(row.cells, at(key));
    const result = parse(cell);
    if (result === null) {
      if (required && at(key) >= 0) report(row.n, key, 'required', null);
      return required ? undefined : null;
    }
    if (!result.ok) {
      report(row.n, key, result.code, cell);
      return undefined;
    }
    return result.value;
  };
  const day = (row: RowContext, key: string, required: boolean) => parsed(row, key, parseDay, required);
  const label = <C extends string>(row: RowContext, key: string, read: (t: string) => C | undefined, code: ImportProblemCode, fallback: C | null): C | null | undefined => {
    const cell = cellOf(row.cells, at(key));
    const text = cellText(cell);
    if (text === null) {
      if (fallback === null && at(key) >= 0 && IMPORT_COLUMNS[kind].find((c) => c.key === key)?.required) {
        report(row.n, key, 'required', null);
        return undefined;
      }
      return fallback;
    }
    const value = read(text);
    if (value === undefined) report(row.n, key, code, cell);
    return value;
  };
  const department = (row: RowContext, fallback: string): string | undefined => {
    const cell = cellOf(row.cells, at('department'));
    const text = cellText(cell);
    if (text === null) return fallback;
    const id = lookups.departments.get(labelKey(text));
    if (!id) report(row.n, 'department', 'department.unknown', cell);
    return id;
  };

  /** The customer a row refers to by credit code (or ID number). */
  const customerByCode = (row: RowContext, key: string, required: boolean): KnownCustomer | null | undefined => {
    const cell = cellOf(row.cells, at(key));
    const text = cellText(cell);
    if (text === null) {
      if (required && at(key) >= 0) report(row.n, key, 'required', null);
      return required ? undefined : null;
    }
    const code = normalizeCreditCode(text);
    const known = lookups.customersByCode.get(code);
    if (known) return known;
    const codeProblem = creditCodeProblem(code);
    // A valid credit code or ID number that the archive does not hold: an unknown customer.
    report(row.n, key, codeProblem && idNumberProblem(code) ? `creditCode.${codeProblem}` : 'customer.unknown', cell);
    return undefined;
  };

  let contracts: Awaited<ReturnType<ArchiveLookups['contracts']>> | null = null;
  if (kind === 'contracts' || at('contractNo') >= 0) contracts = await lookups.contracts();
  const dateOrder = (row: RowContext, key: string, from: string | null | undefined, to: string | null | undefined) => {
    if (from && to && from > to) report(row.n, key, 'date.order', cellOf(row.cells, at(key)));
  };

  switch (kind) {
    case 'customers':
      return customersChecker(columns, lookups, problems, options, { cellOf, at, report, label, parsed, department });
    case 'contracts': {
      const seen = new Map<string, number>();
      const byName = at('customerName') >= 0 ? await lookups.customersByName() : null;
      const status = labelReader(CONTRACT_STATUS_LABELS);
      return {
        row(row) {
          const contractNo = requiredText(row, 'contractNo', 40);
          if (contractNo !== null) {
            if (seen.has(contractNo)) report(row.n, 'contractNo', 'duplicate.inFile', contractNo);
            else {
              seen.set(contractNo, row.n);
              if (contracts!.has(contractNo)) report(row.n, 'contractNo', 'duplicate.inArchive', contractNo);
            }
          }
          let customer: KnownCustomer | null | undefined = customerByCode(row, 'creditCode', false);
          if (customer === null) {
            const cell = cellOf(row.cells, at('customerName'));
            const name = cellText(cell);
            if (name === null || !byName) report(row.n, at('creditCode') >= 0 ? 'creditCode' : 'customerName', 'required', null);
            else {
              const found = byName.get(nameKey(name));
              if (found === undefined) report(row.n, 'customerName', 'customer.unknown', cell);
              else if (found === null) report(row.n, 'customerName', 'customer.ambiguous', cell);
              customer = found ?? undefined;
            }
          }
          const title = requiredText(row, 'title', 200);
          const amount = parsed(row, 'amount', parseFen, true);
          const signedOn = day(row, 'signedOn', true);
          const startOn = day(row, 'startOn', false);
          const endOn = day(row, 'endOn', false);
          dateOrder(row, 'endOn', startOn, endOn);
          const state = label(row, 'status', status, 'contractStatus.invalid', 'active');
          const departmentId = department(row, customer?.departmentId ?? options.defaultDepartmentId);
          if (!customer || contractNo === null || title === null || amount == null || !signedOn || startOn === undefined || endOn === undefined || !state || !departmentId) {
            return null;
          }
          return {
            customer_id: customer.id,
            department_id: departmentId,
            contract_no: contractNo,
            title,
            amount_fen: amount,
            signed_on: signedOn,
            start_on: startOn,
            end_on: endOn,
            status: state,
          } satisfies ContractRecord;
        },
        finish: async () => {},
      };
    }
    case 'transactions':
    case 'payments':
      return ledgerChecker(kind, columns, lookups, problems, contracts);
  }
}

/**
 * Transactions and payments: the files of millions of rows. The same rules as the forms
 * (records.addTransaction, records.addPayment), written out for speed: column positions
 * fixed once, common cases parsed without regular expressions, no allocation per row
 * beyond the record itself.
 */
function ledgerChecker(
  kind: 'transactions' | 'payments',
  columns: ColumnMap,
  lookups: ArchiveLookups,
  problems: ProblemList,
  contracts: Map<string, { id: string; customerId: string }> | null,
): KindChecker<TransactionRecord | PaymentRecord> {
  const { index } = columns;
  const iCode = index.creditCode!;
  const iNumber = kind === 'transactions' ? index.docNo! : index.ref!;
  const iKind = kind === 'transactions' ? index.kind! : -1;
  const iAmount = index.amount!;
  const iDay = kind === 'transactions' ? index.occurredOn! : index.paidOn!;
  const iDue = kind === 'transactions' ? index.dueOn! : -1;
  const iContract = index.contractNo!;
  const numberColumn = kind === 'transactions' ? 'docNo' : 'ref';
  const dayColumn = kind === 'transactions' ? 'occurredOn' : 'paidOn';
  const header = (key: string) => columns.headerOf(key);
  const report = (n: number, key: string, code: ImportProblemCode, value: Cell) => problems.add(n, header(key), code, value);
  const cell = (cells: Cell[], i: number): Cell => (i >= 0 ? (cells[i] ?? null) : null);
  const txKind = labelReader(TRANSACTION_KIND_LABELS);

  // Document numbers seen, by number: most are unique, so the number alone is the key;
  // the few that repeat are told apart by customer and kind. (Parallel arrays rather than
  // an object per row: a million rows make a million fewer objects to collect.)
  const firstSeen = new Map<string, number>();
  const seenCustomer: string[] = [];
  const seenType: string[] = [];
  const seenRow: number[] = [];
  const alsoSeen = new Map<string, number>();
  const remember = (n: number, customerId: string, type: string, number: string, value: Cell) => {
    const k = firstSeen.get(number);
    if (k === undefined) {
      firstSeen.set(number, seenRow.length);
      seenCustomer.push(customerId);
      seenType.push(type);
      seenRow.push(n);
      return;
    }
    const key = numberKey(customerId, type, number);
    if ((seenCustomer[k] === customerId && seenType[k] === type) || alsoSeen.has(key)) report(n, numberColumn, 'duplicate.inFile', value);
    else alsoSeen.set(key, n);
  };
  // A file repeats the same few days: one string each (fewer strings kept with the records).
  const days = new Map<string, string>();
  const interned = (day: string): string => {
    const known = days.get(day);
    if (known !== undefined) return known;
    if (days.size < 100_000) days.set(day, day);
    return day;
  };

  const customerOf = (n: number, cells: Cell[]): KnownCustomer | undefined => {
    const raw = cell(cells, iCode);
    if (typeof raw === 'string') {
      const known = lookups.customersByCode.get(raw);
      if (known) return known;
    }
    const text = cellText(raw);
    if (text === null) {
      if (iCode >= 0) report(n, 'creditCode', 'required', null);
      return undefined;
    }
    const code = normalizeCreditCode(text);
    const known = lookups.customersByCode.get(code);
    if (known) return known;
    const codeProblem = creditCodeProblem(code);
    report(n, 'creditCode', codeProblem && idNumberProblem(code) ? `creditCode.${codeProblem}` : 'customer.unknown', raw);
    return undefined;
  };

  const amountOf = (n: number, cells: Cell[]): number | undefined => {
    const raw = cell(cells, iAmount);
    const fen = parseFen(raw);
    if (fen === null) {
      if (iAmount >= 0) report(n, 'amount', 'required', null);
      return undefined;
    }
    if (!fen.ok) report(n, 'amount', fen.code, raw);
    else if (fen.value === 0) report(n, 'amount', 'amount.zero', raw);
    else return fen.value;
    return undefined;
  };

  const dayOf = (n: number, cells: Cell[], i: number, key: string, required: boolean): string | null | undefined => {
    const raw = cell(cells, i);
    const day = parseDay(raw);
    if (day === null) {
      if (required && i >= 0) report(n, key, 'required', null);
      return required ? undefined : null;
    }
    if (day.ok) return interned(day.value);
    report(n, key, day.code, raw);
    return undefined;
  };

  const numberOf = (n: number, cells: Cell[]): string | null | undefined => {
    const raw = cell(cells, iNumber);
    const text = typeof raw === 'string' && raw.length > 0 && raw.length <= 60 && raw.trim() === raw && /^[\x21-\x7e]*$/.test(raw) ? raw : cellText(raw);
    if (text !== null && text.length > 60) {
      report(n, numberColumn, 'text.tooLong', raw);
      return undefined;
    }
    return text;
  };

  const contractOf = (n: number, cells: Cell[], customer: KnownCustomer | undefined): string | null | undefined => {
    if (iContract < 0) return null;
    const raw = cell(cells, iContract);
    const text = cellText(raw);
    if (text === null) return null;
    const contract = contracts!.get(text);
    if (!contract) report(n, 'contractNo', 'contract.unknown', raw);
    else if (customer && contract.customerId !== customer.id) report(n, 'contractNo', 'contract.otherCustomer', raw);
    else return contract.id;
    return undefined;
  };

  const typeOf = (n: number, cells: Cell[]): 'sale' | 'return' | undefined => {
    const raw = cell(cells, iKind);
    const text = cellText(raw);
    if (text === null) {
      if (iKind >= 0) report(n, 'kind', 'required', null);
      return undefined;
    }
    const type = txKind(text);
    if (!type) report(n, 'kind', 'transactionKind.invalid', raw);
    return type;
  };

  return {
    row:
      kind === 'transactions'
        ? ({ n, cells }) => {
            const customer = customerOf(n, cells);
            const docNo = numberOf(n, cells);
            const type = typeOf(n, cells);
            const amount = amountOf(n, cells);
            const occurredOn = dayOf(n, cells, iDay, dayColumn, true);
            const dueOn = dayOf(n, cells, iDue, 'dueOn', false);
            if (occurredOn && dueOn && occurredOn > dueOn) report(n, 'dueOn', 'date.order', cell(cells, iDue));
            const contractId = contractOf(n, cells, customer);
            if (customer && type && docNo) remember(n, customer.id, type, docNo, cell(cells, iNumber));
            if (!customer || !type || amount === undefined || !occurredOn || dueOn === undefined || contractId === undefined || docNo === undefined) return null;
            return { customer_id: customer.id, contract_id: contractId, kind: type, doc_no: docNo, amount_fen: amount, occurred_on: occurredOn, due_on: dueOn } satisfies TransactionRecord;
          }
        : ({ n, cells }) => {
            const customer = customerOf(n, cells);
            const amount = amountOf(n, cells);
            const paidOn = dayOf(n, cells, iDay, dayColumn, true);
            const ref = numberOf(n, cells);
            const contractId = contractOf(n, cells, customer);
            if (customer && ref) remember(n, customer.id, '', ref, cell(cells, iNumber));
            if (!customer || amount === undefined || !paidOn || contractId === undefined || ref === undefined) return null;
            return { customer_id: customer.id, contract_id: contractId, amount_fen: amount, paid_on: paidOn, ref } satisfies PaymentRecord;
          },
    async finish() {
      if (firstSeen.size === 0) return;
      // One query for the numbers the archive already holds; then which rows they are.
      const recorded = await lookups.recordedNumbers(kind, [...firstSeen.keys()]);
      for (const key of recorded) {
        const number = key.slice(key.lastIndexOf('\u0001') + 1);
        const k = firstSeen.get(number);
        const n = k !== undefined && numberKey(seenCustomer[k]!, seenType[k]!, number) === key ? seenRow[k] : alsoSeen.get(key);
        if (n !== undefined) problems.add(n, header(numberColumn), 'duplicate.inArchive', number);
      }
    },
  };
}

interface Helpers {
  cellOf(cells: Cell[], i: number): Cell;
  at(key: string): number;
  report(n: number, key: string, code: ImportProblemCode, value: Cell): void;
  label<C extends string>(row: RowContext, key: string, read: (t: string) => C | undefined, code: ImportProblemCode, fallback: C | null): C | null | undefined;
  parsed<T>(row: RowContext, key: string, parse: (c: Cell) => Parsed<T> | null, required: boolean): T | null | undefined;
  department(row: RowContext, fallback: string): string | undefined;
}

type CustomerInput = z.input<typeof customerCreateInput>;

/** Where a field of customerCreateInput comes from in the file. */
const FIELD_COLUMN: Record<string, string> = {
  kind: 'kind',
  name: 'name',
  creditCode: 'creditCode',
  idNumber: 'idNumber',
  enterpriseNature: 'enterpriseNature',
  registeredCapitalFen: 'registeredCapital',
  legalRepresentative: 'legalRepresentative',
  personInCharge: 'personInCharge',
  address: 'address',
  bankName: 'bankName',
  bankAccount: 'bankAccount',
  industry: 'industry',
  serviceType: 'serviceType',
  cooperationStart: 'cooperationStart',
  departmentId: 'department',
  confidentiality: 'confidentiality',
};

/** A zod issue of the customer form as an import problem code. */
function problemCode(issue: z.core.$ZodIssue): ImportProblemCode {
  const m = issue.message;
  const own = importProblemCodes.safeParse(m); // creditCode.checkCharacter, idNumber.birthDate …
  if (own.success) return own.data;
  if (m === 'phone' || m === 'bankAccount') return `${m}.invalid`;
  const field = issue.path[issue.path.length - 1];
  if (field === 'email') return 'email.invalid';
  if (issue.code === 'too_big') return 'text.tooLong';
  if (issue.code === 'too_small') return 'required';
  return 'invalid';
}

function customersChecker(
  columns: ColumnMap,
  lookups: ArchiveLookups,
  problems: ProblemList,
  options: CheckOptions,
  h: Helpers,
): KindChecker<CustomerRecord> {
  const seen = new Map<string, number>();
  const kinds = labelReader(CUSTOMER_KIND_LABELS);
  const natures = labelReader(ENTERPRISE_NATURE_LABELS);
  const services = labelReader(SERVICE_TYPE_LABELS);
  const levels = labelReader(CONFIDENTIALITY_LABELS);
  const raw = (row: RowContext, key: string): string | null => cellText(h.cellOf(row.cells, h.at(key)));
  return {
    row(row) {
      const before = problems.count;
      const creditCode = raw(row, 'creditCode');
      const idNumber = raw(row, 'idNumber');
      // 客户类型 left empty: an ID number without a credit code is a person.
      const kind = h.label(row, 'kind', kinds, 'customerKind.invalid', idNumber && !creditCode ? 'individual' : 'enterprise');
      const nature = h.label(row, 'enterpriseNature', natures, 'enterpriseNature.invalid', null);
      const capital = h.parsed(row, 'registeredCapital', parseFen, false);
      const service = h.label(row, 'serviceType', services, 'serviceType.invalid', null);
      const since = h.parsed(row, 'cooperationStart', parseDay, false);
      const level = h.label(row, 'confidentiality', levels, 'confidentiality.invalid', 'normal');
      const departmentId = h.department(row, options.defaultDepartmentId);

      const contacts: CustomerRecord['contacts'] = [];
      const email = raw(row, 'email');
      let emailTaken = false;
      for (const [role, nameKey_, phoneKey] of [
        ['finance', 'financeContact', 'financePhone'],
        ['business', 'businessContact', 'businessPhone'],
      ] as const) {
        const name = raw(row, nameKey_);
        const phone = raw(row, phoneKey);
        if (name === null) {
          if (phone !== null) h.report(row.n, phoneKey, 'contact.nameRequired', phone);
          continue;
        }
        contacts.push({ role, name, phone, email: emailTaken ? null : email });
        emailTaken = emailTaken || email !== null;
      }
      if (email !== null && !emailTaken) h.report(row.n, 'email', 'contact.nameRequired', email);

      // The form's own schema, with what the file could not give replaced by valid
      // stand-ins (already reported above), so that every other rule is still checked.
      const input: CustomerInput = {
        kind: kind ?? (idNumber && !creditCode ? 'individual' : 'enterprise'),
        name: raw(row, 'name') ?? '',
        creditCode,
        idNumber,
        enterpriseNature: nature ?? null,
        registeredCapitalFen: capital ?? null,
        legalRepresentative: raw(row, 'legalRepresentative'),
        personInCharge: raw(row, 'personInCharge'),
        address: raw(row, 'address'),
        bankName: raw(row, 'bankName'),
        bankAccount: raw(row, 'bankAccount'),
        industry: raw(row, 'industry'),
        serviceType: service ?? null,
        cooperationStart: since ?? null,
        departmentId: departmentId ?? options.defaultDepartmentId,
        confidentiality: level ?? 'normal',
        contacts,
      };
      const result = customerCreateInput.safeParse(input);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const [field, i, sub] = issue.path;
          let key = FIELD_COLUMN[String(field)] ?? 'name';
          if (field === 'contacts' && typeof i === 'number') {
            const contact = contacts[i]!;
            key = sub === 'email' ? 'email' : contact.role === 'finance' ? (sub === 'phone' ? 'financePhone' : 'financeContact') : sub === 'phone' ? 'businessPhone' : 'businessContact';
          }
          h.report(row.n, key, problemCode(issue), h.cellOf(row.cells, h.at(key)));
        }
        return null;
      }
      const v = result.data;
      const identifier = v.kind === 'enterprise' ? v.creditCode : v.idNumber;
      const identifierKey = v.kind === 'enterprise' ? 'creditCode' : 'idNumber';
      if (identifier) {
        if (seen.has(identifier)) h.report(row.n, identifierKey, 'duplicate.inFile', identifier);
        else {
          seen.set(identifier, row.n);
          if (lookups.customersByCode.has(identifier)) h.report(row.n, identifierKey, 'duplicate.inArchive', identifier);
        }
      }
      if (problems.count !== before) return null;
      return {
        kind: v.kind,
        name: v.name,
        credit_code: v.kind === 'enterprise' ? v.creditCode : null,
        id_number: v.kind === 'individual' ? v.idNumber : null,
        enterprise_nature: v.enterpriseNature,
        registered_capital_fen: v.registeredCapitalFen,
        legal_representative: v.legalRepresentative,
        person_in_charge: v.personInCharge,
        address: v.address,
        bank_name: v.bankName,
        bank_account: v.bankAccount,
        industry: v.industry,
        service_type: v.serviceType,
        cooperation_start: v.cooperationStart,
        department_id: v.departmentId,
        confidentiality: v.confidentiality,
        contacts: v.contacts.map((c) => ({ role: c.role as 'finance' | 'business', name: c.name, phone: c.phone, email: c.email })),
      };
    },
    finish: async () => {},
  };
}
