import { describe, expect, it } from 'vitest';
import { defaultChain } from '../../../src/shared/domain/approvals';
import { columnsOf, explainQueryPlan, migrateTo, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

async function ready() {
  const db = freshDatabase();
  await migrateTo(db, '0070-record-voiding');
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'service_manager', '客服经理', 1, 'x')`).run();
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r2', 'auditor', '内部审计员', 1, 'x')`).run();
  await migrateTo(db, '0085-dunning');
  db.pragma('foreign_keys = OFF');
  return db;
}

const step = (db: Awaited<ReturnType<typeof ready>>, id: string, kind: string, channel: string | null, chain: string | null) =>
  db.prepare(`INSERT INTO dunning_steps (id, customer_id, sale_id, kind, done_on, channel, note, chain_id, by_user, at) VALUES (?, 'c1', 's1', ?, '2026-11-02', ?, NULL, ?, 'u1', 'x')`).run(id, kind, channel, chain);

describe('migration 0085-dunning', () => {
  it('writes out the suspension chain exactly as the application defines it, and grants dunning to the 客服经理 of an existing archive', async () => {
    const db = await ready();
    const body = db.prepare(`SELECT body FROM approval_definitions WHERE id = 'dunning_suspension' AND version = 1`).pluck().get() as string;
    expect(JSON.parse(body)).toEqual(defaultChain('dunning_suspension'));
    const grants = (role: string) => db.prepare('SELECT permission FROM role_permissions WHERE role_id = ?').pluck().all(role);
    expect(grants('r1')).toContain('dunning.work');
    expect(grants('r2')).toEqual([]);
    expect(columnsOf(db, 'customers')).toEqual(expect.arrayContaining(['cooperation_suspended_on', 'cooperation_suspended_by_chain']));
  });

  it('keeps a step as recorded: a reminder has its channel, a suspension its chain, nothing is changed or removed', async () => {
    const db = await ready();
    step(db, 'a', 'reminder', 'phone', null);
    step(db, 'b', 'letter', null, null);
    step(db, 'c', 'suspension', null, 'ch1');
    expect(() => step(db, 'd', 'reminder', null, null)).toThrow(/CHECK/);
    expect(() => step(db, 'e', 'letter', 'fax', null)).toThrow(/CHECK/);
    expect(() => step(db, 'f', 'suspension', null, null)).toThrow(/CHECK/);
    expect(() => step(db, 'g', 'visit', null, null)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE dunning_steps SET done_on = '2026-01-01' WHERE id = 'a'`).run()).toThrow(/kept as recorded/);
    expect(() => db.prepare(`DELETE FROM dunning_steps WHERE id = 'b'`).run()).toThrow(/kept as recorded/);
    expect(explainQueryPlan(db, `SELECT * FROM dunning_steps WHERE sale_id = ? AND kind = ?`, 's1', 'letter')).toMatch(/dunning_steps_sale/);
  });
});
