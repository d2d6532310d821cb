// Risk warnings (issue 12), at 100,000 customers and 2,000,000 transactions:
//   - warnings.evaluate_all.s: every rule over every customer, as the daily run at the first
//     login and a rule change do it (evaluateWarnings over all): every sale, return, payment,
//     credit event, qualification and grade read from the encrypted archive through the
//     product's Kysely queries, 核销, the ten rules, and the warnings reconciled and written
//     (the first run raises every warning the data deserves). Target ≤ 10 s.
//   - warnings.evaluate_all.steady.s: the same run again on the next day, nothing new to raise.
//   - warnings.list.p95_ms: warnings.list through the host, the first page of 50 open warnings,
//     most severe and oldest first, with the counts by severity (audit entry and commit
//     included). Target ≤ 20 ms.
// Customers, sales, payments, events and qualifications are inserted raw on the archive
// opened directly (as the evaluations group does); people and the list go through the host.
import { join } from 'node:path';
import { closeArchive, openArchive } from '../../src/main/archive/archive';
import { createArchiveHost, type ArchiveHost } from '../../src/main/host';
import { uuidIds } from '../../src/main/host/types';
import { evaluateWarnings, type EvaluationOutcome } from '../../src/main/services/warnings/evaluate';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { percentile, tenth } from '../lib/stats';
import type { BenchContext, BenchGroup, Comparison, Figure, GroupResult } from '../lib/types';

const PASSWORD = 'Bench-Archive-Pass-2026';
const KDF = { N: 2 ** 14, r: 8, p: 1 };
const TARGETS = { evaluateAllS: 10, listP95Ms: 20 };
const SAMPLES = 200;
const WARM_UP = 20;
const DAY_MS = 86_400_000;

