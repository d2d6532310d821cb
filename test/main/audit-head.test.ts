import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_HEAD_FILE } from '../../src/main/archive/audit-head';
import { DB_FILE } from '../../src/main/archive/archive';
import { openEncrypted } from '../../src/main/archive/database';
import { ADMIN, dbKeyFromRecovery, freshArchive, login, testHost, useTempDirs, type TestHost } from './helpers';

const temp = useTempDirs();
const ROOT = join(import.meta.dirname, '..', '..');

function cliVerify(dir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'verify', '--archive', dir, '--user', ADMIN.username], {
    cwd: ROOT,
    env: { ...process.env, ARCHIVE_PASSWORD: ADMIN.password },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** An archive with a few dozen entries, closed. Returns the number of entries. */
async function archiveWithEntries(): Promise<{ t: TestHost & { recoveryCode: string }; entries: number }> {
  const t = await freshArchive(temp);
  for (let i = 0; i < 5; i++) await t.ok(t.admin, 'settings.update', { companyName: `华东精密仪器 ${i}`, idleLockMinutes: 15 });
  const verdict = await t.ok(t.admin, 'audit.verify', {});
  expect(verdict).toMatchObject({ ok: true, head: { state: 'ok' } });
  await t.host.close();
  return { t, entries: verdict.checked + 1 }; // and the verification's own entry
}

/** As someone holding the key would: the delete trigger dropped, rows deleted, the trigger put back. */
function deleteNewest(dir: string, recoveryCode: string, count: number): void {
  const db = openEncrypted(join(dir, DB_FILE), dbKeyFromRecovery(dir, recoveryCode));
  const trigger = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_delete'`).pluck().get() as string;
  db.exec('DROP TRIGGER audit_log_no_delete');
  db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(count);
  db.exec(trigger);
  db.close();
}

describe('the audit chain head kept outside the database', () => {
  it('npm run cli -- verify fails on a log cut short and names the last entry it can vouch for', async () => {
    const { t, entries } = await archiveWithEntries();
    expect(cliVerify(t.dir)).toMatchObject({ code: 0 });
    const afterFirstVerify = entries + 3; // login, check, logout

    deleteNewest(t.dir, t.recoveryCode, 5);
    const cut = cliVerify(t.dir);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('✗ 审计链头 audit head: 日志被截短 log cut short');
    expect(cut.out).toContain(`the head records #${afterFirstVerify}`);
    expect(cut.out).toContain(`last entry vouched for: #${afterFirstVerify - 5}`);
    // It stays reported: later commits do not move the head past the cut.
    const again = cliVerify(t.dir);
    expect(again.code).toBe(1);
    expect(again.out).toContain(`last entry vouched for: #${afterFirstVerify - 5}`);
  });

  it('a deleted head file is reported as "head missing", never as all good, and is not silently made anew', async () => {
    const { t } = await archiveWithEntries();
    deleteNewest(t.dir, t.recoveryCode, 5);
    rmSync(join(t.dir, AUDIT_HEAD_FILE));
    for (let i = 0; i < 2; i++) {
      const r = cliVerify(t.dir);
      expect(r.code).toBe(1);
      expect(r.out).toContain('head missing');
      expect(r.out).not.toMatch(/✓ 审计链头/);
    }
    expect(existsSync(join(t.dir, AUDIT_HEAD_FILE))).toBe(false);
  });

  it('a head file edited without the key is reported as forged', async () => {
    const { t } = await archiveWithEntries();
    const path = join(t.dir, AUDIT_HEAD_FILE);
    const head = JSON.parse(readFileSync(path, 'utf8')) as { seq: number };
    writeFileSync(path, JSON.stringify({ ...head, seq: head.seq - 5 }));
    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    const admin = await login(again, ADMIN.username, ADMIN.password);
    expect(await again.ok(admin, 'audit.verify', {})).toMatchObject({
      ok: false,
      firstBad: { reason: 'headInvalid' },
      head: { state: 'invalid' },
    });
    const check = await again.ok(admin, 'archive.check', {});
    expect(check.audit).toMatchObject({ ok: false, head: { state: 'invalid' } });
  });

  it('a head left behind (a crash after the commit) is no alarm and catches up at the next commit', async () => {
    const t = await freshArchive(temp);
    const headPath = join(t.dir, AUDIT_HEAD_FILE);
    const saved = join(temp.make(), 'old-head.json');
    copyFileSync(headPath, saved);
    await t.ok(t.admin, 'settings.update', { companyName: '华东精密仪器', idleLockMinutes: 15 });
    copyFileSync(saved, headPath);
    const verdict = await t.ok(t.admin, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, firstBad: null, head: { state: 'ok', vouched: verdict.checked } });
    const seq = (JSON.parse(readFileSync(headPath, 'utf8')) as { seq: number }).seq;
    expect(seq).toBe(verdict.checked + 1); // moved on to the verification's own entry
  });

  it('an archive from before heads were kept gets one at its next commit', async () => {
    const { t } = await archiveWithEntries();
    rmSync(join(t.dir, AUDIT_HEAD_FILE));
    const db = openEncrypted(join(t.dir, DB_FILE), dbKeyFromRecovery(t.dir, t.recoveryCode));
    db.prepare(`DELETE FROM meta WHERE key = 'audit_head_key'`).run();
    db.close();
    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    const admin = await login(again, ADMIN.username, ADMIN.password);
    expect(existsSync(join(t.dir, AUDIT_HEAD_FILE))).toBe(true);
    expect(await again.ok(admin, 'audit.verify', {})).toMatchObject({ ok: true, head: { state: 'ok' } });
  });
});
