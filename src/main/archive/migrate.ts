import { Kysely, Migrator, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import { ArchiveError } from '../../shared/contract/errors';
import type { SqliteDatabase } from './database';
import { MIGRATIONS, MIGRATION_NAMES } from './migrations';

const MIGRATION_TABLE = 'kysely_migration';

// SQLite runs DDL inside transactions perfectly well, but Kysely's SqliteAdapter says it
// does not, and its Migrator then runs each migration on its own. Saying so lets the
// Migrator run every pending migration in one transaction: all or nothing.
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class MigratingSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Names of the migrations this archive has run (empty for a new file). Reads only. */
export function appliedMigrations(db: SqliteDatabase): string[] {
  const table = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATION_TABLE);
  if (!table) return [];
  return (db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/**
 * Refuse an archive written by a newer version of the app before anything touches it:
 * it has run a migration this build does not know.
 */
export function assertNotNewer(db: SqliteDatabase): void {
  const unknown = appliedMigrations(db).filter((name) => !MIGRATION_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new ArchiveError(
      'NEWER_VERSION',
      'this archive was written by a newer version of the app; update the app to open it',
      { unknownMigrations: unknown },
    );
  }
}

export async function migrateToLatest(db: SqliteDatabase): Promise<void> {
  const kysely = new Kysely<unknown>({ dialect: new MigratingSqliteDialect({ database: db }) });
  const migrator = new Migrator({
    db: kysely,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new ArchiveError('CORRUPT', `migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  // Deliberately not kysely.destroy(): that would close the shared better-sqlite3 handle.
}

export const SCHEMA_VERSION = MIGRATION_NAMES[MIGRATION_NAMES.length - 1]!;
