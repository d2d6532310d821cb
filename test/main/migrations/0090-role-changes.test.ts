import { describe, expect, it } from 'vitest';
import { columnsOf, migrateTo, schemaNames, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();
const AT = '2026-01-01T00:00:00.000Z';

async function ready() {
  const db = freshDatabase();
  await migrateTo(db, '0090-role-changes');
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(`INSERT INTO role_changes (id, role_id, before, after, proposed_by, proposed_at) VALUES (?, 'r1', '[]', '["customers.read"]', 'u1', ?)`);
  insert.run('c1', AT);
  return db;
}

describe('migration 0090-role-changes', () => {
  it('keeps proposed role changes, pending until a second administrator decides', async () => {
    const db = await ready();
    expect(columnsOf(db, 'role_changes')).toEqual(
      expect.arrayContaining(['id', 'role_id', 'before', 'after', 'proposed_by', 'proposed_at', 'state', 'decided_by', 'decided_at', 'reason']),
    );
    expect(db.prepare(`SELECT state FROM role_changes`).pluck().get()).toBe('pending');
    expect(schemaNames(db, 'trigger')).toEqual(expect.arrayContaining(['role_changes_decided_once', 'role_changes_no_delete']));
  });

  it('refuses the proposer deciding, a refusal without reason, a half decision, deleting, and changing a decided row', async () => {
    const db = await ready();
    const decide = (set: string) => () => db.prepare(`UPDATE role_changes SET ${set} WHERE id = 'c1'`).run();
    expect(decide(`state = 'confirmed', decided_by = 'u1', decided_at = '${AT}'`)).toThrow(/CHECK/);
    expect(decide(`state = 'rejected', decided_by = 'u2', decided_at = '${AT}'`)).toThrow(/CHECK/);
    expect(decide(`state = 'confirmed'`)).toThrow(/CHECK/);
    expect(() => db.prepare(`DELETE FROM role_changes`).run()).toThrow(/kept/);
    decide(`state = 'confirmed', decided_by = 'u2', decided_at = '${AT}'`)();
    expect(decide(`state = 'pending', decided_by = NULL, decided_at = NULL`)).toThrow(/does not change/);
  });
});
