// Evaluations (issue 9), at 100,000 customers and 2,000,000 transactions:
//   - evaluations.round.s: the year-end round's computation — the weighted model (seed 000)
//     for every customer from the archive: every sale, payment, credit event and feedback
//     read from the encrypted file (raw prepared statements, in customer order), settled
//     by 核销 (weightedIndicators) and scored (scoreEvaluation). Target ≤ 10 s.
//   - evaluations.open.p95_ms: evaluations.get through the host of an evaluation whose
//     sheets are all in (its explanation computed, the chain, people and actions answered,
//     the audit entry and commit included). Target ≤ 30 ms.
// Customers, sales and payments are inserted raw on the archive opened directly (as the
// approvals group does); people and evaluations go through the host.
import { join } from 'node:path';
import { closeArchive, openArchive } from '../../src/main/archive/archive';
import { createArchiveHost, type ArchiveHost } from '../../src/main/host';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import type { CreditToApply, SaleToSettle } from '../../src/shared/domain/receivables';
import { WEIGHTED_MODEL, itemValues, scoreEvaluation, weightedIndicators, type CustomerRecords } from '../../src/shared/domain/scoring';
import { percentile, tenth } from '../lib/stats';
import type { BenchContext, BenchGroup, Comparison, Figure, GroupResult } from '../lib/types';

const PASSWORD = 'Bench-Archive-Pass-2026';
const KDF = { N: 2 ** 14, r: 8, p: 1 };
const TARGETS = { roundS: 10, openP95Ms: 30 };
const EVALUATIONS = 100;
const SAMPLES = 200;
const WARM_UP = 20;

