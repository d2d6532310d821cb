// The host scores a new password as the form does (src/shared/domain/password-strength):
// a guessable one is VALIDATION with a translated reason, whoever sets it, and nothing changes.
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/contract';
import { SEAM_MESSAGES } from '../../src/shared/messages';
import { ADMIN, COMPANY, addUser, directory, freshArchive, login, setUpArchive, testHost, useTempDirs } from './helpers';

const temp = useTempDirs();
const WEAK = 'aaaaaaaaaa';
const C = { username: 'zhou.clerk', displayName: '周文员', password: 'Clerk-Pass-2026!', roles: ['reviewer'] };

function expectTooWeak(error: ErrorBody, ...path: string[]): void {
  expect(error.code).toBe('VALIDATION');
  expect(error.details).toEqual([expect.objectContaining({ path, message: 'passwordTooWeak' })]);
  // The reason has its words in both languages.
  expect(SEAM_MESSAGES['zh-CN'].reasons.passwordTooWeak).toMatch(/密码/);
  expect(SEAM_MESSAGES['en-US'].reasons.passwordTooWeak).toMatch(/password/i);
}

describe('a guessable new password is refused by the host', () => {
  it('at setup: no archive is made', async () => {
    const t = testHost(temp.make());
    temp.track(t.host);
    expectTooWeak(await t.fail(null, 'archive.setup', { companyName: COMPANY, admin: { ...ADMIN, password: WEAK } }), 'admin', 'password');
    expect((await t.ok(null, 'archive.status', {})).initialized).toBe(false);
    // The company's name is guessable too, as the wizard counts it.
    expectTooWeak(await t.fail(null, 'archive.setup', { companyName: 'Zhongshan-Precision', admin: { ...ADMIN, password: 'Zhongshan-Precision' } }), 'admin', 'password');
    await setUpArchive(t); // a strong one is taken
  });

  it('users.create: no user is made', async () => {
    const t = await freshArchive(temp);
    const dir = await directory(t, t.admin);
    const before = await t.ok(t.admin, 'users.list', {});
    const spec = { username: 'li.weak', displayName: '李弱', departmentId: dir.department('credit'), roleIds: [dir.role('reviewer')] };
    expectTooWeak(await t.fail(t.admin, 'users.create', { ...spec, password: WEAK }), 'password');
    // The user's own name is guessable too, as the form counts it.
    expectTooWeak(await t.fail(t.admin, 'users.create', { ...spec, password: 'li.weakli.weak' }), 'password');
    expect(await t.ok(t.admin, 'users.list', {})).toEqual(before);
    expect((await t.fail(null, 'auth.login', { username: 'li.weak', password: WEAK })).code).toBe('WRONG_PASSWORD');
  });

  it('users.resetPassword: the old password still opens', async () => {
    const t = await freshArchive(temp);
    const c = await addUser(t, t.admin, C);
    expectTooWeak(await t.fail(t.admin, 'users.resetPassword', { id: c.user.id, newPassword: WEAK }), 'newPassword');
    await login(t, C.username, C.password);
  });

  it('auth.changePassword: the current password stays', async () => {
    const t = await freshArchive(temp);
    const c = await addUser(t, t.admin, C);
    expectTooWeak(await t.fail(c.session, 'auth.changePassword', { currentPassword: C.password, newPassword: WEAK }), 'newPassword');
    await login(t, C.username, C.password);
  });

  it('auth.recover: the administrator keeps the password', async () => {
    const t = testHost(temp.make());
    temp.track(t.host);
    const { session, recoveryCode } = await setUpArchive(t);
    await t.ok(session, 'auth.logout', {});
    expectTooWeak(await t.fail(null, 'auth.recover', { recoveryCode, username: ADMIN.username, newPassword: WEAK }), 'newPassword');
    await login(t, ADMIN.username, ADMIN.password);
  });
});
