import { describe, expect, it } from 'vitest';
import { appliedMigrations } from '../../../src/main/archive/migrate';
import { explainQueryPlan, migrateTo, schemaNames, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

describe('migration 0010-foundation', () => {
  it('makes the users, roles, departments, settings and the append-only audit log of a new archive', async () => {
    const db = freshDatabase();
    await migrateTo(db, '0010-foundation');
    expect(appliedMigrations(db)).toEqual(['0010-foundation']);
    expect(schemaNames(db, 'table')).toEqual(
      expect.arrayContaining(['audit_log', 'departments', 'meta', 'role_permissions', 'roles', 'settings', 'user_roles', 'users']),
    );
    expect(schemaNames(db, 'trigger')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);

    // User names are unique whatever their case.
    db.prepare(`INSERT INTO departments (id, code, name, kind, created_at) VALUES ('d', 'credit', '信用管理部门', 'credit', 'x')`).run();
    const addUser = db.prepare(`INSERT INTO users (id, username, display_name, department_id, created_at, updated_at) VALUES (?, ?, '周慧', 'd', 'x', 'x')`);
    addUser.run('u1', 'zhouhui');
    expect(() => addUser.run('u2', 'ZhouHui')).toThrow(/UNIQUE/);

    // The audit log refuses changes and deletions.
    db.prepare(`INSERT INTO audit_log (at, action, outcome, details, prev_hash, hash) VALUES ('x', 'auth.login', 'ok', '{}', '', 'h')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'failed'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);

    // Reading one user's entries, or one action's, newest first, walks an index.
    expect(explainQueryPlan(db, 'SELECT * FROM audit_log WHERE user_id = ? ORDER BY seq DESC LIMIT 50', 'u1')).toMatch(/INDEX audit_log_user/);
    expect(explainQueryPlan(db, 'SELECT * FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 50', 'auth.login')).toMatch(/INDEX audit_log_action/);
    expect(explainQueryPlan(db, 'SELECT * FROM audit_log WHERE user_id = ? ORDER BY seq DESC LIMIT 50', 'u1')).not.toMatch(/TEMP B-TREE/);
    expect(explainQueryPlan(db, 'SELECT * FROM users WHERE username = ?', 'ZHOUHUI')).toMatch(/INDEX users_username/);
  });
});
