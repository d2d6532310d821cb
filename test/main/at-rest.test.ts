import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeArchive } from '../../src/main/archive/archive';
import { addUser, directory, filesIn, FrozenClock, login, openWithRecoveryCode, testHost, useTempDirs } from './helpers';

const temp = useTempDirs();

// Text that appears nowhere else: if any of it is found in a file, it came from the archive.
const COMPANY_NAME = '滇西北茶马古道信用档案测试有限责任公司';
const RENAMED_COMPANY = '漠河北极光精密机械制造有限公司';
const ADMIN = { username: 'xuanzang.admin', displayName: '玄奘法师管理员', password: 'Journey-West-629AD' };
const PEOPLE = [
  { username: 'ouyang.xiaolan', displayName: '欧阳晓岚', password: 'Ouyang-Pass-2026', roles: ['auditor'] },
  { username: 'sima.qingshan', displayName: '司马青衫', password: 'Sima-Pass-2026!', roles: ['reviewer'] },
  { username: 'dongfang.bubai', displayName: '东方不败离职', password: 'Dongfang-Pass-1', roles: ['reviewer'] },
];
const RENAMED_PERSON = '诸葛孔明月';

function encodings(text: string): { label: string; bytes: Buffer }[] {
  return [
    { label: `${text} (UTF-8)`, bytes: Buffer.from(text, 'utf8') },
    { label: `${text} (UTF-16LE)`, bytes: Buffer.from(text, 'utf16le') },
  ];
}

const SECRETS = [COMPANY_NAME, RENAMED_COMPANY, RENAMED_PERSON, ADMIN.displayName, ADMIN.username, ...PEOPLE.flatMap((p) => [p.displayName, p.username])];

/** What of the secret text each file holds in clear, as "file: text (encoding)". */
function clearTextIn(dir: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const name of filesIn(dir)) {
    const content = readFileSync(join(dir, name));
    for (const secret of secrets) {
      for (const { label, bytes } of encodings(secret)) if (content.includes(bytes)) found.push(`${name}: ${label}`);
    }
  }
  return found;
}

