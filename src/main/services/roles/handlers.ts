import type { Kysely, Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import type { RoleChange } from '../../../shared/contract/roles';
import type { Role } from '../../../shared/contract/schemas';
import { roleChangeNeedsSecond, separatedGains } from '../../../shared/domain/separation';
import { isPermission, SYSADMIN_ROLE, type Permission } from '../../../shared/domain/permissions';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import { assertAnAdministratorRemains } from '../users/queries';

type Db = Kysely<DB> | Transaction<DB>;

/** The system administrator role always keeps these, so the archive stays manageable. */
const SYSADMIN_KEEPS: Permission[] = ['users.manage', 'roles.manage'];

async function listRoles(db: Db, id?: string): Promise<Role[]> {
  let q = db
    .selectFrom('roles')
    .select((eb) => [
      'roles.id',
      'roles.code',
      'roles.name',
      'roles.builtin',
      eb
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('user_roles.role_id', '=', 'roles.id')
        .where('users.active', '=', 1)
        .as('member_count'),
    ])
    .orderBy('roles.created_at')
    .orderBy('roles.id');
  if (id) q = q.where('roles.id', '=', id);
  const roles = await q.execute();
  const grants = await db.selectFrom('role_permissions').select(['role_id', 'permission']).execute();
  return roles.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    builtin: r.builtin === 1,
    permissions: grants
      .filter((g) => g.role_id === r.id)
      .map((g) => g.permission)
      .filter(isPermission)
      .sort(),
    memberCount: Number(r.member_count ?? 0),
  }));
}

async function findRole(db: Db, id: string): Promise<Role> {
  const [role] = await listRoles(db, id);
  if (!role) throw new ArchiveError('NOT_FOUND', 'no such role');
  return role;
}

/** The new permission set, checked against what the system administrator role must keep. */
function checkedPermissions(role: Role, requested: readonly Permission[]): Permission[] {
  const permissions = [...new Set(requested)].sort();
  if (role.code === SYSADMIN_ROLE && SYSADMIN_KEEPS.some((p) => !permissions.includes(p))) {
    throw new ArchiveError('CONFLICT', 'the system administrator role keeps user and role management', {
      reason: 'sysadminKeeps',
    });
  }
  return permissions;
}

async function holdsRole(db: Db, userId: string, roleId: string): Promise<boolean> {
  const row = await db.selectFrom('user_roles').select('role_id').where('user_id', '=', userId).where('role_id', '=', roleId).executeTakeFirst();
  return row !== undefined;
}

async function writePermissions(db: Db, roleId: string, permissions: readonly Permission[]): Promise<void> {
  await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
  if (permissions.length > 0) {
    await db.insertInto('role_permissions').values(permissions.map((permission) => ({ role_id: roleId, permission }))).execute();
  }
  await assertAnAdministratorRemains(db);
}

