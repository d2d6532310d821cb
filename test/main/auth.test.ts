import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArchiveHost } from '../../src/main/host';
import { DB_FILE } from '../../src/main/archive/archive';
import {
  ADMIN,
  addUser,
  COMPANY,
  dbKeyFromRecovery,
  directory,
  archiveFiles,
  freshArchive,
  FrozenClock,
  login,
  readSlots,
  useTempDirs,
} from './helpers';
import { WRONG_RECOVERY_CODE } from './samples';


const temp = useTempDirs();

const REVIEWER = { username: 'li.na', displayName: '李娜', password: 'Reviewer-Pass-2026', roles: ['reviewer'] };

describe('wrong password', () => {
  it('is WRONG_PASSWORD, for a wrong password and for an unknown user, and leaves the archive untouched', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.logout', {}); // the last session ends: the archive is closed
    const before = archiveFiles(t.dir);
    expect(Object.keys(before)).toEqual(expect.arrayContaining([DB_FILE, 'keyslots.json']));

    for (const attempt of [
      { username: ADMIN.username, password: 'not-the-password' },
      { username: ADMIN.username.toUpperCase(), password: `${ADMIN.password} ` },
      { username: 'nobody.here', password: ADMIN.password },
    ]) {
      const error = await t.fail(null, 'auth.login', attempt);
      expect(error.code).toBe('WRONG_PASSWORD');
    }
    expect(archiveFiles(t.dir)).toEqual(before);

    // The right password still opens it, and the name is not case-sensitive.
    await login(t, ADMIN.username.toUpperCase(), ADMIN.password);
  });

  it('is WRONG_PASSWORD while the archive is open for someone else, and changes no file', async () => {
    const t = await freshArchive(temp);
    const before = archiveFiles(t.dir); // database, WAL, WAL index and key slots, all of them
    expect((await t.fail(null, 'auth.login', { username: ADMIN.username, password: 'nope-nope' })).code).toBe(
      'WRONG_PASSWORD',
    );
    expect((await t.fail(null, 'auth.login', { username: 'ghost', password: 'nope-nope' })).code).toBe('WRONG_PASSWORD');
    expect(archiveFiles(t.dir)).toEqual(before);
    expect((await t.ok(t.admin, 'auth.me', {})).username).toBe(ADMIN.username);
  });

  it('makes each further try wait after three failures, with a growing delay, per name', async () => {
    const t = await freshArchive(temp);
    await addUser(t, t.admin, REVIEWER);
    const wrong = { username: ADMIN.username, password: 'wrong-password' };

    for (let i = 0; i < 3; i++) expect((await t.fail(null, 'auth.login', wrong)).code).toBe('WRONG_PASSWORD');
    // Now even the right password waits.
    const limited = await t.fail(null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 1000 } });
    // Another name is not held up.
    await login(t, REVIEWER.username, REVIEWER.password);

    t.clock.advance(999);
    expect(await t.fail(null, 'auth.login', wrong)).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 1 } });
    t.clock.advance(1);
    expect((await t.fail(null, 'auth.login', wrong)).code).toBe('WRONG_PASSWORD');
    expect(await t.fail(null, 'auth.login', wrong)).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 2000 } });

    t.clock.advance(2000);
    await login(t, ADMIN.username, ADMIN.password);
    // A success clears the count: the next wrong password is just wrong.
    expect((await t.fail(null, 'auth.login', wrong)).code).toBe('WRONG_PASSWORD');
  });

  it('is on record: failed logins are written to the audit log at the next open', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.logout', {});
    const before = archiveFiles(t.dir);
    await t.fail(null, 'auth.login', { username: ADMIN.username, password: 'wrong-1' });
    await t.fail(null, 'auth.login', { username: 'mallory', password: 'wrong-2' });
    expect(archiveFiles(t.dir)).toEqual(before); // the archive was closed: nothing written yet

    const session = await login(t, ADMIN.username, ADMIN.password);
    const { entries } = await t.ok(session, 'audit.list', { action: 'auth.login' });
    expect(entries.map((e) => [e.username, e.outcome, (e.details as { reason?: string }).reason])).toEqual([
      [ADMIN.username, 'ok', undefined],
      ['mallory', 'failed', 'WRONG_PASSWORD'],
      [ADMIN.username, 'failed', 'WRONG_PASSWORD'],
    ]);
    expect(entries.every((e) => e.action === 'auth.login')).toBe(true);
    expect(await t.ok(session, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});

describe('locking', () => {
  it('locks a session idle longer than idleLockMinutes; unlock needs the right password', async () => {
    const t = await freshArchive(temp);
    const idleMs = (await t.ok(t.admin, 'settings.get', {})).idleLockMinutes * 60_000;
    expect(idleMs).toBe(15 * 60_000);

    t.clock.advance(idleMs); // exactly the idle time: still open, and this call counts as activity
    await t.ok(t.admin, 'auth.me', {});
    t.clock.advance(idleMs);
    await t.ok(t.admin, 'auth.me', {});
    t.clock.advance(idleMs + 1);
    expect((await t.fail(t.admin, 'auth.me', {})).code).toBe('LOCKED');
    expect((await t.fail(t.admin, 'users.list', {})).code).toBe('LOCKED');

    expect((await t.fail(t.admin, 'auth.unlock', { password: 'not-it-at-all' })).code).toBe('WRONG_PASSWORD');
    expect((await t.fail(t.admin, 'auth.me', {})).code).toBe('LOCKED');

    expect((await t.ok(t.admin, 'auth.unlock', { password: ADMIN.password })).username).toBe(ADMIN.username);
    expect((await t.ok(t.admin, 'auth.me', {})).username).toBe(ADMIN.username);
  });

  it('a user cannot unlock with another user\u2019s password', async () => {
    const t = await freshArchive(temp);
    const { session } = await addUser(t, t.admin, REVIEWER);
    await t.ok(session, 'auth.lock', {});
    expect((await t.fail(session, 'auth.unlock', { password: ADMIN.password })).code).toBe('WRONG_PASSWORD');
    expect((await t.fail(session, 'auth.me', {})).code).toBe('LOCKED');
    await t.ok(session, 'auth.unlock', { password: REVIEWER.password });
  });

  it('auth.lock locks at once, and a locked session can log out', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.lock', {});
    expect((await t.fail(t.admin, 'settings.get', {})).code).toBe('LOCKED');
    await t.ok(t.admin, 'auth.logout', {});
    expect((await t.fail(t.admin, 'auth.me', {})).code).toBe('UNAUTHENTICATED');
    expect((await t.fail(t.admin, 'auth.unlock', { password: ADMIN.password })).code).toBe('UNAUTHENTICATED');
  });

  it('sweepIdle locks idle sessions without a call from them', async () => {
    const t = await freshArchive(temp);
    t.clock.advance(15 * 60_000 + 1);
    await t.host.sweepIdle();
    expect((await t.fail(t.admin, 'auth.me', {})).code).toBe('LOCKED');
  });
});

