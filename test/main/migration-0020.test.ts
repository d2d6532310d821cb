import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { applyWorkingPragmas, openEncrypted } from '../../src/main/archive/database';
import { appliedMigrations } from '../../src/main/archive/migrate';
import { MIGRATIONS } from '../../src/main/archive/migrations';
import { useTempDirs } from './helpers';

const temp = useTempDirs();

describe('migration 0020-customers', () => {
  it('upgrades an archive made before it: tables, search indexes, department prefixes, grants to the default roles', async () => {
    const dir = temp.make();
    const db = openEncrypted(join(dir, 'old.db'), randomBytes(32), { create: true });
    try {
      applyWorkingPragmas(db);
      // An archive as the first release left it: only 0010, with its default rows.
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) });
      const migrator = new Migrator({
        db: old,
        provider: { getMigrations: async () => ({ '0010-foundation': MIGRATIONS['0010-foundation']! }) },
        migrationTableName: 'kysely_migration',
        migrationLockTableName: 'kysely_migration_lock',
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      db.prepare(`INSERT INTO departments (id, code, name, kind, created_at) VALUES ('d1', 'business', '业务部门', 'business', 'x'), ('d2', 'custom', '自建部门', 'other', 'x')`).run();
      db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'credit_manager', '信用管理部门', 1, 'x'), ('r2', 'auditor', '内部审计', 1, 'x')`).run();
      db.prepare(`INSERT INTO role_permissions (role_id, permission) VALUES ('r2', 'audit.read')`).run();

      // Up to this migration only: later ones have their own tests.
      const upTo0020 = new Migrator({
        db: old,
        provider: { getMigrations: async () => ({ '0010-foundation': MIGRATIONS['0010-foundation']!, '0020-customers': MIGRATIONS['0020-customers']! }) },
        migrationTableName: 'kysely_migration',
        migrationLockTableName: 'kysely_migration_lock',
      });
      expect((await upTo0020.migrateToLatest()).error).toBeUndefined();
      expect(appliedMigrations(db)).toEqual(['0010-foundation', '0020-customers']);

      const prefixes = db.prepare('SELECT code, contract_prefix FROM departments ORDER BY code').all();
      expect(prefixes).toEqual([
        { code: 'business', contract_prefix: 'YW' },
        { code: 'custom', contract_prefix: null },
      ]);
      const grants = (role: string) =>
        db.prepare('SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission').pluck().all(role);
      expect(grants('r1')).toEqual(['customers.import', 'customers.read', 'customers.verify', 'customers.write', 'documents.read', 'documents.write']);
      expect(grants('r2')).toEqual(['audit.read']);

      const plan = (sql: string, ...params: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      // A name fragment is an index lookup; so are a credit-code prefix and a contract number.
      expect(plan('SELECT customer_id FROM search_grams WHERE gram = ?', '华东')).toMatch(/PRIMARY KEY|COVERING INDEX/);
      expect(plan('SELECT id FROM customers WHERE credit_code >= ? AND credit_code < ?', '9131', '9131\uffff')).toMatch(/INDEX sqlite_autoindex_customers/);
      expect(plan('SELECT customer_id FROM contracts WHERE contract_no >= ? AND contract_no < ?', 'YW-2026', 'YW-2026\uffff')).toMatch(/INDEX sqlite_autoindex_contracts/);
      expect(plan('SELECT * FROM transactions WHERE customer_id = ? ORDER BY occurred_on DESC', 'c')).toMatch(/INDEX transactions_customer/);
      expect(plan('SELECT * FROM document_chunks WHERE document_id = ? ORDER BY n', 'd')).not.toMatch(/TEMP B-TREE/);
    } finally {
      db.close();
    }
  });
});
