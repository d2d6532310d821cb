import { sql, type Kysely } from 'kysely';

// The customer list in pinyin order (安徽… before 北京… before 上海…). SQLite compares
// text byte by byte, so each customer carries a pinyin sort key, and the indexes that
// gave pages in name order give them in key order: the list, each filter, and the search
// fragments (whose index entries now carry the key instead of the name).
//
// The keys of customers already in the archive are not computed here: a migration stays
// as it was written, forever, and the key is a rule of the application
// (shared/domain/pinyin.ts). The column starts empty (''), and opening the archive fills
// every empty key right after migrating (archive/sort-keys.ts), in the same way every
// write of a name does. See docs/decisions/0013-pinyin-sort-key.md.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''`.execute(db);

  await sql`CREATE INDEX customers_sort ON customers (sort_key, id)`.execute(db);
  for (const column of ['grade', 'industry', 'department', 'warning'] as const) {
    await sql`DROP INDEX ${sql.raw(`customers_${column}`)}`.execute(db);
  }
  await sql`CREATE INDEX customers_grade ON customers (grade, sort_key)`.execute(db);
  await sql`CREATE INDEX customers_industry ON customers (industry, sort_key)`.execute(db);
  await sql`CREATE INDEX customers_department ON customers (department_id, sort_key)`.execute(db);
  await sql`CREATE INDEX customers_warning ON customers (warning_state, sort_key)`.execute(db);

  // The fragments' index: the sort key takes the name's place in the key. A customer has
  // each fragment once, so (gram, customer_id) is already unique while the keys are ''.
  await sql`CREATE TABLE search_grams_next (
    gram TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    PRIMARY KEY (gram, sort_key, customer_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`INSERT INTO search_grams_next (gram, sort_key, customer_id) SELECT gram, '', customer_id FROM search_grams`.execute(db);
  await sql`DROP TABLE search_grams`.execute(db);
  await sql`ALTER TABLE search_grams_next RENAME TO search_grams`.execute(db);
  await sql`CREATE INDEX search_grams_customer ON search_grams (customer_id)`.execute(db);
}
