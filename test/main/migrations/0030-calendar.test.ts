import { describe, expect, it } from 'vitest';
import { migrateTo, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

describe('migration 0030-calendar', () => {
  it("adds the company's calendar overlay and imported years, and gives the system administrator the calendar to manage", async () => {
    const db = freshDatabase();
    await migrateTo(db, '0026-role-names');
    db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'sysadmin', '系统管理员', 1, 'x')`).run();
    db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r2', 'auditor', '内部审计员', 1, 'x')`).run();

    await migrateTo(db, '0030-calendar');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'calendar%' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['calendar_overlay', 'calendar_years']));
    const grants = (role: string) => db.prepare('SELECT permission FROM role_permissions WHERE role_id = ?').pluck().all(role);
    expect(grants('r1')).toContain('calendar.manage');
    expect(grants('r2')).not.toContain('calendar.manage');
  });
});
