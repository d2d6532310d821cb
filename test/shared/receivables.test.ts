import { describe, expect, it } from 'vitest';
import { creditFigures, yearsBetween } from '../../src/shared/domain/receivables';

const sale = (amountFen: number, occurredOn: string, dueOn: string | null) => ({ amountFen, occurredOn, dueOn });
const credit = (amountFen: number, on: string) => ({ amountFen, on });

describe('credit figures from transactions and payments', () => {
  it('ages what is still owed by days since the sale', () => {
    const f = creditFigures(
      [sale(100_00, '2026-10-25', '2026-11-24'), sale(200_00, '2026-09-20', '2026-10-20'), sale(300_00, '2026-08-15', '2026-09-14'), sale(400_00, '2026-06-01', '2026-07-01')],
      [],
      [],
      '2026-11-01',
    );
    expect(f.ageing).toEqual({ d0_30: 100_00, d31_60: 200_00, d61_90: 300_00, over90: 400_00 });
    expect(f.receivableFen).toBe(1000_00);
    expect(f.overdueCount).toBe(3);
    expect(f.overdueFen).toBe(900_00);
    expect(f.onTimeRate).toBe(0);
  });

  it('settles the oldest due sales first and counts late settlements as overdue', () => {
    const f = creditFigures(
      [sale(100_00, '2026-01-01', '2026-01-31'), sale(100_00, '2026-02-01', '2026-03-02'), sale(100_00, '2026-03-01', '2026-03-31')],
      [credit(20_00, '2026-01-10')], // a return
      [credit(80_00, '2026-01-30'), credit(100_00, '2026-03-10'), credit(50_00, '2026-03-20')],
      '2026-05-01',
    );
    // Sale 1 settled 01-30 (on time); sale 2 settled 03-10 (late); sale 3 half open, past due.
    expect(f.onTimeRate).toBeCloseTo(1 / 3);
    expect(f.overdueCount).toBe(2);
    expect(f.overdueFen).toBe(50_00);
    expect(f.receivableFen).toBe(50_00);
    expect(f).toMatchObject({ salesFen: 300_00, returnsFen: 20_00, paidFen: 230_00 });
  });

  it('has no on-time rate before anything is due, and ignores the future', () => {
    const f = creditFigures([sale(100_00, '2026-10-01', '2026-12-01')], [], [credit(10_00, '2026-12-05')], '2026-10-15');
    expect(f.onTimeRate).toBeNull();
    expect(f.receivableFen).toBe(100_00);
    expect(f.paidFen).toBe(0);
  });

  it('counts an advance payment as a negative receivable', () => {
    const f = creditFigures([sale(100_00, '2026-01-01', '2026-02-01')], [], [credit(150_00, '2026-01-05')], '2026-03-01');
    expect(f.receivableFen).toBe(-50_00);
    expect(f.onTimeRate).toBe(1);
  });

  it('years of cooperation', () => {
    expect(yearsBetween('2020-11-01', '2026-11-01')).toBe(6);
    expect(yearsBetween('2026-05-01', '2026-11-01')).toBe(0.5);
  });
});
