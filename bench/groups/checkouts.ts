// Borrowing (issue 10): at 100,000 customers and 200,000 loans (10,000 checkout requests of
// 20 files each, by 20 borrowers of two business departments):
//   - checkouts.log: the borrowing log filtered (overdue loans of one department), one page;
//   - checkouts.overdue: the overdue list, one page of 50 (days overdue counted at call time);
//   - checkouts.read_check: what the host's reading check adds to opening a file, measured
//     on the function the router calls (a borrower with a loan of the file).
// Requests go through the checkout chain and are approved by the head of credit management
// with the service functions the host uses (startApproval, applyEvent: the form applies
// the outcome to each loan); lending, renewal and return are the rules' `decide`, their
// loans written as the host writes them.
import { join } from 'node:path';
import { closeArchive, openArchive } from '../../src/main/archive/archive';
import { createArchiveHost, type ArchiveHost } from '../../src/main/host';
import { uuidIds } from '../../src/main/host/types';
import { applyEvent, loadChain, startApproval } from '../../src/main/services/approvals/chains';
import { loadCalendar } from '../../src/main/services/calendar/handlers';
import { checkReading } from '../../src/main/services/checkouts/access';
import { insertLoan, saveLoan } from '../../src/main/services/checkouts/store';
import { contract } from '../../src/shared/contract';
import { decide, DEFAULT_LOAN_POLICY, loansFromRequest, type CheckoutRequest, type Loan } from '../../src/shared/domain/checkouts';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { dayOf } from '../../src/shared/domain/receivables';
import { shiftDay } from '../../src/shared/domain/working-days';
import { percentile, tenth } from '../lib/stats';
import type { BenchContext, BenchGroup, Comparison, Figure, GroupResult } from '../lib/types';

