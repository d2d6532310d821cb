import type { Kysely, Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/schemas';
import { isPermission, SYSADMIN_ROLE, type Permission } from '../../../shared/domain/permissions';
import type { DB } from '../../archive/schema';
import type { PartialHandlers } from '../../host/handler';
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

export const roleHandlers: PartialHandlers = {
  'roles.list': {
    run: ({ db }) => listRoles(db),
  },

  'roles.update': {
    async run({ input, db, audit }) {
      const [role] = await listRoles(db, input.id);
      if (!role) throw new ArchiveError('NOT_FOUND', 'no such role');
      const permissions = [...new Set(input.permissions)].sort();
      if (role.code === SYSADMIN_ROLE && SYSADMIN_KEEPS.some((p) => !permissions.includes(p))) {
        throw new ArchiveError('CONFLICT', 'the system administrator role keeps user and role management', {
          reason: 'sysadminKeeps',
        });
      }
      await db.deleteFrom('role_permissions').where('role_id', '=', role.id).execute();
      if (permissions.length > 0) {
        await db.insertInto('role_permissions').values(permissions.map((permission) => ({ role_id: role.id, permission }))).execute();
      }
      await assertAnAdministratorRemains(db);
      audit.target = `role:${role.id}`;
      audit.details = { before: role.permissions, after: permissions };
      const [updated] = await listRoles(db, role.id);
      return updated!;
    },
  },

};
