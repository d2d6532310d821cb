import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/main/archive/archive';
import { DEFAULT_KDF_COST } from '../../src/main/archive/keyslots';
import { SCHEMA_VERSION } from '../../src/main/archive/migrate';
import { tempDir } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSWORD = 'Cli-Admin-Password-9';

function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ARCHIVE_PASSWORD: '', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('admin CLI', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it('creates an archive, verifies it, and names a tampered audit entry', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);

    const init = cli(['init', '--archive', dir, '--admin', 'chief', '--company', '测试档案公司'], { ARCHIVE_PASSWORD: PASSWORD });
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    const code = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})/.exec(init.out)?.[1];
    expect(code).toBeDefined();

    // Password from standard input this time.
    const ok = cli(['verify', '--archive', dir, '--user', 'chief'], {}, `${PASSWORD}\n`);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`✓ 架构版本 schema version: ${SCHEMA_VERSION}`);
    expect(ok.out).toMatch(/✓ SQLite 完整性 integrity: ok/);
    expect(ok.out).toMatch(/✓ 审计链 audit chain: \d+ 条 entries verified/);

    const wrong = cli(['verify', '--archive', dir, '--user', 'chief'], { ARCHIVE_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/WRONG_PASSWORD/);

    // Tamper with entry 1 through a keyed handle, as someone holding the key could.
    const { archive } = await openArchive({ dir, kdfCost: DEFAULT_KDF_COST }, 'recovery', '', code!);
    archive.sqlite.exec('DROP TRIGGER audit_log_no_update');
    archive.sqlite.prepare(`UPDATE audit_log SET details = '{"forged":true}' WHERE seq = 1`).run();
    archive.sqlite.close();

    const bad = cli(['verify', '--archive', dir, '--user', 'chief'], { ARCHIVE_PASSWORD: PASSWORD });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/✗ 审计链 audit chain: 0 条 entries verified — entry #1 fails \(hash\)/);
  });

  it('refuses a password on the command line and an unknown command', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const r = cli(['init', '--archive', dir, '--admin', 'chief', '--password', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--password is refused/);
    expect(cli(['explode', '--archive', dir]).code).toBe(2);
  });
});
