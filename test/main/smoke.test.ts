import { afterEach, describe, expect, it } from 'vitest';
import { setUpArchive, tempDir, testHost, ADMIN } from './helpers';

describe('smoke', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));
  it('sets up, logs in', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const t = testHost(dir);
    expect(await t.ok(null, 'archive.status', {})).toEqual({ initialized: false, dir });
    const { session, recoveryCode } = await setUpArchive(t);
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const me = await t.ok(session, 'auth.me', {});
    expect(me.username).toBe('admin');
    const login = await t.ok(null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.user.permissions).toContain('users.manage');
    const log = await t.ok(session, 'audit.list', { limit: 10 });
    console.log(log.entries.map((e) => [e.seq, e.action, e.username]));
    expect(await t.ok(session, 'audit.verify', {})).toMatchObject({ ok: true });
    await t.host.close();
  });
});
