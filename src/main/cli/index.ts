// The administrator's command line: the same host as the app, in plain Node.
//   npm run cli -- init   --archive DIR --admin NAME [--company NAME] [--display-name NAME]
//   npm run cli -- verify --archive DIR --user NAME
//   npm run cli -- import --archive DIR --user NAME --kind customers|contracts|transactions|payments FILE
//   npm run cli -- search --archive DIR --user NAME TEXT
// Passwords come from the environment variable ARCHIVE_PASSWORD or from standard input,
// never from the command line (it would be visible to other users and in shell history).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ArchiveError } from '../../shared/contract';
import { createArchiveHost, send } from '../host';
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

/** A refusal of the host, as a command that could not run. */
function refused(e: unknown): never {
  throw e instanceof ArchiveError ? new CliError(errorLine(e.toBody())) : e;
}

async function init(values: Record<string, string | undefined>): Promise<number> {
  const dir = resolve(values.archive!);
  const username = values.admin;
  if (!username) throw new CliError('缺少 --admin NAME (missing --admin NAME)');
  const password = await readSecret('管理员密码 Administrator password: ');
  const host = createArchiveHost({ dir });
  try {
    const { recoveryCode, session } = await send(host, null, 'archive.setup', {
      companyName: values.company ?? '未命名单位',
      admin: { username, displayName: values['display-name'] ?? username, password },
    }).catch(refused);
    await send(host, session, 'auth.logout', {});
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

async function verify(values: Record<string, string | undefined>): Promise<number> {
  const dir = resolve(values.archive!);
  const username = values.user;
  if (!username) throw new CliError('缺少 --user NAME (missing --user NAME)');
  const password = await readSecret(`${username} 的密码 password: `);
  const host = createArchiveHost({ dir });
  try {
    let session: string;
    try {
      ({ session } = await send(host, null, 'auth.login', { username, password }));
    } catch (e) {
      // An archive from a newer version is a failed check, not a usage error.
      if (e instanceof ArchiveError && e.code === 'NEWER_VERSION') {
        console.log(`✗ 架构版本 schema version: ${errorLine(e.toBody())}`);
        return 1;
      }
      return refused(e);
    }
    console.log(`✓ 打开档案库 archive opened with ${username}'s key slot`);
    const c = await send(host, session, 'archive.check', {}).catch(refused);
    await send(host, session, 'auth.logout', {});
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
