import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../src/shared/domain/permissions';
import { ownRolesChangeNeedsSecond, roleChangeNeedsSecond, SEPARATED_PERMISSIONS, separatedGains } from '../../src/shared/domain/separation';

describe('which permissions are separated from administration', () => {
  it('customer files, documents, credit limits, evaluations, approvals and audit; not users, roles, settings, calendar', () => {
    expect([...SEPARATED_PERMISSIONS].sort()).toEqual(
      PERMISSIONS.filter((p) => /^(customers|documents|creditLimits|evaluations|approvals|audit)\./.test(p)).sort(),
    );
    for (const p of ['users.manage', 'roles.manage', 'settings.manage', 'calendar.manage'] as const) expect(SEPARATED_PERMISSIONS).not.toContain(p);
  });
});

describe('roleChangeNeedsSecond', () => {
  it.each([
    [true, ['users.manage'], ['users.manage', 'customers.read'], ['customers.read']],
    [true, ['users.manage', 'audit.read'], ['users.manage', 'audit.read'], []],
    [true, ['users.manage', 'audit.read'], ['users.manage'], []],
    [true, ['users.manage'], ['users.manage', 'calendar.manage'], []],
    [false, ['users.manage'], ['users.manage', 'customers.read'], []],
    [true, [], ['evaluations.manage', 'approvals.manage', 'audit.read'], ['approvals.manage', 'audit.read', 'evaluations.manage']],
  ] as const)('holds=%s %j → %j needs a second for %j', (actorHoldsRole, before, after, needs) => {
    expect(roleChangeNeedsSecond({ actorHoldsRole, before: [...before], after: [...after] })).toEqual(needs);
  });

  const perms = fc.subarray([...PERMISSIONS] as Permission[]);
  it('needs a second administrator exactly when the actor holds the role and it gains a separated permission', () => {
    fc.assert(
      fc.property(fc.boolean(), perms, perms, (actorHoldsRole, before, after) => {
        const needs = roleChangeNeedsSecond({ actorHoldsRole, before, after });
        const gains = after.filter((p) => !before.includes(p) && SEPARATED_PERMISSIONS.includes(p));
        expect(needs.length > 0).toBe(actorHoldsRole && gains.length > 0);
        expect(needs.every((p) => after.includes(p) && !before.includes(p))).toBe(true);
      }),
    );
  });

  it('taking permissions away never needs a second administrator', () => {
    fc.assert(
      fc.property(perms, fc.func(fc.boolean()), (before, keep) => {
        const after = before.filter((p) => keep(p));
        expect(separatedGains(before, after)).toEqual([]);
        expect(ownRolesChangeNeedsSecond({ self: true, before, after })).toEqual([]);
      }),
    );
  });
});