describe('recovery code', () => {
  it('sets a new password for the administrator; the old one stops working', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.logout', {}); // the administrator is locked out: no session, archive closed
    const newPassword = 'Brand-New-Admin-2026';

    const recovered = await t.ok(null, 'auth.recover', {
      recoveryCode: t.recoveryCode,
      username: ADMIN.username,
      newPassword,
    });
    expect(recovered.user).toMatchObject({ username: ADMIN.username, mustChangePassword: false });
    expect((await t.ok(recovered.session, 'auth.me', {})).permissions).toContain('users.manage');
    await t.ok(recovered.session, 'auth.logout', {});

    expect((await t.fail(null, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).code).toBe(
      'WRONG_PASSWORD',
    );
    const session = await login(t, ADMIN.username, newPassword);
    const { entries } = await t.ok(session, 'audit.list', { action: 'auth.recover' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'ok', username: ADMIN.username });
  });

  it('accepts the code in lower case and without dashes, as people type it', async () => {
    const t = await freshArchive(temp);
    // Shown as 8 groups of 4 Crockford base32 characters (no I, L, O, U).
    expect(t.recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    await t.ok(t.admin, 'auth.logout', {});
    const typed = t.recoveryCode.replace(/-/g, ' ').toLowerCase();
    await t.ok(null, 'auth.recover', { recoveryCode: typed, username: ADMIN.username, newPassword: 'Typed-In-Code-2026' });
    await login(t, ADMIN.username, 'Typed-In-Code-2026');
  });

  it('refuses a wrong code with WRONG_RECOVERY_CODE and changes nothing', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.logout', {});
    const before = archiveFiles(t.dir);
    const error = await t.fail(null, 'auth.recover', {
      recoveryCode: WRONG_RECOVERY_CODE,
      username: ADMIN.username,
      newPassword: 'Hijacked-Password-1',
    });
    expect(error.code).toBe('WRONG_RECOVERY_CODE');
    expect(archiveFiles(t.dir)).toEqual(before);
    await login(t, ADMIN.username, ADMIN.password);
  });

  it('restores administrators only: FORBIDDEN for a user without users.manage', async () => {
    const t = await freshArchive(temp);
    await addUser(t, t.admin, REVIEWER);
    const slotsBefore = readFileSync(join(t.dir, 'keyslots.json'), 'utf8');
    const error = await t.fail(null, 'auth.recover', {
      recoveryCode: t.recoveryCode,
      username: REVIEWER.username,
      newPassword: 'Reviewer-Taken-Over',
    });
    expect(error.code).toBe('FORBIDDEN');
    expect(readFileSync(join(t.dir, 'keyslots.json'), 'utf8')).toBe(slotsBefore);
    await login(t, REVIEWER.username, REVIEWER.password);
    expect((await t.fail(null, 'auth.login', { username: REVIEWER.username, password: 'Reviewer-Taken-Over' })).code).toBe(
      'WRONG_PASSWORD',
    );
  });
});

