import { describe, expect, it } from 'vitest';
import { addUser, allAudit, freshArchive, useTempDirs } from './helpers';

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
