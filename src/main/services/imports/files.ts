import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportProblem } from '../../../shared/contract/imports';
import type { Cell } from './values';

// Reading an import file into rows of cells, all in memory (nothing is written to disk:
// SPEC §8). CSV is read in slices so that a long file lets the event loop breathe
// between them (progress, cancel); XLSX is read whole (a sheet holds at most ~1M rows).

export type ImportFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** 1-based row number in the file (of a CSV: its record number). */
  n: number;
  cells: Cell[];
}

export interface Sheet {
  /** The header row's cells as text (trimmed). */
  header: string[];
  /** The header's row number in the file: 1, or lower down below a title (ERP exports). */
  headerRow: number;
  /** Data rows, about; exact once read. */
  estimatedRows: number;
  /** The data rows in slices, blank rows left out (their numbers are kept). */
  slices(): AsyncGenerator<SheetRow[]>;
  /** Problems of the file itself (a quote never closed), found while reading slices. */
  problems: ImportProblem[];
}

/** The file cannot be read as the format at all (not a workbook, no header row). */
export class UnreadableFile extends Error {}

/** Whether a header text names a column of the kind being imported. */
export type NamesColumn = (text: string) => boolean;

/**
 * How far down the header is looked for. ERP exports put a title ("客户档案导出（2026年11月）"),
 * a date or a blank row or two above it; ten rows leave room for those and no more.
 */
export const HEADER_SEARCH_ROWS = 10;

function headerTexts(cells: readonly Cell[]): string[] {
  return cells.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).trim()));
}

/**
 * The header among a file's first rows: the row that names the most columns of the kind
 * (the first of equals), or, where none names any, the first non-blank row (whose
 * unknown columns are then reported as they are). Returns its index in `rows`.
 */
function findHeader(rows: readonly (readonly Cell[])[], namesColumn: NamesColumn): number {
  let best = -1;
  let bestCount = 0;
  rows.forEach((cells, i) => {
    const count = headerTexts(cells).filter((text) => text !== '' && namesColumn(text)).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best >= 0 ? best : rows.findIndex((cells) => !isBlank(cells));
}

const CSV_SLICE_CHARS = 512 * 1024;

interface StreamConfig {
  chunkSize: number;
  chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser): void;
  complete(): void;
}

/**
 * A CSV file's text. Finance systems export UTF-8 (with or without BOM), UTF-16 (Excel's
 * "Unicode text") or GB18030/GBK: a file that is not valid UTF-8 is read as GB18030,
 * which includes GBK and GB2312.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function isBlank(cells: readonly Cell[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined) continue;
    if (typeof c === 'string' && c.trim() === '') continue;
    return false;
  }
  return true;
}

/** Count line breaks: the row estimate of a CSV (exact unless cells hold line breaks). */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

export function readCsv(bytes: Uint8Array, namesColumn: NamesColumn): Sheet {
  const text = decodeCsv(bytes);
  // The header: among the first records, parsed on their own to know the delimiter.
  const head = Papa.parse<string[]>(text.slice(0, 64 * 1024), {
    preview: HEADER_SEARCH_ROWS,
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  const headerIndex = findHeader(head.data, namesColumn);
  if (headerIndex < 0) throw new UnreadableFile('no header row');
  const header = headerTexts(head.data[headerIndex]!);
  const headerRow = headerIndex + 1;
  const delimiter = head.meta.delimiter;
  const problems: ImportProblem[] = [];

  async function* slices(): AsyncGenerator<SheetRow[]> {
    const pending: Papa.ParseResult<string[]>[] = [];
    // Set by papaparse's callbacks: the paused parser to resume, and the end of the text.
    const state: { parser: Papa.Parser | null; finished: boolean } = { parser: null, finished: false };
    // papaparse streams a string in chunks as it does a file (its StringStreamer); its
    // typings list `chunk` for files only.
    const streamString = Papa.parse as unknown as (input: string, config: Papa.ParseConfig<string[]> & StreamConfig) => void;
    streamString(text, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CSV_SLICE_CHARS,
      chunk(results, p) {
        pending.push(results);
        state.parser = p;
        p.pause();
      },
      complete() {
        state.finished = true;
      },
    });
    let record = 0; // records seen, the header and what is above it included
    for (;;) {
      const results = pending.shift();
      if (results) {
        const rows: SheetRow[] = [];
        const base = record;
        for (const data of results.data) {
          record++;
          if (record <= headerRow) continue;
          if (!isBlank(data)) rows.push({ n: record, cells: data });
        }
        for (const e of results.errors) {
          const row = base + (e.row ?? 0) + 1;
          if (e.type !== 'Quotes' || problems.at(-1)?.row === row) continue;
          problems.push({ row, column: null, code: 'file.quotes', value: null });
        }
        yield rows;
        continue;
      }
      if (state.finished) return;
      const p = state.parser;
      state.parser = null;
      // The next chunk is parsed at once (or, if papaparse had not halted yet, on its timer).
      p?.resume();
      if (pending.length === 0 && !state.finished) await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  return { header, headerRow, estimatedRows: Math.max(0, countLines(text) - headerRow), slices, problems };
}

/** A cell of exceljs as text, number, date or boolean. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null || typeof result === 'object') {
        return result instanceof Date ? result : null;
      }
      return result;
    }
    if ('hyperlink' in value && 'text' in value) return cellOf(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return null;
}

export async function readXlsx(bytes: Uint8Array, namesColumn: NamesColumn): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('not an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('the workbook has no worksheet');
  const all: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
    if (!isBlank(cells)) all.push({ n, cells });
  });
  // Rows are numbered as the spreadsheet numbers them, blank ones included.
  const top = all.filter((r) => r.n <= HEADER_SEARCH_ROWS);
  const headerIndex = findHeader(top.length > 0 ? top.map((r) => r.cells) : all.slice(0, 1).map((r) => r.cells), namesColumn);
  if (headerIndex < 0) throw new UnreadableFile('the worksheet is empty');
  const header = headerTexts(all[headerIndex]!.cells);
  const headerRow = all[headerIndex]!.n;
  const rows = all.slice(headerIndex + 1);
  const SLICE = 5000;
  return {
    header,
    headerRow,
    estimatedRows: rows.length,
    problems: [],
    async *slices() {
      for (let i = 0; i < rows.length; i += SLICE) yield rows.slice(i, i + SLICE);
    },
  };
}

/** Read a file, its header found among its first rows by the names of the kind's columns. */
export async function readSheet(format: ImportFormat, bytes: Uint8Array, namesColumn: NamesColumn): Promise<Sheet> {
  return format === 'csv' ? readCsv(bytes, namesColumn) : readXlsx(bytes, namesColumn);
}