describe('password change', () => {
  it('rewraps one key slot: the database key and every other slot stay as they were', async () => {
    const t = await freshArchive(temp);
    const { user, session } = await addUser(t, t.admin, REVIEWER);
    const slotsBefore = readSlots(t.dir);
    const keyBefore = dbKeyFromRecovery(t.dir, t.recoveryCode);
    const header = (dir: string) => readFileSync(join(dir, DB_FILE)).subarray(0, 4096);
    const headerBefore = header(t.dir);

    await t.ok(session, 'auth.changePassword', { currentPassword: REVIEWER.password, newPassword: 'Changed-Pass-2026' });

    const slotsAfter = readSlots(t.dir);
    expect(dbKeyFromRecovery(t.dir, t.recoveryCode).equals(keyBefore)).toBe(true);
    expect(slotsAfter.keyVersion).toBe(slotsBefore.keyVersion);
    const others = (f: typeof slotsBefore) => f.slots.filter((s) => s.userId !== user.id);
    expect(others(slotsAfter)).toEqual(others(slotsBefore));
    const mine = (f: typeof slotsBefore) => f.slots.filter((s) => s.userId === user.id);
    expect(mine(slotsAfter)).toHaveLength(1);
    expect(mine(slotsAfter)).not.toEqual(mine(slotsBefore));
    expect(header(t.dir).equals(headerBefore)).toBe(true); // the first page was not re-encrypted

    await t.ok(session, 'auth.logout', {});
    await t.ok(t.admin, 'auth.logout', {});
    expect((await t.fail(null, 'auth.login', { username: REVIEWER.username, password: REVIEWER.password })).code).toBe(
      'WRONG_PASSWORD',
    );
    await login(t, REVIEWER.username, 'Changed-Pass-2026');
    await login(t, ADMIN.username, ADMIN.password);
  });

  it('refuses a wrong current password and a new password equal to the old one, changing no slot', async () => {
    const t = await freshArchive(temp);
    const before = readFileSync(join(t.dir, 'keyslots.json'), 'utf8');
    const wrong = await t.fail(t.admin, 'auth.changePassword', {
      currentPassword: 'not-my-password',
      newPassword: 'Whatever-Password-1',
    });
    expect(wrong.code).toBe('WRONG_PASSWORD');
    const same = await t.fail(t.admin, 'auth.changePassword', { currentPassword: ADMIN.password, newPassword: ADMIN.password });
    expect(same.code).toBe('VALIDATION');
    expect(readFileSync(join(t.dir, 'keyslots.json'), 'utf8')).toBe(before);
  });
});

describe('a password set by an administrator', () => {
  it('must be changed before anything else is answered', async () => {
    const t = await freshArchive(temp);
    const { role, department } = await directory(t, t.admin);
    await t.ok(t.admin, 'users.create', {
      username: 'zhou.auditor',
      displayName: '周审计',
      departmentId: department('audit'),
      roleIds: [role('auditor')],
      password: 'Given-By-Admin-1',
    });
    const login1 = await t.ok(null, 'auth.login', { username: 'zhou.auditor', password: 'Given-By-Admin-1' });
    expect(login1.user.mustChangePassword).toBe(true);
    const session = login1.session;

    for (const [method, input] of [
      ['settings.get', {}],
      ['departments.list', {}],
      ['audit.list', {}], // a permission the auditor has: still refused until the password is changed
      ['audit.verify', {}],
    ] as const) {
      const error = await t.fail(session, method, input);
      expect(error, method).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'mustChangePassword' } });
    }
    expect((await t.ok(session, 'auth.me', {})).mustChangePassword).toBe(true);

    await t.ok(session, 'auth.changePassword', { currentPassword: 'Given-By-Admin-1', newPassword: 'Chosen-By-Me-2026' });
    expect((await t.ok(session, 'auth.me', {})).mustChangePassword).toBe(false);
    await t.ok(session, 'audit.list', {});
    await t.ok(session, 'settings.get', {});
  });
});

describe('key derivation', () => {
  it('uses scrypt N = 2^17, r = 8 for every slot when no cost is given', async () => {
    const dir = temp.make();
    const host = createArchiveHost({ dir, clock: new FrozenClock() });
    temp.track(host);
    expect(await host.call(null, 'archive.status', {})).toEqual({ ok: true, value: { initialized: false, dir } });
    const r = await host.call(null, 'archive.setup', {
      companyName: COMPANY,
      admin: ADMIN,
    });
    expect(r.ok).toBe(true);
    const { slots } = readSlots(dir);
    expect(slots.map((s) => s.kind).sort()).toEqual(['recovery', 'user']);
    for (const slot of slots) expect(slot.kdf).toMatchObject({ method: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
  });
});
