// Customers: the credit archive at 100,000 customers and 2,000,000 transactions, encrypted,
// built by the demo generator through the host (customers, contracts, transactions and
// payments imported as CSV files by imports.run; qualifications, credit events, feedback
// and reports entered by hand for a sample). Then, through the host as a user works:
//   - search latency (customers.search, its audit entry and commit included);
//   - import of 1,000,000 transactions from CSV (imports.run) against a raw prepared
//     INSERT loop of the same rows into a copy of the same archive;
//   - customer-file open time (customers.get: every tab's data and the figures);
//   - the archive's size on disk.
// Each latency has a baseline beside it: the same service function (searchCustomers,
// customerFileOf) on a second connection to the same file, without the router (no input
// validation, no audit entry, no commit), so a miss can be placed on the query or the call.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { closeArchive, openArchive, type OpenArchive } from '../../src/main/archive/archive';
import { createArchiveHost, send, type ArchiveHost } from '../../src/main/host';
import { CONTRACT_PREFIX, planDemo, type DemoCustomer, type DemoPlan, type DemoTransaction } from '../../src/main/demo/generate';
import { transactionsCsv } from '../../src/main/demo/csv';
import { DemoClock } from '../../src/main/demo/clock';
import { loadDemo, logoutAll } from '../../src/main/demo/load';
import { Draw, prng } from '../../src/main/demo/random';
import { customerFileOf } from '../../src/main/services/customers/file';
import { searchCustomers } from '../../src/main/services/customers/search';
import { dayOf } from '../../src/shared/domain/receivables';
import { timeMs } from '../lib/measure';
import { percentile, tenth } from '../lib/stats';
import type { BenchContext, BenchGroup, Comparison, Figure, GroupResult } from '../lib/types';

const SEED = 20260101;
const PASSWORD = 'Bench-Archive-Pass-2026';
/** Key derivation for the few logins of the benchmark (the archive itself is the same). */
const KDF = { N: 2 ** 14, r: 8, p: 1 };
const QUERIES = 200;
const OPENS = 200;
const WARM_UP = 20;
/** Customers whose files get records entered by hand (and are opened). */
const SAMPLE = 400;
/** The customer list asks for pages of this many rows (CustomersPage PAGE_SIZE). */
const PAGE = 200;
const TARGETS = { searchP95Ms: 50, openP95Ms: 30, importVsRaw: 2 };

type QueryKind = 'name' | 'code' | 'contract';
interface Query {
  kind: QueryKind;
  text: string;
}

/** The legal form that ends a company name: not what anyone searches for. */
const FORM = /(（[^）]+）)?(集团有限公司|股份有限公司|有限责任公司|有限公司|分公司)$/;

/**
 * 200 searches as people type them: 2-character fragments of a name (anywhere in it but
 * the legal form), credit-code prefixes of 6–18 characters, whole contract numbers.
 */
function queriesOf(plan: DemoPlan, n: number, seed: number): Query[] {
  const draw = new Draw(prng(seed));
  const out: Query[] = [];
  for (let i = 0; i < n; i++) {
    const kind: QueryKind = i % 4 < 2 ? 'name' : i % 4 === 2 ? 'code' : 'contract';
    const c = draw.pick(plan.customers);
    if (kind === 'name') {
      const chars = Array.from(c.name.replace(FORM, ''));
      const at = draw.int(0, chars.length - 2);
      out.push({ kind, text: chars[at]! + chars[at + 1]! });
    } else if (kind === 'code') {
      const code = c.creditCode ?? c.idNumber!;
      out.push({ kind, text: code.slice(0, draw.int(6, 18)) });
    } else {
      out.push({ kind, text: draw.pick(plan.contracts).contractNo });
    }
  }
  return out;
}

async function login(host: ArchiveHost, username: string): Promise<string> {
  return (await send(host, null, 'auth.login', { username, password: PASSWORD })).session;
}

/** Milliseconds of one call, without a forced collection (latency samples: a pause is part of what users feel). */
async function elapsedMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const thousands = (n: number) => n.toLocaleString('en-US');

