// Seeded randomness and calendar days for the demo generator: the same seed (and the
// same "today") gives the same customers, byte for byte.

import { dayNumber as dayNumberOf } from '../../shared/domain/receivables';

export type Rng = () => number;

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for one customer's own stream, independent of how many draws the others made. */
export function mixSeed(seed: number, n: number, salt = 0): number {
  let h = (seed ^ Math.imul(n + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Draw {
  constructor(readonly rnd: Rng) {}
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }
  weighted<T extends { weight: number }>(xs: readonly T[]): T {
    const total = xs.reduce((t, x) => t + x.weight, 0);
    let r = this.rnd() * total;
    for (const x of xs) {
      r -= x.weight;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]!;
  }
  /** Log-normal around `median`, spread `sigma` (natural log units). */
  logNormal(median: number, sigma: number): number {
    const u = Math.max(1e-12, this.rnd());
    const v = this.rnd();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.rnd() * 10));
    return s;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

const DAY_MS = 86_400_000;

// Millions of day sums make up a large demo: both directions are remembered (a few
// tens of thousands of distinct days at most).
const numberOfDay = new Map<string, number>();
const dayOfNumber = new Map<number, string>();

export function dayNumber(day: string): number {
  let n = numberOfDay.get(day);
  if (n === undefined) {
    n = dayNumberOf(day);
    numberOfDay.set(day, n);
  }
  return n;
}

export function dayFromNumber(n: number): string {
  let day = dayOfNumber.get(n);
  if (day === undefined) {
    day = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dayOfNumber.set(n, day);
  }
  return day;
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}
