import { pinyinSortKey } from '../../shared/domain/pinyin';
import type { SqliteDatabase } from './database';

/** Customers whose keys are computed per transaction while filling: bounded memory, steady progress. */
const BATCH = 5000;

/**
 * Give every customer without a pinyin sort key its key, and its search fragments the
 * same key. Run right after migrating: migration 0025 adds the column empty, since a
 * migration cannot carry the application's rule (docs/decisions/0013-pinyin-sort-key.md).
 * Every later write of a name sets the key itself, so on an archive that is up to date
 * this is one index lookup that finds nothing.
 */
export function fillMissingSortKeys(db: SqliteDatabase): number {
  const pending = db.prepare(`SELECT id, name FROM customers WHERE sort_key = '' LIMIT ${BATCH}`);
  const setCustomer = db.prepare(`UPDATE customers SET sort_key = ? WHERE id = ?`);
  const setGrams = db.prepare(`UPDATE search_grams SET sort_key = ? WHERE customer_id = ? AND sort_key = ''`);
  const fill = db.transaction((rows: { id: string; name: string }[]) => {
    for (const row of rows) {
      const key = pinyinSortKey(row.name);
      setCustomer.run(key, row.id);
      setGrams.run(key, row.id);
    }
  });
  let filled = 0;
  for (;;) {
    const rows = pending.all() as { id: string; name: string }[];
    if (rows.length === 0) return filled;
    fill(rows);
    filled += rows.length;
  }
}
