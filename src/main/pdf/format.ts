// Dates and money as every PDF prints them: days YYYY-MM-DD, moments YYYY-MM-DD HH:mm
// (local time), money ¥ with two decimals (src/shared/domain/money.ts).
import { formatFen } from '../../shared/domain/money';
import { dayOf } from '../../shared/domain/receivables';

/** A day (YYYY-MM-DD) as it is; a moment (ISO) as its local day; null as a dash. */
export function pdfDay(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const moment = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(moment.getTime()) ? String(value) : dayOf(moment);
}

/** A moment as local YYYY-MM-DD HH:mm. */
export function pdfMoment(value: string | Date): string {
  const moment = typeof value === 'string' ? new Date(value) : value;
  const hh = String(moment.getHours()).padStart(2, '0');
  const mm = String(moment.getMinutes()).padStart(2, '0');
  return `${dayOf(moment)} ${hh}:${mm}`;
}

/** Fen as ¥1,234.56; null as a dash. */
export function pdfMoney(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen, 'zh-CN');
}

/** The file name of an export: what it is, whose, and the day, without characters a file system refuses. */
export function pdfFileName(parts: string[]): string {
  return `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .slice(0, 120)}.pdf`;
}
