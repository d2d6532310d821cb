import { sql, type Kysely } from 'kysely';

// Issue 11 item 12: a read purpose (用途) is stored as the code the reader chose
// (creditApproval, …) and shown in the reader's language. Until now the window sent the
// chosen option's text in whatever language its screen had. Those entries are hash-chained
// and append-only, so they are not rewritten: this table reads each of them as its code,
// once, and the entry keeps the text it recorded (shown beside the code in the register).
// A migration stays as it was written, forever: it imports no application code, so the
// texts the window offered (they never changed) are written out here.

const OFFERED: Record<string, string[]> = {
  creditApproval: ['授信审批', 'Credit approval'],
  creditReview: ['信用评审', 'Credit review'],
  contractSigning: ['合同签订', 'Contract signing'],
  collection: ['应收账款催收', 'Receivables collection'],
  audit: ['审计检查', 'Audit'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const codes = Object.keys(OFFERED).map((code) => sql.lit(code));
  await sql`CREATE TABLE audit_purpose_codes (
    seq INTEGER PRIMARY KEY REFERENCES audit_log (seq),
    code TEXT NOT NULL CHECK (code IN (${sql.join(codes)}))
  ) STRICT`.execute(db);
  // Read once, for good: like the log itself, never changed or removed.
  await sql`CREATE TRIGGER audit_purpose_codes_no_update BEFORE UPDATE ON audit_purpose_codes
    BEGIN SELECT RAISE(ABORT, 'audit purpose codes are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_purpose_codes_no_delete BEFORE DELETE ON audit_purpose_codes
    BEGIN SELECT RAISE(ABORT, 'audit purpose codes are append-only'); END`.execute(db);
  for (const [code, texts] of Object.entries(OFFERED)) {
    await sql`INSERT INTO audit_purpose_codes (seq, code)
      SELECT seq, ${code} FROM audit_log WHERE purpose IN (${sql.join(texts)})`.execute(db);
  }
}
