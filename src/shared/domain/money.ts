// Money as the archive keeps it: integer fen (分). What a user types is yuan (元) as text;
// it becomes fen by reading the digits, never through floating point (0.29 * 100 is
// 28.999999999999996). Shown as ¥ with two decimals in the interface's locale.

/** The largest amount the contract accepts: 10^15 fen (10^13 yuan). */
export const MAX_FEN = 1e15;

export type YuanProblem = 'invalid' | 'decimals' | 'negative' | 'tooLarge';

const SHAPE = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Yuan as typed (`12345.67`, `12,345.6`, `¥ 8000`, full-width digits) to fen, exactly;
 * null for an empty text.
 */
export function parseYuan(raw: string): { ok: true; fen: number } | { ok: false; problem: YuanProblem } | null {
  let text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return null;
  text = text.replace(/^(?:¥|￥|RMB|CNY)/i, '').replace(/元$/, '');
  if (/^[-−]/.test(text)) return { ok: false, problem: 'negative' };
  if (text.startsWith('+')) text = text.slice(1);
  const match = SHAPE.exec(text);
  if (!match || (match[1] === undefined && !match[2])) return { ok: false, problem: 'invalid' };
  const whole = (match[1] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, problem: 'decimals' };
  if (whole.length > 13) return { ok: false, problem: 'tooLarge' };
  // Both parts are integers below 2^53: the sum is exact.
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, problem: 'tooLarge' };
  return { ok: true, fen };
}

/** Fen as yuan text for an input field (`1234.5` fen 123450 -> `1234.50`), exact. */
export function fenToYuanText(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs - yuan * 100;
  return `${negative ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formats.set(locale, format);
  }
  return format;
}

/**
 * Fen as money in the locale: `¥1,234,567.89`. The yuan are grouped by Intl; the two
 * decimals are the fen themselves, so nothing is rounded on the way.
 */
export function formatFen(fen: number, locale: string): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs - yuan * 100).padStart(2, '0');
  const text = formatFor(locale)
    .formatToParts(yuan)
    .map((part) => (part.type === 'fraction' ? cents : part.value))
    .join('');
  return negative ? `-${text}` : text;
}
