import type { Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import { isPermission, type Permission } from '../../../shared/domain/permissions';
import { ownRolesChangeNeedsSecond } from '../../../shared/domain/separation';
import { KeySlotKeeper } from '../../archive/archive';
import { loginNameKey } from '../../archive/keyslots';
import type { DB } from '../../archive/schema';
import type { PartialHandlers } from '../../host/handler';
import { assertStrongPassword } from '../auth/password';
import { assertAnAdministratorRemains, getUser, listUsers } from './queries';

async function assertDepartment(db: Transaction<DB>, id: string): Promise<void> {
  const found = await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new ArchiveError('NOT_FOUND', 'no such department', { field: 'departmentId' });
}

async function assertRoles(db: Transaction<DB>, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await db.selectFrom('roles').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw new ArchiveError('NOT_FOUND', 'no such role', { field: 'roleIds' });
  return unique;
}

/** Every permission the roles grant together. */
async function grantsOf(db: Transaction<DB>, roleIds: readonly string[]): Promise<Permission[]> {
  if (roleIds.length === 0) return [];
  const rows = await db.selectFrom('role_permissions').select('permission').distinct().where('role_id', 'in', [...roleIds]).execute();
  return rows.map((r) => r.permission).filter(isPermission);
}

async function setRoles(db: Transaction<DB>, userId: string, roleIds: string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db.insertInto('user_roles').values(roleIds.map((role_id) => ({ user_id: userId, role_id }))).execute();
}

export const userHandlers: PartialHandlers = {
  'users.list': {
    run: ({ db }) => listUsers(db),
  },

  'users.create': {
    async run({ input, db, host, now, audit, beforeCommit }) {
      assertStrongPassword(input.password, [input.username, input.displayName], ['password']);
      await assertDepartment(db, input.departmentId);
      const roleIds = await assertRoles(db, input.roleIds);
      // Compared as key slots compare names (Unicode case and NFC), not as SQLite's NOCASE
      // (ASCII only): two users whose names share a slot lookup could open each other's slot.
      const key = loginNameKey(input.username);
      const names = await db.selectFrom('users').select('username').execute();
      if (names.some((u) => loginNameKey(u.username) === key)) {
        throw new ArchiveError('CONFLICT', 'this user name is taken', { reason: 'usernameTaken', field: 'username' });
      }
      const id = host.ids.next();
      const at = now.toISOString();
      await db
        .insertInto('users')
        .values({
          id,
          username: input.username,
          display_name: input.displayName,
          department_id: input.departmentId,
          active: 1,
          must_change_password: 1, // the administrator knows this password: the user replaces it
          created_at: at,
          updated_at: at,
        })
        .execute();
      await setRoles(db, id, roleIds);
      audit.target = `user:${id}`;
      audit.details = { username: input.username, departmentId: input.departmentId, roleIds };
      const archive = host.archive()!;
      beforeCommit(() => host.slots.setUserPassword(archive, id, input.username, input.password));
      return getUser(db, id);
    },
  },

  'users.update': {
    async run({ input, db, now, audit, actor }) {
      const before = await getUser(db, input.id);
      await assertDepartment(db, input.departmentId);
      const roleIds = await assertRoles(db, input.roleIds);
      // Separation of duties: no administrator gives themselves credit, evaluation, approval or audit rights alone.
      if (input.id === actor!.userId) {
        const gains = ownRolesChangeNeedsSecond({ self: true, before: await grantsOf(db, before.roleIds), after: await grantsOf(db, roleIds) });
        if (gains.length > 0) {
          throw new ArchiveError('CONFLICT', 'another administrator must change your roles', { reason: 'ownSeparatedGrant', permissions: gains });
        }
      }
      await db
        .updateTable('users')
        .set({ display_name: input.displayName, department_id: input.departmentId, updated_at: now.toISOString() })
        .where('id', '=', input.id)
        .execute();
      await setRoles(db, input.id, roleIds);
      await assertAnAdministratorRemains(db);
      audit.target = `user:${input.id}`;
      audit.details = {
        before: { displayName: before.displayName, departmentId: before.departmentId, roleIds: before.roleIds },
        after: { displayName: input.displayName, departmentId: input.departmentId, roleIds },
      };
      return getUser(db, input.id);
    },
  },

  'users.resetPassword': {
    async run({ input, db, host, now, audit, beforeCommit, afterCommit }) {
      const user = await getUser(db, input.id);
      assertStrongPassword(input.newPassword, [user.username, user.displayName], ['newPassword']);
      // Resetting a deactivated user's password gives them access again, on purpose.
      await db
        .updateTable('users')
        .set({ must_change_password: 1, active: 1, updated_at: now.toISOString() })
        .where('id', '=', input.id)
        .execute();
      audit.target = `user:${input.id}`;
      audit.details = { reactivated: !user.active };
      const archive = host.archive()!;
      beforeCommit(() => host.slots.setUserPassword(archive, user.id, user.username, input.newPassword));
      afterCommit(() => host.endSessionsOf(user.id));
      return getUser(db, input.id);
    },
  },

  'users.deactivate': {
    async run({ input, db, host, now, actor, audit, afterCommit, beforeCommit }) {
      if (input.id === actor!.userId) {
        throw new ArchiveError('CONFLICT', 'you cannot deactivate yourself', { reason: 'self' });
      }
      const user = await getUser(db, input.id);
      if (!user.active) throw new ArchiveError('CONFLICT', 'this user is already deactivated', { reason: 'alreadyInactive' });
      await db.updateTable('users').set({ active: 0, updated_at: now.toISOString() }).where('id', '=', input.id).execute();
      await assertAnAdministratorRemains(db);
      audit.target = `user:${input.id}`;
      audit.details = { rotateKey: input.rotateKey };
      const archive = host.archive()!;
      // One step with the database change: the slot goes before the commit (if the file
      // cannot be written, nothing changes), and the rotation asked for is on record in the
      // same transaction, so a crash before it ran is finished at the next open.
      if (input.rotateKey) await KeySlotKeeper.requestRotation(db);
      beforeCommit(() => host.slots.removeUser(user.id));
      afterCommit(() => {
        host.endSessionsOf(user.id);
        if (!input.rotateKey) return;
        try {
          host.slots.finishPendingRotation(archive);
        } catch (e) {
          // Committed already: the request stays in the database and runs at the next open.
          console.error('[archive host] key rotation postponed to the next open:', (e as Error)?.message);
        }
      });
      return { ...user, active: false };
    },
  },
};