async function call<T>(host: ArchiveHost, session: string | null, method: string, input: unknown): Promise<T> {
  const r = await host.call(session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function elapsedMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const uuid = (prefix: string, i: number) => `${prefix}-0000-7000-8000-${String(i).padStart(12, '0')}`;
const DAY_MS = 86_400_000;

async function run(ctx: BenchContext): Promise<GroupResult> {
  const { log } = ctx;
  const nCustomers = ctx.customers;
  const nTransactions = Math.max(nCustomers, ctx.transactions);
  const dir = join(ctx.dir, 'evaluations-archive');
  const now = new Date();
  const asOf = now.toISOString().slice(0, 10);
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
  const dayOf = (offset: number) => new Date(yearAgo.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

  // ---- People, through the host.
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
    ['sunli', '孙丽', 'service_manager', 'business'],
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

  // ---- Customers, sales and payments, raw on the archive opened directly.
  log(`evaluations: ${nCustomers.toLocaleString('en-US')} customers, ${nTransactions.toLocaleString('en-US')} transactions with their payments`);
  let seed = 20261203;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const open = (await openArchive({ dir, kdfCost: KDF }, 'user', 'admin', PASSWORD)).archive;
  let payments = 0;
  try {
    const at = now.toISOString();
    const customer = open.sqlite.prepare(
      `INSERT INTO customers (id, kind, name, credit_code, department_id, confidentiality, entered_by, entered_at, created_at, updated_at, account_manager_id, service_manager_id)
       VALUES (?, 'enterprise', ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?)`,
    );
    const sale = open.sqlite.prepare(
      `INSERT INTO transactions (id, customer_id, contract_id, kind, doc_no, amount_fen, occurred_on, due_on, import_id, created_at) VALUES (?, ?, NULL, 'sale', ?, ?, ?, ?, NULL, ?)`,
    );
    const payment = open.sqlite.prepare(`INSERT INTO payments (id, customer_id, contract_id, amount_fen, paid_on, ref, import_id, created_at) VALUES (?, ?, NULL, ?, ?, ?, NULL, ?)`);
    const event = open.sqlite.prepare(`INSERT INTO credit_events (id, customer_id, kind, occurred_on, title, created_at) VALUES (?, ?, 'litigation', ?, '合同纠纷', ?)`);
    const perCustomer = Math.floor(nTransactions / nCustomers);
    let t = 0;
    for (let from = 0; from < nCustomers; from += 10_000) {
      open.sqlite.transaction(() => {
        for (let c = from; c < Math.min(nCustomers, from + 10_000); c++) {
          const body = `9131${String(c).padStart(13, '0')}`;
          const id = uuid('0190c000', c);
          customer.run(id, `评审基准客户${c}有限公司`, body + creditCodeCheckCharacter(body), dept('business'), people.zhangsan, at, at, at, people.zhangsan, people.sunli);
          const n = perCustomer + (c < nTransactions % nCustomers ? 1 : 0);
          for (let i = 0; i < n; i++, t++) {
            const on = Math.floor(rand() * 330);
            const amount = 1_000_00 + Math.floor(rand() * 50_000_00);
            const docNo = `FP${t}`;
            sale.run(uuid('0190d000', t), id, docNo, amount, dayOf(on), dayOf(on + 30), at);
            // Most sales are paid, some late, half naming the invoice they settle.
            if (rand() < 0.85) {
              payment.run(uuid('0190e000', t), id, amount, dayOf(Math.min(364, on + Math.floor(rand() * 50))), rand() < 0.5 ? docNo : null, at);
              payments++;
            }
          }
          if (rand() < 0.03) event.run(uuid('0190f000', c), id, dayOf(Math.floor(rand() * 360)), at);
        }
      })();
      if ((from + 10_000) % 50_000 === 0) log(`  ${(from + 10_000).toLocaleString('en-US')} customers`);
    }
  } finally {
    await closeArchive(open);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  log(`evaluations: built in ${buildSeconds.toFixed(0)} s`);

  // ---- The round: the weighted model for every customer, from the file.
  const reopened = (await openArchive({ dir, kdfCost: KDF }, 'user', 'sunqi', PASSWORD)).archive;
  const grades: Record<string, number> = {};
  let scored = 0;
  let roundSeconds: number;
  try {
    const roundStarted = performance.now();
    const period = { from: dayOf(0), asOf };
    const records = new Map<string, CustomerRecords>();
    const of = (id: string) => {
      let r = records.get(id);
      if (!r) records.set(id, (r = { sales: [] as SaleToSettle[], credits: [] as CreditToApply[], creditEvents: [], feedback: [], cooperationSince: null }));
      return r;
    };
    for (const s of reopened.sqlite.prepare(`SELECT id, customer_id, contract_id, doc_no, amount_fen, occurred_on, due_on FROM transactions WHERE kind = 'sale'`).raw().iterate() as Iterable<
      [string, string, string | null, string | null, number, string, string | null]
    >) {
      const r = of(s[1]);
      r.sales.push({ id: s[0], contractId: s[2], docNo: s[3], amountFen: s[4], occurredOn: s[5], dueOn: s[6] });
      if (r.cooperationSince === null || s[5] < r.cooperationSince) r.cooperationSince = s[5];
    }
    for (const p of reopened.sqlite.prepare(`SELECT id, customer_id, contract_id, ref, amount_fen, paid_on FROM payments`).raw().iterate() as Iterable<[string, string, string | null, string | null, number, string]>) {
      of(p[1]).credits.push({ id: p[0], contractId: p[2], ref: p[3], amountFen: p[4], on: p[5] });
    }
    for (const e of reopened.sqlite.prepare(`SELECT customer_id, kind, occurred_on FROM credit_events`).raw().iterate() as Iterable<[string, CustomerRecords['creditEvents'][number]['kind'], string]>) {
      of(e[0]).creditEvents.push({ kind: e[1], occurredOn: e[2] });
    }
    for (const r of records.values()) {
      const { values } = weightedIndicators(r, period);
      const outcome = scoreEvaluation(WEIGHTED_MODEL, { sheets: [], values: itemValues(WEIGHTED_MODEL, values, { satisfaction: 4 }) });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
      grades[outcome.score.grade] = (grades[outcome.score.grade] ?? 0) + 1;
      scored++;
    }
    roundSeconds = (performance.now() - roundStarted) / 1000;
  } finally {
    await closeArchive(reopened);
  }
  if (scored !== nCustomers) throw new Error(`scored ${scored} customers of ${nCustomers}`);
  log(`evaluations: round in ${roundSeconds.toFixed(2)} s; grades ${JSON.stringify(grades)}`);

  // ---- Opening an evaluation with its explanation, through the host.
  host = createArchiveHost({ dir, kdfCost: KDF });
  const login = async (u: string) => (await call<{ session: string }>(host, null, 'auth.login', { username: u, password: PASSWORD })).session;
  const am = await login('zhangsan');
  const sm = await login('sunli');
  const cm = await login('sunqi');
  const evaluationIds: string[] = [];
  const ratings = ['A', 'B', 'C'];
  for (let i = 0; i < EVALUATIONS; i++) {
    const customerId = uuid('0190c000', Math.floor((i * nCustomers) / EVALUATIONS));
    const d = await call<{ evaluation: { id: string } }>(host, sm, 'evaluations.start', { customerId, modelId: 'periodic_review' });
    const id = d.evaluation.id;
    for (const [session, k] of [
      [am, i],
      [sm, i + 1],
    ] as const) {
      const r = (j: number) => ratings[(k + j) % 3]!;
      await call(host, session, 'evaluations.act', { evaluationId: id, action: { type: 'save_sheet', ratings: { contract_execution: r(0), payment_speed: r(1), cooperation: r(2), coordination: r(0) }, opinion: '按合同执行，回款基本及时' } });
      await call(host, session, 'evaluations.act', { evaluationId: id, action: { type: 'submit_sheet' } });
    }
    evaluationIds.push(id);
  }
  const openMs: number[] = [];
  let items = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const id = evaluationIds[i % evaluationIds.length]!;
    const ms = await elapsedMs(async () => {
      const d = await call<{ explanation: { items: unknown[] } | null }>(host, cm, 'evaluations.get', { evaluationId: id, purpose: '年度客户信用评审' });
      if (!d.explanation) throw new Error('an evaluation without its explanation');
      items = d.explanation.items.length;
    });
    if (i >= WARM_UP) openMs.push(ms);
  }
  for (const s of [am, sm, cm]) await call(host, s, 'auth.logout', {});
  await host.close();

  const f = (name: string, value: number, unit: string, runs?: number[]): Figure => ({ name, value, unit, ...(runs ? { runs } : {}) });
  const figures: Figure[] = [
    f('evaluations.size.customers', nCustomers, 'rows'),
    f('evaluations.size.transactions', nTransactions, 'rows'),
    f('evaluations.size.payments', payments, 'rows'),
    f('evaluations.build.s', Math.round(buildSeconds), 's'),
    f('evaluations.round.s', Number(roundSeconds.toFixed(2)), 's'),
    f('evaluations.round.target.s', TARGETS.roundS, 's'),
    f('evaluations.round.customers_per_s', Math.round(nCustomers / roundSeconds), 'rows/s'),
    f('evaluations.open.p50_ms', tenth(percentile(openMs, 50)), 'ms'),
    f('evaluations.open.p95_ms', tenth(percentile(openMs, 95)), 'ms', openMs),
    f('evaluations.open.target.p95_ms', TARGETS.openP95Ms, 'ms'),
  ];
  const value = (name: string) => figures.find((x) => x.name === name)!.value;
  figures.push(
    f('evaluations.round.vs_target.ratio', Number((value('evaluations.round.s') / TARGETS.roundS).toFixed(3)), 'x'),
    f('evaluations.open.p95_vs_target.ratio', Number((value('evaluations.open.p95_ms') / TARGETS.openP95Ms).toFixed(3)), 'x'),
  );
  const comparisons: Comparison[] = [
    { ratio: 'evaluations.round.vs_target.ratio', candidate: 'evaluations.round.s', baseline: 'evaluations.round.target.s', baselineLabel: 'target', max: 1 },
    { ratio: 'evaluations.open.p95_vs_target.ratio', candidate: 'evaluations.open.p95_ms', baseline: 'evaluations.open.target.p95_ms', baselineLabel: 'target', max: 1 },
  ];
  return {
    figures,
    comparisons,
    notes: [
      `round: reading ${nTransactions.toLocaleString('en-US')} sales, ${payments.toLocaleString('en-US')} payments and the credit events from the encrypted archive, 核销 and the weighted model for ${nCustomers.toLocaleString('en-US')} customers (grades ${JSON.stringify(grades)}); one run.`,
      `open: evaluations.get of ${EVALUATIONS} periodic reviews with both sheets in (explanation of ${items} items), ${SAMPLES} calls after ${WARM_UP} warm-up.`,
    ],
  };
}

export const evaluations: BenchGroup = {
  name: 'evaluations',
  title: 'Credit evaluations: the year-end round and opening an evaluation',
  run,
};
