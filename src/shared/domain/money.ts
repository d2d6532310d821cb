// Money as the archive keeps it: integer fen (分). What a user types, and what a finance
// export holds, is yuan (元) as text; it becomes fen by reading the digits, never through
// floating point (0.29 * 100 is 28.999999999999996). Shown as ¥ with two decimals in the
// interface's locale. Forms and imports read money with this one parser.

/** The largest amount the archive holds: 10^15 fen (10^13 yuan), exact in a double. */
export const MAX_FEN = 1e15;

/** The most digits of whole yuan an amount may have: 10^13 yuan is 10^15 fen. */
const MAX_YUAN_DIGITS = 13;

export const YUAN_PROBLEMS = ['invalid', 'decimals', 'negative', 'tooLarge'] as const;
export type YuanProblem = (typeof YUAN_PROBLEMS)[number];

export type YuanReading = { ok: true; fen: number } | { ok: false; problem: YuanProblem };

const SHAPE = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Yuan as typed or exported to fen, exactly; null for an empty text. Accepts `12345.67`,
 * `12,345.6`, `.5`, `¥ 8000`, `RMB 100元`, full-width digits. A negative amount (`-5`,
 * `−5`, `(5.00)`) is `negative`; more than two decimals other than trailing zeros is
 * `decimals`; more than MAX_FEN is `tooLarge`.
 */
export function parseYuan(raw: string): YuanReading | null {
  // The common case first, without a regular expression: plain digits, up to two decimals.
  const plain = plainFen(raw);
  if (plain >= 0) return { ok: true, fen: plain };
  // Only fold what needs folding: NFKC of plain ASCII is itself.
  let text = (/^[\x20-\x7e]*$/.test(raw) ? raw : raw.normalize('NFKC')).replace(/\s+/g, '');
  if (text === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/^(?:¥|￥|RMB|CNY)/i, '').replace(/元$/, '');
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  if (text.startsWith('+')) text = text.slice(1);
  const match = SHAPE.exec(text);
  if (!match || (match[1] === undefined && !match[2])) return { ok: false, problem: 'invalid' };
  // A negative zero is zero.
  if (negative && /[1-9]/.test(text)) return { ok: false, problem: 'negative' };
  const whole = (match[1] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, problem: 'decimals' };
  if (whole.length > MAX_YUAN_DIGITS) return { ok: false, problem: 'tooLarge' };
  // Both parts are integers below 2^53: the sum is exact.
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, problem: 'tooLarge' };
  return { ok: true, fen };
}

/** `123`, `123.4`, `123.45` (at most 13 digits of yuan) in fen; -1 for anything else. */
function plainFen(text: string): number {
  const length = text.length;
  if (length === 0 || length > MAX_YUAN_DIGITS + 3) return -1;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === 0 || i > MAX_YUAN_DIGITS) return -1;
  if (i === length) return whole * 100;
  if (text.charCodeAt(i) !== 46 || length - i - 1 > 2 || length - i - 1 === 0) return -1;
  let cents = 0;
  for (let k = i + 1; k < i + 3; k++) {
    const c = k < length ? text.charCodeAt(k) - 48 : 0;
    if (c < 0 || c > 9) return -1;
    cents = cents * 10 + c;
  }
  return whole * 100 + cents;
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
