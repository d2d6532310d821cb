import { describe, expect, it } from 'vitest';
import { closeArchive } from '../../src/main/archive/archive';
import { GENESIS_HASH } from '../../src/main/services/audit/log';
import type { AuditEntry } from '../../src/shared/contract';
import {
  ADMIN,
  addUser,
  allAudit,
  freshArchive,
  FrozenClock,
  login,
  openWithRecoveryCode,
  testHost,
  useTempDirs,
  type TestHost,
} from './helpers';

const temp = useTempDirs();
const HOUR = 3_600_000;

interface RawEntry {
  seq: number;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** An archive with a little history: setup, a settings change, two users, logins, a lock, a denial. */
async function withHistory(): Promise<TestHost & { admin: string; recoveryCode: string; auditorId: string; reviewerId: string }> {
  const t = await freshArchive(temp, new FrozenClock('2026-11-02T01:00:00.000Z'));
  // Hours pass between the steps below: sessions must not lock meanwhile.
  await t.ok(t.admin, 'settings.update', { companyName: '华东精密仪器', idleLockMinutes: 240 });
  t.clock.advance(HOUR);
  const auditor = await addUser(t, t.admin, { username: 'zhao.audit', displayName: '赵审计', password: 'Auditor-Pass-2026', roles: ['auditor'] });
  t.clock.advance(HOUR);
  const reviewer = await addUser(t, t.admin, { username: 'qian.review', displayName: '钱评审', password: 'Reviewer-Pass-2026', roles: ['reviewer'] });
  t.clock.advance(HOUR);
  await t.ok(auditor.session, 'auth.lock', {});
  await t.ok(auditor.session, 'auth.unlock', { password: 'Auditor-Pass-2026' });
  await t.ok(auditor.session, 'audit.verify', {});
  await t.fail(reviewer.session, 'users.list', {}); // a denial is on record too
  return Object.assign(t, { auditorId: auditor.user.id, reviewerId: reviewer.user.id });
}

/** Close the host and change the archive by SQL, as someone with the key could. */
async function tamper(t: TestHost, recoveryCode: string, sql: string[]): Promise<TestHost> {
  await t.host.close();
  const archive = await openWithRecoveryCode(t.dir, recoveryCode);
  try {
    for (const statement of sql) archive.sqlite.exec(statement);
  } finally {
    await closeArchive(archive);
  }
  const reopened = testHost(t.dir, t.clock);
  temp.track(reopened.host);
  return reopened;
}

async function verifyAfterTampering(t: TestHost) {
  const session = await login(t, ADMIN.username, ADMIN.password);
  return { session, verdict: await t.ok(session, 'audit.verify', {}) };
}

describe('the audit log', () => {
  it('records setup, logins, user changes, settings, locks and denials, each chained to the one before', async () => {
    const t = await withHistory();
    const entries = await allAudit(t, t.admin);
    const actions = entries.map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual([
      'archive.setup:ok',
      'settings.update:ok',
      'users.create:ok',
      'auth.login:ok',
      'auth.changePassword:ok',
      'users.create:ok',
      'auth.login:ok',
      'auth.changePassword:ok',
      'auth.lock:ok',
      'auth.unlock:ok',
      'audit.verify:ok',
      'users.list:denied',
    ]);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.find((e) => e.action === 'settings.update')!.details).toMatchObject({
      after: { companyName: '华东精密仪器', idleLockMinutes: 240 },
    });

    const verdict = await t.ok(t.admin, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, checked: entries.length, firstBad: null });

    await t.host.close();
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    try {
      const rows = archive.sqlite.prepare('SELECT seq, action, details, prev_hash, hash FROM audit_log ORDER BY seq').all() as RawEntry[];
      expect(rows.length).toBe(entries.length + 1); // and the verification itself
      expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash, `seq ${rows[i]!.seq}`).toBe(rows[i - 1]!.hash);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
    } finally {
      await closeArchive(archive);
    }
  });

  it('refuses UPDATE and DELETE, even with the key', async () => {
    const t = await withHistory();
    await t.host.close();
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    try {
      const read = () => archive.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all();
      const before = read();
      expect(() => archive.sqlite.prepare(`UPDATE audit_log SET details = '{}' WHERE seq = 3`).run()).toThrow(/append-only/);
      expect(() => archive.sqlite.prepare(`UPDATE audit_log SET outcome = 'ok' WHERE outcome = 'denied'`).run()).toThrow(/append-only/);
      expect(() => archive.sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
      expect(() => archive.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(read()).toEqual(before);
    } finally {
      await closeArchive(archive);
    }
  });

  it('verify names the entry whose content was edited by SQL (reason hash)', async () => {
    const t = await withHistory();
    const N = 5;
    const reopened = await tamper(t, t.recoveryCode, [
      'DROP TRIGGER audit_log_no_update',
      `UPDATE audit_log SET details = '{"username":"somebody.else"}' WHERE seq = ${N}`,
    ]);
    const { session, verdict } = await verifyAfterTampering(reopened);
    expect(verdict).toMatchObject({ ok: false, checked: N - 1, firstBad: { seq: N, reason: 'hash' } });
    // The finding is itself on record, and archive.check agrees.
    const { entries } = await reopened.ok(session, 'audit.list', { action: 'audit.verify', limit: 1 });
    expect(entries[0]!.details).toMatchObject({ ok: false, firstBad: { seq: N, reason: 'hash' } });
    const check = await reopened.ok(session, 'archive.check', {});
    expect(check.audit).toMatchObject({ ok: false, firstBad: { seq: N, reason: 'hash' } });
  });

  it('verify notices an edited outcome or actor just the same', async () => {
    const t = await withHistory();
    const denied = 12; // users.list:denied
    const reopened = await tamper(t, t.recoveryCode, [
      'DROP TRIGGER audit_log_no_update',
      `UPDATE audit_log SET outcome = 'ok', username = 'admin' WHERE seq = ${denied}`,
    ]);
    expect((await verifyAfterTampering(reopened)).verdict.firstBad).toEqual({ seq: denied, reason: 'hash' });
  });

  it('verify notices a deleted entry (reason gap)', async () => {
    const t = await withHistory();
    const N = 4;
    const reopened = await tamper(t, t.recoveryCode, ['DROP TRIGGER audit_log_no_delete', `DELETE FROM audit_log WHERE seq = ${N}`]);
    expect((await verifyAfterTampering(reopened)).verdict).toMatchObject({
      ok: false,
      checked: N - 1,
      firstBad: { seq: N + 1, reason: 'gap' },
    });
  });

  it('verify notices a deleted entry whose successors were renumbered to hide the gap (reason link)', async () => {
    const t = await withHistory();
    const N = 4;
    const reopened = await tamper(t, t.recoveryCode, [
      'DROP TRIGGER audit_log_no_delete',
      'DROP TRIGGER audit_log_no_update',
      `DELETE FROM audit_log WHERE seq = ${N}`,
      `UPDATE audit_log SET seq = -(seq - 1) WHERE seq > ${N}`,
      'UPDATE audit_log SET seq = -seq WHERE seq < 0',
    ]);
    expect((await verifyAfterTampering(reopened)).verdict).toMatchObject({
      ok: false,
      checked: N - 1,
      firstBad: { seq: N, reason: 'link' },
    });
  });

  it('list filters by user, action and date range', async () => {
    const t = await withHistory();
    const all = await allAudit(t, t.admin);
    const start = Date.parse('2026-11-02T01:00:00.000Z');
    const iso = (ms: number) => new Date(ms).toISOString();

    const byAuditor = await t.ok(t.admin, 'audit.list', { userId: t.auditorId });
    expect(byAuditor.entries.map((e) => e.action)).toEqual([
      'audit.verify',
      'auth.unlock',
      'auth.lock',
      'auth.changePassword',
      'auth.login',
    ]);
    expect(byAuditor.entries.every((e) => e.userId === t.auditorId)).toBe(true);

    const creations = await t.ok(t.admin, 'audit.list', { action: 'users.create' });
    expect(creations.entries.map((e) => e.target)).toEqual([`user:${t.reviewerId}`, `user:${t.auditorId}`]);

    // The second hour only: the auditor's creation, first login and password change.
    const hour2 = await t.ok(t.admin, 'audit.list', { from: iso(start + HOUR), to: iso(start + 2 * HOUR) });
    expect(hour2.entries.map((e) => e.action)).toEqual(['auth.changePassword', 'auth.login', 'users.create']);
    expect(hour2.entries.map((e) => e.seq)).toEqual(
      all.filter((e) => e.at >= iso(start + HOUR) && e.at < iso(start + 2 * HOUR)).map((e) => e.seq).reverse(),
    );

    const combined = await t.ok(t.admin, 'audit.list', { userId: t.reviewerId, action: 'auth.login', from: iso(start + 2 * HOUR) });
    expect(combined.entries).toHaveLength(1);
    expect(combined.entries[0]).toMatchObject({ username: 'qian.review', outcome: 'ok' });

    const nothing = await t.ok(t.admin, 'audit.list', { to: iso(start) });
    expect(nothing).toEqual({ entries: [], names: {}, nextBeforeSeq: null });

    expect(await t.ok(t.admin, 'audit.actions', {})).toEqual(
      [...new Set(all.map((e) => e.action))].sort(),
    );
  });

  it('pages by nextBeforeSeq: every entry exactly once, newest first, filters kept', async () => {
    const t = await withHistory();
    const total = (await allAudit(t, t.admin)).length;

    const pageThrough = async (filter: { action?: string; userId?: string }, limit: number) => {
      const seen: AuditEntry[] = [];
      let beforeSeq: number | undefined;
      let pages = 0;
      for (;;) {
        const page = await t.ok(t.admin, 'audit.list', { ...filter, limit, ...(beforeSeq ? { beforeSeq } : {}) });
        pages += 1;
        expect(page.entries.length).toBeLessThanOrEqual(limit);
        seen.push(...page.entries);
        if (page.nextBeforeSeq === null) break;
        beforeSeq = page.nextBeforeSeq;
      }
      return { seqs: seen.map((e) => e.seq), pages, seen };
    };

    for (const limit of [1, 3, 5, total, total + 1]) {
      const { seqs, pages } = await pageThrough({}, limit);
      expect(seqs, `limit ${limit}`).toEqual(Array.from({ length: total }, (_, i) => total - i));
      expect(pages, `limit ${limit}`).toBe(Math.max(1, Math.ceil(total / limit)));
    }
    const logins = await pageThrough({ action: 'auth.login' }, 1);
    expect(logins.seen.map((e) => e.action)).toEqual(['auth.login', 'auth.login']);
    expect(new Set(logins.seqs).size).toBe(2);
  });
});