const asPermissions = (json: string): Permission[] => (JSON.parse(json) as string[]).filter(isPermission);
const samePermissions = (a: readonly Permission[], b: readonly Permission[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

async function listChanges(db: Db, id?: string): Promise<RoleChange[]> {
  let q = db
    .selectFrom('role_changes as c')
    .innerJoin('roles as r', 'r.id', 'c.role_id')
    .innerJoin('users as p', 'p.id', 'c.proposed_by')
    .leftJoin('users as d', 'd.id', 'c.decided_by')
    .select([
      'c.id', 'c.role_id', 'r.name as role_name', 'c.before', 'c.after', 'c.proposed_by', 'p.display_name as proposed_by_name',
      'c.proposed_at', 'c.state', 'c.decided_by', 'd.display_name as decided_by_name', 'c.decided_at', 'c.reason',
    ])
    // Pending first (oldest first, to be dealt with), then the latest 50 decided.
    .orderBy((eb) => eb.case().when('c.state', '=', 'pending').then(0).else(1).end())
    .orderBy((eb) => eb.case().when('c.state', '=', 'pending').then(eb.ref('c.proposed_at')).else(eb.val('')).end())
    .orderBy('c.decided_at', 'desc')
    .orderBy('c.id');
  if (id) q = q.where('c.id', '=', id);
  const rows = await q.execute();
  const pending = rows.filter((r) => r.state === 'pending');
  const decided = rows.filter((r) => r.state !== 'pending').slice(0, 50);
  return [...pending, ...decided].map((r) => {
    const before = asPermissions(r.before);
    const after = asPermissions(r.after);
    return {
      id: r.id,
      roleId: r.role_id,
      roleName: r.role_name,
      before,
      after,
      gains: separatedGains(before, after),
      proposedBy: r.proposed_by,
      proposedByName: r.proposed_by_name,
      proposedAt: r.proposed_at,
      state: r.state,
      decidedBy: r.decided_by,
      decidedByName: r.decided_by_name ?? null,
      decidedAt: r.decided_at,
      reason: r.reason,
    };
  });
}

/** A pending proposal another administrator than its author may decide. */
async function pendingChange(db: Db, id: string, actor: Actor): Promise<RoleChange> {
  const [change] = await listChanges(db, id);
  if (!change) throw new ArchiveError('NOT_FOUND', 'no such proposed role change');
  if (change.state !== 'pending') throw new ArchiveError('CONFLICT', 'this proposal has been decided', { reason: 'proposalDecided' });
  if (change.proposedBy === actor.userId) {
    throw new ArchiveError('CONFLICT', 'a second administrator decides a proposal', { reason: 'ownProposal' });
  }
  return change;
}

export const roleHandlers: PartialHandlers = {
  'roles.list': {
    run: ({ db }) => listRoles(db),
  },

  'roles.update': {
    async run({ input, db, actor, audit }) {
      const role = await findRole(db, input.id);
      const permissions = checkedPermissions(role, input.permissions);
      // Separation of duties: not alone into a role one holds (shared/domain/separation.ts).
      const needs = roleChangeNeedsSecond({ actorHoldsRole: await holdsRole(db, actor!.userId, role.id), before: role.permissions, after: permissions });
      if (needs.length > 0) {
        throw new ArchiveError('CONFLICT', 'a second administrator must confirm this change', {
          reason: 'secondAdministratorNeeded',
          permissions: needs,
        });
      }
      await writePermissions(db, role.id, permissions);
      audit.target = `role:${role.id}`;
      audit.details = { before: role.permissions, after: permissions };
      return findRole(db, role.id);
    },
  },

  'roles.proposeChange': {
    async run({ input, db, actor, audit, host, now }) {
      const role = await findRole(db, input.id);
      const permissions = checkedPermissions(role, input.permissions);
      const id = host.ids.next();
      await db
        .insertInto('role_changes')
        .values({
          id,
          role_id: role.id,
          before: JSON.stringify(role.permissions),
          after: JSON.stringify(permissions),
          proposed_by: actor!.userId,
          proposed_at: now.toISOString(),
        })
        .execute();
      audit.target = `role:${role.id}`;
      audit.details = { change: id, before: role.permissions, after: permissions };
      const [change] = await listChanges(db, id);
      return change!;
    },
  },

  'roles.changes': {
    run: ({ db }) => listChanges(db),
  },

  'roles.confirmChange': {
    async run({ input, db, actor, audit, now }) {
      const change = await pendingChange(db, input.id, actor!);
      const role = await findRole(db, change.roleId);
      if (!samePermissions(role.permissions, change.before)) {
        throw new ArchiveError('CONFLICT', 'the role changed since this was proposed', { reason: 'roleChangedSinceProposal' });
      }
      const permissions = checkedPermissions(role, change.after);
      await writePermissions(db, role.id, permissions);
      await db
        .updateTable('role_changes')
        .set({ state: 'confirmed', decided_by: actor!.userId, decided_at: now.toISOString() })
        .where('id', '=', change.id)
        .execute();
      const proposer = await db.selectFrom('users').select('username').where('id', '=', change.proposedBy).executeTakeFirstOrThrow();
      audit.target = `role:${role.id}`;
      audit.details = { change: change.id, before: role.permissions, after: permissions, proposedBy: proposer.username };
      return findRole(db, role.id);
    },
  },

  'roles.rejectChange': {
    async run({ input, db, actor, audit, now }) {
      const change = await pendingChange(db, input.id, actor!);
      await db
        .updateTable('role_changes')
        .set({ state: 'rejected', decided_by: actor!.userId, decided_at: now.toISOString(), reason: input.reason })
        .where('id', '=', change.id)
        .execute();
      audit.target = `role:${change.roleId}`;
      audit.details = { change: change.id, reason: input.reason };
      const [decided] = await listChanges(db, change.id);
      return decided!;
    },
  },
};
