import { pinyinSortKey } from '../../shared/domain/pinyin';
import type { SqliteDatabase } from './database';

/** Customers keyed per statement batch while filling: bounded memory. */
const BATCH = 5000;

/**
 * Give every customer without a pinyin sort key its key, and its search fragments the
 * same key. Run right after migrating: migration 0025 adds the column empty, since a
 * migration cannot carry the application's rule (docs/decisions/0013-pinyin-sort-key.md).
 * Every later write of a name sets the key itself, so on an archive that is up to date
 * this is one index probe that finds nothing. One transaction: all keys or none.
 *
 * The fragments are rewritten in bulk, in the order of their primary key, then the
 * unkeyed ones deleted: updating them customer by customer moves each row to a random
 * place of the index, and at 100,000 customers (1.5 million fragments) took minutes.
 */
export function fillMissingSortKeys(db: SqliteDatabase): number {
  const pending = db.prepare(`SELECT id, name FROM customers WHERE sort_key = '' LIMIT ${BATCH}`);
  const setCustomer = db.prepare(`UPDATE customers SET sort_key = ? WHERE id = ?`);
  const fill = db.transaction(() => {
    let filled = 0;
    for (;;) {
      const rows = pending.all() as { id: string; name: string }[];
      if (rows.length === 0) break;
      for (const row of rows) setCustomer.run(pinyinSortKey(row.name), row.id);
      filled += rows.length;
    }
    if (filled > 0) {
      db.prepare(
        `INSERT INTO search_grams (gram, sort_key, customer_id)
         SELECT g.gram, c.sort_key, g.customer_id FROM search_grams g JOIN customers c ON c.id = g.customer_id
         WHERE g.sort_key = '' ORDER BY g.gram, c.sort_key, g.customer_id`,
      ).run();
      db.prepare(`DELETE FROM search_grams WHERE sort_key = ''`).run();
    }
    return filled;
  });
  return fill();
}
