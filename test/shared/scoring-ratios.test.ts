import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIVE_C_MODEL, FINANCIAL_RATIOS, financialRatios, itemValues, type FinancialStatement } from '../../src/shared/domain/scoring';

// seed 004's financial ratios for the 5C model, against a computation by hand.

const yuan = (n: number) => Math.round(n * 100);

/** 资产 1000 万, 负债 620 万, 流动资产 480 万 (存货 120 万), 流动负债 300 万, 应收 150 万, 收入 1200 万, 成本 900 万, 净利润 90 万. */
const STATEMENT: FinancialStatement = {
  totalAssetsFen: yuan(10_000_000),
  totalLiabilitiesFen: yuan(6_200_000),
  currentAssetsFen: yuan(4_800_000),
  inventoryFen: yuan(1_200_000),
  currentLiabilitiesFen: yuan(3_000_000),
  receivablesFen: yuan(1_500_000),
  equityFen: yuan(3_800_000),
  revenueFen: yuan(12_000_000),
  costOfSalesFen: yuan(9_000_000),
  netProfitFen: yuan(900_000),
  periodDays: 365,
};

describe('financial ratios (seed 004)', () => {
  it.each([
    [
      'closing balances only',
      STATEMENT,
      {
        debt_ratio: 62, // 620 / 1000 × 100
        current_ratio: 1.6, // 480 / 300
        quick_ratio: 1.2, // (480 − 120) / 300
        receivables_turnover_days: 45.63, // 365 × 150 / 1200 = 45.625
        inventory_turnover_days: 48.67, // 365 × 120 / 900 = 48.666…
        sales_margin: 7.5, // 90 / 1200 × 100
        return_on_equity: 23.68, // 90 / 380 × 100 = 23.684…
      },
    ],
    [
      'averages with the opening balances',
      { ...STATEMENT, openingReceivablesFen: yuan(1_100_000), openingInventoryFen: yuan(1_000_000), openingEquityFen: yuan(3_400_000) },
      {
        debt_ratio: 62,
        current_ratio: 1.6,
        quick_ratio: 1.2,
        receivables_turnover_days: 39.54, // 365 × (150 + 110) / 2 / 1200 = 39.541…
        inventory_turnover_days: 44.61, // 365 × (120 + 100) / 2 / 900 = 44.611…
        sales_margin: 7.5,
        return_on_equity: 25, // 90 / ((380 + 340) / 2) × 100
      },
    ],
    [
      'a loss and a quarter',
      { ...STATEMENT, netProfitFen: yuan(-300_000), periodDays: 90, revenueFen: yuan(3_000_000), costOfSalesFen: yuan(2_400_000) },
      {
        debt_ratio: 62,
        current_ratio: 1.6,
        quick_ratio: 1.2,
        receivables_turnover_days: 45, // 90 × 150 / 300
        inventory_turnover_days: 45, // 90 × 120 / 240
        sales_margin: -10, // −30 / 300 × 100
        return_on_equity: -7.89, // −30 / 380 × 100 = −7.894…
      },
    ],
    [
      'no revenue, no cost of sales, no liabilities, negative equity',
      { ...STATEMENT, revenueFen: 0, costOfSalesFen: 0, currentLiabilitiesFen: 0, equityFen: yuan(-100_000) },
      { debt_ratio: 62, current_ratio: null, quick_ratio: null, receivables_turnover_days: null, inventory_turnover_days: null, sales_margin: null, return_on_equity: null },
    ],
  ])('%s', (_name, statement, expected) => {
    expect(financialRatios(statement)).toEqual(expected);
  });

  it("feeds the 5C model's computed items, which fall in the bands of seed 004", () => {
    const values = itemValues(FIVE_C_MODEL, financialRatios(STATEMENT), {});
    expect(Object.fromEntries(FINANCIAL_RATIOS.map((r) => [r, values[r]]))).toEqual({
      debt_ratio: { value: 62, source: 'archive' },
      current_ratio: { value: 1.6, source: 'archive' },
      quick_ratio: { value: 1.2, source: 'archive' },
      receivables_turnover_days: { value: 45.63, source: 'archive' },
      inventory_turnover_days: { value: 48.67, source: 'archive' },
      sales_margin: { value: 7.5, source: 'archive' },
      return_on_equity: { value: 23.68, source: 'archive' },
    });
    // The four default models are there, each of its kind (a–d of issue 9).
    const computed = FIVE_C_MODEL.items.filter((i) => i.kind === 'computed').map((i) => i.code);
    expect(computed).toEqual([...FINANCIAL_RATIOS]);
    expect(FIVE_C_MODEL.items.filter((i) => i.kind === 'rated').map((i) => i.code)).toEqual(['character', 'capacity', 'capital', 'collateral', 'conditions']);
  });

  const money = fc.integer({ min: 0, max: 1_000_000_000_00 });
  const statement = fc.record({
    totalAssetsFen: money,
    totalLiabilitiesFen: money,
    currentAssetsFen: money,
    inventoryFen: money,
    currentLiabilitiesFen: money,
    receivablesFen: money,
    equityFen: fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }),
    revenueFen: money,
    costOfSalesFen: money,
    netProfitFen: fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }),
    periodDays: fc.integer({ min: 1, max: 366 }),
  });

  it('property: null exactly where the divisor is not positive; quick never above current; two decimals; unchanged by the unit of money', () => {
    fc.assert(
      fc.property(statement, fc.integer({ min: 2, max: 1000 }), (s, k) => {
        const r = financialRatios(s);
        expect(r.debt_ratio === null).toBe(s.totalAssetsFen <= 0);
        expect(r.current_ratio === null).toBe(s.currentLiabilitiesFen <= 0);
        expect(r.sales_margin === null).toBe(s.revenueFen <= 0);
        expect(r.return_on_equity === null).toBe(s.equityFen <= 0);
        if (r.current_ratio !== null) expect(r.quick_ratio!).toBeLessThanOrEqual(r.current_ratio);
        if (r.debt_ratio !== null && s.totalLiabilitiesFen <= s.totalAssetsFen) expect(r.debt_ratio).toBeLessThanOrEqual(100);
        for (const v of Object.values(r)) if (v !== null) expect(Math.abs(Math.round(v * 100) - v * 100)).toBeLessThan(1e-6 * Math.max(1, Math.abs(v)));
        const scaled = financialRatios(Object.fromEntries(Object.entries(s).map(([key, v]) => [key, key === 'periodDays' ? v : v * k])) as unknown as FinancialStatement);
        for (const ratio of FINANCIAL_RATIOS) {
          if (r[ratio] === null) expect(scaled[ratio]).toBeNull();
          else expect(Math.abs(scaled[ratio]! - r[ratio])).toBeLessThanOrEqual(0.0100001 + 1e-9 * Math.abs(r[ratio]));
        }
      }),
      { numRuns: 300 },
    );
  });
});