async function call<T>(host: ArchiveHost, session: string | null, method: string, input: unknown): Promise<T> {
  const r = await host.call(session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const uuid = (prefix: string, i: number) => `${prefix}-0000-7000-8000-${String(i).padStart(12, '0')}`;

async function run(ctx: BenchContext): Promise<GroupResult> {
  const { log } = ctx;
  const nCustomers = ctx.customers;
  const nTransactions = Math.max(nCustomers, ctx.transactions);
  const dir = join(ctx.dir, 'warnings-archive');
  const now = new Date();
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
  const dayOf = (offset: number) => new Date(yearAgo.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

  // ---- People, through the host (their first logins run the daily rules over an empty archive).
  const started = performance.now();
  let host = createArchiveHost({ dir, kdfCost: KDF });
  const setup = await call<{ session: string }>(host, null, 'archive.setup', { companyName: '华东精密仪器股份有限公司', admin: { username: 'admin', displayName: '王建国', password: PASSWORD } });
  const roles = await call<{ id: string; code: string }[]>(host, setup.session, 'roles.list', {});
  const departments = await call<{ id: string; code: string }[]>(host, setup.session, 'departments.list', {});
  const role = (code: string) => roles.find((r) => r.code === code)!.id;
  const dept = (code: string) => departments.find((d) => d.code === code)!.id;
  const people: Record<string, string> = {};
  for (const [username, name, r, d] of [
    ['zhangsan', '张三', 'account_manager', 'business'],
    ['sunqi', '孙七', 'credit_manager', 'credit'],
  ] as const) {
    const user = await call<{ id: string }>(host, setup.session, 'users.create', { username, displayName: name, departmentId: dept(d), roleIds: [role(r)], password: `${PASSWORD}-first` });
    people[username] = user.id;
    const s = await call<{ session: string }>(host, null, 'auth.login', { username, password: `${PASSWORD}-first` });
    await call(host, s.session, 'auth.changePassword', { currentPassword: `${PASSWORD}-first`, newPassword: PASSWORD });
    await call(host, s.session, 'auth.logout', {});
  }
  await call(host, setup.session, 'auth.logout', {});
  await host.close();

  // ---- Customers and their records, raw on the archive opened directly.
  log(`warnings: ${nCustomers.toLocaleString('en-US')} customers, ${nTransactions.toLocaleString('en-US')} transactions with their payments`);
  let seed = 20261204;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const open = (await openArchive({ dir, kdfCost: KDF }, 'user', 'admin', PASSWORD)).archive;
  let payments = 0;
  try {
    const at = now.toISOString();
    const customer = open.sqlite.prepare(
      `INSERT INTO customers (id, kind, name, credit_code, department_id, confidentiality, entered_by, entered_at, created_at, updated_at, account_manager_id, credit_limit_fen, credit_term_days)
       VALUES (?, 'enterprise', ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, 30)`,
    );
    const sale = open.sqlite.prepare(
      `INSERT INTO transactions (id, customer_id, contract_id, kind, doc_no, amount_fen, occurred_on, due_on, import_id, created_at) VALUES (?, ?, NULL, 'sale', ?, ?, ?, ?, NULL, ?)`,
    );
    const payment = open.sqlite.prepare(`INSERT INTO payments (id, customer_id, contract_id, amount_fen, paid_on, ref, import_id, created_at) VALUES (?, ?, NULL, ?, ?, ?, NULL, ?)`);
    const event = open.sqlite.prepare(`INSERT INTO credit_events (id, customer_id, kind, occurred_on, title, amount_fen, created_at) VALUES (?, ?, ?, ?, '合同纠纷', 100000000, ?)`);
    const qualification = open.sqlite.prepare(`INSERT INTO qualifications (id, customer_id, kind, valid_from, valid_to, created_at) VALUES (?, ?, 'business_licence', '2020-01-01', ?, ?)`);
    const perCustomer = Math.floor(nTransactions / nCustomers);
    let t = 0;
    for (let from = 0; from < nCustomers; from += 10_000) {
      open.sqlite.transaction(() => {
        for (let c = from; c < Math.min(nCustomers, from + 10_000); c++) {
          const body = `9132${String(c).padStart(13, '0')}`;
          const id = uuid('0190c000', c);
          // One customer in ten pays badly: a third of its sales stay open.
          const badPayer = rand() < 0.1;
          customer.run(id, `预警基准客户${c}有限公司`, body + creditCodeCheckCharacter(body), dept('business'), people.zhangsan, at, at, at, people.zhangsan, 20_000_000 + Math.floor(rand() * 40_000_000));
          const n = perCustomer + (c < nTransactions % nCustomers ? 1 : 0);
          // Some customers stopped buying months ago (客户流失).
          const span = rand() < 0.05 ? 150 : 360;
          for (let i = 0; i < n; i++, t++) {
            const on = Math.floor(rand() * span);
            const amount = 1_000_00 + Math.floor(rand() * 50_000_00);
            const docNo = `FP${t}`;
            sale.run(uuid('0190d000', t), id, docNo, amount, dayOf(on), dayOf(on + 30), at);
            if (!(badPayer && rand() < 0.33) && on < 355) {
              payment.run(uuid('0190e000', t), id, amount, dayOf(Math.min(364, on + Math.floor(rand() * 40))), rand() < 0.5 ? docNo : null, at);
              payments++;
            }
          }
          if (rand() < 0.03) event.run(uuid('0190f000', c), id, rand() < 0.5 ? 'litigation' : 'blacklist', dayOf(Math.floor(rand() * 360)), at);
          qualification.run(uuid('01910000', c), id, dayOf(300 + Math.floor(rand() * 2000)), at);
        }
      })();
      if ((from + 10_000) % 50_000 === 0) log(`  ${(from + 10_000).toLocaleString('en-US')} customers`);
    }
  } finally {
    await closeArchive(open);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  log(`warnings: built in ${buildSeconds.toFixed(0)} s`);

  // ---- Every rule over every customer: the first run (raising), then the next day's (steady).
  const reopened = (await openArchive({ dir, kdfCost: KDF }, 'user', 'sunqi', PASSWORD)).archive;
  let first: EvaluationOutcome;
  let firstSeconds: number;
  let steadySeconds: number;
  let steady: EvaluationOutcome;
  try {
    let s = performance.now();
    first = await reopened.db.transaction().execute((tx) => evaluateWarnings(tx, now, uuidIds, null));
    firstSeconds = (performance.now() - s) / 1000;
    log(`warnings: evaluate_all in ${firstSeconds.toFixed(2)} s; ${JSON.stringify(first)}`);
    s = performance.now();
    steady = await reopened.db.transaction().execute((tx) => evaluateWarnings(tx, new Date(now.getTime() + DAY_MS), uuidIds, null));
    steadySeconds = (performance.now() - s) / 1000;
    log(`warnings: steady evaluate_all in ${steadySeconds.toFixed(2)} s; ${JSON.stringify(steady)}`);
  } finally {
    await closeArchive(reopened);
  }
  if (first.customers !== nCustomers) throw new Error(`evaluated ${first.customers} customers of ${nCustomers}`);

  // ---- The open list, through the host.
  host = createArchiveHost({ dir, kdfCost: KDF });
  const cm = (await call<{ session: string }>(host, null, 'auth.login', { username: 'sunqi', password: PASSWORD })).session;
  const listMs: number[] = [];
  let total = 0;
  let bySeverity: Record<string, number> = {};
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const start = process.hrtime.bigint();
    const page = await call<{ rows: unknown[]; total: number; bySeverity: Record<string, number> }>(host, cm, 'warnings.list', { status: 'open', limit: 50 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (page.rows.length !== Math.min(50, page.total)) throw new Error('a short page');
    total = page.total;
    bySeverity = page.bySeverity;
    if (i >= WARM_UP) listMs.push(ms);
  }
  await call(host, cm, 'auth.logout', {});
  await host.close();

  const f = (name: string, value: number, unit: string, runs?: number[]): Figure => ({ name, value, unit, ...(runs ? { runs } : {}) });
  const figures: Figure[] = [
    f('warnings.size.customers', nCustomers, 'rows'),
    f('warnings.size.transactions', nTransactions, 'rows'),
    f('warnings.size.payments', payments, 'rows'),
    f('warnings.size.open_warnings', total, 'rows'),
    f('warnings.build.s', Math.round(buildSeconds), 's'),
    f('warnings.evaluate_all.s', Number(firstSeconds.toFixed(2)), 's'),
    f('warnings.evaluate_all.target.s', TARGETS.evaluateAllS, 's'),
    f('warnings.evaluate_all.steady.s', Number(steadySeconds.toFixed(2)), 's'),
    f('warnings.list.p50_ms', tenth(percentile(listMs, 50)), 'ms'),
    f('warnings.list.p95_ms', tenth(percentile(listMs, 95)), 'ms', listMs),
    f('warnings.list.target.p95_ms', TARGETS.listP95Ms, 'ms'),
  ];
  const value = (name: string) => figures.find((x) => x.name === name)!.value;
  figures.push(
    f('warnings.evaluate_all.vs_target.ratio', Number((value('warnings.evaluate_all.s') / TARGETS.evaluateAllS).toFixed(3)), 'x'),
    f('warnings.list.p95_vs_target.ratio', Number((value('warnings.list.p95_ms') / TARGETS.listP95Ms).toFixed(3)), 'x'),
  );
  const comparisons: Comparison[] = [
    { ratio: 'warnings.evaluate_all.vs_target.ratio', candidate: 'warnings.evaluate_all.s', baseline: 'warnings.evaluate_all.target.s', baselineLabel: 'target', max: 1 },
    { ratio: 'warnings.list.p95_vs_target.ratio', candidate: 'warnings.list.p95_ms', baseline: 'warnings.list.target.p95_ms', baselineLabel: 'target', max: 1 },
  ];
  return {
    figures,
    comparisons,
    notes: [
      `evaluate_all: ${nTransactions.toLocaleString('en-US')} sales, ${payments.toLocaleString('en-US')} payments, credit events and qualifications of ${nCustomers.toLocaleString('en-US')} customers read through the product's queries, 核销, ten rules, warnings written in one transaction: first run ${JSON.stringify(first)}; the next day ${JSON.stringify(steady)}.`,
      `list: warnings.list (first page of 50 of ${total.toLocaleString('en-US')} open, by severity ${JSON.stringify(bySeverity)}), ${SAMPLES} calls after ${WARM_UP} warm-up.`,
    ],
  };
}

export const warnings: BenchGroup = {
  name: 'warnings',
  title: 'Risk warnings: every rule over every customer, and the open list',
  run,
};
