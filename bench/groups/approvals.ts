// Approvals: at 100,000 customers with 20,000 credit-limit chains, 5,000 of them open (500
// waiting for one department manager), through the host as the approver works:
//   - approvals.inbox (the first page of an inbox of 500, counts included);
//   - approvals.decide (an approval, audit entry and commit included).
// The chains are built through the service functions the host uses (startApproval,
// applyEvent: the engine decides every state), on the archive opened directly.
import { join } from 'node:path';
import { closeArchive, openArchive } from '../../src/main/archive/archive';
import { createArchiveHost, type ArchiveHost } from '../../src/main/host';
import { uuidIds } from '../../src/main/host/types';
import { applyEvent, loadChain, startApproval } from '../../src/main/services/approvals/chains';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { percentile, tenth } from '../lib/stats';
import type { BenchContext, BenchGroup, Comparison, Figure, GroupResult } from '../lib/types';

const PASSWORD = 'Bench-Archive-Pass-2026';
const KDF = { N: 2 ** 14, r: 8, p: 1 };
const TARGETS = { inboxP95Ms: 20, decideP95Ms: 20 };
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

async function run(ctx: BenchContext): Promise<GroupResult> {
  const { log } = ctx;
  const nCustomers = ctx.customers;
  const scale = nCustomers / 100_000;
  const nChains = Math.max(SAMPLES + WARM_UP + 10, Math.round(20_000 * scale));
  const nOpen = Math.max(SAMPLES + WARM_UP + 10, Math.round(5_000 * scale));
  const waiting = Math.min(500, nOpen);
  const dir = join(ctx.dir, 'approvals-archive');

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
    ['lisi', '李四', 'dept_manager', 'business'],
    ['wangwu', '王五', 'account_manager', 'marketing'],
    ['zhaoliu', '赵六', 'dept_manager', 'marketing'],
    ['sunqi', '孙七', 'credit_manager', 'credit'],
    ['zhouba', '周八', 'finance_manager', 'finance'],
  ] as const) {
    const user = await call<{ id: string }>(host, setup.session, 'users.create', { username, displayName: name, departmentId: dept(d), roleIds: [role(r)], password: `${PASSWORD}-first` });
    people[username] = user.id;
    const s = await call<{ session: string }>(host, null, 'auth.login', { username, password: `${PASSWORD}-first` });
    await call(host, s.session, 'auth.changePassword', { currentPassword: `${PASSWORD}-first`, newPassword: PASSWORD });
    await call(host, s.session, 'auth.logout', {});
  }
  await call(host, setup.session, 'auth.logout', {});
  await host.close();

  // ---- Customers and chains, on the archive opened directly.
  log(`approvals: ${nCustomers.toLocaleString('en-US')} customers, ${nChains.toLocaleString('en-US')} chains (${nOpen.toLocaleString('en-US')} open, ${waiting} waiting for 李四)`);
  const open = (await openArchive({ dir, kdfCost: KDF }, 'user', 'admin', PASSWORD)).archive;
  try {
    const at = new Date().toISOString();
    const insert = open.sqlite.prepare(
      `INSERT INTO customers (id, kind, name, credit_code, department_id, confidentiality, entered_by, entered_at, created_at, updated_at)
       VALUES (?, 'enterprise', ?, ?, ?, 'normal', ?, ?, ?, ?)`,
    );
    const customerIds: string[] = [];
    open.sqlite.transaction(() => {
      for (let i = 0; i < nCustomers; i++) {
        const body = `9131${String(i).padStart(13, '0')}`;
        const id = `0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        customerIds.push(id);
        insert.run(id, `基准客户${i}有限公司`, body + creditCodeCheckCharacter(body), dept('business'), people.zhangsan, at, at, at);
      }
    })();
    const now = new Date();
    for (let i = 0; i < nChains; i++) {
      // The first `waiting` chains wait for 李四; the other open ones for 赵六 (marketing);
      // the closed ones are rejected by 赵六 (two in three) or withdrawn.
      const mine = i < waiting;
      const author = mine ? people.zhangsan! : people.wangwu!;
      const customerId = customerIds[i]!;
      const limitFen = 100_000_00 + (i % 50) * 100_000_00;
      await open.db.transaction().execute(async (trx) => {
        const chain = await startApproval(
          trx,
          {
            kind: 'credit_limit_change',
            authorId: author,
            content: { customerId, limitFen, termDays: 60, reason: '基准测试' },
            facts: { amountFen: limitFen },
            subject: `基准客户${i}有限公司`,
            customerId,
            async writeForm(chainId) {
              await trx
                .insertInto('credit_limit_requests')
                .values({ chain_id: chainId, customer_id: customerId, limit_fen: limitFen, term_days: 60, reason: '基准测试', requested_by: author, requested_at: at })
                .execute();
            },
          },
          now,
          uuidIds,
        );
        if (i < nOpen) return;
        const loaded = await loadChain(trx, chain.id);
        const event =
          i % 3 === 0
            ? ({ type: 'withdraw', actorId: author, at } as const)
            : ({ type: 'reject', actorId: people.zhaoliu!, stepId: 'dept_manager', contentHash: loaded.state.contentHash, opinion: '不同意', at } as const);
        await applyEvent(trx, loaded, event, now, uuidIds);
      });
      if ((i + 1) % 5000 === 0) log(`  ${(i + 1).toLocaleString('en-US')} chains`);
    }
  } finally {
    await closeArchive(open);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  log(`approvals: built in ${buildSeconds.toFixed(0)} s`);

  // ---- Through the host, as 李四 works.
  host = createArchiveHost({ dir, kdfCost: KDF });
  const session = (await call<{ session: string }>(host, null, 'auth.login', { username: 'lisi', password: PASSWORD })).session;
  const inboxMs: number[] = [];
  let total = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const ms = await elapsedMs(async () => {
      total = (await call<{ total: number }>(host, session, 'approvals.inbox', { offset: 0, limit: 100 })).total;
    });
    if (i >= WARM_UP) inboxMs.push(ms);
  }
  if (total !== waiting) throw new Error(`李四's inbox holds ${total}, expected ${waiting}`);

  const decideMs: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const page = await call<{ rows: { id: string; stepId: string }[] }>(host, session, 'approvals.inbox', { offset: 0, limit: 1 });
    const row = page.rows[0]!;
    const seen = await call<{ contentHash: string }>(host, session, 'approvals.get', { id: row.id });
    const ms = await elapsedMs(() => call(host, session, 'approvals.decide', { kind: 'approve', chainId: row.id, stepId: row.stepId, contentHash: seen.contentHash, opinion: '同意' }));
    if (i >= WARM_UP) decideMs.push(ms);
  }
  await call(host, session, 'auth.logout', {});
  await host.close();

  const f = (name: string, value: number, unit: string, runs?: number[]): Figure => ({ name, value, unit, ...(runs ? { runs } : {}) });
  const figures: Figure[] = [
    f('approvals.size.customers', nCustomers, 'rows'),
    f('approvals.size.chains', nChains, 'rows'),
    f('approvals.size.open_chains', nOpen, 'rows'),
    f('approvals.size.waiting_for_approver', waiting, 'rows'),
    f('approvals.build.s', Math.round(buildSeconds), 's'),
    f('approvals.inbox.p50_ms', tenth(percentile(inboxMs, 50)), 'ms'),
    f('approvals.inbox.p95_ms', tenth(percentile(inboxMs, 95)), 'ms', inboxMs),
    f('approvals.inbox.target.p95_ms', TARGETS.inboxP95Ms, 'ms'),
    f('approvals.decide.p50_ms', tenth(percentile(decideMs, 50)), 'ms'),
    f('approvals.decide.p95_ms', tenth(percentile(decideMs, 95)), 'ms', decideMs),
    f('approvals.decide.target.p95_ms', TARGETS.decideP95Ms, 'ms'),
  ];
  const value = (name: string) => figures.find((x) => x.name === name)!.value;
  figures.push(
    f('approvals.inbox.p95_vs_target.ratio', Number((value('approvals.inbox.p95_ms') / TARGETS.inboxP95Ms).toFixed(3)), 'x'),
    f('approvals.decide.p95_vs_target.ratio', Number((value('approvals.decide.p95_ms') / TARGETS.decideP95Ms).toFixed(3)), 'x'),
  );
  const comparisons: Comparison[] = [
    { ratio: 'approvals.inbox.p95_vs_target.ratio', candidate: 'approvals.inbox.p95_ms', baseline: 'approvals.inbox.target.p95_ms', baselineLabel: 'target', max: 1 },
    { ratio: 'approvals.decide.p95_vs_target.ratio', candidate: 'approvals.decide.p95_ms', baseline: 'approvals.decide.target.p95_ms', baselineLabel: 'target', max: 1 },
  ];
  return {
    figures,
    comparisons,
    notes: [
      `inbox: the first page (100 rows) of 李四's ${waiting} waiting seats with total and overdue counts, ${SAMPLES} calls after ${WARM_UP} warm-up.`,
      `decide: ${SAMPLES} approvals by 李四 through the host (engine, state, seats, decisions, audit entry, commit, the chain detail answered), after ${WARM_UP} warm-up.`,
    ],
  };
}

export const approvals: BenchGroup = {
  name: 'approvals',
  title: 'Approval chains: inbox and decisions at 20,000 chains',
  run,
};
