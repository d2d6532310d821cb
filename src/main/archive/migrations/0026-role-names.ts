import type { Kysely } from 'kysely';

// Roles named like departments (the header read "信用管理部门 · 信用管理部门"): the
// default roles get names of their own. Only a built-in role that still has its old
// default name is renamed; a name an administrator chose stays.
// A migration stays as it was written, forever: it imports no application code.

const RENAMES: readonly { code: string; from: string; to: string }[] = [
  { code: 'credit_manager', from: '信用管理部门', to: '信用经理' },
  { code: 'legal', from: '法律事务', to: '法务专员' },
  { code: 'auditor', from: '内部审计', to: '内部审计员' },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const { code, from, to } of RENAMES) {
    await db.updateTable('roles').set({ name: to }).where('code', '=', code).where('name', '=', from).execute();
  }
}
