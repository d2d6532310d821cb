import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbKeyFromRecovery, useTempDirs } from './helpers';

const temp = useTempDirs();
const ROOT = join(import.meta.dirname, '..', '..');
const CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}/;

function init(dir: string, extra: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'init', '--archive', dir, '--admin', 'chief', ...extra], {
    cwd: ROOT,
    env: { ...process.env, ARCHIVE_PASSWORD: 'Cli-Admin-Password-9' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli init --recovery-file', () => {
  it('writes the recovery code to a new file only its owner can read, and says so instead of printing it', () => {
    const dir = temp.make();
    const file = join(temp.make(), 'recovery.txt');
    const r = init(dir, ['--recovery-file', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(CODE);
    expect(r.out).toContain(file);
    expect(r.out).toContain('0600');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const code = readFileSync(file, 'utf8').trim();
    expect(code).toMatch(new RegExp(`^${CODE.source}$`));
    expect(dbKeyFromRecovery(dir, code)).toHaveLength(32); // it is the code that opens the recovery slot
  });

  it('never overwrites an existing file, and then creates no archive', () => {
    const dir = temp.make();
    const file = join(temp.make(), 'recovery.txt');
    writeFileSync(file, 'something else\n');
    const r = init(dir, ['--recovery-file', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the file exists');
    expect(readFileSync(file, 'utf8')).toBe('something else\n');
    expect(existsSync(join(dir, 'archive.db'))).toBe(false);
  });
});
