import { sql, type Kysely } from 'kysely';

// 财务报表 (issue 9, seed 004): a customer's financial statements, one row per period,
// entered by hand, from which the 5C model computes its financial ratios. Money in fen.
// A statement is kept as entered: a correction is a new statement for the same period
// (the latest entered wins); nothing is updated or deleted.
// A migration stays as it was written, forever: it imports no application code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE financial_statements (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL CHECK (period_end >= period_start),
    total_assets_fen INTEGER NOT NULL CHECK (total_assets_fen >= 0),
    total_liabilities_fen INTEGER NOT NULL CHECK (total_liabilities_fen >= 0),
    current_assets_fen INTEGER NOT NULL CHECK (current_assets_fen >= 0 AND current_assets_fen <= total_assets_fen),
    inventory_fen INTEGER NOT NULL CHECK (inventory_fen >= 0 AND inventory_fen <= current_assets_fen),
    current_liabilities_fen INTEGER NOT NULL CHECK (current_liabilities_fen >= 0 AND current_liabilities_fen <= total_liabilities_fen),
    receivables_fen INTEGER NOT NULL CHECK (receivables_fen >= 0 AND receivables_fen <= current_assets_fen),
    revenue_fen INTEGER NOT NULL CHECK (revenue_fen >= 0),
    cost_of_sales_fen INTEGER NOT NULL CHECK (cost_of_sales_fen >= 0),
    net_profit_fen INTEGER NOT NULL,
    opening_receivables_fen INTEGER CHECK (opening_receivables_fen IS NULL OR opening_receivables_fen >= 0),
    opening_inventory_fen INTEGER CHECK (opening_inventory_fen IS NULL OR opening_inventory_fen >= 0),
    opening_equity_fen INTEGER,
    source TEXT,
    entered_by TEXT NOT NULL REFERENCES users (id),
    entered_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX financial_statements_customer ON financial_statements (customer_id, period_end, entered_at)`.execute(db);
  await sql`CREATE TRIGGER financial_statements_kept_update BEFORE UPDATE ON financial_statements
    BEGIN SELECT RAISE(ABORT, 'a financial statement is kept as entered'); END`.execute(db);
  await sql`CREATE TRIGGER financial_statements_kept_delete BEFORE DELETE ON financial_statements
    BEGIN SELECT RAISE(ABORT, 'a financial statement is kept as entered'); END`.execute(db);
}
