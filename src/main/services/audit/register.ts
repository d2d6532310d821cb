import ExcelJS from 'exceljs';
import type { Transaction } from 'kysely';
import type { AuditFilter } from '../../../shared/contract/audit';
import type { AuditEntry } from '../../../shared/contract/schemas';
import { auditEnUS } from '../../../shared/messages/audit.en-US';
import { auditZhCN } from '../../../shared/messages/audit.zh-CN';
import { filterInWords, momentText, registerRow, type NameOf } from '../../../shared/messages/auditWords';
import type { Language } from '../../../shared/messages';
import type { DB } from '../../archive/schema';

// The register read from the log: each entry with the reader's name for the person (as
// the archive knows them now), and a purpose recorded as text before purposes were codes
// read as its code (migration 0095). The export writes the same rows, in words, to XLSX.

const TEXTS = { 'zh-CN': auditZhCN, 'en-US': auditEnUS } as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Entries matching the filter, newest first: `limit` of them, and whether more match. */
export async function readEntries(
  db: Transaction<DB>,
  filter: AuditFilter,
  page: { beforeSeq?: number; limit: number },
): Promise<{ entries: AuditEntry[]; more: boolean }> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('audit_purpose_codes as p', 'p.seq', 'a.seq')
    .select([
      'a.seq as seq',
      'a.at as at',
      'a.user_id as user_id',
      'a.username as username',
      'u.display_name as display_name',
      'a.action as action',
      'a.outcome as outcome',
      'a.target as target',
      'a.purpose as purpose',
      'p.code as purpose_code',
      'a.details as details',
      'a.hash as hash',
    ])
    .orderBy('a.seq', 'desc')
    .limit(page.limit + 1);
  if (filter.userId) q = q.where('a.user_id', '=', filter.userId);
  if (filter.action) q = q.where('a.action', '=', filter.action);
  if (filter.from) q = q.where('a.at', '>=', new Date(filter.from).toISOString());
  if (filter.to) q = q.where('a.at', '<', new Date(filter.to).toISOString());
  if (page.beforeSeq) q = q.where('a.seq', '<', page.beforeSeq);
  const rows = await q.execute();
  const entries = rows.slice(0, page.limit).map(
    (r): AuditEntry => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name ?? null,
      action: r.action,
      outcome: r.outcome,
      target: r.target,
      targetName: null,
      purpose: r.purpose_code ?? r.purpose,
      purposeAsWritten: r.purpose_code ? r.purpose : null,
      details: JSON.parse(r.details) as unknown,
      hash: r.hash,
    }),
  );
  return { entries, more: rows.length > page.limit };
}

export interface RegisterSheet {
  language: Language;
  entries: AuditEntry[];
  nameOf: NameOf;
  filter: AuditFilter;
  /** Who exports, by name, and when. */
  exportedBy: string;
  exportedAt: Date;
  /** Whether more entries matched than the sheet holds (the limit). */
  truncatedAt: number | null;
}

/** The register as one XLSX sheet: a heading (what, which filter, by whom, when), then one row per entry. */
export async function registerWorkbook(sheet: RegisterSheet): Promise<Buffer> {
  const words = TEXTS[sheet.language].register;
  const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '客户信用档案';
  workbook.created = sheet.exportedAt;
  const ws = workbook.addWorksheet(words.sheet);
  const columns = [
    { key: 'seq', header: words.seq, width: 8 },
    { key: 'at', header: words.at, width: 20 },
    { key: 'user', header: words.user, width: 22 },
    { key: 'action', header: words.action, width: 22 },
    { key: 'outcome', header: words.outcome, width: 10 },
    { key: 'target', header: words.target, width: 32 },
    { key: 'purpose', header: words.purpose, width: 18 },
    { key: 'details', header: words.details, width: 70 },
  ] as const;
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow([words.title]).font = { bold: true, size: 14 };
  ws.addRow([fill(words.filter, { filter: filterInWords(sheet.language, sheet.filter, sheet.nameOf) })]);
  ws.addRow([fill(words.exported, { who: sheet.exportedBy, at: momentText(sheet.exportedAt.toISOString()), rows: sheet.entries.length })]);
  if (sheet.truncatedAt !== null) ws.addRow([fill(words.truncated, { max: sheet.truncatedAt })]).font = { color: { argb: 'FFC0392B' } };
  ws.addRow([]);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  ws.autoFilter = { from: { row: head.number, column: 1 }, to: { row: head.number, column: columns.length } };
  for (const entry of sheet.entries) {
    const row = registerRow(sheet.language, entry, sheet.nameOf);
    const added = ws.addRow([row.seq, row.at, row.user, row.action, row.outcome, row.target ?? '', row.purpose ?? '', row.details ?? '']);
    added.getCell(8).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
