import { describe, expect, it } from 'vitest';
import { appliedMigrations, migrateToLatest } from '../../../src/main/archive/migrate';
import { explainQueryPlan, migrateTo, schemaNames, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

describe('migration 0020-customers', () => {
  it('upgrades an archive made before it: tables, search indexes, department prefixes, grants to the default roles', async () => {
    const db = freshDatabase();
    // An archive as the first release left it: only 0010, with its default rows.
    await migrateTo(db, '0010-foundation');
    db.prepare(`INSERT INTO departments (id, code, name, kind, created_at) VALUES ('d1', 'business', '业务部门', 'business', 'x'), ('d2', 'custom', '自建部门', 'other', 'x')`).run();
    db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'credit_manager', '信用管理部门', 1, 'x'), ('r2', 'auditor', '内部审计', 1, 'x')`).run();
    db.prepare(`INSERT INTO role_permissions (role_id, permission) VALUES ('r2', 'audit.read')`).run();

    await migrateTo(db, '0020-customers');
    expect(appliedMigrations(db)).toEqual(['0010-foundation', '0020-customers']);
    expect(schemaNames(db, 'table')).toEqual(expect.arrayContaining([
      'contracts', 'credit_events', 'credit_reports', 'customer_contacts', 'customers', 'document_chunks', 'documents',
      'feedback', 'payments', 'qualifications', 'search_grams', 'transactions',
    ]));

    const prefixes = db.prepare('SELECT code, contract_prefix FROM departments ORDER BY code').all();
    expect(prefixes).toEqual([
      { code: 'business', contract_prefix: 'YW' },
      { code: 'custom', contract_prefix: null },
    ]);
    const grants = (role: string) =>
      db.prepare('SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission').pluck().all(role);
    expect(grants('r1')).toEqual(['customers.import', 'customers.read', 'customers.verify', 'customers.write', 'documents.read', 'documents.write']);
    expect(grants('r2')).toEqual(['audit.read']);

    // A name fragment is an index lookup; so are a credit-code prefix and a contract number.
    expect(explainQueryPlan(db, 'SELECT customer_id FROM search_grams WHERE gram = ?', '华东')).toMatch(/PRIMARY KEY|COVERING INDEX/);
    expect(explainQueryPlan(db, 'SELECT id FROM customers WHERE credit_code >= ? AND credit_code < ?', '9131', '9131\uffff')).toMatch(/INDEX sqlite_autoindex_customers/);
    expect(explainQueryPlan(db, 'SELECT customer_id FROM contracts WHERE contract_no >= ? AND contract_no < ?', 'YW-2026', 'YW-2026\uffff')).toMatch(/INDEX sqlite_autoindex_contracts/);
    expect(explainQueryPlan(db, 'SELECT * FROM transactions WHERE customer_id = ? ORDER BY occurred_on DESC', 'c')).toMatch(/INDEX transactions_customer/);
    expect(explainQueryPlan(db, 'SELECT * FROM document_chunks WHERE document_id = ? ORDER BY n', 'd')).not.toMatch(/TEMP B-TREE/);

    // And the later migrations run over it.
    await migrateToLatest(db);
  });
});
