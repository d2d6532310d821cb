import { describe, expect, it } from 'vitest';
import { columnsOf, explainQueryPlan, migrateTo, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

async function ready() {
  const db = freshDatabase();
  await migrateTo(db, '0055-financial-statements');
  db.pragma('foreign_keys = OFF');
  return db;
}

const COLUMNS = `id, customer_id, period_start, period_end, total_assets_fen, total_liabilities_fen, current_assets_fen, inventory_fen,
  current_liabilities_fen, receivables_fen, revenue_fen, cost_of_sales_fen, net_profit_fen, entered_by, entered_at`;

function add(db: Awaited<ReturnType<typeof ready>>, id: string, values: Partial<Record<string, number | string>> = {}) {
  const row = {
    customer_id: 'c1',
    period_start: '2025-01-01',
    period_end: '2025-12-31',
    total_assets_fen: 1_000_00,
    total_liabilities_fen: 600_00,
    current_assets_fen: 500_00,
    inventory_fen: 100_00,
    current_liabilities_fen: 300_00,
    receivables_fen: 150_00,
    revenue_fen: 1_200_00,
    cost_of_sales_fen: 900_00,
    net_profit_fen: -10_00,
    ...values,
  };
  db.prepare(`INSERT INTO financial_statements (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'u1', 'x')`).run(
    id,
    row.customer_id,
    row.period_start,
    row.period_end,
    row.total_assets_fen,
    row.total_liabilities_fen,
    row.current_assets_fen,
    row.inventory_fen,
    row.current_liabilities_fen,
    row.receivables_fen,
    row.revenue_fen,
    row.cost_of_sales_fen,
    row.net_profit_fen,
  );
}

describe('migration 0055-financial-statements', () => {
  it('keeps a statement per period with its opening balances optional, a loss allowed', async () => {
    const db = await ready();
    expect(columnsOf(db, 'financial_statements')).toEqual(expect.arrayContaining(['opening_receivables_fen', 'opening_inventory_fen', 'opening_equity_fen', 'source']));
    add(db, 's1');
    expect(db.prepare(`SELECT net_profit_fen, opening_equity_fen FROM financial_statements WHERE id = 's1'`).get()).toEqual({ net_profit_fen: -1000, opening_equity_fen: null });
  });

  it('refuses figures that cannot be: negative money, parts larger than the whole, a period ending before it starts', async () => {
    const db = await ready();
    expect(() => add(db, 'a', { total_assets_fen: -1 })).toThrow(/CHECK/);
    expect(() => add(db, 'b', { current_assets_fen: 2_000_00 })).toThrow(/CHECK/);
    expect(() => add(db, 'c', { inventory_fen: 600_00 })).toThrow(/CHECK/);
    expect(() => add(db, 'd', { current_liabilities_fen: 700_00 })).toThrow(/CHECK/);
    expect(() => add(db, 'e', { period_end: '2024-12-31' })).toThrow(/CHECK/);
    expect(db.prepare(`SELECT count(*) FROM financial_statements`).pluck().get()).toBe(0);
  });

  it('never changes or deletes a statement, and finds a customer’s latest by index', async () => {
    const db = await ready();
    add(db, 's1');
    expect(() => db.prepare(`UPDATE financial_statements SET revenue_fen = 1 WHERE id = 's1'`).run()).toThrow(/kept as entered/);
    expect(() => db.prepare(`DELETE FROM financial_statements WHERE id = 's1'`).run()).toThrow(/kept as entered/);
    expect(explainQueryPlan(db, `SELECT * FROM financial_statements WHERE customer_id = ? AND period_end <= ? ORDER BY period_end DESC, entered_at DESC LIMIT 1`, 'c1', '2026-01-01')).toMatch(
      /financial_statements_customer/,
    );
  });
});