/** The same rows as the import writes, as column values, and the raw loop that inserts them. */
function rawRows(open: OpenArchive, rows: readonly DemoTransaction[], customers: readonly DemoCustomer[]): unknown[][] {
  const ids = new Map<string, string>();
  for (const r of open.sqlite.prepare('SELECT id, credit_code, id_number FROM customers').iterate() as Iterable<{ id: string; credit_code: string | null; id_number: string | null }>) {
    ids.set(r.credit_code ?? r.id_number!, r.id);
  }
  const contracts = new Map<string, string>();
  for (const r of open.sqlite.prepare('SELECT id, contract_no FROM contracts').iterate() as Iterable<{ id: string; contract_no: string }>) contracts.set(r.contract_no, r.id);
  const importId = uuidv7();
  const at = new Date().toISOString();
  return rows.map((t) => {
    const c = customers[t.customerIndex]!;
    const customerId = ids.get(c.creditCode ?? c.idNumber!);
    if (!customerId) throw new Error(`customer missing from the copy: ${c.name}`);
    return [uuidv7(), customerId, t.contractNo ? contracts.get(t.contractNo)! : null, t.kind, t.docNo, t.amountFen, t.occurredOn, t.dueOn, importId, at];
  });
}

function insertRaw(open: OpenArchive, rows: readonly unknown[][]): void {
  const stmt = open.sqlite.prepare(
    `INSERT INTO transactions (id, customer_id, contract_id, kind, doc_no, amount_fen, occurred_on, due_on, import_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  open.sqlite.transaction(() => {
    for (const r of rows) stmt.run(r);
  })();
}

/** Where an import's time goes: the job's phases, seen by polling jobs.progress as the import screen does. */
function watchPhases(host: ArchiveHost, session: string, jobId: string, log: (line: string) => void): { stop(): Record<string, number> } {
  const started = performance.now();
  const seen = new Map<string, number>();
  let last = '';
  const poll = setInterval(() => {
    void send(host, session, 'jobs.progress', { jobId }).then((p) => {
      if (!p) return;
      if (!seen.has(p.phase)) seen.set(p.phase, performance.now());
      // A line per phase and per fifth of it.
      const step = `${p.phase} ${p.total > 0 ? Math.floor((p.done * 5) / p.total) : 0}`;
      if (step !== last) log(`  import ${p.phase} ${thousands(p.done)}/${thousands(p.total)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      last = step;
    });
  }, 250);
  return {
    stop() {
      clearInterval(poll);
      const end = performance.now();
      const order = ['reading', 'checking', 'writing'];
      const at = order.map((p) => seen.get(p));
      const out: Record<string, number> = {};
      order.forEach((p, i) => {
        const from = i === 0 ? started : at[i];
        const to = at.slice(i + 1).find((x) => x !== undefined) ?? end;
        if (from !== undefined) out[p] = (to - from) / 1000;
      });
      return out;
    },
  };
}

