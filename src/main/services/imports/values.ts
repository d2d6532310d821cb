// Reading the values of one cell: money in yuan to integer fen, days, labels, text.
// Finance exports are not tidy: full-width characters, thousands separators, a ¥ sign,
// dates as text in three Chinese habits or as Excel dates. Every parser returns either
// the value or the problem code (a translation key, `validation.import.<code>`).
import type { ImportProblemCode } from '../../../shared/contract/imports';

import { parseYuan } from '../../../shared/domain/money';

/** A cell as the file gives it: CSV gives text; XLSX may give numbers and dates too. */
export type Cell = string | number | Date | boolean | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportProblemCode };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: ImportProblemCode): Parsed<never> => ({ ok: false, code });

/** A cell as text: trimmed, full-width forms folded (NFKC); empty is null. */
export function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  let text: string;
  if (typeof cell === 'string') text = cell;
  else if (typeof cell === 'number') text = numberText(cell);
  else if (cell instanceof Date) text = dayOfDate(cell) ?? '';
  else text = String(cell);
  // Only fold what needs folding: NFKC of plain ASCII is itself, and is the common case.
  if (!/^[\x20-\x7e]*$/.test(text)) text = text.normalize('NFKC');
  text = text.trim();
  return text === '' ? null : text;
}

/** A cell as the user sees it (for the preview's sample rows). */
export function displayText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return numberText(cell);
  if (cell instanceof Date) return dayOfDate(cell) ?? '';
  return String(cell);
}

/** A spreadsheet number as Excel shows it at most: 15 significant digits, no float noise. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * Yuan (元) to fen (分), exactly, by the archive's one reading of money (shared/domain/money):
 * text as finance writes it, or a spreadsheet number as Excel shows it. Problems are
 * `amount.<problem>` (`amount.negative`, `amount.decimals` …).
 */
export function parseFen(cell: Cell): Parsed<number> | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('amount.invalid');
    if (cell < 0) return fail('amount.negative');
    const text = numberText(cell);
    if (/e/i.test(text)) return fail(cell >= 1 ? 'amount.tooLarge' : 'amount.decimals');
    return fenOf(parseYuan(text));
  }
  if (typeof cell === 'string') return fenOf(parseYuan(cell));
  const text = cellText(cell);
  return text === null ? null : fenOf(parseYuan(text));
}

function fenOf(reading: ReturnType<typeof parseYuan>): Parsed<number> | null {
  if (reading === null) return null;
  return reading.ok ? ok(reading.fen) : fail(`amount.${reading.problem}`);
}

const DAY_DASHED = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DAY_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const DAY_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0);
}

function isoDay(y: number, m: number, d: number): string | null {
  if (!isDay(y, m, d)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` exactly, checked without a regular expression or a Date: the common case. */
function plainDay(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return isDay(y, m, d);
}

/** The calendar day of a spreadsheet date (exceljs gives dates as UTC moments). */
function dayOfDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Excel's day serial (1900 system; serial 60 is the fictitious 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31

/**
 * A day as `YYYY-MM-DD`, from `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`,
 * `YYYYMMDD`, a date with a time of day (the time is dropped), or an Excel date.
 */
export function parseDay(cell: Cell): Parsed<string> | null {
  if (typeof cell === 'string' && plainDay(cell)) return ok(cell);
  if (cell instanceof Date) {
    const day = dayOfDate(cell);
    return day ? ok(day) : fail('date.invalid');
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > MAX_EXCEL_SERIAL) return fail('date.invalid');
    const day = dayOfDate(new Date(EXCEL_EPOCH_MS + Math.floor(cell) * 86_400_000));
    return day ? ok(day) : fail('date.invalid');
  }
  const text = cellText(cell);
  if (text === null) return null;
  const m = DAY_DASHED.exec(text) ?? DAY_CHINESE.exec(text) ?? DAY_COMPACT.exec(text);
  if (!m) return fail('date.invalid');
  const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return day ? ok(day) : fail('date.invalid');
}

/** The key a label or header is looked up by: NFKC, no spaces, lower case, no `*` marks. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]+/g, '').toLowerCase();
}

/** A lookup from every spelling of a label to its stored code. */
export function labelTable<C extends string>(spellings: Record<C, readonly string[]>): Map<string, C> {
  const table = new Map<string, C>();
  for (const [code, labels] of Object.entries(spellings) as [C, readonly string[]][]) {
    table.set(labelKey(code), code);
    for (const label of labels) table.set(labelKey(label), code);
  }
  return table;
}
