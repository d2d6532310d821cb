import { describe, expect, it } from 'vitest';
import { columnsOf, migrateTo, schemaNames, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();
const TABLES = ['qualifications', 'contracts', 'transactions', 'payments', 'credit_events'];

// A file with one record of each voidable kind, written as the release before 0070 left it.
async function ready() {
  const db = freshDatabase();
  await migrateTo(db, '0050-evaluations');
  db.pragma('foreign_keys = OFF');
  const x = '2026-01-01T00:00:00.000Z';
  db.prepare(`INSERT INTO qualifications (id, customer_id, kind, created_at) VALUES ('q1', 'c1', 'iso9000', ?)`).run(x);
  db.prepare(
    `INSERT INTO contracts (id, customer_id, department_id, contract_no, title, amount_fen, signed_on, status, created_at) VALUES ('k1', 'c1', 'd1', 'YW-2026-0001', '供货', 100, '2026-01-01', 'active', ?)`,
  ).run(x);
  db.prepare(`INSERT INTO transactions (id, customer_id, kind, amount_fen, occurred_on, created_at) VALUES ('t1', 'c1', 'sale', 100, '2026-01-01', ?)`).run(x);
  db.prepare(`INSERT INTO payments (id, customer_id, amount_fen, paid_on, created_at) VALUES ('p1', 'c1', 100, '2026-01-02', ?)`).run(x);
  db.prepare(`INSERT INTO credit_events (id, customer_id, kind, occurred_on, title, created_at) VALUES ('e1', 'c1', 'litigation', '2026-01-03', '诉讼', ?)`).run(x);
  db.prepare(`INSERT INTO feedback (id, customer_id, kind, occurred_on, content, created_at) VALUES ('f1', 'c1', 'complaint', '2026-01-03', '投诉', ?)`).run(x);
  await migrateTo(db, '0070-record-voiding');
  return db;
}

const ID_OF: Record<string, string> = { qualifications: 'q1', contracts: 'k1', transactions: 't1', payments: 'p1', credit_events: 'e1' };

describe('migration 0070-record-voiding', () => {
  it('adds the void columns to the records of money and credit, with every existing row in force', async () => {
    const db = await ready();
    for (const table of TABLES) {
      expect(columnsOf(db, table)).toEqual(expect.arrayContaining(['voided_at', 'voided_by', 'void_reason']));
      expect(db.prepare(`SELECT voided_at, voided_by, void_reason FROM ${table}`).all()).toEqual([{ voided_at: null, voided_by: null, void_reason: null }]);
    }
    expect(columnsOf(db, 'feedback')).not.toContain('voided_at');
    expect(schemaNames(db, 'trigger')).toEqual(expect.arrayContaining(TABLES.map((t) => `${t}_never_deleted`)));
  });

  it.each(TABLES)('%s: refuses a delete, even with the key', async (table) => {
    const db = await ready();
    expect(() => db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(ID_OF[table])).toThrow(/voided, never deleted/);
    expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(1);
  });

  it.each(TABLES)('%s: a void is whole (time, user, reason) and final', async (table) => {
    const db = await ready();
    const id = ID_OF[table];
    const mark = db.prepare(`UPDATE ${table} SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?`);
    expect(() => mark.run('2026-02-01T00:00:00.000Z', 'u1', null, id)).toThrow(/time, its user and a reason/);
    expect(() => mark.run('2026-02-01T00:00:00.000Z', 'u1', '  ', id)).toThrow(/time, its user and a reason/);
    expect(() => mark.run('2026-02-01T00:00:00.000Z', null, '录入错误', id)).toThrow(/time, its user and a reason/);
    expect(() => mark.run(null, 'u1', '录入错误', id)).toThrow(/time, its user and a reason/);
    mark.run('2026-02-01T00:00:00.000Z', 'u1', '录入错误', id);
    // No un-voiding, no new reason, no change to a voided record.
    expect(() => mark.run(null, null, null, id)).toThrow(/cannot change/);
    expect(() => mark.run('2026-02-01T00:00:00.000Z', 'u1', '另一个理由', id)).toThrow(/cannot change/);
    expect(() => db.prepare(`UPDATE ${table} SET created_at = 'x' WHERE id = ?`).run(id)).toThrow(/cannot change/);
    expect(() => db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id)).toThrow(/never deleted/);
    expect(db.prepare(`SELECT void_reason FROM ${table} WHERE id = ?`).pluck().get(id)).toBe('录入错误');
  });

  it('refuses a row written already half voided', async () => {
    const db = await ready();
    expect(() =>
      db.prepare(`INSERT INTO payments (id, customer_id, amount_fen, paid_on, created_at, voided_at) VALUES ('p2', 'c1', 5, '2026-01-02', 'x', 'x')`).run(),
    ).toThrow(/time, its user and a reason/);
  });

  it('still removes a feedback note (not a record of money or credit)', async () => {
    const db = await ready();
    db.prepare(`DELETE FROM feedback WHERE id = 'f1'`).run();
    expect(db.prepare(`SELECT count(*) FROM feedback`).pluck().get()).toBe(0);
  });
});