async function run(ctx: BenchContext): Promise<GroupResult> {
  const { log } = ctx;
  const nCustomers = ctx.customers;
  const nTransactions = Math.max(2, ctx.transactions);
  const measured = Math.floor(nTransactions / 2);
  const dir = join(ctx.dir, 'customers-archive');
  const rawDir = join(ctx.dir, 'customers-raw');
  const today = dayOf(new Date());

  // ---- Build-up (timed apart from the measurements).
  log(`customers: building an archive of ${thousands(nCustomers)} customers and ${thousands(nTransactions - measured)} transactions (+${thousands(measured)} imported below)`);
  const buildStarted = performance.now();
  const plan = planDemo({ seed: SEED, customers: nCustomers, today, transactions: nTransactions });
  const step = Math.max(1, Math.floor(nCustomers / SAMPLE));
  const inSample = (c: DemoCustomer) => c.index % step === 0;
  const clock = new DemoClock();
  let host = createArchiveHost({ dir, kdfCost: KDF, clock });
  const built = await loadDemo({
    host,
    clock,
    plan,
    admin: { username: 'admin', displayName: '王建国' },
    password: PASSWORD,
    companyName: '华东精密仪器股份有限公司',
    customersVia: 'import',
    withRecords: inSample,
    verified: inSample,
    holdBackTransactions: measured,
    filePerYear: false, // fewer, larger files: each import loads the archive's customers and contracts once
    maxRowsPerFile: 1_000_000,
    log: (line) => log(`  ${line}`),
  });
  let base64 = transactionsCsv(built.heldBack, plan.customers).base64();
  const csvBytes = Buffer.byteLength(base64, 'base64');
  await logoutAll(host, built.sessions); // the last session closes the archive: checkpointed, a clean copy
  await host.close();
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  log(`customers: built in ${buildSeconds.toFixed(0)} s (${Object.entries(built.timings).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(', ')})`);

  // ---- Import: raw loop on a copy, then imports.run on the archive; both start cold.
  cpSync(dir, rawDir, { recursive: true });
  log(`customers: raw INSERT loop of ${thousands(measured)} transactions into a copy of the archive`);
  const raw = (await openArchive({ dir: rawDir, kdfCost: KDF }, 'user', 'sunli', PASSWORD)).archive;
  let rawMs: number;
  let rawCpu: NodeJS.CpuUsage;
  try {
    const rows = rawRows(raw, built.heldBack, plan.customers);
    const cpu = process.cpuUsage();
    rawMs = await timeMs(() => insertRaw(raw, rows));
    rawCpu = process.cpuUsage(cpu);
  } finally {
    await closeArchive(raw);
    rmSync(rawDir, { recursive: true, force: true });
  }
  log(`  raw: ${(rawMs / 1000).toFixed(1)} s (CPU ${cpuSeconds(rawCpu).toFixed(1)} s)`);

  host = createArchiveHost({ dir, kdfCost: KDF });
  const service = await login(host, 'sunli');
  const jobId = randomUUID();
  log(`customers: imports.run of ${thousands(measured)} transactions (${mb(csvBytes)} of CSV)`);
  const phases = watchPhases(host, service, jobId, log);
  let written = 0;
  const cpu = process.cpuUsage();
  const importMs = await timeMs(async () => {
    written = (await send(host, service, 'imports.run', { kind: 'transactions', format: 'csv', fileName: '销售明细_导入测试.csv', contentBase64: base64, jobId })).written;
  });
  const importCpu = process.cpuUsage(cpu);
  const phaseSeconds = phases.stop();
  if (written !== measured) throw new Error(`imported ${written} rows, expected ${measured}`);
  base64 = ''; // let the collector have the file and the held-back rows
  const heldBack = built.heldBack.length;
  built.heldBack.length = 0;
  log(`  import: ${(importMs / 1000).toFixed(1)} s, CPU ${cpuSeconds(importCpu).toFixed(1)} s (${Object.entries(phaseSeconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')})`);

  // ---- Search and file open, through the host; the baseline on a second connection.
  const manager = await login(host, 'zhouhui');
  const direct = (await openArchive({ dir, kdfCost: KDF }, 'user', 'zhouhui', PASSWORD)).archive;
  const queries = queriesOf(plan, QUERIES, SEED + 1);
  const warmQueries = queriesOf(plan, WARM_UP, SEED + 2);
  const searchCriteria = (q: Query) => ({ text: q.text, offset: 0, limit: PAGE });
  const hostSearch: number[] = [];
  const directSearch: number[] = [];
  const totals: number[] = [];
  const sampleIds: string[] = [];
  const openIds: string[] = [];
  const hostOpen: number[] = [];
  const directOpen: number[] = [];
  const transactionsOpened: number[] = [];
  let sizes: Record<string, number> = {};
  try {
    log(`customers: ${WARM_UP} warm-up searches, then ${QUERIES} timed (host and direct, alternating)`);
    await timeMs(async () => {
      for (const q of warmQueries) {
        await send(host, manager, 'customers.search', searchCriteria(q));
        await searchCustomers(direct.db, searchCriteria(q));
      }
    }); // after a collection
    for (const [i, q] of queries.entries()) {
      const viaHost = async () => {
        let total = 0;
        const ms = await elapsedMs(async () => {
          total = (await send(host, manager, 'customers.search', searchCriteria(q))).total;
        });
        hostSearch.push(ms);
        totals.push(total);
      };
      const viaDirect = async () => directSearch.push(await elapsedMs(() => searchCustomers(direct.db, searchCriteria(q))));
      if (i % 2 === 0) {
        await viaHost();
        await viaDirect();
      } else {
        await viaDirect();
        await viaHost();
      }
    }

    // Files to open: customers of the sample, found by code as a user finds them.
    const draw = new Draw(prng(SEED + 3));
    const sample = plan.customers.filter(inSample);
    for (const c of sample) {
      const code = c.creditCode ?? c.idNumber!;
      const found = await searchCustomers(direct.db, { text: code, offset: 0, limit: 5 });
      const id = found.rows.find((r) => r.creditCode === code || r.idNumber === code)?.id;
      if (!id) throw new Error(`sample customer not found: ${code}`);
      sampleIds.push(id);
    }
    for (let i = 0; i < OPENS + WARM_UP; i++) openIds.push(draw.pick(sampleIds));
    log(`customers: ${WARM_UP} warm-up file opens, then ${OPENS} timed (host and direct, alternating)`);
    for (const [i, id] of openIds.entries()) {
      const purpose = '年度信用评审';
      const viaHost = async () => {
        let n = 0;
        const ms = await elapsedMs(async () => {
          n = (await send(host, manager, 'customers.get', { id, purpose })).transactions.length;
        });
        if (i >= WARM_UP) {
          hostOpen.push(ms);
          transactionsOpened.push(n);
        }
      };
      const viaDirect = async () => {
        const ms = await elapsedMs(() => customerFileOf(direct.db, id, today));
        if (i >= WARM_UP) directOpen.push(ms);
      };
      if (i % 2 === 0) {
        await viaHost();
        await viaDirect();
      } else {
        await viaDirect();
        await viaHost();
      }
    }

    // Size by table and index (dbstat), read before closing.
    const stat = direct.sqlite.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    const owners = direct.sqlite.prepare(`SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')`).all() as { name: string; tbl_name: string }[];
    const tableOf = new Map(owners.map((o) => [o.name, o.tbl_name]));
    for (const s of stat) {
      const table = tableOf.get(s.name) ?? s.name;
      sizes[table] = (sizes[table] ?? 0) + s.bytes;
    }
  } finally {
    await closeArchive(direct);
  }
  await send(host, manager, 'auth.logout', {});
  await send(host, service, 'auth.logout', {});
  await host.close();
  const dbBytes = fileSize(join(dir, 'archive.db'));
  const walBytes = fileSize(join(dir, 'archive.db-wal'));
  sizes = Object.fromEntries(Object.entries(sizes).sort((a, b) => b[1] - a[1]));

  // ---- Figures.
  const byKind = (kind: QueryKind) => hostSearch.filter((_, i) => queries[i]!.kind === kind);
  const f = (name: string, value: number, unit: string, runs?: number[]): Figure => ({ name, value, unit, ...(runs ? { runs } : {}) });
  const ratio = (name: string, a: number, b: number): Figure => f(name, Number((a / b).toFixed(3)), 'x');
  const perCustomer = ['customers', 'customer_contacts', 'search_grams'].reduce((t, k) => t + (sizes[k] ?? 0), 0);
  const figures: Figure[] = [
    f('customers.size.customers', nCustomers, 'rows'),
    f('customers.size.transactions', nTransactions, 'rows'),
    f('customers.build.s', Math.round(buildSeconds), 's'),
    // Search.
    f('customers.search.host.p50_ms', tenth(percentile(hostSearch, 50)), 'ms'),
    f('customers.search.direct.p50_ms', tenth(percentile(directSearch, 50)), 'ms'),
    f('customers.search.host.p95_ms', tenth(percentile(hostSearch, 95)), 'ms', hostSearch),
    f('customers.search.direct.p95_ms', tenth(percentile(directSearch, 95)), 'ms', directSearch),
    f('customers.search.target.p95_ms', TARGETS.searchP95Ms, 'ms'),
    ...(['name', 'code', 'contract'] as const).flatMap((k) => [
      f(`customers.search.host.${k}.p50_ms`, tenth(percentile(byKind(k), 50)), 'ms'),
      f(`customers.search.host.${k}.p95_ms`, tenth(percentile(byKind(k), 95)), 'ms', byKind(k)),
    ]),
    f('customers.search.host.over_target.share', tenth((100 * hostSearch.filter((ms) => ms > TARGETS.searchP95Ms).length) / hostSearch.length), '%'),
    f('customers.search.results.median', percentile(totals, 50), 'rows'),
    // Import.
    f('customers.import.csv.rows_per_s', Math.round((measured * 1000) / importMs), 'rows/s'),
    f('customers.import.raw.rows_per_s', Math.round((measured * 1000) / rawMs), 'rows/s'),
    f('customers.import.csv.s', tenth(importMs / 1000), 's'),
    f('customers.import.raw.s', tenth(rawMs / 1000), 's'),
    f('customers.import.csv.cpu_s', tenth(cpuSeconds(importCpu)), 's'),
    f('customers.import.raw.cpu_s', tenth(cpuSeconds(rawCpu)), 's'),
    ...Object.entries(phaseSeconds).map(([phase, s]) => f(`customers.import.csv.${phase}.s`, tenth(s), 's')),
    // File open.
    f('customers.open.host.p50_ms', tenth(percentile(hostOpen, 50)), 'ms'),
    f('customers.open.direct.p50_ms', tenth(percentile(directOpen, 50)), 'ms'),
    f('customers.open.host.p95_ms', tenth(percentile(hostOpen, 95)), 'ms', hostOpen),
    f('customers.open.direct.p95_ms', tenth(percentile(directOpen, 95)), 'ms', directOpen),
    f('customers.open.target.p95_ms', TARGETS.openP95Ms, 'ms'),
    f('customers.open.transactions.median', percentile(transactionsOpened, 50), 'rows'),
    f('customers.open.transactions.max', Math.max(...transactionsOpened), 'rows'),
    // Size.
    f('customers.size.archive_bytes', dbBytes + walBytes, 'B'),
    f('customers.size.wal_bytes', walBytes, 'B'),
    f('customers.size.per_customer_bytes', Math.round(perCustomer / nCustomers), 'B'),
    f('customers.size.per_transaction_bytes', Math.round((sizes.transactions ?? 0) / nTransactions), 'B'),
    f('customers.size.archive_per_customer_bytes', Math.round((dbBytes + walBytes) / nCustomers), 'B'),
    f('customers.size.archive_per_transaction_bytes', Math.round((dbBytes + walBytes) / nTransactions), 'B'),
  ];
  const value = (name: string) => figures.find((x) => x.name === name)!.value;
  figures.push(
    ratio('customers.search.p95_vs_target.ratio', value('customers.search.host.p95_ms'), TARGETS.searchP95Ms),
    ratio('customers.search.host_vs_direct.ratio', value('customers.search.host.p50_ms'), value('customers.search.direct.p50_ms')),
    ratio('customers.import.csv_vs_raw.ratio', importMs, rawMs),
    ratio('customers.import.csv_vs_raw.cpu_ratio', cpuSeconds(importCpu), cpuSeconds(rawCpu)),
    ratio('customers.open.p95_vs_target.ratio', value('customers.open.host.p95_ms'), TARGETS.openP95Ms),
    ratio('customers.open.host_vs_direct.ratio', value('customers.open.host.p50_ms'), value('customers.open.direct.p50_ms')),
  );
  const comparisons: Comparison[] = [
    {
      ratio: 'customers.search.p95_vs_target.ratio',
      candidate: 'customers.search.host.p95_ms',
      baseline: 'customers.search.target.p95_ms',
      baselineLabel: 'target',
      max: 1,
    },
    {
      ratio: 'customers.search.host_vs_direct.ratio',
      candidate: 'customers.search.host.p50_ms',
      baseline: 'customers.search.direct.p50_ms',
      baselineLabel: 'direct, no router',
    },
    {
      ratio: 'customers.import.csv_vs_raw.ratio',
      candidate: 'customers.import.csv.rows_per_s',
      baseline: 'customers.import.raw.rows_per_s',
      baselineLabel: 'raw INSERT loop',
      max: TARGETS.importVsRaw,
    },
    {
      ratio: 'customers.import.csv_vs_raw.cpu_ratio',
      candidate: 'customers.import.csv.cpu_s',
      baseline: 'customers.import.raw.cpu_s',
      baselineLabel: 'raw INSERT loop, CPU',
    },
    {
      ratio: 'customers.open.p95_vs_target.ratio',
      candidate: 'customers.open.host.p95_ms',
      baseline: 'customers.open.target.p95_ms',
      baselineLabel: 'target',
      max: 1,
    },
    {
      ratio: 'customers.open.host_vs_direct.ratio',
      candidate: 'customers.open.host.p50_ms',
      baseline: 'customers.open.direct.p50_ms',
      baselineLabel: 'direct, no router',
    },
  ];

  const slowest = hostSearch
    .map((ms, i) => ({ ms, q: queries[i]!, total: totals[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((x) => `${x.q.kind} "${x.q.text}" ${x.ms.toFixed(0)} ms (${thousands(x.total)} found)`);
  const tables = Object.entries(sizes)
    .slice(0, 8)
    .map(([t, b]) => `${t} ${mb(b)}`)
    .join(', ');
  return {
    figures,
    comparisons,
    notes: [
      `Archive: ${thousands(nCustomers)} customers (${thousands(plan.customers.filter((c) => c.kind === 'individual').length)} individuals), ` +
        `${thousands(plan.contracts.length)} contracts, ${thousands(nTransactions)} transactions, ${thousands(built.counts.payments ?? 0)} payments; ` +
        `records by hand for ${thousands(sampleIds.length)} customers. Built through the host in ${buildSeconds.toFixed(0)} s ` +
        `(${Object.entries(built.timings).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(', ')}), not part of any figure.`,
      `Search: ${QUERIES} queries through customers.search (offset 0, limit ${PAGE}, as the customer list pages), audit entry and commit included: ` +
        `${queries.filter((q) => q.kind === 'name').length} two-character name fragments (outside the legal form), ` +
        `${queries.filter((q) => q.kind === 'code').length} credit-code/ID prefixes of 6–18 characters, ${queries.filter((q) => q.kind === 'contract').length} contract numbers; ` +
        `after ${WARM_UP} warm-up queries. Direct = searchCustomers() on a second connection (no validation, audit or commit). Slowest: ${slowest.join('; ')}.`,
      `Import: ${thousands(heldBack)} transactions (${mb(csvBytes)} CSV, the newer half of each customer's) by imports.run into an archive already holding ` +
        `${thousands(nTransactions - measured)}; phases from jobs.progress: ${Object.entries(phaseSeconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}. ` +
        `Raw = one prepared INSERT per row, values prepared beforehand, one transaction, into a copy of the same archive (same schema, indexes, key, pragmas), ` +
        `opened cold like the archive. Ratio = import time / raw time (≤ ${TARGETS.importVsRaw} means ≥ 50% of the raw rate); one run each, so other load on the machine moves it. ` +
        `CPU ratio: this process's CPU time for each (waits for fsync are not CPU; parsing and checking are).`,
      `Open: ${OPENS} customers.get (purpose given, audit entry included) of ${thousands(sampleIds.length)} files with every tab filled, after ${WARM_UP} warm-ups; ` +
        `transactions per opened file: median ${percentile(transactionsOpened, 50)}, max ${Math.max(...transactionsOpened)}.`,
      `Size: archive.db ${mb(dbBytes)} + WAL ${mb(walBytes)} after the last session closed (checkpoint). Largest: ${tables}. ` +
        `Per customer = customers + contacts + search index (with their indexes); per transaction = the transactions table with its indexes.`,
      `Contract prefixes ${Object.values(CONTRACT_PREFIX).join('/')}; logins use a cheaper key derivation (N=2^14) than the product's default; nothing else differs.`,
    ],
  };
}

export const customers: BenchGroup = {
  name: 'customers',
  title: 'Customers: search, import, file open and archive size (encrypted archive, through the host)',
  run,
};
