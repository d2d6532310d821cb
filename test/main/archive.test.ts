import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeArchive, DB_FILE, KeySlotKeeper } from '../../src/main/archive/archive';
import { applyWorkingPragmas, openEncrypted } from '../../src/main/archive/database';
import { KEYSLOTS_NEXT_FILE, resealSlot, writeKeySlots } from '../../src/main/archive/keyslots';
import { appliedMigrations, migrateToLatest } from '../../src/main/archive/migrate';
import { MIGRATION_NAMES } from '../../src/main/archive/migrations';
import {
  ADMIN,
  addUser,
  archiveIo,
  COMPANY,
  dbKeyFromRecovery,
  archiveFiles,
  fingerprint,
  freshArchive,
  FrozenClock,
  login,
  openWithRecoveryCode,
  readSlots,
  setUpArchive,
  testHost,
  useTempDirs,
  type TestHost,
} from './helpers';

const temp = useTempDirs();

const A = { username: 'chen.leaving', displayName: '陈离职', password: 'Leaving-Pass-2026', roles: ['reviewer'] };
const B = { username: 'lin.staying', displayName: '林留任', password: 'Staying-Pass-2026', roles: ['reviewer'] };

function reopen(t: TestHost): TestHost {
  const again = testHost(t.dir, t.clock);
  temp.track(again.host);
  return again;
}

function expectKeyRefused(dir: string, key: Buffer) {
  let code: string | undefined;
  try {
    openEncrypted(join(dir, DB_FILE), key).close();
  } catch (e) {
    code = (e as { code?: string }).code;
  }
  expect(code).toBe('WRONG_PASSWORD');
}

