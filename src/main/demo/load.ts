// Loading a demo plan into a new archive the way people would: the administrator sets up
// the archive and the users; account managers register customers through the form; the
// credit manager confirms their key data (双人核验) and records credit events and reports;
// the service manager imports the contract ledger and finance's sales and payment exports
// (imports.run, checked row by row like any file) and records feedback. Everything goes
// through the host's methods, so the audit log shows who did what.

import { randomBytes, randomUUID } from 'node:crypto';
import { send, type ArchiveHost } from '../host';
import type { ImportKind } from '../../shared/domain/customers';
import { ArchiveError, type ErrorBody, type HostMethodName, type Input, type Output } from '../../shared/contract';
import { contractsCsv, customersCsv, paymentRow, paymentsFile, transactionRow, transactionsFile, type CsvFile } from './csv';
import { APPROVER_USERS, loadApprovals } from './approvals';
import { loadEvaluations } from './evaluations';
import { loadCheckouts } from './checkouts';
import type { TurnableClock } from './clock';
import { CUSTOMERS_WITH_DOCUMENTS, documentsOf } from './documents';
import { DocumentNumbers, recordsOf, tradeOf, type DemoCustomer, type DemoPlan, type DemoTransaction } from './generate';

export interface DemoUser {
  username: string;
  displayName: string;
  /** Default role code (permissions.ts DEFAULT_ROLES). */
  role: string;
  /** Default department code. */
  department: string;
}

/** The demo's staff: one per default role that works with customer files, then the approvers. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'zhouhui', displayName: '周慧', role: 'credit_manager', department: 'credit' },
  { username: 'chenjie', displayName: '陈杰', role: 'account_manager', department: 'business' },
  { username: 'zhaomin', displayName: '赵敏', role: 'account_manager', department: 'marketing' },
  { username: 'sunli', displayName: '孙丽', role: 'service_manager', department: 'business' },
  { username: 'liuyang', displayName: '刘洋', role: 'archivist', department: 'general_affairs' },
  { username: 'wuqiang', displayName: '吴强', role: 'auditor', department: 'audit' },
  ...APPROVER_USERS,
];

export class DemoError extends Error {
  constructor(
    readonly method: string,
    readonly error: ErrorBody,
  ) {
    super(`${method}: ${error.code} ${error.message}${error.details ? ` ${JSON.stringify(error.details).slice(0, 2000)}` : ''}`);
  }
}

export interface LoadOptions {
  host: ArchiveHost;
  /** The host's clock: turned back for a while to enter a request that is overdue today. */
  clock: TurnableClock;
  plan: DemoPlan;
  /** The administrator's name and the password of every demo user. */
  admin: { username: string; displayName: string };
  password: string;
  companyName: string;
  /**
   * How customers enter: one by one through the form by the account managers (default),
   * or in one import file by the credit manager (faster at 100,000).
   */
  customersVia?: 'forms' | 'import';
  /** Which customers get qualifications, credit events, feedback and reports entered by hand (default: all). */
  withRecords?: (c: DemoCustomer) => boolean;
  /** Which customers' key data the credit manager (or archivist) confirms (default: 85% of them). */
  verified?: (c: DemoCustomer) => boolean;
  /**
   * Keep this many of the newest transactions out of the archive and return them (the
   * benchmark imports them itself). Taken evenly: the newer half of each customer's.
   */
  holdBackTransactions?: number;
  /** One transactions file and one payments file per calendar year (default), or one of each for all years. */
  filePerYear?: boolean;
  /** Rows per transactions or payments file, at most (a longer one is split). */
  maxRowsPerFile?: number;
  log?: (line: string) => void;
}

export interface LoadResult {
  recoveryCode: string;
  /** Logged-in sessions by user name (the administrator's included). */
  sessions: Record<string, string>;
  /** Customer ids by plan index (null where not looked up: imported customers without hand-entered records). */
  customerIds: (string | null)[];
  counts: Record<string, number>;
  heldBack: DemoTransaction[];
  /** Seconds per step. */
  timings: Record<string, number>;
}

type Call = <M extends HostMethodName>(session: string | null, method: M, input: Input<M>) => Promise<Output<M>>;

/** send, with a refusal told as the demo step that met it. */
async function demoSend<M extends HostMethodName>(host: ArchiveHost, session: string | null, method: M, input: Input<M>, step: string = method): Promise<Output<M>> {
  try {
    return await send(host, session, method, input);
  } catch (e) {
    throw e instanceof ArchiveError ? new DemoError(step, e.toBody()) : e;
  }
}

function caller(host: ArchiveHost): Call {
  return (session, method, input) => demoSend(host, session, method, input);
}

