import { sql, type Kysely } from 'kysely';

// 作废 / 红冲 (issue 11 item 11): records of money and credit are never deleted. A sale or
// return, a payment, a contract, a credit event or a qualification entered by mistake is
// voided: who, when and why, all three together, once and for good. The triggers hold this
// for anyone going through the host; a key holder can drop them (docs/threat-model.md).
// A migration stays as it was written, forever: it imports no application code.

const VOIDABLE_TABLES = ['qualifications', 'contracts', 'transactions', 'payments', 'credit_events'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of VOIDABLE_TABLES) {
    const t = sql.raw(table);
    await sql`ALTER TABLE ${t} ADD COLUMN voided_at TEXT`.execute(db);
    await sql`ALTER TABLE ${t} ADD COLUMN voided_by TEXT REFERENCES users (id)`.execute(db);
    await sql`ALTER TABLE ${t} ADD COLUMN void_reason TEXT`.execute(db);

    const partial = sql.raw(
      `(NEW.voided_at IS NULL) <> (NEW.voided_by IS NULL) OR (NEW.voided_at IS NULL) <> (NEW.void_reason IS NULL) OR (NEW.void_reason IS NOT NULL AND trim(NEW.void_reason) = '')`,
    );
    await sql`CREATE TRIGGER ${sql.raw(`${table}_never_deleted`)} BEFORE DELETE ON ${t}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table}: records of money and credit are voided, never deleted`)}); END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_void_whole_insert`)} BEFORE INSERT ON ${t} WHEN ${partial}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table}: a void needs its time, its user and a reason`)}); END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_void_whole_update`)} BEFORE UPDATE ON ${t} WHEN ${partial}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table}: a void needs its time, its user and a reason`)}); END`.execute(db);
    // A voided record is final: no un-voiding, no other reason, no changed content.
    await sql`CREATE TRIGGER ${sql.raw(`${table}_void_final`)} BEFORE UPDATE ON ${t} WHEN OLD.voided_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table}: a voided record cannot change`)}); END`.execute(db);
  }
}