describe('an archive from a newer version', () => {
  it('is refused with NEWER_VERSION and left byte-identical', async () => {
    const t = await freshArchive(temp);
    await t.host.close();
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    archive.sqlite
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('9990-future', '2030-01-01T00:00:00.000Z');
    await closeArchive(archive);
    const before = fingerprint(t.dir);

    const again = reopen(t);
    const refused = await again.fail(null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(refused).toMatchObject({ code: 'NEWER_VERSION', details: { unknownMigrations: ['9990-future'] } });
    const recovery = await again.fail(null, 'auth.recover', {
      recoveryCode: t.recoveryCode,
      username: ADMIN.username,
      newPassword: 'Should-Not-Be-Set-1',
    });
    expect(recovery.code).toBe('NEWER_VERSION');
    expect(await again.ok(null, 'archive.status', {})).toEqual({ initialized: true, dir: t.dir });
    expect(fingerprint(t.dir)).toEqual(before);
  });
});

describe('migrations', () => {
  it('migrate a fresh database: tables, indexes and triggers exist, all recorded, twice is a no-op', async () => {
    const dir = temp.make();
    const db = openEncrypted(join(dir, 'fresh.db'), randomBytes(32), { create: true });
    try {
      applyWorkingPragmas(db);
      expect(appliedMigrations(db)).toEqual([]);
      await migrateToLatest(db);
      expect(appliedMigrations(db)).toEqual(MIGRATION_NAMES);

      const names = (type: string) =>
        db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(type);
      expect(names('table')).toEqual(
        expect.arrayContaining(['audit_log', 'departments', 'meta', 'role_permissions', 'roles', 'settings', 'user_roles', 'users']),
      );
      expect(names('index')).toEqual(expect.arrayContaining(['audit_log_action', 'audit_log_at', 'audit_log_user', 'users_username']));
      expect(names('trigger')).toEqual(expect.arrayContaining(['audit_log_no_delete', 'audit_log_no_update']));

      const plan = (sql: string, ...params: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      // audit.list by user and by action: the newest entries first, straight from the index.
      const byUser = plan('SELECT * FROM audit_log WHERE user_id = ? ORDER BY seq DESC LIMIT 101', 'u');
      expect(byUser).toMatch(/USING (COVERING )?INDEX audit_log_user/);
      expect(byUser).not.toMatch(/TEMP B-TREE/);
      const byAction = plan('SELECT * FROM audit_log WHERE action = ? AND seq < ? ORDER BY seq DESC LIMIT 101', 'a', 10);
      expect(byAction).toMatch(/USING (COVERING )?INDEX audit_log_action/);
      expect(plan('SELECT * FROM audit_log WHERE at >= ? AND at < ?', 'a', 'b')).toMatch(/INDEX audit_log_at/);

      // User names are unique whatever their case.
      const insertUser = db.prepare(
        `INSERT INTO users (id, username, display_name, department_id, created_at, updated_at) VALUES (?, ?, '某人', 'd', 'x', 'x')`,
      );
      db.pragma('foreign_keys = OFF');
      insertUser.run('1', 'Zhang.San');
      expect(() => insertUser.run('2', 'zhang.san')).toThrow(/UNIQUE/);

      const tablesBefore = names('table');
      await migrateToLatest(db);
      expect(appliedMigrations(db)).toEqual(MIGRATION_NAMES);
      expect(names('table')).toEqual(tablesBefore);
    } finally {
      db.close();
    }
  });

  it('run all pending migrations in one transaction: a failure leaves nothing behind', async () => {
    const dir = temp.make();
    const db = openEncrypted(join(dir, 'broken.db'), randomBytes(32), { create: true });
    try {
      applyWorkingPragmas(db);
      db.exec('CREATE TABLE audit_log (x)'); // in the way of a step late in the first migration
      await expect(migrateToLatest(db)).rejects.toMatchObject({ code: 'CORRUPT' });
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
      expect(tables).not.toContain('meta');
      expect(tables).not.toContain('users');
      expect(appliedMigrations(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('a working archive runs in WAL with foreign keys, secure delete, full sync and temp storage in memory', async () => {
    const t = await freshArchive(temp);
    await t.host.close();
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    try {
      const p = (name: string) => archive.sqlite.pragma(name, { simple: true });
      expect(p('journal_mode')).toBe('wal');
      expect(p('foreign_keys')).toBe(1);
      expect(p('secure_delete')).toBe(1);
      expect(p('synchronous')).toBe(2);
      expect(p('temp_store')).toBe(2);
    } finally {
      await closeArchive(archive);
    }
  });
});

describe('the database file', () => {
  it('is SQLCipher 4: a fresh handle with cipher sqlcipher, legacy 4 and the raw key opens it', async () => {
    const t = await freshArchive(temp);
    await t.host.close();
    const key = dbKeyFromRecovery(t.dir, t.recoveryCode);
    const db = new Database(join(t.dir, DB_FILE), { fileMustExist: true });
    try {
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 4');
      db.pragma(`key = "x'${key.toString('hex')}'"`);
      expect(db.prepare(`SELECT value FROM meta WHERE key = 'archive_id'`).pluck().get()).toBe(readSlots(t.dir).archiveId);
      expect(db.prepare('SELECT display_name FROM users').pluck().all()).toEqual([ADMIN.displayName]);
      expect(db.pragma('page_size', { simple: true })).toBe(4096); // SQLCipher 4's default
    } finally {
      db.close();
    }
  });

  it('is not readable without the key, with plain SQLite, or with another cipher', async () => {
    const t = await freshArchive(temp);
    await t.host.close();
    const path = join(t.dir, DB_FILE);
    const before = fingerprint(t.dir);
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');

    const noKey = new Database(path, { fileMustExist: true });
    expect(() => noKey.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    noKey.close();

    const otherCipher = new Database(path, { fileMustExist: true });
    otherCipher.pragma(`key = "x'${dbKeyFromRecovery(t.dir, t.recoveryCode).toString('hex')}'"`); // the right key, default cipher
    expect(() => otherCipher.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    otherCipher.close();

    const cli = spawnSync('sqlite3', [path, 'SELECT count(*) FROM sqlite_master;'], { encoding: 'utf8' });
    if (!cli.error) {
      expect(cli.status).not.toBe(0);
      expect(cli.stderr).toMatch(/not a database/);
    }
    expect(fingerprint(t.dir)).toEqual(before);
  });
});

describe('key rotation on deactivation', () => {
  it('shuts out the deactivated user and their old key; others and the recovery code still open the archive', async () => {
    const t = await freshArchive(temp);
    const a = await addUser(t, t.admin, A);
    await addUser(t, t.admin, B);
    const oldKey = dbKeyFromRecovery(t.dir, t.recoveryCode);
    const oldSlots = readSlots(t.dir);
    copyFileSync(join(t.dir, 'keyslots.json'), join(temp.make(), 'stolen-keyslots.json'));

    const result = await t.ok(t.admin, 'users.deactivate', { id: a.user.id, rotateKey: true });
    expect(result.active).toBe(false);
    expect((await t.fail(a.session, 'auth.me', {})).code).toBe('UNAUTHENTICATED');

    const slots = readSlots(t.dir);
    expect(slots.keyVersion).toBe(oldSlots.keyVersion + 1);
    expect(slots.slots.map((s) => s.userId)).not.toContain(a.user.id);
    expect(slots.slots).toHaveLength(oldSlots.slots.length - 1);
    expect(existsSync(join(t.dir, KEYSLOTS_NEXT_FILE))).toBe(false);
    const newKey = dbKeyFromRecovery(t.dir, t.recoveryCode);
    expect(newKey.equals(oldKey)).toBe(false);

    // While the archive stays open, and after it is closed and opened again.
    expect((await t.fail(null, 'auth.login', { username: A.username, password: A.password })).code).toBe('WRONG_PASSWORD');
    await login(t, B.username, B.password);
    await t.host.close();
    expectKeyRefused(t.dir, oldKey);

    const again = reopen(t);
    expect((await again.fail(null, 'auth.login', { username: A.username, password: A.password })).code).toBe('WRONG_PASSWORD');
    const b = await login(again, B.username, B.password);
    expect((await again.ok(b, 'auth.me', {})).username).toBe(B.username);
    await login(again, ADMIN.username, ADMIN.password);
    await again.host.close();
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    expect(archive.key.equals(newKey)).toBe(true);
    expect(archive.sqlite.prepare('SELECT active FROM users WHERE id = ?').pluck().get(a.user.id)).toBe(0);
    await closeArchive(archive);
  });

  it('without rotation removes the slot and keeps the key', async () => {
    const t = await freshArchive(temp);
    const a = await addUser(t, t.admin, A);
    const keyBefore = dbKeyFromRecovery(t.dir, t.recoveryCode);
    await t.ok(t.admin, 'users.deactivate', { id: a.user.id, rotateKey: false });
    expect(readSlots(t.dir).slots.map((s) => s.userId)).not.toContain(a.user.id);
    expect(dbKeyFromRecovery(t.dir, t.recoveryCode).equals(keyBefore)).toBe(true);
    expect((await t.fail(null, 'auth.login', { username: A.username, password: A.password })).code).toBe('WRONG_PASSWORD');
  });

  it('survives a crash after the rekey, before the next slots were promoted', async () => {
    const t = await freshArchive(temp);
    const a = await addUser(t, t.admin, A);
    await addUser(t, t.admin, B);
    await t.host.close();
    const oldKey = dbKeyFromRecovery(t.dir, t.recoveryCode);

    // The production steps, stopped where a crash would stop them.
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    archive.sqlite.prepare('UPDATE users SET active = 0 WHERE id = ?').run(a.user.id);
    new KeySlotKeeper(archiveIo(t.dir)).rekeyWithout(archive, a.user.id);
    await closeArchive(archive);
    const next = readFileSync(join(t.dir, KEYSLOTS_NEXT_FILE), 'utf8');
    expectKeyRefused(t.dir, oldKey); // the database has the new key; keyslots.json still the old one
    expect(readSlots(t.dir).slots.map((s) => s.userId)).toContain(a.user.id);

    const again = reopen(t);
    // The departed user's old slot opens the old key only: refused, and nothing is promoted.
    const crashed = archiveFiles(t.dir);
    expect((await again.fail(null, 'auth.login', { username: A.username, password: A.password })).code).toBe('WRONG_PASSWORD');
    expect(archiveFiles(t.dir)).toEqual(crashed);

    await login(again, B.username, B.password);
    expect(existsSync(join(t.dir, KEYSLOTS_NEXT_FILE))).toBe(false);
    expect(readFileSync(join(t.dir, 'keyslots.json'), 'utf8')).toBe(next);
    await login(again, ADMIN.username, ADMIN.password);
    await again.host.close();
    expect(dbKeyFromRecovery(t.dir, t.recoveryCode).equals(oldKey)).toBe(false);
    await closeArchive(await openWithRecoveryCode(t.dir, t.recoveryCode));
  });

  it('survives a crash before the rekey: the unused next slots are dropped', async () => {
    const t = await freshArchive(temp);
    await t.host.close();
    const oldKey = dbKeyFromRecovery(t.dir, t.recoveryCode);
    const current = readSlots(t.dir);
    const neverUsedKey = randomBytes(32);
    writeKeySlots(join(t.dir, KEYSLOTS_NEXT_FILE), {
      ...current,
      keyVersion: current.keyVersion + 1,
      slots: current.slots.map((s) => resealSlot(current.archiveId, s, neverUsedKey)),
    });

    const again = reopen(t);
    await login(again, ADMIN.username, ADMIN.password);
    expect(existsSync(join(t.dir, KEYSLOTS_NEXT_FILE))).toBe(false);
    expect(readSlots(t.dir)).toEqual(current);
    expect(dbKeyFromRecovery(t.dir, t.recoveryCode).equals(oldKey)).toBe(true);
  });
});

describe('an interrupted setup', () => {
  it('leaves a .partial file that does not count as an archive; a new setup succeeds', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'archive.db.partial'), randomBytes(8192));
    const t = testHost(dir, new FrozenClock());
    temp.track(t.host);
    expect(await t.ok(null, 'archive.status', {})).toEqual({ initialized: false, dir });
    expect((await t.fail(null, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).code).toBe('NOT_INITIALIZED');

    const { session } = await setUpArchive(t);
    expect(existsSync(join(dir, 'archive.db.partial'))).toBe(false);
    expect(await t.ok(null, 'archive.status', {})).toEqual({ initialized: true, dir });
    expect((await t.ok(session, 'settings.get', {})).companyName).toBe(COMPANY);
    expect((await t.fail(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN })).code).toBe('ALREADY_INITIALIZED');
  });

  it('stopped after the key slots were written, before the rename: setup starts over', async () => {
    const first = await freshArchive(temp);
    await first.host.close();
    renameSync(join(first.dir, DB_FILE), join(first.dir, 'archive.db.partial'));
    const oldArchiveId = readSlots(first.dir).archiveId;

    const t = reopen(first);
    expect(await t.ok(null, 'archive.status', {})).toEqual({ initialized: false, dir: first.dir });
    const r = await t.ok(null, 'archive.setup', {
      companyName: '重新开始的公司',
      admin: { username: 'new.admin', displayName: '新管理员', password: 'New-Admin-Pass-1' },
    });
    expect(readSlots(first.dir).archiveId).not.toBe(oldArchiveId);
    expect(existsSync(join(first.dir, 'archive.db.partial'))).toBe(false);
    expect((await t.ok(r.session, 'settings.get', {})).companyName).toBe('重新开始的公司');
    await t.ok(r.session, 'auth.logout', {});
    await login(t, 'new.admin', 'New-Admin-Pass-1');
  });

  it('a database without key slots is left untouched: setup refuses with CONFLICT', async () => {
    const first = await freshArchive(temp);
    await first.host.close();
    renameSync(join(first.dir, 'keyslots.json'), join(temp.make(), 'keyslots.json'));
    const before = fingerprint(first.dir);

    const t = reopen(first);
    expect(await t.ok(null, 'archive.status', {})).toEqual({ initialized: false, dir: first.dir });
    expect((await t.fail(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN })).code).toBe('CONFLICT');
    expect(fingerprint(first.dir)).toEqual(before);
  });
});
