// Exact scores. A score is a fraction of integers so that a grade is decided on the exact
// value (89.5 is B, never rounded into A); floats appear only when a score is shown.

export interface Exact {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export function exact(num: number, den = 1): Exact {
  if (den === 0) throw new RangeError('denominator 0');
  const sign = den < 0 ? -1 : 1;
  const g = gcd(num, den) || 1;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareExact(a: Exact, b: Exact): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function addExact(a: Exact, b: Exact): Exact {
  return exact(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subExact(a: Exact, b: Exact): Exact {
  return exact(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function toNumber(a: Exact): number {
  return a.num / a.den;
}

function tenthsText(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/**
 * One decimal, cut toward zero (never up): a score just under a band edge never reads as
 * the edge, so the figure shown always agrees with the grade (89.96 shows 89.9 and is B).
 */
export function scoreText(a: Exact): string {
  const n = a.num * 10;
  return tenthsText((n - (n % a.den)) / a.den);
}

/** One decimal, rounded up: the points still needed to reach a band, so that adding them suffices. */
export function neededText(a: Exact): string {
  const n = a.num * 10;
  const r = n % a.den;
  const down = (n - r) / a.den;
  return tenthsText(r > 0 ? down + 1 : down);
}
