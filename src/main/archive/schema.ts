import type { Generated, Insertable, Selectable } from 'kysely';

// The tables of the archive as Kysely sees them. Migrations do not import this file
// (they stay as written, with Kysely<any>); application code does.

export interface MetaTable {
  key: string;
  value: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface DepartmentsTable {
  id: string;
  code: string;
  name: string;
  kind: 'credit' | 'business' | 'other';
  created_at: string;
}

export interface RolesTable {
  id: string;
  code: string;
  name: string;
  builtin: number;
  created_at: string;
}

export interface RolePermissionsTable {
  role_id: string;
  permission: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  department_id: string;
  active: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role_id: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target: string | null;
  purpose: string | null;
  details: string; // JSON
  prev_hash: string;
  hash: string;
}

export interface DB {
  meta: MetaTable;
  settings: SettingsTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
