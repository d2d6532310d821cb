import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { closeArchive } from '../../src/main/archive/archive';
import type { DB } from '../../src/main/archive/schema';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { openWithRecoveryCode, type TestHost } from './helpers';

// Import files as finance would send them, made in memory for the import tests.

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The i-th of a family of valid unified social credit codes (GB 32100-2015). */
export function creditCode(i: number, region = '330100'): string {
  let tail = '';
  for (let n = i, k = 0; k < 9; k++, n = Math.floor(n / 31)) tail = CODE_ALPHABET[n % 31] + tail;
  const body = `91${region}${tail}`;
  return body + creditCodeCheckCharacter(body);
}

/** The same code with a wrong check character. */
export function withWrongCheck(code: string): string {
  const right = code[17]!;
  return code.slice(0, 17) + (right === '0' ? '1' : '0');
}

export type Table = (string | number | Date | null)[][];

export function csvText(rows: Table, bom = true): string {
  const text = Papa.unparse(
    rows.map((r) => r.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)))),
    { newline: '\r\n' },
  );
  return (bom ? '\ufeff' : '') + text + '\r\n';
}

export function csvBase64(rows: Table, bom = true): string {
  return Buffer.from(csvText(rows, bom), 'utf8').toString('base64');
}

export async function xlsxBase64(rows: Table): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导出');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

let gbkTable: Map<string, number[]> | null = null;

/** Encode text as GBK, as a Chinese finance system exports it (the table comes from TextDecoder). */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export const CUSTOMER_HEADER = ['客户名称', '客户类型', '统一社会信用代码', '注册资本(元)', '合作开始日期', '所属部门', '财务联系人', '财务联系电话', '电子邮箱'];

const CITIES = ['杭州', '宁波', '温州', '绍兴', '嘉兴', '湖州', '金华', '台州', '丽水', '衢州'];
const WORDS = ['恒达', '瑞丰', '永信', '华联', '金桥', '鑫源', '盛世', '宏远', '汇通', '嘉禾'];
const TRADES = ['纺织', '机械', '贸易', '电子', '建材'];

/** A distinct, realistic company name for each i. */
export function companyName(i: number): string {
  return `${CITIES[i % 10]}${WORDS[Math.floor(i / 10) % 10]}${TRADES[Math.floor(i / 100) % 5]}有限公司${i >= 500 ? i : ''}`;
}

/** n customers of a customers file (the header first). */
export function customerRows(n: number, first = 0, region = '330100'): Table {
  const rows: Table = [CUSTOMER_HEADER];
  for (let i = first; i < first + n; i++) {
    rows.push([companyName(i), '企业', creditCode(i, region), `${(i + 1) * 10_000}.50`, '2021-03-15', '业务部门', `联系人${i}`, '0571-88886666', `f${i}@example.cn`]);
  }
  return rows;
}

/** Rows of a table in the archive, read outside the host with the recovery code. */
export async function countRows(t: TestHost & { recoveryCode: string }, table: keyof DB): Promise<number> {
  const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
  try {
    const row = await archive.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await closeArchive(archive);
  }
}

/** Run a query on the archive outside the host. */
export async function readArchive<T>(t: TestHost & { recoveryCode: string }, read: (db: Awaited<ReturnType<typeof openWithRecoveryCode>>['db']) => Promise<T>): Promise<T> {
  const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
  try {
    return await read(archive.db);
  } finally {
    await closeArchive(archive);
  }
}