/** Progress lines: at most one per ~10% (and the last), with the time so far. */
function progress(log: (line: string) => void, label: string, total: number): (done: number) => void {
  const started = performance.now();
  let shown = 0;
  return (done) => {
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    if (tenth === shown && done !== total) return;
    shown = tenth;
    const pct = total === 0 ? 100 : Math.floor((done * 100) / total);
    log(`  ${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${pct}%) ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
}

/** A temporary password the administrator gives; the user replaces it at first login. */
function temporaryPassword(): string {
  return `Tmp-${randomBytes(12).toString('base64url')}`;
}

/**
 * Run an import through imports.run as a user would from the import screen: the file's
 * bytes, a job id, progress polled while it runs. Returns the rows written.
 */
export async function runImport(
  host: ArchiveHost,
  session: string,
  kind: ImportKind,
  fileName: string,
  contentBase64: string,
  log: (line: string) => void,
): Promise<number> {
  const jobId = randomUUID();
  let shown = '';
  const poll = setInterval(() => {
    void send(host, session, 'jobs.progress', { jobId }).then((p) => {
      if (!p) return;
      const line = `    ${fileName}: ${p.phase} ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}`;
      if (line !== shown && p.phase !== 'done') log(line);
      shown = line;
    });
  }, 2000);
  try {
    const r = await demoSend(host, session, 'imports.run', { kind, format: 'csv', fileName, contentBase64, jobId }, `imports.run ${fileName}`);
    return r.written;
  } finally {
    clearInterval(poll);
  }
}

export async function loadDemo(options: LoadOptions): Promise<LoadResult> {
  const { host, plan, password } = options;
  const log = options.log ?? (() => {});
  const call = caller(host);
  const timings: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const count = (what: string, n = 1) => (counts[what] = (counts[what] ?? 0) + n);
  let stepStarted = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    timings[name] = Number(((now - stepStarted) / 1000).toFixed(2));
    stepStarted = now;
  };

  // ---- The archive and its users.
  log('建立档案库与用户 Archive and users');
  const setup = await call(null, 'archive.setup', {
    companyName: options.companyName,
    admin: { username: options.admin.username, displayName: options.admin.displayName, password },
  });
  const sessions: Record<string, string> = { [options.admin.username]: setup.session };
  const admin = setup.session;
  const roles = await call(admin, 'roles.list', {});
  const departments = await call(admin, 'departments.list', {});
  const roleId = (code: string) => roles.find((r) => r.code === code)!.id;
  const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
  const userIds: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const temporary = temporaryPassword();
    const created = await call(admin, 'users.create', {
      username: u.username,
      displayName: u.displayName,
      departmentId: departmentId(u.department),
      roleIds: [roleId(u.role)],
      password: temporary,
    });
    userIds[u.username] = created.id;
    // First login: the user replaces the administrator's temporary password.
    const login = await call(null, 'auth.login', { username: u.username, password: temporary });
    await call(login.session, 'auth.changePassword', { currentPassword: temporary, newPassword: password });
    sessions[u.username] = login.session;
  }
  const as = {
    credit: sessions.zhouhui!,
    account: { business: sessions.chenjie!, marketing: sessions.zhaomin! },
    service: sessions.sunli!,
    archivist: sessions.liuyang!,
    auditor: sessions.wuqiang!,
  };
  step('users');

  // ---- Customers.
  const customers = plan.customers;
  const ids: (string | null)[] = customers.map(() => null);
  const via = options.customersVia ?? 'forms';
  const withRecords = options.withRecords ?? (() => true);
  const verified = options.verified ?? ((c: DemoCustomer) => (c.index * 7919) % 100 < 85);
  if (via === 'forms') {
    log(`客户经理录入客户 Account managers enter ${customers.length.toLocaleString('en-US')} customers`);
    const tick = progress(log, '客户 customers', customers.length);
    for (const c of customers) {
      const r = await call(as.account[c.department], 'customers.create', {
        kind: c.kind,
        name: c.name,
        creditCode: c.creditCode,
        idNumber: c.idNumber,
        enterpriseNature: c.enterpriseNature,
        registeredCapitalFen: c.registeredCapitalFen,
        legalRepresentative: c.legalRepresentative,
        personInCharge: c.personInCharge,
        address: c.address,
        bankName: c.bankName,
        bankAccount: c.bankAccount,
        industry: c.industry,
        serviceType: c.serviceType,
        cooperationStart: c.cooperationStart,
        departmentId: departmentId(c.department),
        confidentiality: c.confidentiality,
        contacts: c.contacts,
      });
      ids[c.index] = r.id;
      count('customers');
      tick(c.index + 1);
    }
  } else {
    log(`信用管理部门导入客户 The credit manager imports ${customers.length.toLocaleString('en-US')} customers`);
    const file = customersCsv(customers);
    count('customers', await runImport(host, as.credit, 'customers', '客户名录.csv', file.base64(), log));
    // The customers whose files get more work are found as a user finds them: by code.
    const wanted = customers.filter((c) => withRecords(c) || verified(c));
    const tick = progress(log, '查找 look-ups', wanted.length);
    let done = 0;
    for (const c of wanted) {
      const code = c.creditCode ?? c.idNumber!;
      const found = await call(as.credit, 'customers.search', { text: code, limit: 5 });
      ids[c.index] = found.rows.find((r) => r.creditCode === code || r.idNumber === code)?.id ?? null;
      if (!ids[c.index]) throw new Error(`imported customer not found: ${code}`);
      tick(++done);
    }
  }
  step('customers');

  // ---- 双人核验: a second person confirms the key data.
  const toVerify = customers.filter((c) => ids[c.index] && verified(c));
  log(`双人核验 Second-person confirmation of ${toVerify.length.toLocaleString('en-US')} customers`);
  {
    const tick = progress(log, '核验 verified', toVerify.length);
    let done = 0;
    for (const c of toVerify) {
      await call(via === 'forms' ? as.credit : as.archivist, 'customers.verify', { id: ids[c.index]! });
      count('verified');
      tick(++done);
    }
  }
  step('verify');

  // ---- What is entered by hand: qualifications, credit events, feedback, reports.
  const handled = customers.filter((c) => ids[c.index] && withRecords(c));
  log(`录入资质、信用事件、客户反馈、第三方报告 Records entered by hand for ${handled.length.toLocaleString('en-US')} customers`);
  {
    const tick = progress(log, '客户档案 files', handled.length);
    // A small archive still shows each warning: one certificate about to expire, one expired.
    const firstEnterprise = handled.find((c) => c.kind === 'enterprise' && c.profile === 'prompt');
    const firstDefaulting = handled.find((c) => c.profile === 'defaulting');
    let done = 0;
    for (const c of handled) {
      const customerId = ids[c.index]!;
      const r = recordsOf(plan, c, { forceExpiring: c === firstEnterprise, forceExpired: c === firstDefaulting });
      for (const q of r.qualifications) {
        await call(as.account[c.department], 'records.addQualification', { customerId, ...q });
        count('qualifications');
      }
      for (const e of r.creditEvents) {
        await call(as.credit, 'records.addCreditEvent', { customerId, ...e });
        count(`creditEvents.${e.kind}`);
      }
      for (const f of r.feedback) {
        await call(as.service, 'records.addFeedback', { customerId, ...f });
        count('feedback');
      }
      for (const report of r.creditReports) {
        await call(as.credit, 'records.addCreditReport', { customerId, ...report });
        count('creditReports');
      }
      tick(++done);
    }
  }
  step('records');

  // ---- Documents to open in the viewer: a licence scan and a signed contract for a few customers.
  {
    const withFiles = handled.filter((c) => c.contracts.length > 0).slice(0, CUSTOMERS_WITH_DOCUMENTS);
    log(`电子档案 Documents for ${withFiles.length} customers`);
    for (const [box, c] of withFiles.entries()) {
      for (const d of documentsOf(c, box + 1)) {
        await call(as.account[c.department], 'documents.add', {
          customerId: ids[c.index]!,
          category: d.category,
          title: d.title,
          archiveNo: null,
          retention: d.retention,
          confidentiality: d.confidentiality,
          file: { name: d.file.name, mime: d.file.mime, contentBase64: d.file.bytes.toString('base64') },
          location: d.location,
        });
        count('documents');
      }
    }
  }
  step('documents');

  // ---- Contracts: the newest contract of some customers is entered by hand by the
  // account manager; the ledger of the rest is imported by the service manager.
  const byHand = new Set(
    customers
      .filter((c) => ids[c.index] && c.contracts.length > 0 && (c.index * 131) % 100 < 5)
      .map((c) => c.contracts[c.contracts.length - 1]!),
  );
  log(`合同台账 Contract ledger: ${plan.contracts.length.toLocaleString('en-US')} contracts (${byHand.size} by hand)`);
  for (const k of byHand) {
    await call(as.account[k.department], 'records.addContract', {
      customerId: ids[k.customerIndex]!,
      departmentId: departmentId(k.department),
      contractNo: k.contractNo,
      title: k.title,
      amountFen: k.amountFen,
      signedOn: k.signedOn,
      startOn: k.startOn,
      endOn: k.endOn,
      status: k.status,
    });
    count('contracts');
  }
  const ledger = plan.contracts.filter((k) => !byHand.has(k));
  if (ledger.length > 0) {
    count('contracts', await runImport(host, as.service, 'contracts', '合同台账.csv', contractsCsv(ledger, customers).base64(), log));
  }
  step('contracts');

  // ---- Sales and payments, as finance exports them: one file per year.
  const numbers = new DocumentNumbers();
  const heldBack: DemoTransaction[] = [];
  const holdBack = planHoldBack(customers, options.holdBackTransactions ?? 0);
  const maxRows = options.maxRowsPerFile ?? 500_000;
  const period = options.filePerYear === false ? () => '' : (day: string) => day.slice(0, 4);
  const pending: { kind: 'transactions' | 'payments'; year: string; file: CsvFile; part: number }[] = [];
  const transactionFiles = new Map<string, { file: CsvFile; part: number }>();
  const paymentFiles = new Map<string, { file: CsvFile; part: number }>();
  const fileFor = (kind: 'transactions' | 'payments', year: string) => {
    const files = kind === 'transactions' ? transactionFiles : paymentFiles;
    let entry = files.get(year);
    if (!entry || entry.file.rows >= maxRows) {
      if (entry) pending.push({ kind, year, ...entry });
      entry = { file: kind === 'transactions' ? transactionsFile() : paymentsFile(), part: (entry?.part ?? 0) + 1 };
      files.set(year, entry);
    }
    return entry.file;
  };
  log('生成财务导出文件 Finance exports (sales, payments)');
  for (const c of customers) {
    const trade = tradeOf(plan, c, numbers);
    const keep = trade.transactions.length - holdBack[c.index]!;
    trade.transactions.forEach((t, i) => {
      if (i >= keep) heldBack.push(t);
      else fileFor('transactions', period(t.occurredOn)).add(transactionRow(t, c));
    });
    for (const p of trade.payments) {
      fileFor('payments', period(p.paidOn)).add(paymentRow(p, c));
    }
  }
  for (const [year, entry] of transactionFiles) pending.push({ kind: 'transactions', year, ...entry });
  for (const [year, entry] of paymentFiles) pending.push({ kind: 'payments', year, ...entry });
  pending.sort((a, b) => (a.kind === b.kind ? a.year.localeCompare(b.year) || a.part - b.part : a.kind === 'transactions' ? -1 : 1));
  step('exports');
  for (const f of pending) {
    if (f.file.rows === 0) continue;
    const split = f.part > 1 || (f.kind === 'transactions' ? transactionFiles : paymentFiles).get(f.year)!.part > 1;
    const name = `${f.kind === 'transactions' ? '销售明细' : '回款明细'}${f.year ? `_${f.year}` : ''}${split ? `_${f.part}` : ''}.csv`;
    const started = performance.now();
    const written = await runImport(host, as.service, f.kind, name, f.file.base64(), log);
    const seconds = (performance.now() - started) / 1000;
    log(`  ${name}: ${written.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${Math.round(written / seconds).toLocaleString('en-US')} rows/s)`);
    count(f.kind, written);
  }
  step('imports');

  // ---- Approvals: department heads, and credit-limit requests in every state.
  await loadApprovals({
    call,
    clock: options.clock,
    plan,
    customerIds: ids,
    admin,
    sessions,
    userIds,
    departmentIds: Object.fromEntries(departments.map((d) => [d.code, d.id])),
    password,
    log,
    count,
  });
  step('approvals');

  // ---- Credit evaluations: every state, and three years of grade history.
  await loadEvaluations({ call, clock: options.clock, plan, customerIds: ids, sessions, userIds, password, log, count });
  step('evaluations');

  // ---- Borrowing: requests and loans in every state, some overdue.
  await loadCheckouts({ call, clock: options.clock, plan, customerIds: ids, sessions, password, log, count });
  step('checkouts');

  return { recoveryCode: setup.recoveryCode, sessions, customerIds: ids, counts, heldBack, timings };
}

/** How many of each customer's newest transactions to hold back: half of each, evened out to `total`. */
function planHoldBack(customers: readonly DemoCustomer[], total: number): number[] {
  const out = customers.map(() => 0);
  if (total <= 0) return out;
  let left = total;
  customers.forEach((c, i) => {
    out[i] = Math.min(Math.floor(c.transactionCount / 2), left);
    left -= out[i]!;
  });
  for (let i = 0; left > 0 && i < customers.length; i++) {
    const spare = customers[i]!.transactionCount - out[i]!;
    const take = Math.min(spare, left);
    out[i]! += take;
    left -= take;
  }
  return out;
}

/** Log every session out (the archive closes when the last one ends). */
export async function logoutAll(host: ArchiveHost, sessions: Record<string, string>): Promise<void> {
  // A session that has already ended has nothing to leave.
  for (const session of Object.values(sessions)) await send(host, session, 'auth.logout', {}).catch(() => null);
}
