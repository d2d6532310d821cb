// The CLI's import and search commands, over the same host as the app:
//   npm run cli -- import --archive DIR --user NAME --kind KIND FILE
//   npm run cli -- search --archive DIR --user NAME TEXT
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { ArchiveError, type ImportProblem } from '../../shared/contract';
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKind } from '../../shared/domain/customers';
import { createArchiveHost, send, type ArchiveHost } from '../host';
import { readSecret } from './secret';
import { errorLine, phaseText, problemLine } from './text';


/** A command that could not run: exit code 2 unless said otherwise. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** A refusal of the host, as a command that could not run. */
function refused(e: unknown): never {
  throw e instanceof ArchiveError ? new CommandError(errorLine(e.toBody())) : e;
}

async function loggedIn<T>(values: Record<string, string | undefined>, work: (host: ArchiveHost, session: string) => Promise<T>): Promise<T> {
  const dir = resolve(values.archive!);
  const username = values.user;
  if (!username) throw new CommandError('缺少 --user NAME (missing --user NAME)');
  const password = await readSecret(`${username} 的密码 password: `);
  const host = createArchiveHost({ dir });
  try {
    const { session } = await send(host, null, 'auth.login', { username, password }).catch(refused);
    try {
      return await work(host, session);
    } finally {
      await send(host, session, 'auth.logout', {}).catch(() => null);
    }
  } finally {
    await host.close();
  }
}

export async function importCommand(values: Record<string, string | undefined>, positionals: string[]): Promise<number> {
  const kind = values.kind as ImportKind | undefined;
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new CommandError(`--kind 应为 ${IMPORT_KINDS.join(' | ')} (--kind must be one of them)`);
  }
  if (positionals.length !== 1) throw new CommandError('请给出一个要导入的文件 (give one FILE to import)');
  const path = resolve(positionals[0]!);
  const ext = extname(path).toLowerCase();
  const format = ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
  if (!format) throw new CommandError('文件须为 .csv 或 .xlsx (the file must be .csv or .xlsx)');
  if (statSync(path).size > MAX_IMPORT_BYTES) throw new CommandError('文件过大 (the file is too large)');
  const contentBase64 = readFileSync(path).toString('base64');

  return loggedIn(values, async (host, session) => {
    const jobId = randomUUID();
    let last = '';
    const report = async () => {
      const p = await send(host, session, 'jobs.progress', { jobId }).catch(() => null);
      if (!p) return;
      const line = `${phaseText(p.phase)} ${p.phase} ${p.done}/${p.total}`;
      if (line !== last) process.stderr.write(`进度 progress: ${line}\n`);
      last = line;
    };
    const timer = setInterval(() => void report(), 200);
    let error: ArchiveError;
    try {
      const { written } = await send(host, session, 'imports.run', { kind, format, fileName: basename(path), contentBase64, jobId });
      await report();
      console.log(`已写入 written ${written}`);
      return 0;
    } catch (e) {
      if (!(e instanceof ArchiveError)) throw e;
      error = e;
    } finally {
      clearInterval(timer);
    }
    await report();
    const details = error.details as { problems?: ImportProblem[]; moreProblems?: number } | undefined;
    if (error.code === 'VALIDATION' && details && Array.isArray(details.problems)) {
      for (const p of details.problems) process.stderr.write(`${problemLine(p)}\n`);
      const count = details.problems.length + (details.moreProblems ?? 0);
      if (details.moreProblems) process.stderr.write(`…… 另有 ${details.moreProblems} 个问题未列出 (${details.moreProblems} more)\n`);
      process.stderr.write(`共 ${count} 个问题，未写入任何数据。 ${count} problem(s): nothing was written.\n`);
      return 1;
    }
    if (error.code === 'VALIDATION') {
      process.stderr.write(`无法读取该文件，或其表头与所选类型不符 (the file cannot be read as a ${kind} file)\n`);
      return 1;
    }
    process.stderr.write(`${errorLine(error.toBody())}；未写入任何数据 (nothing was written)\n`);
    return 1;
  });
}

export async function searchCommand(values: Record<string, string | undefined>, positionals: string[]): Promise<number> {
  const text = positionals.join(' ').trim();
  if (!text) throw new CommandError('请给出要查找的内容 (give the TEXT to search for)');
  return loggedIn(values, async (host, session) => {
    const { total, rows } = await send(host, session, 'customers.search', { text, limit: 500 }).catch(refused);
    for (const c of rows) console.log([c.name, c.creditCode ?? c.idNumber ?? '', c.departmentName, c.grade ?? '-'].join('\t'));
    process.stderr.write(`共 ${total} 个客户 (${total} customer(s))${total > rows.length ? `，显示前 ${rows.length} 个 (first ${rows.length} shown)` : ''}\n`);
    return 0;
  });
}
