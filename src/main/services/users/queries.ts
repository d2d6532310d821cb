import type { Kysely, Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import type { CurrentUser, User } from '../../../shared/contract/schemas';
import { isPermission, type Permission } from '../../../shared/domain/permissions';
import type { DB } from '../../archive/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** The permissions a user's roles grant; none for an inactive user. */
export async function permissionsOf(db: Db, userId: string): Promise<Set<Permission>> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('role_permissions', 'role_permissions.role_id', 'user_roles.role_id')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('role_permissions.permission')
    .where('user_roles.user_id', '=', userId)
    .where('users.active', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.permission).filter(isPermission));
}

/** What the router needs to know of the caller on every call. */
export async function callerState(
  db: Db,
  userId: string,
): Promise<{ active: boolean; mustChangePassword: boolean; permissions: Set<Permission> } | null> {
  const row = await db
    .selectFrom('users')
    .select(['active', 'must_change_password'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    permissions: await permissionsOf(db, userId),
  };
}

async function rolesOf(db: Db, userIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byUser = new Map<string, { id: string; name: string }[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['user_roles.user_id', 'roles.id', 'roles.name'])
    .where('user_roles.user_id', 'in', userIds)
    .orderBy('roles.created_at')
    .orderBy('roles.id')
    .execute();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ id: r.id, name: r.name });
    byUser.set(r.user_id, list);
  }
  return byUser;
}

function userQuery(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.department_id',
      'departments.name as department_name',
      'users.active',
      'users.must_change_password',
      'users.created_at',
    ]);
}

type UserJoinRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

function toUser(row: UserJoinRow, roles: { id: string; name: string }[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    roleIds: roles.map((r) => r.id),
    roleNames: roles.map((r) => r.name),
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await userQuery(db).orderBy('users.active', 'desc').orderBy('users.username').execute();
  const roles = await rolesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toUser(r, roles.get(r.id) ?? []));
}

export async function getUser(db: Db, id: string): Promise<User> {
  const row = await userQuery(db).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', 'no such user');
  const roles = await rolesOf(db, [id]);
  return toUser(row, roles.get(id) ?? []);
}

export async function findUserByName(db: Db, username: string): Promise<User | undefined> {
  const row = await userQuery(db).where('users.username', '=', username.trim()).executeTakeFirst();
  if (!row) return undefined;
  const roles = await rolesOf(db, [row.id]);
  return toUser(row, roles.get(row.id) ?? []);
}

export async function currentUserOf(db: Db, id: string): Promise<CurrentUser> {
  const user = await getUser(db, id);
  const permissions = await permissionsOf(db, id);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    departmentName: user.departmentName,
    roleNames: user.roleNames,
    permissions: [...permissions].sort(),
    mustChangePassword: user.mustChangePassword,
  };
}

/** Somebody must always be able to manage users: refuse a change that leaves no one. */
export async function assertAnAdministratorRemains(db: Db): Promise<void> {
  const admins = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('role_permissions', 'role_permissions.role_id', 'user_roles.role_id')
    .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
    .where('users.active', '=', 1)
    .where('role_permissions.permission', '=', 'users.manage')
    .executeTakeFirstOrThrow();
  if (Number(admins.n) === 0) {
    throw new ArchiveError('CONFLICT', 'at least one active user must keep the right to manage users', {
      reason: 'lastAdministrator',
    });
  }
}
