import { describe, expect, it } from 'vitest';
import { DEFAULT_CROSSWALK, DEFAULT_MODELS } from '../../../src/shared/domain/scoring';
import { explainQueryPlan, migrateTo, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

async function ready() {
  const db = freshDatabase();
  await migrateTo(db, '0045-credit-limits');
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r1', 'credit_manager', '信用经理', 1, 'x')`).run();
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r2', 'auditor', '内部审计员', 1, 'x')`).run();
  db.prepare(`INSERT INTO roles (id, code, name, builtin, created_at) VALUES ('r3', 'reviewer', '评审人', 1, 'x')`).run();
  await migrateTo(db, '0050-evaluations');
  return db;
}

function addEvaluation(db: ReturnType<typeof freshDatabase>, id: string, customer: string, status: string, version = 1) {
  db.prepare(
    `INSERT INTO evaluations (id, customer_id, kind, model_id, model_version, status, round, header, state, started_by, started_on, started_at, updated_at)
     VALUES (?, ?, 'periodic_review', 'periodic_review', ?, ?, 1, '{}', '{}', 'u1', '2026-01-05', 'x', 'x')`,
  ).run(id, customer, version, status);
}

describe('migration 0050-evaluations', () => {
  it('writes out the default models and crosswalk exactly as the application defines them, published as version 1', async () => {
    const db = await ready();
    const rows = db.prepare(`SELECT id, version, status, body FROM scoring_models ORDER BY id`).all() as { id: string; version: number; status: string; body: string }[];
    expect(rows.map((r) => [r.id, r.version, r.status])).toEqual(DEFAULT_MODELS.map((m) => [m.id, 1, 'published']).sort());
    for (const m of DEFAULT_MODELS) expect(JSON.parse(rows.find((r) => r.id === m.id)!.body)).toEqual(m);
    expect(JSON.parse(db.prepare(`SELECT body FROM grade_crosswalks WHERE version = 1`).pluck().get() as string)).toEqual(DEFAULT_CROSSWALK);
    expect(db.prepare(`SELECT publication_days FROM evaluation_settings`).pluck().get()).toBe(5);
  });

  it('never changes or deletes a published model version, and keeps one draft per model', async () => {
    const db = await ready();
    expect(() => db.prepare(`UPDATE scoring_models SET body = '{}' WHERE id = 'periodic_review' AND version = 1`).run()).toThrow(/never changes/);
    expect(() => db.prepare(`DELETE FROM scoring_models WHERE id = 'periodic_review'`).run()).toThrow(/kept/);
    db.prepare(`INSERT INTO scoring_models (id, version, kind, status, body, saved_at) VALUES ('periodic_review', 2, 'periodic_review', 'draft', '{}', 'x')`).run();
    db.prepare(`UPDATE scoring_models SET body = '{"a":1}' WHERE id = 'periodic_review' AND version = 2`).run();
    expect(() => db.prepare(`INSERT INTO scoring_models (id, version, kind, status, body, saved_at) VALUES ('periodic_review', 3, 'periodic_review', 'draft', '{}', 'x')`).run()).toThrow(/UNIQUE/);
  });

  it('keeps an evaluation on its model version forever, one open evaluation per customer, and finds them by index', async () => {
    const db = await ready();
    db.pragma('foreign_keys = OFF');
    addEvaluation(db, 'e1', 'c1', 'final');
    addEvaluation(db, 'e2', 'c1', 'draft');
    expect(() => addEvaluation(db, 'e3', 'c1', 'published')).toThrow(/UNIQUE/);
    addEvaluation(db, 'e4', 'c2', 'draft');
    expect(() => db.prepare(`UPDATE evaluations SET model_version = 2 WHERE id = 'e1'`).run()).toThrow(/forever/);
    db.prepare(`UPDATE evaluations SET status = 'in_approval', grade = 'B' WHERE id = 'e2'`).run();
    expect(explainQueryPlan(db, `SELECT id FROM evaluations WHERE customer_id = ? ORDER BY started_at`, 'c1')).toMatch(/evaluations_customer/);
    expect(explainQueryPlan(db, `SELECT * FROM customer_grade_history WHERE customer_id = ? ORDER BY effective_at`, 'c1')).toMatch(/customer_grade_history_customer/);
    expect(explainQueryPlan(db, `SELECT evaluation_id FROM evaluation_reviewers WHERE user_id = ?`, 'u1')).toMatch(/PRIMARY KEY|evaluation_reviewers/);
  });

  it('gives the credit manager, managers and reviewers the evaluation permissions of an existing archive', async () => {
    const db = await ready();
    const grants = (role: string) => db.prepare('SELECT permission FROM role_permissions WHERE role_id = ?').pluck().all(role);
    expect(grants('r1')).toEqual(expect.arrayContaining(['evaluations.manage', 'evaluations.take_part']));
    expect(grants('r3')).toEqual(expect.arrayContaining(['customers.read', 'evaluations.take_part']));
    expect(grants('r2')).toEqual([]);
  });
});
