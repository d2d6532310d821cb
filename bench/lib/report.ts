import type { Comparison, Figure } from './types';

export interface Verdict {
  comparison: Comparison;
  ratio: number;
  met: boolean | undefined; // undefined: no target
}

const grouped = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatValue(value: number, unit: string): string {
  if (unit === 'x') return value.toFixed(2);
  return Number.isInteger(value) || Math.abs(value) >= 1000 ? grouped(Math.round(value)) : grouped(value, 2);
}

/** Judges every comparison against its target. */
export function verdicts(figures: Figure[], comparisons: Comparison[]): Verdict[] {
  const byName = new Map(figures.map((f) => [f.name, f]));
  return comparisons.map((comparison) => {
    const ratio = byName.get(comparison.ratio)?.value;
    if (ratio === undefined) throw new Error(`comparison names a missing figure: ${comparison.ratio}`);
    return { comparison, ratio, met: comparison.max === undefined ? undefined : ratio <= comparison.max };
  });
}

/**
 * One row per measured figure. A figure that is the candidate of a comparison carries
 * its baseline, the ratio, the target and the verdict on the same row; ratio figures
 * themselves are listed under the table (and are all in the JSON).
 */
export function table(figures: Figure[], results: Verdict[]): string {
  const byName = new Map(figures.map((f) => [f.name, f]));
  const ratioNames = new Set(results.map((v) => v.comparison.ratio));
  const head = ['figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'result', 'runs (min–max)'];
  const body: string[][] = [];
  for (const f of figures) {
    if (ratioNames.has(f.name)) continue;
    const runs = f.runs && f.runs.length > 1 ? `${formatValue(Math.min(...f.runs), f.unit)}–${formatValue(Math.max(...f.runs), f.unit)}` : '';
    const cells = [f.name, formatValue(f.value, f.unit), f.unit, '', '', '', '', runs];
    for (const v of results.filter((r) => r.comparison.candidate === f.name)) {
      const base = byName.get(v.comparison.baseline)!;
      cells[3] = `${formatValue(base.value, base.unit)} ${base.unit} (${v.comparison.baselineLabel})`;
      cells[4] = `${v.ratio.toFixed(2)}x`;
      cells[5] = v.comparison.max === undefined ? '—' : `≤ ${v.comparison.max.toFixed(2)}x`;
      cells[6] = v.met === undefined ? 'info' : v.met ? 'PASS' : 'MISSED';
    }
    body.push(cells);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const right = new Set([1, 4]);
  const line = (cells: string[]) =>
    cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The targets block: every ratio figure by its stable name, with the verdict. */
export function targets(results: Verdict[]): string {
  const w = Math.max(...results.map((v) => v.comparison.ratio.length));
  return results
    .map((v) => {
      const target = v.comparison.max === undefined ? 'no target' : `target ≤ ${v.comparison.max.toFixed(2)}`;
      const verdict = v.met === undefined ? '' : v.met ? 'PASS' : `MISSED (${v.ratio.toFixed(2)} > ${v.comparison.max!.toFixed(2)})`;
      return `  ${v.comparison.ratio.padEnd(w)}  ${v.ratio.toFixed(2).padStart(6)}x  ${target.padEnd(16)}  ${verdict}`.trimEnd();
    })
    .join('\n');
}
