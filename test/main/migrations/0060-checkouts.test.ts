import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAN_POLICY } from '../../../src/shared/domain/checkouts';
import { explainQueryPlan, migrateTo, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

async function ready() {
  const db = freshDatabase();
  await migrateTo(db, '0055-financial-statements');
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'archivist', '档案管理员', 1, 'x')`).run();
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r2', 'sysadmin', '系统管理员', 1, 'x')`).run();
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r3', 'account_manager', '客户经理', 1, 'x')`).run();
  await migrateTo(db, '0060-checkouts');
  db.pragma('foreign_keys = OFF');
  return db;
}

type Database = Awaited<ReturnType<typeof ready>>;

function addLoan(db: Database, id: string, state: string, dueDate: string | null, extra: { borrower?: string; customer?: string; request?: string } = {}) {
  db.prepare(
    `INSERT INTO loans (id, request_id, borrower_id, department_id, customer_id, state, due_date, requested_at, requested_day, updated_at, body)
     VALUES (?, ?, ?, 'd1', ?, ?, ?, '2026-11-02T02:00:00.000Z', '2026-11-02', 'x', '{}')`,
  ).run(id, extra.request ?? `q-${id}`, extra.borrower ?? 'u1', extra.customer ?? 'c1', state, dueDate);
}

describe('migration 0060-checkouts', () => {
  it('writes out the default loan policy exactly as the application defines it, as version 1', async () => {
    const db = await ready();
    const row = db.prepare(`SELECT version, terms, set_by FROM loan_policies`).get() as { version: number; terms: string; set_by: string | null };
    expect(row.version).toBe(DEFAULT_LOAN_POLICY.version);
    expect(JSON.parse(row.terms)).toEqual(DEFAULT_LOAN_POLICY.terms);
    expect(row.set_by).toBeNull();
  });

  it('gives the archivist the lending right and the administrator the policy, nobody else anything', async () => {
    const db = await ready();
    const grants = db.prepare(`SELECT role_id, permission FROM role_permissions WHERE permission LIKE 'checkouts.%' ORDER BY role_id`).all();
    expect(grants).toEqual([
      { role_id: 'r1', permission: 'checkouts.lend' },
      { role_id: 'r2', permission: 'checkouts.policy' },
    ]);
  });

  it('refuses a loan state that is not one, a due date before lending or missing after, and one file twice in a request', async () => {
    const db = await ready();
    addLoan(db, 'l1', 'requested', null);
    addLoan(db, 'l2', 'lent', '2026-11-09');
    expect(() => addLoan(db, 'l3', 'overdue', '2026-11-09')).toThrow(/CHECK/);
    expect(() => addLoan(db, 'l4', 'lent', null)).toThrow(/CHECK/);
    expect(() => addLoan(db, 'l5', 'approved', '2026-11-09')).toThrow(/CHECK/);
    addLoan(db, 'l6', 'requested', null, { request: 'q', customer: 'c1' });
    expect(() => addLoan(db, 'l7', 'requested', null, { request: 'q', customer: 'c1' })).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO loan_policies (version, terms) VALUES (2, 'not json')`).run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO checkout_requests (id, chain_id, requester_id, department_id, purpose, period_working_days, reading_room, print, export, requested_at) VALUES ('q1', 'c', 'u', 'd', '  ', 5, 0, 0, 0, 'x')`).run(),
    ).toThrow(/CHECK/);
  });

  it('answers the reading check, the overdue list and the log from indexes', async () => {
    const db = await ready();
    expect(explainQueryPlan(db, `SELECT id FROM loans WHERE borrower_id = ? AND customer_id = ? AND state IN ('lent', 'renewed')`, 'u1', 'c1')).toContain('USING INDEX loans_reader');
    expect(explainQueryPlan(db, `SELECT body FROM loans WHERE state IN ('lent', 'renewed') AND due_date < ? ORDER BY due_date`, '2026-11-10')).toContain('loans_out_due');
    expect(explainQueryPlan(db, `SELECT body FROM loans ORDER BY requested_at DESC, id DESC LIMIT 50`)).toContain('loans_log');
    expect(explainQueryPlan(db, `SELECT body FROM loans WHERE customer_id = ? ORDER BY requested_at DESC LIMIT 50`, 'c1')).toContain('loans_customer');
  });
});
