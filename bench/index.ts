// npm run bench [-- --json FILE] [--rows N] [--repeat N] [--group NAME] [--customers N] [--transactions N]
//
// Runs every group of bench/groups/, prints a table per group (figure, value, unit,
// baseline, ratio, target, result) and, with --json, writes every figure to FILE as
// { "<figure name>": { "value": n, "unit": "…" } }. A benchmark reports: the exit code
// is 0 even when a target is MISSED; it is non-zero only when the benchmark itself fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { groups } from './groups/index';
import { table, targets, verdicts, type Verdict } from './lib/report';
import type { Figure } from './lib/types';

const USAGE =
  'usage: npm run bench -- [--json FILE] [--rows N] [--repeat N] [--group NAME] [--customers N] [--transactions N] [--quiet]\n' +
  '  --rows N          rows per storage measurement (100,000)\n' +
  '  --customers N     customers in the archive of the customers group (100,000)\n' +
  '  --transactions N  transactions in it, half of them imported while measured (2,000,000)';

function positiveInt(text: string | undefined, fallback: number, what: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, not ${text}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      rows: { type: 'string' },
      repeat: { type: 'string' },
      group: { type: 'string' },
      customers: { type: 'string' },
      transactions: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const rows = positiveInt(values.rows, 100_000, '--rows');
  const repeat = positiveInt(values.repeat, 5, '--repeat');
  const customers = positiveInt(values.customers, 100_000, '--customers');
  const transactions = positiveInt(values.transactions, 2_000_000, '--transactions');
  const selected = values.group ? groups.filter((g) => g.name === values.group) : groups;
  if (selected.length === 0) throw new Error(`no group named ${values.group}; groups: ${groups.map((g) => g.name).join(', ')}`);
  // npm runs scripts in the package folder; a relative FILE means the caller's folder.
  const jsonFile = values.json ? resolve(process.env.INIT_CWD ?? process.cwd(), values.json) : undefined;

  const dir = mkdtempSync(resolve(tmpdir(), 'archive-bench-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const started = Date.now();
  const log = values.quiet ? () => {} : (line: string) => console.error(line);
  const cores = cpus().length;
  const busy = (when: string) => {
    const load = loadavg()[0]!;
    if (load > cores * 0.75) console.log(`warning: load average ${load.toFixed(1)} on ${cores} cores ${when}: other work competes, figures are noisy`);
  };
  console.log(`bench: Node ${process.version}, ${cores} × ${cpus()[0]?.model.trim() ?? 'cpu'}; ${rows} rows, median of ${repeat}`);
  busy('before the run');
  const all: Figure[] = [];
  const missed: Verdict[] = [];
  try {
    for (const group of selected) {
      const result = await group.run({ dir, rows, repeat, customers, transactions, log });
      const judged = verdicts(result.figures, result.comparisons);
      all.push(...result.figures);
      missed.push(...judged.filter((v) => v.met === false));
      console.log(`\n== ${group.title}\n`);
      console.log(table(result.figures, judged));
      console.log(`\nratios (time of candidate / time of baseline; lower is better):`);
      console.log(targets(judged));
      console.log('');
      for (const note of result.notes) console.log(`  · ${note}`);
    }
  } finally {
    cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const names = new Set<string>();
  for (const f of all) {
    if (names.has(f.name)) throw new Error(`figure named twice: ${f.name}`);
    names.add(f.name);
  }
  if (jsonFile) {
    const out = Object.fromEntries(all.map((f) => [f.name, { value: f.value, unit: f.unit }]));
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, JSON.stringify(out, null, 2) + '\n');
    console.log(`\nfigures written to ${jsonFile}`);
  }
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
  busy('at the end');
  if (missed.length > 0) {
    console.log(`\nMISSED ${missed.length} target(s):`);
    for (const v of missed) console.log(`  MISSED  ${v.comparison.ratio} = ${v.ratio.toFixed(2)} (target ≤ ${v.comparison.max!.toFixed(2)})`);
  } else {
    console.log('\nall targets met');
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
