import { describe, expect, it } from 'vitest';
import { onTimeFigures, settleSales, type CreditToApply, type SaleToSettle } from '../../src/shared/domain/receivables';
import { WEIGHTED_MODEL, exact, explain, itemValues, scoreEvaluation, weightedIndicators } from '../../src/shared/domain/scoring';

const yuan = (y: number) => y * 100;
const sale = (id: string, contractId: string | null, amount: number, occurredOn: string, dueOn: string): SaleToSettle => ({ id, contractId, docNo: `INV-${id}`, amountFen: yuan(amount), occurredOn, dueOn });
const pay = (id: string, contractId: string | null, ref: string | null, amount: number, on: string): CreditToApply => ({ id, contractId, ref, amountFen: yuan(amount), on });

describe('核销: which sale a payment settles', () => {
  const sales = [sale('1', 'K1', 100, '2026-01-01', '2026-01-31'), sale('2', 'K2', 100, '2026-01-05', '2026-02-04'), sale('3', 'K2', 100, '2026-01-10', '2026-02-09')];

  it('a payment that names an invoice settles that sale, even when older ones are open', () => {
    const s = settleSales(sales, [pay('p', null, 'INV-3', 100, '2026-01-20')], '2026-03-01');
    expect(s.sales.map((r) => [r.sale.id, r.leftFen, r.settledOn])).toEqual([
      ['1', yuan(100), null],
      ['2', yuan(100), null],
      ['3', 0, '2026-01-20'],
    ]);
  });

  it('an unnamed payment of a contract settles that contract’s oldest open sale', () => {
    const s = settleSales(sales, [pay('p', 'K2', null, 150, '2026-01-20')], '2026-03-01');
    expect(s.sales.map((r) => r.leftFen)).toEqual([yuan(100), 0, yuan(50)]);
  });

  it('what is left settles the oldest open sale overall, then is an advance', () => {
    const s = settleSales(sales, [pay('a', 'K1', 'INV-1', 150, '2026-01-20'), pay('b', null, null, 200, '2026-01-21')], '2026-03-01');
    // a: INV-1 100, then K1 has nothing open, so 50 to the oldest overall (sale 2); b: 50 to sale 2, 100 to sale 3, 50 left over.
    expect(s.sales.map((r) => [r.leftFen, r.settledOn])).toEqual([
      [0, '2026-01-20'],
      [0, '2026-01-21'],
      [0, '2026-01-21'],
    ]);
    expect(s.advanceFen).toBe(yuan(50));
  });

  it('a named invoice already settled passes the payment on; later payments and sales are ignored', () => {
    const s = settleSales(sales, [pay('a', null, 'INV-1', 100, '2026-01-10'), pay('b', 'K1', 'INV-1', 30, '2026-01-11'), pay('c', null, null, 999, '2026-04-01')], '2026-03-01');
    expect(s.sales.map((r) => r.leftFen)).toEqual([0, yuan(70), yuan(100)]);
  });

  it('measures the on-time rate by amount and by count and lists the late sales', () => {
    const s = settleSales(sales, [pay('a', null, 'INV-1', 100, '2026-01-30'), pay('b', null, 'INV-2', 60, '2026-02-01'), pay('c', null, 'INV-2', 40, '2026-02-10')], '2026-03-01');
    const f = onTimeFigures(s, '2026-01-01', '2026-03-01');
    // Due: 300. Paid by due date: sale 1 100, sale 2 60 (40 came late), sale 3 0 → 160/300; on time in full: 1 of 3.
    expect([f.dueFen, f.onTimeFen, f.dueCount, f.onTimeCount]).toEqual([yuan(300), yuan(160), 3, 1]);
    expect(f.rateByAmount).toBeCloseTo(160 / 3);
    expect(f.rateByCount).toBeCloseTo(100 / 3);
    expect(f.late.map((l) => [l.docNo, l.paidByDueFen, l.settledOn, l.daysLate])).toEqual([
      ['INV-2', yuan(60), '2026-02-10', 6],
      ['INV-3', 0, null, 20],
    ]);
  });

  it('is fair where oldest-first would not be: the invoice named is the one paid on time', () => {
    // The customer pays the newer invoice on its due date and the older one late.
    const two = [sale('old', 'K', 100, '2026-01-01', '2026-01-31'), sale('new', 'K', 100, '2026-01-15', '2026-02-14')];
    const named = onTimeFigures(settleSales(two, [pay('a', 'K', 'INV-new', 100, '2026-02-14'), pay('b', 'K', 'INV-old', 100, '2026-02-20')], '2026-03-01'), '2026-01-01', '2026-03-01');
    const unnamed = onTimeFigures(settleSales(two, [pay('a', 'K', null, 100, '2026-02-14'), pay('b', 'K', null, 100, '2026-02-20')], '2026-03-01'), '2026-01-01', '2026-03-01');
    expect([named.onTimeCount, named.late.map((l) => l.saleId)]).toEqual([1, ['old']]);
    expect([unnamed.onTimeCount, unnamed.late.map((l) => l.saleId)]).toEqual([0, ['old', 'new']]);
  });
});

