// Separation of duties (issue 11 item 13): an administrator cannot give a role they hold a
// customer, evaluation, approval or audit permission, nor give themselves such a role; the
// change is proposed and another administrator confirms (or refuses) it.
import { describe, expect, it } from 'vitest';
import type { ErrorBody, RefusalReason } from '../../src/shared/contract';
import { refusalText, SEAM_MESSAGES } from '../../src/shared/messages';
import { SEPARATED_PERMISSIONS } from '../../src/shared/domain/separation';
import { ADMIN, addUser, allAudit, directory, freshArchive, login, useTempDirs } from './helpers';

const temp = useTempDirs();
const B = { username: 'zhao.admin', displayName: '赵敏', password: 'Second-Admin-2026', roles: ['sysadmin'] };

async function twoAdministrators() {
  const t = await freshArchive(temp);
  const b = await addUser(t, t.admin, B);
  const dir = await directory(t, t.admin);
  const sysadmin = dir.role('sysadmin');
  const permissionsOf = async (roleId: string) => (await t.ok(t.admin, 'roles.list', {})).find((r) => r.id === roleId)!.permissions;
  return { t, a: t.admin, b: b.session, bUser: b.user, dir, sysadmin, permissionsOf };
}

function expectRefused(error: ErrorBody, reason: string) {
  expect(error).toMatchObject({ code: 'CONFLICT', details: { reason } });
  // Said in words in both languages, not as the error code's general sentence.
  expect(refusalText('zh-CN', error)).toBe(SEAM_MESSAGES['zh-CN'].reasons[reason as RefusalReason]);
  expect(refusalText('en-US', error)).toBe(SEAM_MESSAGES['en-US'].reasons[reason as RefusalReason]);
  expect(refusalText('zh-CN', error)).not.toBe(SEAM_MESSAGES['zh-CN'].errors.CONFLICT);
}

describe('an administrator alone', () => {
  it('cannot give a role they hold any customer, evaluation, approval or audit permission; nothing changes', async () => {
    const w = await twoAdministrators();
    const before = await w.permissionsOf(w.sysadmin);
    const missing = SEPARATED_PERMISSIONS.filter((p) => !before.includes(p));
    expect(missing).toEqual(expect.arrayContaining(['customers.read', 'evaluations.manage', 'documents.read', 'creditLimits.request']));
    for (const permission of missing) {
      const error = await w.t.fail(w.a, 'roles.update', { id: w.sysadmin, permissions: [...before, permission] });
      expectRefused(error, 'secondAdministratorNeeded');
      expect(error.details).toMatchObject({ permissions: [permission] });
    }
    expect(await w.permissionsOf(w.sysadmin)).toEqual(before);
    expect((await allAudit(w.t, w.a)).filter((e) => e.action === 'roles.update' && e.outcome === 'ok')).toEqual([]);
  });

  it('may still take permissions away, add others, and change roles they do not hold', async () => {
    const w = await twoAdministrators();
    await w.t.ok(w.a, 'roles.update', { id: w.sysadmin, permissions: ['users.manage', 'roles.manage', 'settings.manage', 'calendar.manage'] });
    await w.t.ok(w.a, 'roles.update', { id: w.dir.role('reviewer'), permissions: ['customers.read', 'evaluations.take_part', 'audit.read'] });
  });

  it('cannot give themselves a role with such permissions; another administrator can', async () => {
    const w = await twoAdministrators();
    const me = (await w.t.ok(w.a, 'auth.me', {}));
    const update = { id: me.id, displayName: me.displayName, departmentId: w.dir.department('credit'), roleIds: [w.sysadmin, w.dir.role('credit_manager')] };
    expectRefused(await w.t.fail(w.a, 'users.update', update), 'ownSeparatedGrant');
    expect((await w.t.ok(w.a, 'auth.me', {})).permissions).not.toContain('customers.read');
    await w.t.ok(w.b, 'users.update', update);
    expect((await w.t.ok(w.a, 'auth.me', {})).permissions).toContain('customers.read');
  });
});

