import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS, DEFAULT_ROLES } from '../../../src/shared/domain/permissions';
import { migrateTo, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

describe('migration 0026-role-names', () => {
  it('renames the default roles that were named like departments, and leaves a name an administrator chose', async () => {
    const db = freshDatabase();
    await migrateTo(db, '0025-customer-pinyin');
    const addRole = db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES (?, ?, ?, 1, 'x')`);
    addRole.run('r1', 'credit_manager', '信用管理部门');
    addRole.run('r2', 'legal', '法律事务');
    addRole.run('r3', 'auditor', '稽核岗'); // renamed by an administrator
    addRole.run('r4', 'archivist', '档案管理员');

    await migrateTo(db, '0026-role-names');
    const names = db.prepare('SELECT code, name FROM roles ORDER BY id').all();
    expect(names).toEqual([
      { code: 'credit_manager', name: '信用经理' },
      { code: 'legal', name: '法务专员' },
      { code: 'auditor', name: '稽核岗' },
      { code: 'archivist', name: '档案管理员' },
    ]);
  });

  it('gives the roles of a new archive names no department has', () => {
    const departmentNames = new Set(DEFAULT_DEPARTMENTS.map((d) => d.name));
    expect(DEFAULT_ROLES.filter((r) => departmentNames.has(r.name))).toEqual([]);
    expect(DEFAULT_ROLES.find((r) => r.code === 'credit_manager')?.name).toBe('信用经理');
  });
});
