import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_PENDING_FILE } from '../../src/main/archive/audit-inbox';
import { ADMIN, addUser, allAudit, freshArchive, login, testHost, useTempDirs } from './helpers';

const temp = useTempDirs();
const C = { username: 'zhou.clerk', displayName: '周文员', password: 'Clerk-Pass-2026!', roles: ['reviewer'] };

describe('the current password asked again (change password) is a password try', () => {
  it('three wrong tries lock the user like three failed logins, and each try is on record', async () => {
    const t = await freshArchive(temp);
    const c = await addUser(t, t.admin, C);
    for (let i = 0; i < 3; i++) {
      const r = await t.fail(c.session, 'auth.changePassword', { currentPassword: `guess-number-${i}`, newPassword: 'Another-Pass-2026!' });
      expect(r.code).toBe('WRONG_PASSWORD');
    }
    // Even the right password waits now, here and at the login screen.
    const waiting = await t.fail(c.session, 'auth.changePassword', { currentPassword: C.password, newPassword: 'Another-Pass-2026!' });
    expect(waiting).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } });
    expect((await t.fail(null, 'auth.login', { username: C.username, password: C.password })).code).toBe('RATE_LIMITED');

    t.clock.advance(60_000);
    await t.ok(c.session, 'auth.changePassword', { currentPassword: C.password, newPassword: 'Another-Pass-2026!' });
    const tries = (await allAudit(t, t.admin)).filter((e) => e.action === 'auth.changePassword' && e.outcome === 'failed');
    expect(tries.map((e) => (e.details as { reason: string }).reason)).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'RATE_LIMITED']);
    expect(tries.every((e) => e.username === C.username)).toBe(true);
  });
});

describe('failed tries survive closing the app', () => {
  it('5 wrong logins, the host closed, opened again: 5 entries; on disk meanwhile they name no one', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.logout', {}); // the archive is closed now: no key in memory
    for (let i = 0; i < 5; i++) {
      t.clock.advance(10 * 60_000); // past the throttle's wait: each is a real try
      expect((await t.fail(null, 'auth.login', { username: 'admin', password: `wrong-${i}` })).code).toBe('WRONG_PASSWORD');
    }
    await t.host.close();
    const onDisk = readFileSync(join(t.dir, AUDIT_PENDING_FILE), 'utf8');
    expect(onDisk.trim().split('\n')).toHaveLength(5);
    expect(onDisk).not.toContain('admin');
    expect(onDisk).not.toContain('WRONG_PASSWORD');

    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    again.clock.advance(10 * 60_000); // the throttle outlives the restart: past its wait
    const admin = await login(again, ADMIN.username, ADMIN.password);
    const failed = (await allAudit(again, admin)).filter((e) => e.action === 'auth.login' && e.outcome === 'failed');
    expect(failed).toHaveLength(5);
    expect(failed.every((e) => e.username === 'admin' && (e.details as { reason: string }).reason === 'WRONG_PASSWORD')).toBe(true);
    expect(existsSync(join(t.dir, AUDIT_PENDING_FILE))).toBe(false);
    expect((await again.ok(admin, 'audit.verify', {})).ok).toBe(true);
  });
});

describe('the throttle outlives the host, per user', () => {
  const R = { username: 'qian.reviewer', displayName: '钱审核', password: 'Reviewer-Pass-2026', roles: ['reviewer'] };

  it('wrong unlocks: three make the user wait, here and after a restart; the others do not; each try on record', async () => {
    const t = await freshArchive(temp);
    const c = await addUser(t, t.admin, R);
    await t.ok(c.session, 'auth.lock', {});
    for (let i = 0; i < 3; i++) expect((await t.fail(c.session, 'auth.unlock', { password: `guess-${i}` })).code).toBe('WRONG_PASSWORD');
    expect((await t.fail(c.session, 'auth.unlock', { password: R.password })).code).toBe('RATE_LIMITED');
    await login(t, ADMIN.username, ADMIN.password); // someone else is not slowed down

    await t.host.close();
    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    const waiting = await again.fail(null, 'auth.login', { username: R.username, password: R.password });
    expect(waiting).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } });
    const admin = await login(again, ADMIN.username, ADMIN.password);
    again.clock.advance(60_000);
    await login(again, R.username, R.password);

    const tries = (await allAudit(again, admin)).filter((e) => e.username === R.username && e.outcome === 'failed');
    expect(tries.map((e) => `${e.action} ${(e.details as { reason: string }).reason}`)).toEqual([
      'auth.unlock WRONG_PASSWORD',
      'auth.unlock WRONG_PASSWORD',
      'auth.unlock WRONG_PASSWORD',
      'auth.unlock RATE_LIMITED',
      'auth.login RATE_LIMITED',
    ]);
  });

  it('wrong recovery codes: three make recovery wait, after a restart too; each try on record', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.logout', {});
    const recover = (code: string) => ({ recoveryCode: code, username: ADMIN.username, newPassword: 'Recovered-Admin-2026!' });
    for (const wrong of ['0000-0000-0000-0000-0000-0000-0000-0000', '1111-1111-1111-1111-1111-1111-1111-1111', '2222-2222-2222-2222-2222-2222-2222-2222']) {
      expect((await t.fail(null, 'auth.recover', recover(wrong))).code).toBe('WRONG_RECOVERY_CODE');
    }
    expect((await t.fail(null, 'auth.recover', recover(t.recoveryCode))).code).toBe('RATE_LIMITED');

    await t.host.close();
    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    expect((await again.fail(null, 'auth.recover', recover(t.recoveryCode))).code).toBe('RATE_LIMITED');
    await login(again, ADMIN.username, ADMIN.password); // the administrator's own password is another throttle
    again.clock.advance(60_000);
    const { session } = await again.ok(null, 'auth.recover', recover(t.recoveryCode));

    const tries = (await allAudit(again, session)).filter((e) => e.action === 'auth.recover' && e.outcome === 'failed');
    expect(tries.map((e) => (e.details as { reason: string }).reason)).toEqual([
      'WRONG_RECOVERY_CODE',
      'WRONG_RECOVERY_CODE',
      'WRONG_RECOVERY_CODE',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    expect(tries.every((e) => e.username === ADMIN.username)).toBe(true);
  });

  it('wrong logins: the restarted host still makes the name wait, and the file it keeps names no one', async () => {
    const t = await freshArchive(temp);
    await t.ok(t.admin, 'auth.logout', {});
    for (let i = 0; i < 3; i++) expect((await t.fail(null, 'auth.login', { username: R.username, password: `wrong-${i}` })).code).toBe('WRONG_PASSWORD');
    await t.host.close();
    for (const name of readdirSync(t.dir)) {
      if (statSync(join(t.dir, name)).isFile()) expect(readFileSync(join(t.dir, name)).toString('latin1')).not.toContain(R.username);
    }
    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    expect((await again.fail(null, 'auth.login', { username: R.username, password: 'wrong-3' })).code).toBe('RATE_LIMITED');
    await login(again, ADMIN.username, ADMIN.password);
  });
});