describe('two administrators', () => {
  it('one proposes, the other confirms: the change takes effect, each step on record under its author', async () => {
    const w = await twoAdministrators();
    const before = await w.permissionsOf(w.sysadmin);
    const after = [...before, 'audit.read', 'customers.read'];
    const proposal = await w.t.ok(w.a, 'roles.proposeChange', { id: w.sysadmin, permissions: after as never });
    expect(proposal).toMatchObject({ state: 'pending', roleId: w.sysadmin, before, proposedByName: ADMIN.displayName, gains: ['customers.read'] });
    expect(await w.permissionsOf(w.sysadmin)).toEqual(before); // nothing yet

    // Not by the one who proposed it.
    expectRefused(await w.t.fail(w.a, 'roles.confirmChange', { id: proposal.id }), 'ownProposal');

    const pending = await w.t.ok(w.b, 'roles.changes', {});
    expect(pending.map((c) => [c.id, c.state])).toEqual([[proposal.id, 'pending']]);
    const role = await w.t.ok(w.b, 'roles.confirmChange', { id: proposal.id });
    expect(role.permissions).toContain('customers.read');
    expect((await w.t.ok(w.a, 'auth.me', {})).permissions).toContain('customers.read');
    const [done] = await w.t.ok(w.a, 'roles.changes', {});
    expect(done).toMatchObject({ state: 'confirmed', decidedByName: B.displayName });

    const log = (await allAudit(w.t, w.a)).filter((e) => e.action.startsWith('roles.') && e.outcome === 'ok');
    expect(log.map((e) => [e.action, e.username])).toEqual([
      ['roles.proposeChange', ADMIN.username],
      ['roles.confirmChange', B.username],
    ]);
    expect(log[1]!.details).toMatchObject({ before, after: [...new Set(after)].sort(), proposedBy: ADMIN.username });
    // Decided once.
    expectRefused(await w.t.fail(w.b, 'roles.confirmChange', { id: proposal.id }), 'proposalDecided');
  });

  it('the other refuses with a reason: nothing changes, the proposal is closed', async () => {
    const w = await twoAdministrators();
    const before = await w.permissionsOf(w.sysadmin);
    const proposal = await w.t.ok(w.b, 'roles.proposeChange', { id: w.sysadmin, permissions: [...before, 'evaluations.manage'] });
    const refused = await w.t.ok(w.a, 'roles.rejectChange', { id: proposal.id, reason: '管理员不参与信用评审' });
    expect(refused).toMatchObject({ state: 'rejected', decidedByName: ADMIN.displayName, reason: '管理员不参与信用评审' });
    expect(await w.permissionsOf(w.sysadmin)).toEqual(before);
    expectRefused(await w.t.fail(w.b, 'roles.confirmChange', { id: proposal.id }), 'proposalDecided');
    expect((await w.t.fail(w.a, 'roles.rejectChange', { id: proposal.id, reason: '  ' })).code).toBe('VALIDATION');
  });

  it('a role changed since the proposal is not changed by confirming it', async () => {
    const w = await twoAdministrators();
    const before = await w.permissionsOf(w.sysadmin);
    const proposal = await w.t.ok(w.a, 'roles.proposeChange', { id: w.sysadmin, permissions: [...before, 'customers.read'] });
    await w.t.ok(w.a, 'roles.update', { id: w.sysadmin, permissions: before.filter((p) => p !== 'calendar.manage') });
    expectRefused(await w.t.fail(w.b, 'roles.confirmChange', { id: proposal.id }), 'roleChangedSinceProposal');
    expect(await w.permissionsOf(w.sysadmin)).not.toContain('customers.read');
  });

  it('a user who is no administrator sees no proposals and decides none', async () => {
    const w = await twoAdministrators();
    const r = await addUser(w.t, w.a, { username: 'qian.reviewer', displayName: '钱审核', password: 'Reviewer-Pass-2026', roles: ['reviewer'] });
    const proposal = await w.t.ok(w.a, 'roles.proposeChange', { id: w.sysadmin, permissions: [...(await w.permissionsOf(w.sysadmin)), 'customers.read'] });
    expect((await w.t.fail(r.session, 'roles.changes', {})).code).toBe('FORBIDDEN');
    expect((await w.t.fail(r.session, 'roles.confirmChange', { id: proposal.id })).code).toBe('FORBIDDEN');
    await login(w.t, ADMIN.username, ADMIN.password);
  });
});
