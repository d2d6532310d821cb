import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { ArchiveError } from '../../shared/contract/errors';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** Path to the native addon built for the running runtime (Node or Electron). */
  nativeBinding?: string;
  /** Create the file if it does not exist (first-run setup only). */
  create?: boolean;
}

const HEX_KEY = /^[0-9a-f]{64}$/;

/** Raw 32-byte key as SQLCipher's x'…' literal, after checking it is exactly hex. */
function keyPragma(key: Buffer): string {
  const hex = key.toString('hex');
  if (key.length !== 32 || !HEX_KEY.test(hex)) throw new ArchiveError('INTERNAL', 'database key must be 32 bytes');
  return `key = "x'${hex}'"`;
}

function isNotADatabase(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || /file is not a database/i.test(String((e as Error).message));
}

/**
 * Open the encrypted database with a raw key and check that the key fits. Nothing is
 * written yet: the caller decides whether to migrate (and so change the file) after
 * looking at the schema version.
 *
 * Throws ArchiveError('WRONG_PASSWORD') when the key does not open the file — the
 * caller knows whether that means a wrong password or a key slot out of step.
 */
export function openEncrypted(path: string, key: Buffer, options: OpenDatabaseOptions = {}): SqliteDatabase {
  if (!options.create && !existsSync(path)) throw new ArchiveError('NOT_INITIALIZED', 'no archive in this folder');
  const db = new Database(path, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // SQLCipher 4 format: archives stay readable by standard SQLCipher tools.
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(keyPragma(key));
    // The cipher encrypts the database, its journal and WAL, but not temp files (sorts,
    // temp tables): those stay in memory, or they would spill content in clear.
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    if (isNotADatabase(e)) throw new ArchiveError('WRONG_PASSWORD', 'the key does not open this archive');
    throw new ArchiveError('CORRUPT', `cannot read the archive: ${(e as Error).message}`);
  }
  return db;
}

/** The pragmas of a working archive (after the version check). */
export function applyWorkingPragmas(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  // Every page read from disk is decrypted; a 64 MiB page cache keeps a working archive's
  // hot pages decrypted in memory (the build's default of 16 MiB made reads 1.6× slower
  // than plaintext at 100,000 customers; see docs/decisions/bench.md).
  db.pragma('cache_size = -65536');
  // Checkpointing an encrypted WAL decrypts every frame and encrypts it again into the
  // database file. SQLite's default (every 1,000 pages) does that inside a large commit
  // such as an import; 10,000 pages (40 MiB) lets the commit finish first, and the host
  // folds the log in between calls (ArchiveHost.sweepIdle) and on close.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
}

export function schemaVersionOf(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Change the database key in place. Rekeying in WAL mode corrupts silently: leave WAL first. */
export function rekey(db: SqliteDatabase, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.pragma(`re${keyPragma(newKey)}`);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new ArchiveError('CORRUPT', `archive check after rekey failed: ${String(check)}`);
  db.pragma('journal_mode = WAL');
}
