import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../src/shared/contract';
import { ADMIN, addUser, directory, freshArchive, freshArchiveWithNoRightsRole, login, NO_RIGHTS_ROLE, readSlots, useTempDirs } from './helpers';
import { HOST_METHODS, validInputs } from './samples';

const temp = useTempDirs();

const PROTECTED = HOST_METHODS.filter((m) => contract[m].permission !== null);
const NON_PUBLIC = HOST_METHODS.filter((m) => contract[m].access !== 'public');

describe('the sample inputs', () => {
  it('cover every host method of the contract, and each is valid', () => {
    const samples = validInputs({
      userId: '01900000-0000-7000-8000-000000000001',
      departmentId: '01900000-0000-7000-8000-000000000002',
      roleId: '01900000-0000-7000-8000-000000000003',
    });
    expect(Object.keys(samples).sort()).toEqual([...HOST_METHODS].sort());
    for (const m of HOST_METHODS) {
      const parsed = contract[m].input.safeParse(samples[m]);
      expect(parsed.success, `${m}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    // The walks below are not empty.
    expect(PROTECTED.length).toBeGreaterThanOrEqual(11);
    expect(NON_PUBLIC.length).toBeGreaterThan(PROTECTED.length);
  });
});

describe('FORBIDDEN', () => {
  it('every method that needs a permission refuses a user whose role grants none, and the refusal is on record', async () => {
    const t = await freshArchiveWithNoRightsRole(temp);
    const { role, department } = await directory(t, t.admin);
    const reviewer = await addUser(t, t.admin, {
      username: 'qian.reviewer',
      displayName: '钱评审',
      password: 'Reviewer-Pass-2026',
      roles: [NO_RIGHTS_ROLE],
    });
    expect((await t.ok(reviewer.session, 'auth.me', {})).permissions).toEqual([]);
    const adminId = (await t.ok(t.admin, 'auth.me', {})).id;
    // Each sample aims at what a low-privilege user would want: the administrator's
    // account, and more rights for their own role.
    const samples = validInputs({ userId: adminId, departmentId: department('credit'), roleId: role(NO_RIGHTS_ROLE) });

    const state = async () => ({
      users: await t.ok(t.admin, 'users.list', {}),
      roles: await t.ok(t.admin, 'roles.list', {}),
      settings: await t.ok(t.admin, 'settings.get', {}),
      slots: readSlots(t.dir),
    });
    const before = await state();
    const auditBefore = (await t.ok(t.admin, 'audit.list', { limit: 1 })).entries[0]!.seq;

    for (const method of PROTECTED) {
      const error = await t.fail(reviewer.session, method, samples[method]);
      expect(error.code, method).toBe('FORBIDDEN');
    }

    expect(await state()).toEqual(before);
    const { entries } = await t.ok(t.admin, 'audit.list', { userId: reviewer.user.id, limit: 500 });
    const denials = entries.filter((e) => e.seq > auditBefore);
    expect(denials.map((e) => e.action).sort()).toEqual([...PROTECTED].sort());
    for (const e of denials) expect(e).toMatchObject({ outcome: 'denied', username: 'qian.reviewer' });
    expect(await t.ok(t.admin, 'audit.verify', {})).toMatchObject({ ok: true });

    // The reviewer still has nothing, and the administrator still gets in as before.
    expect((await t.ok(reviewer.session, 'auth.me', {})).permissions).toEqual([]);
    await login(t, ADMIN.username, ADMIN.password);
  });

  it('an auditor reads the log but is refused everything else that needs a permission', async () => {
    const t = await freshArchive(temp);
    const { role, department } = await directory(t, t.admin);
    const auditor = await addUser(t, t.admin, {
      username: 'sun.auditor',
      displayName: '孙审计',
      password: 'Auditor-Pass-2026',
      roles: ['auditor'],
    });
    const samples = validInputs({ userId: auditor.user.id, departmentId: department('audit'), roleId: role('auditor') });
    for (const method of PROTECTED) {
      const r = await t.host.call(auditor.session, method, samples[method]);
      if (contract[method].permission === 'audit.read') expect(r.ok, method).toBe(true);
      else expect(r.ok ? 'ok' : r.error.code, method).toBe('FORBIDDEN');
    }
  });
});

describe('UNAUTHENTICATED', () => {
  it('every method that needs a session refuses no session, a garbage session and an ended one', async () => {
    const t = await freshArchiveWithNoRightsRole(temp);
    const { role, department } = await directory(t, t.admin);
    const samples = validInputs({ userId: (await t.ok(t.admin, 'auth.me', {})).id, departmentId: department('credit'), roleId: role(NO_RIGHTS_ROLE) });
    const ended = await login(t, ADMIN.username, ADMIN.password);
    await t.ok(ended, 'auth.logout', {});
    const slotsBefore = readSlots(t.dir);
    const lastSeq = async () => (await t.ok(t.admin, 'audit.list', { limit: 1 })).entries[0]!.seq;
    const auditBefore = await lastSeq();

    const garbage = [null, undefined, '', 'garbage', 'x'.repeat(43), ended, 42, { session: t.admin }];
    for (const method of NON_PUBLIC) {
      for (const token of garbage) {
        const r = await t.host.call(token as string | null, method, samples[method]);
        expect(r.ok ? 'ok' : r.error.code, `${method} with ${JSON.stringify(token)}`).toBe('UNAUTHENTICATED');
      }
    }
    expect(readSlots(t.dir)).toEqual(slotsBefore);
    expect(await lastSeq()).toBe(auditBefore);
  });

  it('public methods answer without a session', async () => {
    const t = await freshArchive(temp);
    const publicMethods = HOST_METHODS.filter((m) => contract[m].access === 'public');
    expect(publicMethods.sort()).toEqual(['archive.setup', 'archive.status', 'auth.login', 'auth.recover']);
    expect(await t.ok(null, 'archive.status', {})).toEqual({ initialized: true, dir: t.dir });
  });
});

describe('unknown methods', () => {
  it('are UNKNOWN_METHOD, including the transport\u2019s own and names from Object.prototype', async () => {
    const t = await freshArchive(temp);
    const shellMethods = METHOD_NAMES.filter((m) => contract[m].handledBy === 'shell');
    expect(shellMethods.length).toBeGreaterThan(0);
    for (const method of [...shellMethods, 'users.drop', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 42, null]) {
      const r = await t.host.call(t.admin, method as string, {});
      expect(r.ok ? 'ok' : r.error.code, String(method)).toBe('UNKNOWN_METHOD');
    }
  });
});