describe('at rest', () => {
  it('the detector finds the same text in a database without a key (it can fail)', () => {
    const dir = temp.make();
    const plain = new Database(join(dir, 'plain.db'));
    plain.exec('CREATE TABLE t (a TEXT)');
    plain.prepare('INSERT INTO t VALUES (?)').run(COMPANY_NAME);
    plain.close();
    expect(clearTextIn(dir, SECRETS)).toEqual([`plain.db: ${COMPANY_NAME} (UTF-8)`]);
  });

  it('no file of the archive holds the company name, display names or user names in clear', async () => {
    const dir = temp.make();
    const t = testHost(dir, new FrozenClock());
    temp.track(t.host);
    const setup = await t.ok(null, 'archive.setup', { companyName: COMPANY_NAME, admin: ADMIN });
    const admin = setup.session;

    const created = [];
    for (const person of PEOPLE) created.push(await addUser(t, admin, person));
    await t.ok(admin, 'settings.update', { companyName: RENAMED_COMPANY, idleLockMinutes: 5 });
    await t.ok(admin, 'settings.update', { companyName: COMPANY_NAME, idleLockMinutes: 30 });
    const { department, role } = await directory(t, admin);
    await t.ok(admin, 'users.update', {
      id: created[1]!.user.id,
      displayName: RENAMED_PERSON,
      departmentId: department('business'),
      roleIds: [role('reviewer')],
    });
    await t.ok(admin, 'users.update', {
      id: created[1]!.user.id,
      displayName: PEOPLE[1]!.displayName,
      departmentId: department('business'),
      roleIds: [role('reviewer')],
    });
    // Failed logins (recorded with the name typed), a lock and an unlock, a logout, a verify.
    await t.fail(null, 'auth.login', { username: PEOPLE[0]!.username, password: 'wrong-password' });
    await t.ok(created[0]!.session, 'auth.lock', {});
    await t.ok(created[0]!.session, 'auth.unlock', { password: PEOPLE[0]!.password });
    await t.ok(created[0]!.session, 'audit.verify', {});
    await t.ok(created[0]!.session, 'auth.logout', {});
    await login(t, PEOPLE[0]!.username, PEOPLE[0]!.password);
    // One leaves, and the database key is rotated (rekey through a rollback journal).
    await t.ok(admin, 'users.deactivate', { id: created[2]!.user.id, rotateKey: true });
    await t.ok(admin, 'settings.update', { companyName: COMPANY_NAME, idleLockMinutes: 25 });
    expect((await t.ok(admin, 'settings.get', {})).companyName).toBe(COMPANY_NAME);

    // While the host has the archive open: database, WAL, WAL index, key slots.
    const whileOpen = filesIn(dir);
    expect(whileOpen).toEqual(expect.arrayContaining(['archive.db', 'archive.db-wal', 'archive.db-shm', 'keyslots.json']));
    expect(statSync(join(dir, 'archive.db-wal')).size).toBeGreaterThan(0);
    expect(clearTextIn(dir, [...SECRETS, ADMIN.password, setup.recoveryCode, setup.recoveryCode.replace(/-/g, '')])).toEqual([]);

    await t.host.close();
    expect(filesIn(dir)).toEqual(expect.arrayContaining(['archive.db', 'keyslots.json']));
    expect(clearTextIn(dir, [...SECRETS, ADMIN.password, setup.recoveryCode, setup.recoveryCode.replace(/-/g, '')])).toEqual([]);

    // The content is there, encrypted: the recovery code opens it and finds it.
    const archive = await openWithRecoveryCode(dir, setup.recoveryCode);
    try {
      const names = archive.sqlite.prepare('SELECT display_name FROM users ORDER BY display_name').pluck().all();
      expect(names).toEqual([ADMIN.displayName, ...PEOPLE.map((p) => p.displayName)].sort());
      expect(archive.sqlite.prepare('SELECT count(*) FROM users WHERE active = 0').pluck().get()).toBe(1);
      const company = archive.sqlite.prepare(`SELECT value FROM settings WHERE key = 'companyName'`).pluck().get();
      expect(JSON.parse(company as string)).toBe(COMPANY_NAME);
    } finally {
      await closeArchive(archive);
    }
  });

  it('keyslots.json names no user: slots are found by a salted hash of the name', async () => {
    const dir = temp.make();
    const t = testHost(dir, new FrozenClock());
    temp.track(t.host);
    const { session } = await t.ok(null, 'archive.setup', { companyName: COMPANY_NAME, admin: ADMIN });
    for (const person of PEOPLE) await addUser(t, session, person);
    const slots = readFileSync(join(dir, 'keyslots.json'), 'utf8');
    // Each name has a dot, which base64 never holds: a hit cannot be chance.
    for (const name of [ADMIN.username, ...PEOPLE.map((p) => p.username)]) {
      expect(slots).not.toContain(name);
      expect(slots).not.toContain(name.toUpperCase());
    }
    for (const text of [ADMIN.displayName, ...PEOPLE.map((p) => p.displayName), COMPANY_NAME]) expect(slots).not.toContain(text);
    expect(JSON.parse(slots).slots).toHaveLength(1 + PEOPLE.length + 1);
  });

  it('spills nothing in clear to temp files (the cipher does not encrypt them): temp storage is in memory', async () => {
    const dir = temp.make();
    const t = testHost(dir, new FrozenClock());
    temp.track(t.host);
    const { recoveryCode } = await t.ok(null, 'archive.setup', { companyName: COMPANY_NAME, admin: ADMIN });
    await t.host.close();
    // A handle opened exactly as the host opens one; a temp table big enough to leave its cache.
    const archive = await openWithRecoveryCode(dir, recoveryCode);
    try {
      expect(archive.sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
      archive.sqlite.exec('CREATE TEMP TABLE scratch (text TEXT)');
      archive.sqlite.pragma('temp.cache_size = 2');
      const insert = archive.sqlite.prepare('INSERT INTO scratch VALUES (?)');
      for (let i = 0; i < 2000; i++) insert.run(`${COMPANY_NAME} ${i} ${'x'.repeat(200)}`);
      // SQLite unlinks its temp files as it opens them: look through this process's open files.
      if (process.platform === 'linux') {
        const leaks: string[] = [];
        for (const fd of readdirSync('/proc/self/fd')) {
          let target: string;
          try {
            target = readlinkSync(`/proc/self/fd/${fd}`);
          } catch {
            continue; // closed meanwhile
          }
          if (!target.startsWith('/') || target.startsWith('/proc') || target.startsWith('/dev')) continue;
          let content: Buffer;
          try {
            content = readFileSync(`/proc/self/fd/${fd}`);
          } catch {
            continue; // not a regular file
          }
          if (content.includes(Buffer.from(COMPANY_NAME))) leaks.push(target);
        }
        expect(leaks).toEqual([]);
      }
    } finally {
      await closeArchive(archive);
    }
  });
});
