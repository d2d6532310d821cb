// The administrator's command line: the same host as the app, in plain Node.
//   npm run cli -- init   --archive DIR --admin NAME [--company NAME] [--display-name NAME]
//   npm run cli -- verify --archive DIR --user NAME
//   npm run cli -- import --archive DIR --user NAME --kind customers|contracts|transactions|payments FILE
//   npm run cli -- search --archive DIR --user NAME TEXT
// Passwords come from the environment variable ARCHIVE_PASSWORD or from standard input,
// never from the command line (it would be visible to other users and in shell history).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createArchiveHost } from '../host';
import { importCommand, searchCommand } from './imports';
import { readSecret } from './secret';
import { errorLine } from './text';

const USAGE = `用法 Usage:
  npm run cli -- init   --archive DIR --admin NAME [--company NAME] [--display-name NAME]
  npm run cli -- verify --archive DIR --user NAME
  npm run cli -- import --archive DIR --user NAME --kind customers|contracts|transactions|payments FILE(.csv|.xlsx)
  npm run cli -- search --archive DIR --user NAME TEXT
密码取自环境变量 ARCHIVE_PASSWORD 或标准输入（不接受命令行参数）。
The password is read from ARCHIVE_PASSWORD or from standard input, never from the command line.`;

/** Exit codes: 0 all good; 1 a check failed; 2 the command could not run. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

async function init(values: Record<string, string | undefined>): Promise<number> {
  const dir = resolve(values.archive!);
  const username = values.admin;
  if (!username) throw new CliError('缺少 --admin NAME (missing --admin NAME)');
  const password = await readSecret('管理员密码 Administrator password: ');
  const host = createArchiveHost({ dir });
  try {
    const r = await host.call(null, 'archive.setup', {
      companyName: values.company ?? '未命名单位',
      admin: { username, displayName: values['display-name'] ?? username, password },
    });
    if (!r.ok) throw new CliError(errorLine(r.error));
    const { recoveryCode, session } = r.value as { recoveryCode: string; session: string };
    await host.call(session, 'auth.logout', {});
    console.log(`档案库已创建 Archive created: ${dir}`);
    console.log('');
    console.log('恢复码（只显示这一次，请抄写并妥善保管）');
    console.log('Recovery code (shown this once: write it down and keep it safe):');
    console.log('');
    console.log(`    ${recoveryCode}`);
    console.log('');
    return 0;
  } finally {
    await host.close();
  }
}

interface CheckResult {
  schema: { ok: boolean; applied: string[]; expected: string[] };
  integrity: { ok: boolean; problems: string[] };
  audit: { ok: boolean; checked: number; firstBad: { seq: number; reason: string } | null };
}

async function verify(values: Record<string, string | undefined>): Promise<number> {
  const dir = resolve(values.archive!);
  const username = values.user;
  if (!username) throw new CliError('缺少 --user NAME (missing --user NAME)');
  const password = await readSecret(`${username} 的密码 password: `);
  const host = createArchiveHost({ dir });
  try {
    const login = await host.call(null, 'auth.login', { username, password });
    if (!login.ok) {
      // An archive from a newer version is a failed check, not a usage error.
      if (login.error.code === 'NEWER_VERSION') {
        console.log(`✗ 架构版本 schema version: ${errorLine(login.error)}`);
        return 1;
      }
      throw new CliError(errorLine(login.error));
    }
    console.log(`✓ 打开档案库 archive opened with ${username}'s key slot`);
    const { session } = login.value as { session: string };
    const r = await host.call(session, 'archive.check', {});
    await host.call(session, 'auth.logout', {});
    if (!r.ok) throw new CliError(errorLine(r.error));
    const c = r.value as CheckResult;
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    console.log(
      `${mark(c.schema.ok)} 架构版本 schema version: ${c.schema.applied.at(-1) ?? '(none)'}` +
        (c.schema.ok ? '' : ` — expected ${c.schema.expected.join(', ')}; found ${c.schema.applied.join(', ')}`),
    );
    console.log(
      `${mark(c.integrity.ok)} SQLite 完整性 integrity: ${c.integrity.ok ? 'ok' : c.integrity.problems.join('; ')}`,
    );
    console.log(
      `${mark(c.audit.ok)} 审计链 audit chain: ${c.audit.checked} 条 entries verified` +
        (c.audit.firstBad ? ` — entry #${c.audit.firstBad.seq} fails (${c.audit.firstBad.reason})` : ''),
    );
    return c.schema.ok && c.integrity.ok && c.audit.ok ? 0 : 1;
  } finally {
    await host.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      archive: { type: 'string' },
      admin: { type: 'string' },
      user: { type: 'string' },
      company: { type: 'string' },
      'display-name': { type: 'string' },
      password: { type: 'string' },
      kind: { type: 'string' },
    },
    strict: true,
  });
  if (values.password !== undefined) {
    throw new CliError('出于安全考虑不接受 --password；请使用 ARCHIVE_PASSWORD 或标准输入。\n--password is refused: use ARCHIVE_PASSWORD or standard input.');
  }
  if (!values.archive) throw new CliError(`缺少 --archive DIR (missing --archive DIR)\n\n${USAGE}`);
  if (command === 'import') return importCommand(values, positionals);
  if (command === 'search') return searchCommand(values, positionals);
  if (positionals.length > 0) throw new CliError(`多余的参数 (unexpected argument) ${positionals[0]}\n\n${USAGE}`);
  if (command === 'init') return init(values);
  if (command === 'verify') return verify(values);
  throw new CliError(USAGE);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(e instanceof CliError ? e.exitCode : 2);
  },
);
