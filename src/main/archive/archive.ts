import { Kysely, type Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ArchiveError } from '../../shared/contract/errors';
import { recoveryCode as recoveryCodeSchema } from '../../shared/contract/schemas';
import { applyWorkingPragmas, openEncrypted, rekey, type SqliteDatabase } from './database';
import { ArchiveDialect } from './dialect';
import {
  deriveForNothing,
  findSlot,
  KEYSLOTS_FILE,
  KEYSLOTS_NEXT_FILE,
  newSlot,
  readKeySlots,
  resealSlot,
  unlockSlot,
  unlockSlotUpgrading,
  withSlot,
  writeKeySlots,
  type KdfCost,
  type KeySlot,
  type KeySlotFile,
} from './keyslots';
import { assertNotNewer, migrateToLatest } from './migrate';
import { fillMissingSortKeys } from './sort-keys';
import type { DB } from './schema';

export const DB_FILE = 'archive.db';
/** meta key: a committed change asked for a new database key (see finishPendingRotation). */
const PENDING_ROTATION = 'pending_key_rotation';
const PARTIAL_DB_FILE = 'archive.db.partial';

export interface ArchivePaths {
  db: string;
  slots: string;
  slotsNext: string;
  partial: string;
}

export function archivePaths(dir: string): ArchivePaths {
  return {
    db: join(dir, DB_FILE),
    slots: join(dir, KEYSLOTS_FILE),
    slotsNext: join(dir, KEYSLOTS_NEXT_FILE),
    partial: join(dir, PARTIAL_DB_FILE),
  };
}

/**
 * The recovery code as its slot is sealed and opened: as the contract reads it (no dashes
 * or spaces, upper case), so the code opens the slot however it was shown or typed.
 */
function canonicalRecoveryCode(code: string): string {
  const parsed = recoveryCodeSchema.safeParse(code);
  return parsed.success ? parsed.data : code;
}

/** An archive is there once both its database and its key slots are. */
export function isInitialized(dir: string): boolean {
  const p = archivePaths(dir);
  return existsSync(p.db) && existsSync(p.slots);
}

/** An unlocked archive: the database handle, its query builder and the key in memory. */
export interface OpenArchive {
  readonly dir: string;
  readonly archiveId: string;
  readonly sqlite: SqliteDatabase;
  readonly db: Kysely<DB>;
  key: Buffer;
}

export interface ArchiveIo {
  dir: string;
  nativeBinding?: string;
  kdfCost: KdfCost;
}

function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

export function kyselyOver(sqlite: SqliteDatabase): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ArchiveDialect(sqlite) });
}

