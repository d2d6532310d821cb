import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach } from 'vitest';
import { applyWorkingPragmas, openEncrypted, type SqliteDatabase } from '../../../src/main/archive/database';
import { MIGRATIONS, MIGRATION_NAMES } from '../../../src/main/archive/migrations';
import { useTempDirs } from '../helpers';

// What each migration test needs: a fresh encrypted database, a way to bring it to the
// state a given release left it in, and the query plan SQLite picks for a query.

/** A new, empty encrypted archive database in its own temporary folder (closed after the test). */
export function useFreshDatabases(): () => SqliteDatabase {
  const temp = useTempDirs();
  const open: SqliteDatabase[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
  });
  return () => {
    const db = openEncrypted(join(temp.make(), 'archive.db'), randomBytes(32), { create: true });
    open.push(db);
    applyWorkingPragmas(db);
    return db;
  };
}

/** Run every migration up to and including `last`, as the release that ended with it would. */
export async function migrateTo(db: SqliteDatabase, last: string): Promise<void> {
  const upTo = MIGRATION_NAMES.indexOf(last);
  if (upTo < 0) throw new Error(`no migration named ${last}`);
  const migrations = Object.fromEntries(MIGRATION_NAMES.slice(0, upTo + 1).map((name) => [name, MIGRATIONS[name]!]));
  const migrator = new Migrator({
    db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) }),
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** The details of SQLite's plan for a query, joined by " | ". */
export function explainQueryPlan(db: SqliteDatabase, query: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

/** The names of a database's tables, indexes or triggers (SQLite's own left out). */
export function schemaNames(db: SqliteDatabase, type: 'table' | 'index' | 'trigger'): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all(type) as string[];
}

/** The columns of a table, in order. */
export function columnsOf(db: SqliteDatabase, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}
