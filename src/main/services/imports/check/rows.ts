import { creditCodeProblem, idNumberProblem, normalizeCreditCode } from '../../../../shared/domain/identifiers';
import { schemaMaxLength } from '../../../../shared/contract/schemas';
import { type ImportProblem, type ImportProblemCode } from '../../../../shared/contract/imports';
import type { ImportKind } from '../../../../shared/domain/customers';
import type { z } from 'zod';
import { columnNamed, IMPORT_COLUMNS, type ImportColumn } from '../kinds';
import type { ArchiveLookups, KnownCustomer } from '../lookups';
import { cellText, displayText, labelKey, parseDay, type Cell, type Parsed } from '../values';

// What every kind's row check shares: the problems of a file, where its columns are, and
// the readers of a row's cells that report what they cannot read. The kinds' own rules are
// in check/customers.ts, contracts.ts, transactions.ts and payments.ts.

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

export interface RowContext {
  n: number;
  cells: Cell[];
}

export type RowChecker<R> = (row: RowContext) => R | null;

export interface KindChecker<R> {
  row: RowChecker<R>;
  /** Checks that need the whole file first (numbers already in the archive). */
  finish(): Promise<void>;
}

/** Memoised label lookups: a file repeats the same few labels a million times. */
export function labelReader<C extends string>(table: Map<string, C>): (text: string) => C | undefined {
  const memo = new Map<string, C | undefined>();
  return (text) => {
    if (memo.has(text)) return memo.get(text);
    const code = table.get(labelKey(text));
    if (memo.size < 10_000) memo.set(text, code);
    return code;
  };
}

/** The contract's length bound of a field: an import check never restates one. */
export function fieldMaxLength(schema: z.ZodType, path: string): number {
  const max = schemaMaxLength(schema, path);
  if (max === undefined) throw new Error(`the contract sets no length for ${path}`);
  return max;
}

/** The cell at a column position; -1 (an absent column) reads as empty. */
export const cellAt = (cells: Cell[], i: number): Cell => (i >= 0 ? (cells[i] ?? null) : null);

/** Readers of a row's cells by column key: each reports what it cannot read and returns undefined. */
export interface RowReaders {
  cellOf(cells: Cell[], i: number): Cell;
  at(key: string): number;
  report(n: number, key: string, code: ImportProblemCode, value: Cell): void;
  /** Text of a column; too long is a problem (the form's length bound). */
  textOf(row: RowContext, key: string, max: number): string | null;
  requiredText(row: RowContext, key: string, max: number): string | null;
  parsed<T>(row: RowContext, key: string, parse: (c: Cell) => Parsed<T> | null, required: boolean): T | null | undefined;
  day(row: RowContext, key: string, required: boolean): string | null | undefined;
  label<C extends string>(row: RowContext, key: string, read: (t: string) => C | undefined, code: ImportProblemCode, fallback: C | null): C | null | undefined;
  department(row: RowContext, fallback: string): string | undefined;
  /** The customer a row refers to by credit code (or ID number). */
  customerByCode(row: RowContext, key: string, required: boolean): KnownCustomer | null | undefined;
  /** A `to` day before its `from` day is a problem of the `key` column. */
  dateOrder(row: RowContext, key: string, from: string | null | undefined, to: string | null | undefined): void;
}

export function rowReaders(kind: ImportKind, columns: ColumnMap, lookups: ArchiveLookups, problems: ProblemList): RowReaders {
  const { index } = columns;
  const at = (key: string) => index[key] ?? -1;
  const cellOf = cellAt;
  const report = (n: number, key: string, code: ImportProblemCode, value: Cell) => problems.add(n, columns.headerOf(key), code, value);

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
  const dateOrder = (row: RowContext, key: string, from: string | null | undefined, to: string | null | undefined) => {
    if (from && to && from > to) report(row.n, key, 'date.order', cellOf(row.cells, at(key)));
  };
  return { cellOf, at, report, textOf, requiredText, parsed, day, label, department, customerByCode, dateOrder };
}
