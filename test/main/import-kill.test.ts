import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, freshArchive, login, testHost, useTempDirs } from './helpers';
import { companyName, countRows, creditCode, csvBase64, csvText, customerRows, readArchive, withWrongCheck, xlsxBase64, type Table } from './import-files';

// Killing the process in the middle of a 200,000-row import: the archive opens, checks
// clean, and holds no row of that import. The import runs in a child process through the
// CLI (default key-derivation cost for nothing: the user's key slot was made in-process).

const ROOT = join(import.meta.dirname, '..', '..');
const temp = useTempDirs();
const USER = { username: 'li.credit', displayName: '李信', password: 'Credit-Manager-2026', roles: ['credit_manager'] };
const ROWS = 200_000;

function cliImport(dir: string, file: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'import', '--archive', dir, '--user', USER.username, '--kind', 'transactions', file],
    { cwd: ROOT, env: { ...process.env, ARCHIVE_PASSWORD: USER.password }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function collect(child: ChildProcess): { out: () => string; err: () => string; exit: Promise<{ code: number | null; signal: string | null }> } {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { out: () => out, err: () => err, exit };
}

describe('a killed import', () => {
  it('leaves the archive openable, verified, and without any row of that import; the same file then imports whole', async () => {
    const t = await freshArchive(temp);
    const user = await addUser(t, t.admin, USER);
    const customers = 200;
    await t.ok(user.session, 'imports.run', {
      kind: 'customers',
      format: 'csv',
      fileName: '客户.csv',
      contentBase64: csvBase64(customerRows(customers)),
      jobId: randomUUID(),
    });
    await t.host.close();

    const rows: Table = [['统一社会信用代码', '单据号', '类型', '金额(元)', '发生日期', '到期日期']];
    for (let i = 0; i < ROWS; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      rows.push([creditCode(i % customers), `XS-${i}`, i % 10 === 9 ? '退货' : '销售', `${(i % 500) + 1},${String(i % 1000).padStart(3, '0')}.${String(i % 100).padStart(2, '0')}`, `2025-06-${day}`, `2025-08-${day}`]);
    }
    const file = join(temp.make(), '交易流水.csv');
    writeFileSync(file, csvText(rows));
    const walSize = () => (existsSync(join(t.dir, 'archive.db-wal')) ? statSync(join(t.dir, 'archive.db-wal')).size : 0);
    const walBefore = walSize();

    // Kill it once it is writing, well before the end.
    const child = cliImport(t.dir, file);
    const io = collect(child);
    const killedAt = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never saw it writing:\n${io.err()}`)), 45_000);
      child.stderr!.on('data', () => {
        const writing = [...io.err().matchAll(/writing (\d+)\/(\d+)/g)].map((m) => Number(m[1]));
        const done = writing.find((n) => n > 0 && n < ROWS * 0.75);
        if (done !== undefined && child.exitCode === null) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve(done);
        }
      });
      child.on('exit', () => reject(new Error(`it ended by itself:\n${io.err()}\n${io.out()}`)));
    });
    expect((await io.exit).signal).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThan(0);
    expect(io.out()).not.toMatch(/written/);
    // The write had reached the disk (the WAL grew) but was never committed.
    expect(walSize()).toBeGreaterThan(walBefore);

    // The host opens the archive as it is after the crash.
    const after = testHost(t.dir, t.clock);
    temp.track(after.host);
    const admin = await login(after, ADMIN.username, ADMIN.password);
    const check = await after.ok(admin, 'archive.check', {});
    expect(check.schema.ok).toBe(true);
    expect(check.integrity).toEqual({ ok: true, problems: [] });
    expect(check.audit).toMatchObject({ ok: true, firstBad: null });
    await after.host.close();

    const recovered = Object.assign(after, { recoveryCode: t.recoveryCode });
    expect(await countRows(recovered, 'transactions')).toBe(0);
    expect(await countRows(recovered, 'customers')).toBe(customers);
    const runs = await readArchive(recovered, (db) => db.selectFrom('audit_log').select('action').where('action', '=', 'imports.run').execute());
    expect(runs).toHaveLength(1); // the customers' import only

    // The same file, not interrupted: written whole, in one go.
    const started = Date.now();
    const again = collect(cliImport(t.dir, file));
    const { code } = await again.exit;
    const seconds = (Date.now() - started) / 1000;
    expect(again.err()).toMatch(/checking .*\n(.*\n)*.*writing/);
    expect({ code, out: again.out() }).toEqual({ code: 0, out: `已写入 written ${ROWS}\n` });
    expect(await countRows(recovered, 'transactions')).toBe(ROWS);
    const sums = await readArchive(recovered, (db) =>
      db
        .selectFrom('transactions')
        .select((eb) => [eb.fn.sum<number>('amount_fen').as('fen'), eb.fn.count<number>('import_id').distinct().as('imports')])
        .executeTakeFirstOrThrow(),
    );
    let expected = 0;
    for (let i = 0; i < ROWS; i++) expected += ((i % 500) + 1) * 100_000 + (i % 1000) * 100 + (i % 100);
    expect(Number(sums.fen)).toBe(expected);
    expect(Number(sums.imports)).toBe(1);
    console.info(`import of ${ROWS} transactions through the CLI: ${seconds.toFixed(1)} s including start-up and login (${Math.round(ROWS / seconds)} rows/s)`);
  });
});

describe('the import and search commands', () => {
  function cli(args: string[]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_PASSWORD: USER.password },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('report a bad file row by row in Chinese and write nothing; write a good one; find customers by a fragment', async () => {
    const t = await freshArchive(temp);
    await addUser(t, t.admin, USER);
    await t.host.close();
    const folder = temp.make();
    const rows = customerRows(30);
    const good = rows[2]![2] as string;
    rows[2]![2] = withWrongCheck(good);
    rows[5]![3] = '-100';
    const bad = join(folder, '客户.csv');
    writeFileSync(bad, csvText(rows));

    const refused = cli(['import', '--archive', t.dir, '--user', USER.username, '--kind', 'customers', bad]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain(`第 3 行「统一社会信用代码」 统一社会信用代码校验位不正确 (creditCode.checkCharacter)：${withWrongCheck(good)}`);
    expect(refused.err).toContain('第 6 行「注册资本(元)」 金额不能为负数 (amount.negative)：-100');
    expect(refused.err).toContain('共 2 个问题，未写入任何数据');
    expect(await countRows(t, 'customers')).toBe(0);

    rows[2]![2] = good;
    rows[5]![3] = '100';
    const fixed = join(folder, '客户.xlsx');
    writeFileSync(fixed, Buffer.from(await xlsxBase64(rows), 'base64'));
    const written = cli(['import', '--archive', t.dir, '--user', USER.username, '--kind', 'customers', fixed]);
    expect(written).toMatchObject({ code: 0, out: '已写入 written 30\n' });
    expect(written.err).toMatch(/done 30\/30/);

    const found = cli(['search', '--archive', t.dir, '--user', USER.username, '恒达']);
    expect(found.code).toBe(0);
    const lines = found.out.trim().split('\n');
    expect(lines).toHaveLength(10); // 恒达: the first ten names
    expect(lines).toContain([companyName(3), creditCode(3), '业务部门', '-'].join('\t'));
    expect(found.err).toContain('共 10 个客户');

    expect(cli(['import', '--archive', t.dir, '--user', USER.username, '--kind', 'rumours', fixed]).code).toBe(2);
  });
});