describe('the weighted model (seed 000) on a customer with known records', () => {
  const records = {
    sales: [
      sale('1', 'K1', 10_000, '2026-01-10', '2026-02-09'),
      sale('2', 'K1', 20_000, '2026-02-10', '2026-03-12'),
      sale('3', 'K2', 30_000, '2026-03-01', '2026-03-31'),
      sale('4', 'K2', 40_000, '2026-05-01', '2026-05-31'),
      { ...sale('5', null, 50_000, '2026-06-01', '2026-07-01'), docNo: null },
    ],
    credits: [
      pay('p1', 'K1', null, 10_000, '2026-02-05'), // K1's oldest: sale 1, on time
      pay('p2', 'K2', 'INV-3', 30_000, '2026-03-20'), // names sale 3: on time
      pay('p3', 'K1', null, 20_000, '2026-03-25'), // K1's oldest open: sale 2, 13 days late
      pay('p4', null, 'INV-4', 25_000, '2026-05-30'), // part of sale 4 by its due date
      pay('p5', null, null, 65_000, '2026-06-20'), // oldest overall: rest of sale 4 (late), then sale 5 (on time)
    ],
    creditEvents: [
      { kind: 'bad_record' as const, occurredOn: '2025-06-01' }, // before the period
      { kind: 'litigation' as const, occurredOn: '2026-08-01' },
    ],
    feedback: [
      { kind: 'satisfaction' as const, occurredOn: '2026-03-01', score: 4 },
      { kind: 'satisfaction' as const, occurredOn: '2026-09-01', score: 5 },
      { kind: 'complaint' as const, occurredOn: '2026-10-01', score: null },
    ],
    cooperationSince: '2022-03-01',
  };
  const period = { from: '2026-01-01', asOf: '2026-12-31' };

  it('computes each indicator as by hand', () => {
    const { values, onTime } = weightedIndicators(records, period);
    // By hand: due 10,000+20,000+30,000+40,000+50,000 = 150,000; paid by the due date
    // 10,000 + 0 + 30,000 + 25,000 + 50,000 = 115,000 → 76.67 %; in full on time: sales 1, 3, 5 → 3 of 5.
    expect(onTime.dueFen).toBe(yuan(150_000));
    expect(onTime.onTimeFen).toBe(yuan(115_000));
    expect(values.on_time_rate).toBeCloseTo((115_000 / 150_000) * 100, 10);
    expect(onTime.rateByCount).toBe(60);
    expect(onTime.late.map((l) => [l.saleId, l.daysLate])).toEqual([
      ['2', 13],
      ['4', 20],
    ]);
    expect(values).toMatchObject({
      overdue_count: 2,
      transaction_amount: yuan(150_000),
      bad_record_count: 0,
      litigation_count: 1,
      cooperation_years: 4.8, // 2022-03-01 → 2026-12-31: 1766 days / 365.25
      transaction_frequency: 5,
      satisfaction: 4.5,
      complaint_count: 1,
    });
  });

  it('scores them as by hand: 70.0 一般', () => {
    const { values } = weightedIndicators(records, period);
    const inputs = { sheets: [], values: itemValues(WEIGHTED_MODEL, values, {}) };
    const outcome = scoreEvaluation(WEIGHTED_MODEL, inputs);
    if (!outcome.ok) throw new Error('refused');
    // points × weight: on-time 76.7% → 60×25 = 1500; overdue 2 → 70×15 = 1050; amount ¥150,000 → 60×10 = 600;
    // bad records 0 → 100×15 = 1500; litigation 1 → 40×10 = 400; 4.8 years → 80×10 = 800; 5 sales → 60×5 = 300;
    // satisfaction 4.5 → 100×5 = 500; 1 complaint → 70×5 = 350. Sum 7000, over weights 100 × max 100 → 70.
    const byHand = (60 * 25 + 70 * 15 + 60 * 10 + 100 * 15 + 40 * 10 + 80 * 10 + 60 * 5 + 100 * 5 + 70 * 5) / 100;
    expect(outcome.score.score).toEqual(exact(byHand));
    expect(outcome.score.score).toEqual(exact(70));
    expect(outcome.score.grade).toBe('fair');
    const e = explain(WEIGHTED_MODEL, inputs);
    if (!e.ok) throw new Error('refused');
    expect(e.explanation.items.map((i) => i.band!.points)).toEqual([60, 70, 60, 100, 40, 80, 60, 100, 70]);
    // Lost (max − points) × weight / 100: on-time 40×25 = 10, litigation 60×10 = 6, overdue 30×15 = 4.5, amount 4 …
    expect(e.explanation.biggestLosses.map((l) => [l.item, l.lost])).toEqual([
      ['on_time_rate', exact(10)],
      ['litigation_count', exact(6)],
      ['overdue_count', exact(9, 2)],
    ]);
    expect(e.explanation.nextGrade!.neededText).toBe('10.0');
  });
});
