// Percentiles of latency samples, and a seeded sample of indexes.

/** The p-th percentile (0–100) by the nearest-rank method: a value that was measured. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Rounded to a tenth (ms figures). */
export const tenth = (x: number): number => Math.round(x * 10) / 10;
