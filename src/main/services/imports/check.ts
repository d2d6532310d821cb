import type { ImportKind } from '../../../shared/domain/customers';
import { contractsChecker, type ContractRecord, type KnownContracts } from './check/contracts';
import { customersChecker, type CustomerRecord } from './check/customers';
import { paymentsChecker, type PaymentRecord } from './check/payments';
import { mapColumns, ProblemList, rowReaders, type CheckOptions, type ColumnMap, type KindChecker } from './check/rows';
import { transactionsChecker, type TransactionRecord } from './check/transactions';
import type { Sheet, SheetRow } from './files';
import type { ArchiveLookups } from './lookups';
import { displayText } from './values';

// Checking a file row by row. Each row is checked by the rules of the form that enters the
// same record by hand: customers through the contract's own schema (customerCreateInput);
// contracts, transactions and payments — files of up to millions of rows — by the same
// rules in plain code (the schemas of records.addContract/addTransaction/addPayment, whose
// lengths they read; a test holds the two to agreement). Every problem names its row,
// column and value. The shared machinery is in check/rows.ts, each kind's rules in its file.

export interface RecordOf {
  customers: CustomerRecord;
  contracts: ContractRecord;
  transactions: TransactionRecord;
  payments: PaymentRecord;
}

export type AnyRecord = RecordOf[ImportKind];

export interface CheckResult<K extends ImportKind = ImportKind> {
  rows: number;
  records: RecordOf[K][];
  problems: ProblemList;
  columns: ColumnMap;
  /** The first data rows as text, for the preview. */
  sample: string[][];
}

const SAMPLE_ROWS = 20;

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

async function makeChecker(
  kind: ImportKind,
  columns: ColumnMap,
  lookups: ArchiveLookups,
  problems: ProblemList,
  options: CheckOptions,
): Promise<KindChecker<AnyRecord>> {
  const h = rowReaders(kind, columns, lookups, problems);
  let contracts: KnownContracts | null = null;
  if (kind === 'contracts' || h.at('contractNo') >= 0) contracts = await lookups.contracts();
  switch (kind) {
    case 'customers':
      return customersChecker(lookups, problems, options, h);
    case 'contracts':
      return contractsChecker(lookups, options, contracts!, h);
    case 'transactions':
      return transactionsChecker(columns, lookups, problems, contracts);
    case 'payments':
      return paymentsChecker(columns, lookups, problems, contracts);
  }
}
