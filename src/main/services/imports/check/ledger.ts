import type { ImportProblemCode } from '../../../../shared/contract/imports';
import { creditCodeProblem, idNumberProblem, normalizeCreditCode } from '../../../../shared/domain/identifiers';
import { numberKey, type ArchiveLookups, type KnownCustomer } from '../lookups';
import { cellText, parseDay, parseFen, type Cell } from '../values';
import type { KnownContracts } from './contracts';
import { cellAt, type ColumnMap, type ProblemList } from './rows';

/**
 * What transactions and payments share: the files of millions of rows. The same rules as
 * the forms (records.addTransaction, records.addPayment), written out for speed: column
 * positions fixed once, common cases parsed without regular expressions, no allocation per
 * row beyond the record itself. Each reader reports what it cannot read and returns
 * undefined; the row checks are in check/transactions.ts and check/payments.ts.
 */
export interface LedgerReaders {
  cell(cells: Cell[], i: number): Cell;
  report(n: number, key: string, code: ImportProblemCode, value: Cell): void;
  customerOf(n: number, cells: Cell[]): KnownCustomer | undefined;
  amountOf(n: number, cells: Cell[]): number | undefined;
  dayOf(n: number, cells: Cell[], i: number, key: string, required: boolean): string | null | undefined;
  /** The row's document number (transactions) or reference (payments). */
  numberOf(n: number, cells: Cell[]): string | null | undefined;
  contractOf(n: number, cells: Cell[], customer: KnownCustomer | undefined): string | null | undefined;
  /** A number seen in the file: a repeat is a problem now, one the archive holds at the end. */
  remember(n: number, customerId: string, type: string, number: string, value: Cell): void;
  /** The numbers already in the archive, asked once for the whole file. */
  finish: () => Promise<void>;
}

export interface LedgerNumber {
  /** The column of the number that must be unique (docNo, ref). */
  column: string;
  /** Its length bound, from the contract. */
  max: number;
}

export function ledgerReaders(
  kind: 'transactions' | 'payments',
  columns: ColumnMap,
  lookups: ArchiveLookups,
  problems: ProblemList,
  contracts: KnownContracts | null,
  numbered: LedgerNumber,
): LedgerReaders {
  const { index } = columns;
  const iCode = index.creditCode!;
  const iNumber = index[numbered.column]!;
  const iAmount = index.amount!;
  const iContract = index.contractNo!;
  const numberColumn = numbered.column;
  const numberMax = numbered.max;
  const header = (key: string) => columns.headerOf(key);
  const report = (n: number, key: string, code: ImportProblemCode, value: Cell) => problems.add(n, header(key), code, value);
  const cell = cellAt;

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
    const text = typeof raw === 'string' && raw.length > 0 && raw.length <= numberMax && raw.trim() === raw && /^[\x21-\x7e]*$/.test(raw) ? raw : cellText(raw);
    if (text !== null && text.length > numberMax) {
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
    else if (contract.voided) report(n, 'contractNo', 'contract.voided', raw);
    else return contract.id;
    return undefined;
  };

  return {
    cell,
    report,
    customerOf,
    amountOf,
    dayOf,
    numberOf,
    contractOf,
    remember,
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
