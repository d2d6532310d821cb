// The administrator's command line: the same host as the app, in plain Node.
//   npm run cli -- init   --archive DIR --admin NAME [--company NAME] [--display-name NAME] [--recovery-file FILE]
//   npm run cli -- verify --archive DIR --user NAME
//   npm run cli -- import --archive DIR --user NAME --kind customers|contracts|transactions|payments FILE
//   npm run cli -- search --archive DIR --user NAME TEXT
// Passwords come from the environment variable ARCHIVE_PASSWORD or from standard input,
// never from the command line (it would be visible to other users and in shell history).
import { closeSync, fchmodSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ArchiveError } from '../../shared/contract';
import { createArchiveHost, send } from '../host';
import { importCommand, searchCommand } from './imports';
import { readSecret } from './secret';
import { errorLine } from './text';

const USAGE = `用法 Usage:
  npm run cli -- init   --archive DIR --admin NAME [--company NAME] [--display-name NAME] [--recovery-file FILE]
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

/**
 * The file the recovery code goes to (--recovery-file): made before the archive, new
 * (an existing file is never overwritten) and readable by its owner only (mode 0600).
 */
function createRecoveryFile(path: string): number {
  try {
    const fd = openSync(path, 'wx', 0o600);
    fchmodSync(fd, 0o600); // whatever the umask
    return fd;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EEXIST' ? '文件已存在 the file exists' : (e as Error).message;
    throw new CliError(`无法创建恢复码文件 cannot create the recovery code file ${path}: ${why}`);
  }
}

async function init(values: Record<string, string | undefined>): Promise<number> {
  const dir = resolve(values.archive!);
  const username = values.admin;
  if (!username) throw new CliError('缺少 --admin NAME (missing --admin NAME)');
  const recoveryFile = values['recovery-file'] !== undefined ? resolve(values['recovery-file']) : null;
  const password = await readSecret('管理员密码 Administrator password: ');
  const fd = recoveryFile ? createRecoveryFile(recoveryFile) : null;
  let written = false;
  const host = createArchiveHost({ dir });
  try {
    const { recoveryCode, session } = await send(host, null, 'archive.setup', {
      companyName: values.company ?? '未命名单位',
      admin: { username, displayName: values['display-name'] ?? username, password },
    }).catch(refused);
    await send(host, session, 'auth.logout', {});
    if (fd !== null) {
      writeSync(fd, `${recoveryCode}\n`);
      fsyncSync(fd);
      written = true;
    }
    console.log(`档案库已创建 Archive created: ${dir}`);
    console.log('');
    if (recoveryFile) {
      console.log(`恢复码已写入文件（仅所有者可读，权限 0600），请抄写或转存到安全处后删除该文件：`);
      console.log(`The recovery code was written to a file only its owner can read (mode 0600); keep it somewhere safe, then delete the file:`);
      console.log('');
      console.log(`    ${recoveryFile}`);
    } else {
      console.log('恢复码（只显示这一次，请抄写并妥善保管）');
      console.log('Recovery code (shown this once: write it down and keep it safe):');
      console.log('');
      console.log(`    ${recoveryCode}`);
    }
    console.log('');
    return 0;
  } finally {
    if (fd !== null) {
      closeSync(fd);
      if (!written) rmSync(recoveryFile!, { force: true });
    }
    await host.close();
  }
}

interface CheckResult {
  schema: { ok: boolean; applied: string[]; expected: string[] };
  integrity: { ok: boolean; problems: string[] };
  audit: {
    ok: boolean;
    checked: number;
    firstBad: { seq: number; reason: string } | null;
    head: { state: 'ok' | 'unanchored' | 'missing' | 'invalid' | 'cut'; seq: number | null; vouched: number };
  };
}

/** The head kept outside the database, in words: a cut log or a missing head is never "all good". */
function describeHead(h: CheckResult['audit']['head']): string {
  const vouched = h.vouched > 0 ? `最后可确认的记录 last entry vouched for: #${h.vouched}` : '没有可确认的记录 no entry can be vouched for';
  switch (h.state) {
    case 'ok':
      return `✓ 审计链头 audit head: 与库外链头一致 matches the head kept outside the archive (#${h.seq}); ${vouched}`;
    case 'unanchored':
      return '✓ 审计链头 audit head: 尚未建立（旧档案，下次写入时建立） not kept yet (an older archive; kept from its next write)';
    case 'missing':
      return `✗ 审计链头 audit head: 链头文件缺失 head missing — 无法确认最新记录未被删除 the newest entries cannot be vouched for; ${vouched} (by the chain alone)`;
    case 'invalid':
      return `✗ 审计链头 audit head: 链头文件损坏或被伪造 head damaged or forged; ${vouched} (by the chain alone)`;
    case 'cut':
      return `✗ 审计链头 audit head: 日志被截短 log cut short — 链头记载至 the head records #${h.seq}; ${vouched}`;
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
    console.log(describeHead(c.audit.head));
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
      'recovery-file': { type: 'string' },
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
