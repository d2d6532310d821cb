import type { Transaction } from 'kysely';
import type { RETENTION_PERIODS } from '../../../shared/domain/customers';
import type { DB } from '../../archive/schema';

// 档号 archive numbers: <department prefix>-<year>-<retention code>-<sequence>, e.g.
// YW-2026-D30-000001. The sequence runs per prefix and year across retention periods,
// so that a department's documents of a year are numbered 1, 2, 3 … in the order they
// were filed, whatever their retention.

type Retention = (typeof RETENTION_PERIODS)[number];

/** 保管期限 codes as archivists write them: D10 / D30 (定期 10 or 30 years), Y (永久 permanent). */
export const RETENTION_CODES: Record<Retention, string> = { '10y': 'D10', '30y': 'D30', permanent: 'Y' };


/** The year of a moment on the calendar the company keeps: China Standard Time (UTC+8, no DST). */
export function archiveYearOf(moment: Date): number {
  return new Date(moment.getTime() + 8 * 3_600_000).getUTCFullYear();
}

const SEQUENCE_DIGITS = 6;

/** The next free archive number for a document of this department, year and retention. */
export async function nextArchiveNo(
  db: Transaction<DB>,
  departmentId: string,
  retention: Retention,
  moment: Date,
): Promise<string> {
  const department = await db
    .selectFrom('departments')
    .select(['code', 'contract_prefix'])
    .where('id', '=', departmentId)
    .executeTakeFirstOrThrow();
  // As contract numbers do (customers/records.ts): a department without a prefix uses its code.
  const prefix = department.contract_prefix ?? department.code.toUpperCase();
  const head = `${prefix}-${archiveYearOf(moment)}-`;
  // A range over the unique index on archive_no ('.' follows '-'), then the numbers that
  // have the shape: a number typed by hand in another shape takes no part in the count.
  const rows = await db
    .selectFrom('documents')
    .select('archive_no')
    .where('archive_no', '>=', head)
    .where('archive_no', '<', `${head.slice(0, -1)}.`)
    .execute();
  let last = 0;
  for (const { archive_no } of rows) {
    const match = /^(?:D10|D30|Y)-(\d{6,})$/.exec(archive_no.slice(head.length));
    if (match) last = Math.max(last, Number(match[1]));
  }
  return `${head}${RETENTION_CODES[retention]}-${String(last + 1).padStart(SEQUENCE_DIGITS, '0')}`;
}
