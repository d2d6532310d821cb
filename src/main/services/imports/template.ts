import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportKind } from '../../../shared/domain/customers';
import type { ImportFormat } from './files';
import { IMPORT_COLUMNS } from './kinds';

// The template of each kind: the header row as the checker reads it, and one example row
// that imports as it is (a credit code with a valid check character). The templates of
// contracts, transactions and payments refer to the customer of the customers template.

const FILE_NAMES: Record<ImportKind, string> = {
  customers: '客户导入模板',
  contracts: '合同导入模板',
  transactions: '交易导入模板',
  payments: '付款导入模板',
};

export const MIME: Record<ImportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface TemplateFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
}

export async function templateOf(kind: ImportKind, format: ImportFormat): Promise<TemplateFile> {
  const columns = IMPORT_COLUMNS[kind];
  const header = columns.map((c) => c.header);
  const example = columns.map((c) => c.example);
  const fileName = `${FILE_NAMES[kind]}.${format}`;
  if (format === 'csv') {
    // The BOM makes Excel read the file as UTF-8 (without it, Chinese shows garbled).
    const text = '\ufeff' + Papa.unparse([header, example], { newline: '\r\n', quotes: true });
    return { fileName, mime: MIME.csv, bytes: Buffer.from(text, 'utf8') };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '客户信用档案';
  const sheet = workbook.addWorksheet(FILE_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  // Every cell as text: long numbers (bank accounts, ID numbers) keep all their digits.
  sheet.addRow(example);
  for (let i = 1; i <= columns.length; i++) sheet.getColumn(i).numFmt = '@';
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  columns.forEach((c, i) => {
    if (c.required) head.getCell(i + 1).font = { bold: true, color: { argb: 'FFC0392B' } };
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName, mime: MIME.xlsx, bytes };
}