async function openWithKey(io: ArchiveIo, archiveId: string, key: Buffer): Promise<OpenArchive> {
  const paths = archivePaths(io.dir);
  const sqlite = openEncrypted(paths.db, key, { nativeBinding: io.nativeBinding });
  try {
    assertNotNewer(sqlite); // before anything that could change the file
    applyWorkingPragmas(sqlite);
    await migrateToLatest(sqlite);
    fillMissingSortKeys(sqlite);
    const row = sqlite.prepare(`SELECT value FROM meta WHERE key = 'archive_id'`).get() as { value: string } | undefined;
    if (row?.value !== archiveId) {
      throw new ArchiveError('CORRUPT', 'the key slots belong to another archive');
    }
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return { dir: io.dir, archiveId, sqlite, db: kyselyOver(sqlite), key };
}

/**
 * Unlock with a user's password (or the recovery code) and open the archive.
 * A wrong secret, or no slot for that name, is WRONG_PASSWORD — never "corrupt".
 */
export async function openArchive(
  io: ArchiveIo,
  kind: 'user' | 'recovery',
  name: string,
  given: string,
): Promise<{ archive: OpenArchive; slot: KeySlot }> {
  const paths = archivePaths(io.dir);
  if (!isInitialized(io.dir)) throw new ArchiveError('NOT_INITIALIZED', 'no archive in this folder');
  const wrong = new ArchiveError(
    kind === 'user' ? 'WRONG_PASSWORD' : 'WRONG_RECOVERY_CODE',
    kind === 'user' ? 'wrong user name or password' : 'wrong recovery code',
  );

  const secret = kind === 'recovery' ? canonicalRecoveryCode(given) : given;
  const current = readKeySlots(paths.slots);
  const slot = findSlot(current, kind, name);
  if (!slot) deriveForNothing(secret, io.kdfCost);
  const unlocked = slot ? unlockSlotUpgrading(current.archiveId, slot, secret) : null;
  if (slot && unlocked) {
    try {
      const archive = await openWithKey(io, current.archiveId, unlocked.key);
      rmSync(paths.slotsNext, { force: true }); // a rotation that never reached the database
      // A slot of an older version opens this once more and is bound to its owner from now on.
      if (unlocked.upgraded) writeKeySlots(paths.slots, withSlot(current, unlocked.upgraded));
      return { archive, slot: unlocked.upgraded ?? slot };
    } catch (e) {
      if (!(e instanceof ArchiveError && e.code === 'WRONG_PASSWORD' && existsSync(paths.slotsNext))) throw e;
    }
  } else if (!existsSync(paths.slotsNext)) {
    throw wrong;
  }

  // A key rotation was interrupted after the database was rekeyed: the next slots hold the key.
  const next = readKeySlots(paths.slotsNext);
  const nextSlot = findSlot(next, kind, name);
  if (!nextSlot) deriveForNothing(secret, io.kdfCost);
  const nextKey = nextSlot ? unlockSlot(next.archiveId, nextSlot, secret) : null;
  if (!nextSlot || !nextKey) throw wrong;
  const archive = await openWithKey(io, next.archiveId, nextKey);
  renameSync(paths.slotsNext, paths.slots);
  return { archive, slot: nextSlot };
}

export interface NewArchiveSpec {
  admin: { userId: string; username: string; password: string };
  recoveryCode: string;
  /** Fills the new archive (one transaction): meta, roles, first user, first audit entry. */
  seed(db: Kysely<DB>, archiveId: string): Promise<void>;
}

/**
 * Create a new archive. Built under a temporary name and renamed into place only once
 * it is complete and its key slots are on disk, so a crash leaves no half archive.
 */
export async function createArchive(io: ArchiveIo, spec: NewArchiveSpec): Promise<OpenArchive> {
  if (isInitialized(io.dir)) throw new ArchiveError('ALREADY_INITIALIZED', 'this folder already holds an archive');
  const paths = archivePaths(io.dir);
  mkdirSync(io.dir, { recursive: true });
  removeDbFiles(paths.partial);
  if (existsSync(paths.db)) {
    throw new ArchiveError('CONFLICT', 'an archive database without key slots is in this folder; it is left untouched', {
      reason: 'keySlotsMissing',
    });
  }

  const key = randomBytes(32);
  const archiveId = uuidv7();
  const sqlite = openEncrypted(paths.partial, key, { create: true, nativeBinding: io.nativeBinding });
  try {
    applyWorkingPragmas(sqlite);
    await migrateToLatest(sqlite);
    await spec.seed(kyselyOver(sqlite), archiveId);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
  } catch (e) {
    sqlite.close();
    removeDbFiles(paths.partial);
    throw e;
  } finally {
    if (sqlite.open) sqlite.close();
  }

  const slots: KeySlotFile = {
    format: 'credit-archive-keyslots',
    version: 1,
    archiveId,
    keyVersion: 1,
    slots: [
      newSlot({ archiveId, kind: 'user', userId: spec.admin.userId, name: spec.admin.username, secret: spec.admin.password, dbKey: key, cost: io.kdfCost }),
      newSlot({ archiveId, kind: 'recovery', userId: null, name: '', secret: canonicalRecoveryCode(spec.recoveryCode), dbKey: key, cost: io.kdfCost }),
    ],
  };
  writeKeySlots(paths.slots, slots);
  chmodSync(paths.partial, 0o600); // encrypted anyway; still nobody else's business
  renameSync(paths.partial, paths.db);
  return openWithKey(io, archiveId, key);
}

/** Key slot changes while the archive is open (the key is known). */
export class KeySlotKeeper {
  constructor(private readonly io: ArchiveIo) {}

  private get paths(): ArchivePaths {
    return archivePaths(this.io.dir);
  }

  read(): KeySlotFile {
    return readKeySlots(this.paths.slots);
  }

  /** The user whose slot a login name finds: the one a password for that name unlocks. */
  ownerOf(username: string): string | null {
    return findSlot(this.read(), 'user', username)?.userId ?? null;
  }

  /** Check a user's password against their slot without opening anything. */
  verifyPassword(archive: OpenArchive, username: string, password: string): boolean {
    const file = this.read();
    const slot = findSlot(file, 'user', username);
    if (!slot) deriveForNothing(password, this.io.kdfCost);
    const unlocked = slot ? unlockSlotUpgrading(file.archiveId, slot, password) : null;
    if (!unlocked || !unlocked.key.equals(archive.key)) return false;
    if (unlocked.upgraded) writeKeySlots(this.paths.slots, withSlot(file, unlocked.upgraded));
    return true;
  }

  /** Check the recovery code against the recovery slot. */
  verifyRecoveryCode(archive: OpenArchive, code: string): boolean {
    const file = this.read();
    const slot = findSlot(file, 'recovery', '');
    const key = slot ? unlockSlot(file.archiveId, slot, canonicalRecoveryCode(code)) : null;
    return key !== null && key.equals(archive.key);
  }

  /** Give a user a slot for this password, replacing any slot they had. */
  setUserPassword(archive: OpenArchive, userId: string, username: string, password: string): void {
    const file = this.read();
    const slot = newSlot({ archiveId: file.archiveId, kind: 'user', userId, name: username, secret: password, dbKey: archive.key, cost: this.io.kdfCost });
    writeKeySlots(this.paths.slots, {
      ...file,
      slots: [...file.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)), slot],
    });
  }

  removeUser(userId: string): void {
    const file = this.read();
    writeKeySlots(this.paths.slots, { ...file, slots: file.slots.filter((s) => s.userId !== userId) });
  }

  /**
   * Remove a user's slot and change the database key, so that a copy of their old slot
   * (or a key they noted) opens nothing. Every other slot is resealed to the new key
   * with no one's password. Crash-safe: the next slots are written before the rekey
   * and promoted after; opening finds the right key in either file.
   */
  rotateKeyWithout(archive: OpenArchive, userId: string): void {
    this.rekeyWithout(archive, userId);
    this.promoteNextSlots();
  }

  /**
   * The first steps of a rotation: the next slots are written, then the database is
   * rekeyed. A crash after these and before `promoteNextSlots` leaves both slot files;
   * opening then finds the key in the next ones and promotes them.
   */
  rekeyWithout(archive: OpenArchive, userId: string | null): void {
    const file = this.read();
    const newKey = randomBytes(32);
    const next: KeySlotFile = {
      ...file,
      keyVersion: file.keyVersion + 1,
      slots: file.slots
        .filter((s) => userId === null || s.userId !== userId)
        .map((s) => resealSlot(file.archiveId, s, newKey)),
    };
    writeKeySlots(this.paths.slotsNext, next);
    rekey(archive.sqlite, newKey);
    archive.key.fill(0);
    archive.key = newKey;
  }

  /**
   * Ask, inside a transaction, for the key to change once it has committed. The request
   * is in the database, so a crash before the rotation ran is finished at the next open.
   */
  static async requestRotation(trx: Transaction<DB>): Promise<void> {
    await trx
      .insertInto('meta')
      .values({ key: PENDING_ROTATION, value: '1' })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  /** Rotate the key if a committed change asked for it (and it has not run yet). */
  finishPendingRotation(archive: OpenArchive): boolean {
    const pending = archive.sqlite.prepare(`SELECT 1 FROM meta WHERE key = '${PENDING_ROTATION}'`).get();
    if (!pending) return false;
    this.rekeyWithout(archive, null);
    this.promoteNextSlots();
    archive.sqlite.prepare(`DELETE FROM meta WHERE key = '${PENDING_ROTATION}'`).run();
    return true;
  }

  /** The last step of a rotation: the next slots become the slots. */
  promoteNextSlots(): void {
    renameSync(this.paths.slotsNext, this.paths.slots);
  }
}

export async function closeArchive(archive: OpenArchive): Promise<void> {
  archive.sqlite.close();
  archive.key.fill(0);
}
