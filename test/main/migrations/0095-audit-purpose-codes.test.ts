import { describe, expect, it } from 'vitest';
import { migrateTo, schemaNames, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

describe('migration 0095-audit-purpose-codes', () => {
  it('reads each purpose the window offered, stored in either language, as its code; typed purposes stay as typed', async () => {
    const db = freshDatabase();
    await migrateTo(db, '0070-record-voiding');
    const add = db.prepare(
      `INSERT INTO audit_log (seq, at, user_id, username, action, outcome, target, purpose, details, prev_hash, hash) VALUES (?, 'x', NULL, 'li', 'customers.get', 'ok', NULL, ?, '{}', 'p', 'h')`,
    );
    const purposes = ['授信审批', 'Credit review', '合同签订', 'Receivables collection', '审计检查', 'Audit', '年审核对营业执照', null, '授信审批 '];
    purposes.forEach((purpose, i) => add.run(i + 1, purpose));

    await migrateTo(db, '0095-audit-purpose-codes');
    expect(db.prepare('SELECT seq, code FROM audit_purpose_codes ORDER BY seq').all()).toEqual([
      { seq: 1, code: 'creditApproval' },
      { seq: 2, code: 'creditReview' },
      { seq: 3, code: 'contractSigning' },
      { seq: 4, code: 'collection' },
      { seq: 5, code: 'audit' },
      { seq: 6, code: 'audit' },
    ]);
    // The entries themselves are not touched.
    expect(db.prepare('SELECT purpose FROM audit_log ORDER BY seq').pluck().all()).toEqual(purposes);
    expect(schemaNames(db, 'trigger')).toEqual(expect.arrayContaining(['audit_purpose_codes_no_update', 'audit_purpose_codes_no_delete']));
    expect(() => db.prepare(`UPDATE audit_purpose_codes SET code = 'collection' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_purpose_codes WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare(`INSERT INTO audit_purpose_codes (seq, code) VALUES (7, 'curiosity')`).run()).toThrow(/CHECK/);
  });
});
