// The shape every benchmark group shares, so a later issue adds a group by adding one
// module under bench/groups/ and one line in bench/groups/index.ts.

/** One measured or derived number. `name` is stable across runs: compare by it. */
export interface Figure {
  /** Dotted, stable name: `<group>.<operation>.<variant>.<measure>`. */
  name: string;
  value: number;
  unit: string;
  /** The individual repetitions behind a median (shown as the spread). */
  runs?: number[];
}

/**
 * A ratio of two figures with an optional target. `ratio` names a figure of the same
 * group (unit "x") that holds candidate time / baseline time: lower is better.
 */
export interface Comparison {
  ratio: string;
  candidate: string;
  baseline: string;
  /** Short words for the baseline column, e.g. "plain". */
  baselineLabel: string;
  /** Target: ratio must be at most this. No target = reported only. */
  max?: number;
}

export interface GroupResult {
  figures: Figure[];
  comparisons: Comparison[];
  /** Lines printed under the group's table: configuration, caveats. */
  notes: string[];
}

export interface BenchContext {
  /** A temp folder of this run; removed at the end. */
  dir: string;
  /** Rows per measurement (100,000 unless --rows says otherwise). */
  rows: number;
  /** Timed repetitions per measurement; the median is reported. */
  repeat: number;
  /** Customers in the archive of the customers group (100,000 unless --customers says otherwise). */
  customers: number;
  /** Transactions in it (2,000,000 unless --transactions says otherwise). */
  transactions: number;
  log: (line: string) => void;
}

export interface BenchGroup {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<GroupResult>;
}
