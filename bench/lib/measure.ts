import v8 from 'node:v8';
import vm from 'node:vm';

// A collection between measurements keeps one run's garbage out of the next run's time.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds taken by `fn` (sync or async), after a garbage collection. */
export async function timeMs(fn: () => unknown): Promise<number> {
  gc();
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs each variant `repeat` times, interleaved (A B C A B C …) so drift of the machine
 * (other load, page cache, CPU frequency) falls on all variants alike. A variant does its
 * own setup and teardown and returns the milliseconds of the part it times (timeMs).
 * `rounds` lets a slow variant run fewer times, spread evenly over the rounds.
 */
export async function interleaved<K extends string>(
  repeat: number,
  variants: Record<K, () => Promise<number>>,
  options: { rounds?: Partial<Record<K, number>>; onRun?: (variant: K, round: number, ms: number) => void } = {},
): Promise<Record<K, number[]>> {
  const keys = Object.keys(variants) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const plan = new Map<K, Set<number>>();
  for (const k of keys) {
    const n = Math.min(repeat, Math.max(1, options.rounds?.[k] ?? repeat));
    plan.set(k, new Set(Array.from({ length: n }, (_, i) => (n === 1 ? 0 : Math.round((i * (repeat - 1)) / (n - 1))))));
  }
  for (let round = 0; round < repeat; round++) {
    for (const k of keys) {
      if (!plan.get(k)!.has(round)) continue;
      const ms = await variants[k]();
      out[k].push(ms);
      options.onRun?.(k, round, ms);
    }
  }
  return out;
}

/** Rows per second of each run, from run times in milliseconds. */
export const rowsPerSecond = (rows: number, ms: number[]): number[] => ms.map((t) => (rows * 1000) / t);