const PASSWORD = 'Bench-Archive-Pass-2026';
const KDF = { N: 2 ** 14, r: 8, p: 1 };
const TARGETS = { logP95Ms: 20, overdueP95Ms: 20, readCheckP95Ms: 1 };
const SAMPLES = 200;
const WARM_UP = 20;
const FILES_PER_REQUEST = 20;
const BORROWERS = 20;

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
  const nLoans = Math.max(FILES_PER_REQUEST * 50, nCustomers * 2);
  const nRequests = Math.ceil(nLoans / FILES_PER_REQUEST);
  const dir = join(ctx.dir, 'checkouts-archive');

  // ---- People, through the host.
  const started = performance.now();
  let host = createArchiveHost({ dir, kdfCost: KDF });
  const setup = await call<{ session: string }>(host, null, 'archive.setup', { companyName: '华东精密仪器股份有限公司', admin: { username: 'admin', displayName: '王建国', password: PASSWORD } });
  const roles = await call<{ id: string; code: string }[]>(host, setup.session, 'roles.list', {});
  const departments = await call<{ id: string; code: string }[]>(host, setup.session, 'departments.list', {});
  const role = (code: string) => roles.find((r) => r.code === code)!.id;
  const dept = (code: string) => departments.find((d) => d.code === code)!.id;
  const person = async (username: string, displayName: string, r: string, d: string) => {
    const user = await call<{ id: string }>(host, setup.session, 'users.create', { username, displayName, departmentId: dept(d), roleIds: [role(r)], password: `${PASSWORD}-first` });
    const s = await call<{ session: string }>(host, null, 'auth.login', { username, password: `${PASSWORD}-first` });
    await call(host, s.session, 'auth.changePassword', { currentPassword: `${PASSWORD}-first`, newPassword: PASSWORD });
    await call(host, s.session, 'auth.logout', {});
    return user.id;
  };
  const head = await person('zhouhui', '周慧', 'credit_manager', 'credit');
  const archivist = await person('liuyang', '刘洋', 'archivist', 'general_affairs');
  const borrowers: string[] = [];
  for (let i = 0; i < BORROWERS; i++) borrowers.push(await person(`borrower${i}`, `借阅人${i}`, 'account_manager', i % 2 === 0 ? 'business' : 'marketing'));
  await call(host, setup.session, 'approvals.departmentHeads.set', { departmentId: dept('credit'), headUserId: head });
  await call(host, setup.session, 'auth.logout', {});
  await host.close();

  // ---- Customers and loans, on the archive opened directly.
  log(`checkouts: ${nCustomers.toLocaleString('en-US')} customers, ${nLoans.toLocaleString('en-US')} loans in ${nRequests.toLocaleString('en-US')} requests`);
  const open = (await openArchive({ dir, kdfCost: KDF }, 'user', 'admin', PASSWORD)).archive;
  const today = dayOf(new Date());
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
        const id = `0190c000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        customerIds.push(id);
        insert.run(id, `基准客户${i}有限公司`, body + creditCodeCheckCharacter(body), dept('business'), head, at, at, at);
      }
    })();
    const calendar = await loadCalendar(open.db);
    const departmentOf = (i: number) => (i % 2 === 0 ? dept('business') : dept('marketing'));
    for (let r = 0; r < nRequests; r++) {
      const b = r % BORROWERS;
      const borrowerId = borrowers[b]!;
      const request: CheckoutRequest = {
        requesterId: borrowerId,
        departmentId: departmentOf(b),
        departmentKind: 'business',
        files: Array.from({ length: FILES_PER_REQUEST }, (_, k) => ({ customerId: customerIds[(r * FILES_PER_REQUEST + k) % nCustomers]!, confidentiality: 'normal' as const, documentIds: null, kinds: ['electronic' as const] })),
        purpose: '基准测试',
        periodWorkingDays: 5,
        readingRoom: false,
        print: false,
        export: false,
      };
      // Lent some weeks ago (a spread of days), so the log holds every state and some are overdue.
      const lentDay = shiftDay(today, -(r % 40));
      const lentAt = `${lentDay}T02:00:00.000Z`;
      await open.db.transaction().execute(async (trx) => {
        const requestId = uuidIds.next();
        const loans = loansFromRequest(request, requestId, request.files.map(() => uuidIds.next()), lentAt);
        const chain = await startApproval(
          trx,
          {
            kind: 'checkout',
            authorId: borrowerId,
            content: { purpose: request.purpose, files: request.files.map((f) => f.customerId) },
            facts: { confidentiality: 'normal' },
            subject: '基准客户',
            customerId: null,
            async writeForm(chainId) {
              await trx
                .insertInto('checkout_requests')
                .values({ id: requestId, chain_id: chainId, requester_id: borrowerId, department_id: request.departmentId, purpose: request.purpose, period_working_days: 5, reading_room: 0, print: 0, export: 0, requested_at: lentAt })
                .execute();
              for (const loan of loans) await insertLoan(trx, loan, lentDay);
            },
          },
          new Date(lentAt),
          uuidIds,
        );
        if (r % 10 === 9) return; // still waiting for the head of credit management
        const loaded = await loadChain(trx, chain.id);
        await applyEvent(trx, loaded, { type: 'approve', actorId: head, stepId: 'credit_head', contentHash: loaded.state.contentHash, at: lentAt }, new Date(lentAt), uuidIds);
        if (r % 10 === 8) return; // approved, not lent yet
        const rows = await trx.selectFrom('loans').select('body').where('request_id', '=', requestId).execute();
        for (const row of rows) {
          let loan = JSON.parse(row.body) as Loan;
          const step = (event: Parameters<typeof decide>[2], actor: { userId: string; roles: ('archivist' | 'approver')[] }, day: string) => {
            const d = decide(DEFAULT_LOAN_POLICY, loan, event, { today: day, calendar, actor });
            if (!d.ok) throw new Error(`bench loan refused: ${d.reason}`);
            loan = d.loan;
          };
          step({ type: 'lend', at: lentAt, items: [] }, { userId: archivist, roles: ['archivist'] }, lentDay);
          // Half of those lent long enough ago are back; the others are out (some overdue).
          if (r % 40 >= 10 && r % 3 === 0) step({ type: 'return', at, items: [] }, { userId: archivist, roles: ['archivist'] }, today);
          await saveLoan(trx, loan, at);
        }
      });
      if ((r + 1) % 1000 === 0) log(`  ${((r + 1) * FILES_PER_REQUEST).toLocaleString('en-US')} loans`);
    }
    open.sqlite.exec('ANALYZE');
  } finally {
    await closeArchive(open);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  log(`checkouts: built in ${buildSeconds.toFixed(0)} s`);

  // ---- Through the host, as the archivist works.
  host = createArchiveHost({ dir, kdfCost: KDF });
  const session = (await call<{ session: string }>(host, null, 'auth.login', { username: 'liuyang', password: PASSWORD })).session;
  const logMs: number[] = [];
  let logTotal = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const ms = await elapsedMs(async () => {
      logTotal = (await call<{ total: number }>(host, session, 'checkouts.log', { states: ['overdue'], departmentId: dept('business'), offset: (i % 5) * 50, limit: 50 })).total;
    });
    if (i >= WARM_UP) logMs.push(ms);
  }
  if (logTotal === 0) throw new Error('the log holds no overdue loan of the business department');
  const overdueMs: number[] = [];
  let overdueRows = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const ms = await elapsedMs(async () => {
      overdueRows = (await call<{ rows: unknown[] }>(host, session, 'checkouts.overdue', { offset: (i % 5) * 50, limit: 50 })).rows.length;
    });
    if (i >= WARM_UP) overdueMs.push(ms);
  }
  await call(host, session, 'auth.logout', {});
  await host.close();

  // ---- The reading check, as the router calls it, for a borrower with loans of the file.
  const reopened = (await openArchive({ dir, kdfCost: KDF }, 'user', 'admin', PASSWORD)).archive;
  const readCheckMs: number[] = [];
  try {
    const out = await reopened.db.selectFrom('loans').select(['borrower_id', 'customer_id']).where('state', 'in', ['lent', 'renewed']).where('due_date', '>=', today).limit(WARM_UP + SAMPLES).execute();
    if (out.length < WARM_UP + SAMPLES) throw new Error(`only ${out.length} loans out and not due`);
    const spec = contract['customers.get'].readsCustomer!;
    const permissions = new Set(['customers.read', 'documents.read'] as const);
    for (let i = 0; i < out.length; i++) {
      const { borrower_id, customer_id } = out[i]!;
      let allowed = false;
      const ms = await elapsedMs(async () => {
        const verdict = await checkReading(reopened.db, { userId: borrower_id, permissions }, spec, { id: customer_id, purpose: '基准测试' }, new Date());
        allowed = verdict.refusal === null;
      });
      if (!allowed) throw new Error('the reading check refused a lent file');
      if (i >= WARM_UP) readCheckMs.push(ms);
    }
  } finally {
    await closeArchive(reopened);
  }

  const f = (name: string, value: number, unit: string, runs?: number[]): Figure => ({ name, value, unit, ...(runs ? { runs } : {}) });
  const figures: Figure[] = [
    f('checkouts.size.customers', nCustomers, 'rows'),
    f('checkouts.size.loans', nRequests * FILES_PER_REQUEST, 'rows'),
    f('checkouts.size.log_matches', logTotal, 'rows'),
    f('checkouts.size.overdue_page', overdueRows, 'rows'),
    f('checkouts.build.s', Math.round(buildSeconds), 's'),
    f('checkouts.log.p50_ms', tenth(percentile(logMs, 50)), 'ms'),
    f('checkouts.log.p95_ms', tenth(percentile(logMs, 95)), 'ms', logMs),
    f('checkouts.log.target.p95_ms', TARGETS.logP95Ms, 'ms'),
    f('checkouts.overdue.p50_ms', tenth(percentile(overdueMs, 50)), 'ms'),
    f('checkouts.overdue.p95_ms', tenth(percentile(overdueMs, 95)), 'ms', overdueMs),
    f('checkouts.overdue.target.p95_ms', TARGETS.overdueP95Ms, 'ms'),
    f('checkouts.read_check.p50_ms', Math.round(percentile(readCheckMs, 50) * 1000) / 1000, 'ms'),
    f('checkouts.read_check.p95_ms', Math.round(percentile(readCheckMs, 95) * 1000) / 1000, 'ms', readCheckMs),
    f('checkouts.read_check.target.p95_ms', TARGETS.readCheckP95Ms, 'ms'),
  ];
  const value = (name: string) => figures.find((x) => x.name === name)!.value;
  figures.push(
    f('checkouts.log.p95_vs_target.ratio', Number((value('checkouts.log.p95_ms') / TARGETS.logP95Ms).toFixed(3)), 'x'),
    f('checkouts.overdue.p95_vs_target.ratio', Number((value('checkouts.overdue.p95_ms') / TARGETS.overdueP95Ms).toFixed(3)), 'x'),
    f('checkouts.read_check.p95_vs_target.ratio', Number((value('checkouts.read_check.p95_ms') / TARGETS.readCheckP95Ms).toFixed(3)), 'x'),
  );
  const comparisons: Comparison[] = [
    { ratio: 'checkouts.log.p95_vs_target.ratio', candidate: 'checkouts.log.p95_ms', baseline: 'checkouts.log.target.p95_ms', baselineLabel: 'target', max: 1 },
    { ratio: 'checkouts.overdue.p95_vs_target.ratio', candidate: 'checkouts.overdue.p95_ms', baseline: 'checkouts.overdue.target.p95_ms', baselineLabel: 'target', max: 1 },
    { ratio: 'checkouts.read_check.p95_vs_target.ratio', candidate: 'checkouts.read_check.p95_ms', baseline: 'checkouts.read_check.target.p95_ms', baselineLabel: 'target', max: 1 },
  ];
  return {
    figures,
    comparisons,
    notes: [
      `log: overdue loans of the business department, pages of 50 (${logTotal.toLocaleString('en-US')} match), through the host as the archivist, ${SAMPLES} calls after ${WARM_UP} warm-up.`,
      `overdue: pages of ${overdueRows} overdue loans with their days, most overdue first, through the host, ${SAMPLES} calls after ${WARM_UP} warm-up.`,
      `read_check: checkReading as the router calls it before customers.get (reader, loans by index, the rule), ${SAMPLES} borrowers with a loan of the file.`,
    ],
  };
}

export const checkouts: BenchGroup = {
  name: 'checkouts',
  title: 'Borrowing: the log, the overdue list and the reading check at 200,000 loans',
  run,
};
