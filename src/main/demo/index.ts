// Demo data: a new archive with realistic customers, so that a new user sees the product
// working.
//   ARCHIVE_PASSWORD=… npm run demo -- --archive DIR [--admin NAME] [--customers N] [--seed N] [--company NAME]
// The password of the administrator and of every demo user is ARCHIVE_PASSWORD (never a
// command-line argument). Everything is entered through the host, as users would enter it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArchiveError } from '../../shared/contract';
import { MIN_PASSWORD_LENGTH } from '../../shared/contract/schemas';
import { DEFAULT_ROLES, DEFAULT_DEPARTMENTS } from '../../shared/domain/permissions';
import { dayOf } from '../../shared/domain/receivables';
import { createArchiveHost, send } from '../host';
import { DemoClock } from './clock';
import { planDemo } from './generate';
import { DEMO_USERS, DemoError, loadDemo, logoutAll } from './load';

const USAGE = `用法 Usage:
  ARCHIVE_PASSWORD=… npm run demo -- --archive DIR [--admin NAME] [--customers N] [--seed N] [--company NAME]
管理员与全部演示用户的密码均为 ARCHIVE_PASSWORD（不接受命令行参数）。
The administrator and every demo user get the password in ARCHIVE_PASSWORD (never from the command line).`;

class UsageError extends Error {}

function positiveInt(text: string | undefined, fallback: number, what: string, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${what} 须为不小于 ${min} 的整数 (must be an integer ≥ ${min}), not ${text}`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      archive: { type: 'string' },
      admin: { type: 'string', default: 'admin' },
      customers: { type: 'string' },
      seed: { type: 'string' },
      company: { type: 'string', default: '华东精密仪器股份有限公司' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.password !== undefined) throw new UsageError('出于安全考虑不接受 --password；请使用 ARCHIVE_PASSWORD。\n--password is refused: use ARCHIVE_PASSWORD.');
  if (!values.archive) throw new UsageError(`缺少 --archive DIR (missing --archive DIR)\n\n${USAGE}`);
  const password = process.env.ARCHIVE_PASSWORD ?? '';
  if (!password) throw new UsageError(`请先设置环境变量 ARCHIVE_PASSWORD (set ARCHIVE_PASSWORD first)\n\n${USAGE}`);
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`ARCHIVE_PASSWORD 至少 ${MIN_PASSWORD_LENGTH} 个字符 (must be at least ${MIN_PASSWORD_LENGTH} characters)`);
  }
  const customers = positiveInt(values.customers, 2000, '--customers');
  const seed = positiveInt(values.seed, 20260101, '--seed', 0);
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), values.archive);
  const today = dayOf(new Date());

  const started = performance.now();
  const log = (line: string) => console.log(line);
  log(`演示档案库 Demo archive: ${dir}`);
  log(`${customers.toLocaleString('en-US')} 家客户 customers, seed ${seed}, as of ${today}`);
  const plan = planDemo({ seed, customers, today });
  const clock = new DemoClock();
  const host = createArchiveHost({ dir, clock });
  try {
    const result = await loadDemo({
      host,
      clock,
      plan,
      admin: { username: values.admin, displayName: '王建国' },
      password,
      companyName: values.company,
      log,
    });

    // The auditor checks the archive: schema, integrity, audit chain.
    const c = await send(host, result.sessions.wuqiang!, 'archive.check', {}).catch((e: unknown) => {
      throw e instanceof ArchiveError ? new DemoError('archive.check', e.toBody()) : e;
    });
    await logoutAll(host, result.sessions);

    const roleName = (code: string) => DEFAULT_ROLES.find((r) => r.code === code)?.name ?? code;
    const deptName = (code: string) => DEFAULT_DEPARTMENTS.find((d) => d.code === code)?.name ?? code;
    const n = (what: string) => (result.counts[what] ?? 0).toLocaleString('en-US');
    const events = Object.entries(result.counts)
      .filter(([k]) => k.startsWith('creditEvents.'))
      .map(([k, v]) => `${k.slice('creditEvents.'.length)} ${v}`)
      .join(', ');
    log('');
    log('完成 Done:');
    log(`  客户 customers ${n('customers')} (核验 verified ${n('verified')}), 合同 contracts ${n('contracts')}, 交易 transactions ${n('transactions')}, 付款 payments ${n('payments')}`);
    log(`  资质 qualifications ${n('qualifications')}, 信用事件 credit events (${events}), 反馈 feedback ${n('feedback')}, 第三方报告 reports ${n('creditReports')}`);
    log(`  授信额度调整申请 credit-limit requests ${n('creditLimitRequests')} (待审批、已退回、已通过、已拒绝、已撤回、逾期、代审批 waiting, returned, approved, rejected, withdrawn, overdue, by a delegate), 委托 delegations ${n('delegations')}`);
    log(`  信用评审 evaluations ${n('evaluations')} (草稿、评分中、已汇总、审批中、公示中、异议中、已生效 draft, being scored, consolidated, in approval, published, objection, final), 三年等级历史 grade history ${n('gradeHistory')}`);
    log(`  检查 check: schema ${c.schema.ok ? 'ok' : 'FAILED'}, integrity ${c.integrity.ok ? 'ok' : 'FAILED'}, audit chain ${c.audit.ok ? 'ok' : 'FAILED'} (${c.audit.checked.toLocaleString('en-US')} entries)`);
    log(`  用时 time: ${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(result.timings).map(([k, v]) => `${k} ${v} s`).join(', ')})`);
    log('');
    log('用户（密码均为 ARCHIVE_PASSWORD）Users (every password is ARCHIVE_PASSWORD):');
    log(`  ${values.admin.padEnd(10)} 系统管理员 system administrator`);
    for (const u of DEMO_USERS) log(`  ${u.username.padEnd(10)} ${u.displayName}  ${roleName(u.role)} · ${deptName(u.department)}`);
    log('');
    log('恢复码（只显示这一次，请抄写并妥善保管）');
    log('Recovery code (shown this once: write it down and keep it safe):');
    log('');
    log(`    ${result.recoveryCode}`);
    log('');
    return c.schema.ok && c.integrity.ok && c.audit.ok ? 0 : 1;
  } finally {
    await host.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof DemoError && e.error.code === 'ALREADY_INITIALIZED') {
      console.error('该文件夹中已有档案库 (this folder already holds an archive): choose an empty folder');
    } else {
      console.error(e instanceof Error ? e.message : String(e));
    }
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
