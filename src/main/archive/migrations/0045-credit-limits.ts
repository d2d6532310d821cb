import { sql, type Kysely } from 'kysely';

// 授信额度调整 (issue 8 item 10): each customer's current credit limit (fen) and credit term
// (信用期限, days), the requests that go through the credit-limit chain, and the history
// of every limit and term a customer had: from when, why, by whose approval.
// A migration stays as it was written, forever: it imports no application code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN credit_limit_fen INTEGER CHECK (credit_limit_fen IS NULL OR credit_limit_fen >= 0)`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN credit_term_days INTEGER CHECK (credit_term_days IS NULL OR credit_term_days >= 0)`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN credit_limit_since TEXT`.execute(db);

  // One request per chain; its status is the chain's.
  await sql`CREATE TABLE credit_limit_requests (
    chain_id TEXT PRIMARY KEY REFERENCES approval_chains (id),
    customer_id TEXT NOT NULL REFERENCES customers (id),
    limit_fen INTEGER NOT NULL CHECK (limit_fen >= 0),
    term_days INTEGER NOT NULL CHECK (term_days >= 0),
    reason TEXT NOT NULL,
    before_limit_fen INTEGER,
    before_term_days INTEGER,
    requested_by TEXT NOT NULL REFERENCES users (id),
    requested_at TEXT NOT NULL,
    applied_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX credit_limit_requests_customer ON credit_limit_requests (customer_id, requested_at)`.execute(db);

  await sql`CREATE TABLE credit_limit_history (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    chain_id TEXT NOT NULL UNIQUE REFERENCES approval_chains (id),
    limit_fen INTEGER NOT NULL,
    term_days INTEGER NOT NULL,
    previous_limit_fen INTEGER,
    previous_term_days INTEGER,
    effective_on TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES users (id),
    approvals TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX credit_limit_history_customer ON credit_limit_history (customer_id, effective_at)`.execute(db);
}
