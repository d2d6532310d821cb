// Money typed in yuan becomes integer fen exactly (never through floating point), and fen
// is shown as ¥ with two decimals in the interface's locale.
import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, MAX_FEN, parseYuan } from '../../src/shared/domain/money';
import { contract } from '../../src/shared/contract';

describe('parseYuan', () => {
  it('reads yuan as typed into exact fen', () => {
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 }); // 0.29 * 100 is 28.999999999999996
    expect(parseYuan('1,250,000.50')).toEqual({ ok: true, fen: 125_000_050 });
    expect(parseYuan('¥ 86,500')).toEqual({ ok: true, fen: 8_650_000 });
    expect(parseYuan('30000.1')).toEqual({ ok: true, fen: 3_000_010 });
    expect(parseYuan('.5')).toEqual({ ok: true, fen: 50 });
    expect(parseYuan('１２３.４５')).toEqual({ ok: true, fen: 12_345 }); // full-width digits
    expect(parseYuan('100元')).toEqual({ ok: true, fen: 10_000 });
    expect(parseYuan('9999999999999.99')).toEqual({ ok: true, fen: 999_999_999_999_999 });
    expect(parseYuan('1.10')).toEqual({ ok: true, fen: 110 });
    expect(parseYuan('1.100')).toEqual({ ok: true, fen: 110 }); // trailing zeros are not fen
  });

  it('says what is wrong with what is not an amount', () => {
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('   ')).toBeNull();
    expect(parseYuan('12.345')).toEqual({ ok: false, problem: 'decimals' });
    expect(parseYuan('-5')).toEqual({ ok: false, problem: 'negative' });
    expect(parseYuan('12,34')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseYuan('1e5')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseYuan('abc')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseYuan('.')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseYuan('10000000000000')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseYuan('(1,000.00)')).toEqual({ ok: false, problem: 'negative' }); // an accountant's negative
    expect(parseYuan('¥-5')).toEqual({ ok: false, problem: 'negative' });
    expect(parseYuan('-0.00')).toEqual({ ok: true, fen: 0 }); // a negative zero is zero
  });

  it('never reads an amount the contract would refuse', () => {
    // At most 13 digits of yuan: the largest amount typed is below MAX_FEN.
    expect(parseYuan('9999999999999.99')).toEqual({ ok: true, fen: MAX_FEN - 1 });
    expect(parseYuan(fenToYuanText(MAX_FEN))).toEqual({ ok: false, problem: 'tooLarge' });
    const fen = contract['records.addContract'].input.shape.amountFen;
    expect(fen.safeParse(MAX_FEN).success).toBe(true);
    expect(fen.safeParse(MAX_FEN + 1).success).toBe(false);
  });
});

describe('formatFen', () => {
  it('shows ¥ with two decimals, grouped, in both languages', () => {
    expect(formatFen(125_000_050, 'zh-CN')).toBe('¥1,250,000.50');
    expect(formatFen(125_000_050, 'en-US')).toBe('¥1,250,000.50');
    expect(formatFen(0, 'zh-CN')).toBe('¥0.00');
    expect(formatFen(29, 'zh-CN')).toBe('¥0.29');
    expect(formatFen(-5_649_990, 'zh-CN')).toBe('-¥56,499.90');
    // The largest amount the archive holds is shown to the fen.
    expect(formatFen(999_999_999_999_999, 'zh-CN')).toBe('¥9,999,999,999,999.99');
  });

  it('gives back what an input shows for editing', () => {
    expect(fenToYuanText(125_000_050)).toBe('1250000.50');
    expect(fenToYuanText(7)).toBe('0.07');
    expect(parseYuan(fenToYuanText(999_999_999_999_999))).toEqual({ ok: true, fen: 999_999_999_999_999 });
  });
});
