import { describe, expect, it } from 'vitest';
import { migrateTo, schemaNames, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

describe('migration 0080-warnings', () => {
  it('adds the rules with their default thresholds, the warnings and their kept history, and grants the warning permissions to an archive made before', async () => {
    const db = freshDatabase();
    await migrateTo(db, '0070-record-voiding');
    db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'credit_manager', '信用经理', 1, '2026-01-01T00:00:00.000Z')`).run();
    db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r2', 'service_manager', '客服经理', 1, '2026-01-01T00:00:00.000Z')`).run();
    await migrateTo(db, '0080-warnings');
    const names = schemaNames(db, 'table');
    for (const t of ['warning_rules', 'warning_runs', 'warnings', 'warning_history', 'warning_open_counts']) expect(names).toContain(t);
    const rules = db.prepare(`SELECT rule, enabled, threshold FROM warning_rules ORDER BY position`).all();
    expect(rules).toHaveLength(10);
    expect(rules[0]).toEqual({ rule: 'credit_event', enabled: 1, threshold: 365 });
    const grants = db.prepare(`SELECT role_id, permission FROM role_permissions WHERE permission LIKE 'warnings.%' ORDER BY role_id, permission`).all();
    expect(grants).toEqual([
      { role_id: 'r1', permission: 'warnings.manage' },
      { role_id: 'r1', permission: 'warnings.work' },
      { role_id: 'r2', permission: 'warnings.work' },
    ]);
    // The history of a warning is never deleted nor changed; a warning is never deleted.
    db.pragma('foreign_keys = OFF');
    const x = '2026-01-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO warnings (id, customer_id, rule, subject, severity, severity_rank, status, cause_present, evidence, measures_due, raised_at, updated_at, close_reason) VALUES ('w1', 'c1', 'dormant', '', 'low', 3, 'raised', 1, '{}', '[]', ?, ?, NULL)`,
    ).run(x, x);
    db.prepare(`INSERT INTO warning_history (id, warning_id, kind, status, at) VALUES ('h1', 'w1', 'raise', 'raised', ?)`).run(x);
    expect(() => db.prepare(`DELETE FROM warning_history`).run()).toThrow(/kept/);
    expect(() => db.prepare(`UPDATE warning_history SET note = 'x'`).run()).toThrow(/never changes/);
    expect(() => db.prepare(`DELETE FROM warnings`).run()).toThrow(/never deleted/);
    // The open counts follow the warnings: raised (low, rank 3), then moved to severe, then closed.
    const counts = () => db.prepare(`SELECT severity_rank, n FROM warning_open_counts ORDER BY severity_rank`).all().map((r) => (r as { n: number }).n);
    expect(counts()).toEqual([0, 0, 0, 1]);
    db.prepare(`UPDATE warnings SET severity = 'severe', severity_rank = 0 WHERE id = 'w1'`).run();
    expect(counts()).toEqual([1, 0, 0, 0]);
    db.prepare(`UPDATE warnings SET status = 'closed', close_reason = 'resolved' WHERE id = 'w1'`).run();
    expect(counts()).toEqual([0, 0, 0, 0]);
    db.prepare(`UPDATE warnings SET status = 'raised', close_reason = NULL WHERE id = 'w1'`).run();
    expect(counts()).toEqual([1, 0, 0, 0]);
    // Closed ⇔ a reason.
    expect(() => db.prepare(`UPDATE warnings SET status = 'closed', close_reason = NULL`).run()).toThrow(/CHECK/);
  });
});
