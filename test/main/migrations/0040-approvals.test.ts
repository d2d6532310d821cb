import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { applyWorkingPragmas, openEncrypted } from '../../../src/main/archive/database';
import { appliedMigrations, migrateToLatest } from '../../../src/main/archive/migrate';
import { MIGRATIONS, MIGRATION_NAMES } from '../../../src/main/archive/migrations';
import { DEFAULT_CHAINS } from '../../../src/shared/domain/approvals';
import { useTempDirs } from '../helpers';

const temp = useTempDirs();

describe('migrations 0040-approvals and 0045-credit-limits', () => {
  it('upgrade an archive made before them: the default chains, the roles they name, grants, and indexed inbox queries', async () => {
    const db = openEncrypted(join(temp.make(), 'old.db'), randomBytes(32), { create: true });
    try {
      applyWorkingPragmas(db);
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) });
      const migrator = new Migrator({
        db: old,
        provider: { getMigrations: async () => ({ '0010-foundation': MIGRATIONS['0010-foundation']!, '0020-customers': MIGRATIONS['0020-customers']! }) },
        migrationTableName: 'kysely_migration',
        migrationLockTableName: 'kysely_migration_lock',
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'credit_manager', '信用管理部门', 1, 'x'), ('r2', 'sysadmin', '系统管理员', 1, 'x'), ('r3', 'dept_manager', '部门经理', 1, 'x')`).run();

      await migrateToLatest(db);
      expect(appliedMigrations(db)).toEqual(MIGRATION_NAMES);

      // The default chains, version 1, exactly as the engine ships them today.
      const bodies = db.prepare('SELECT id, version, body FROM approval_definitions ORDER BY id').all() as { id: string; version: number; body: string }[];
      expect(bodies.map((b) => JSON.parse(b.body))).toEqual([...DEFAULT_CHAINS].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(bodies.every((b) => b.version === 1)).toBe(true);

      // Every role a default chain names exists, none named like a department.
      const roles = db.prepare('SELECT code, name FROM roles ORDER BY code').all() as { code: string; name: string }[];
      expect(roles.map((r) => r.code)).toEqual(expect.arrayContaining(['co_department', 'leadership', 'legal', 'general_manager', 'finance_manager', 'marketing_vp', 'general_affairs_manager']));
      expect(roles.find((r) => r.code === 'credit_manager')!.name).toBe('信用经理');
      expect(roles.find((r) => r.code === 'dept_manager')!.name).toBe('部门经理');
      const grants = (role: string) => db.prepare('SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission').pluck().all(role);
      expect(grants('r1')).toContain('creditLimits.request');
      expect(grants('r2')).toContain('approvals.manage');

      const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('departments')).toContain('head_user_id');
      expect(columns('customers')).toEqual(expect.arrayContaining(['credit_limit_fen', 'credit_term_days', 'credit_limit_since']));

      const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan('SELECT chain_id FROM approval_seats WHERE user_id = ? ORDER BY deadline_day, opened_at', 'u')).toMatch(/approval_seats_waiting|PRIMARY KEY/);
      expect(plan('SELECT * FROM approval_chains WHERE author_id = ? ORDER BY submitted_at DESC', 'u')).toMatch(/INDEX approval_chains_author/);
      expect(plan('SELECT * FROM approval_decisions WHERE actor_id = ? ORDER BY at DESC', 'u')).toMatch(/INDEX approval_decisions_actor/);
      expect(plan('SELECT * FROM credit_limit_history WHERE customer_id = ? ORDER BY effective_at DESC', 'c')).toMatch(/INDEX credit_limit_history_customer/);
    } finally {
      db.close();
    }
  });
});
