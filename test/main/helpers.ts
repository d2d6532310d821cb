import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { closeArchive, openArchive, type ArchiveIo, type OpenArchive } from '../../src/main/archive/archive';
import { findSlot, KEYSLOTS_FILE, readKeySlots, unlockSlot, type KeySlotFile } from '../../src/main/archive/keyslots';
import type { AuditEntry, ErrorBody, HostMethodName, Input, Output, User } from '../../src/shared/contract';
import { ArchiveError } from '../../src/shared/contract';
import { PERMISSIONS } from '../../src/shared/domain/permissions';
import { createArchiveHost, send, type ArchiveHost } from '../../src/main/host';
import type { Clock, IdSource } from '../../src/main/host/types';
import { THROTTLE_FILE } from '../../src/main/host/throttle';

/** A clock that stands still until a test moves it. */
export class FrozenClock implements Clock {
  private ms: number;
  constructor(iso = '2026-11-02T01:00:00.000Z') {
    this.ms = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * Ids a test can predict: the n-th id given out for an archive folder is
 * `01900000-0000-7000-8000-<n in hex, 12 digits>` (a valid, ordered UUIDv7). A host opened
 * again on the same folder goes on counting, as the ids already stored there require.
 */
export class CountingIds implements IdSource {
  private static readonly counts = new Map<string, number>();
  constructor(private readonly key: string) {}
  next(): string {
    const n = (CountingIds.counts.get(this.key) ?? 0) + 1;
    CountingIds.counts.set(this.key, n);
    return predictableId(n);
  }
}

export function predictableId(n: number): string {
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Cheaper key derivation for tests only; the default cost is checked on its own. */
export const TEST_KDF_COST = { N: 2 ** 12, r: 8, p: 1 };

export const ADMIN = { username: 'admin', displayName: '王建国', password: 'Archive-Admin-2026!' };
export const COMPANY = '华东精密仪器股份有限公司';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'credit-archive-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestHost {
  host: ArchiveHost;
  clock: FrozenClock;
  dir: string;
  /** Call and expect success; returns the value. */
  ok<M extends HostMethodName>(session: string | null, method: M, input: Input<M>): Promise<Output<M>>;
  /** Call and expect a refusal; returns the error. */
  fail(session: string | null, method: string, input: unknown): Promise<ErrorBody>;
}

export function testHost(dir: string, clock = new FrozenClock()): TestHost {
  const host = createArchiveHost({ dir, clock, ids: new CountingIds(dir), kdfCost: TEST_KDF_COST });
  return {
    host,
    clock,
    dir,
    async ok(session, method, input) {
      try {
        return await send(host, session, method, input);
      } catch (e) {
        if (!(e instanceof ArchiveError)) throw e;
        throw new Error(`${method} failed: ${e.code} ${e.message} ${JSON.stringify(e.details ?? '')}`);
      }
    },
    async fail(session, method, input) {
      const r = await host.call(session, method, input);
      expect(r.ok, `${method} should have been refused`).toBe(false);
      return (r as { ok: false; error: ErrorBody }).error;
    },
  };
}

/** A new archive set up by ADMIN; returns the admin's session and the recovery code. */
export async function setUpArchive(t: TestHost): Promise<{ session: string; recoveryCode: string }> {
  const r = await t.ok(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
  return { session: r.session, recoveryCode: r.recoveryCode };
}

// ---------------------------------------------------------------------------------------
// Files on disk

/** Every file in the archive folder (and below), by relative name. */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? join(sub, entry.name) : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** A fingerprint of every file in the folder: name -> sha256 of its bytes. */
export function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesIn(dir).map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]),
  );
}

/** The fingerprint of every file but the throttle's count of wrong tries (src/main/host/throttle.ts). */
export function archiveFiles(dir: string): Record<string, string> {
  const { [THROTTLE_FILE]: _counted, ...files } = fingerprint(dir);
  return files;
}

export function readSlots(dir: string): KeySlotFile {
  return JSON.parse(readFileSync(join(dir, KEYSLOTS_FILE), 'utf8')) as KeySlotFile;
}

/** The database key, as the recovery code unwraps it from keyslots.json (nothing is opened). */
export function dbKeyFromRecovery(dir: string, recoveryCode: string, file = KEYSLOTS_FILE): Buffer {
  const slots = readKeySlots(join(dir, file));
  const slot = findSlot(slots, 'recovery', '');
  const key = slot ? unlockSlot(slots.archiveId, slot, recoveryCode.replace(/-/g, '')) : null;
  if (!key) throw new Error('the recovery code does not open the recovery slot');
  return key;
}

export function archiveIo(dir: string): ArchiveIo {
  return { dir, kdfCost: TEST_KDF_COST };
}

/** Open the archive outside the host, as someone holding the recovery code would. */
export async function openWithRecoveryCode(dir: string, recoveryCode: string): Promise<OpenArchive> {
  const { archive } = await openArchive(archiveIo(dir), 'recovery', '', recoveryCode);
  return archive;
}

// ---------------------------------------------------------------------------------------
// Driving the host

export async function login(t: TestHost, username: string, password: string): Promise<string> {
  return (await t.ok(null, 'auth.login', { username, password })).session;
}

/** Ids of the default roles and departments, by code. */
export async function directory(
  t: TestHost,
  adminSession: string,
): Promise<{ role: (code: string) => string; department: (code: string) => string }> {
  const roles = await t.ok(adminSession, 'roles.list', {});
  const departments = await t.ok(adminSession, 'departments.list', {});
  const find = (list: { id: string; code: string }[], code: string) => {
    const found = list.find((x) => x.code === code);
    if (!found) throw new Error(`no ${code}`);
    return found.id;
  };
  return { role: (code) => find(roles, code), department: (code) => find(departments, code) };
}

export interface NewUser {
  username: string;
  displayName: string;
  /** The password the user chose after the administrator's first one. */
  password: string;
  roles: string[];
  department?: string;
}

/**
 * An administrator creates the user; the user logs in with the first password and
 * replaces it (as they must). Returns the user and their session.
 */
export async function addUser(t: TestHost, adminSession: string, spec: NewUser): Promise<{ user: User; session: string }> {
  const dir = await directory(t, adminSession);
  const firstPassword = `${spec.password}-first`;
  const user = await t.ok(adminSession, 'users.create', {
    username: spec.username,
    displayName: spec.displayName,
    departmentId: dir.department(spec.department ?? 'credit'),
    roleIds: spec.roles.map(dir.role),
    password: firstPassword,
  });
  const session = await login(t, spec.username, firstPassword);
  await t.ok(session, 'auth.changePassword', { currentPassword: firstPassword, newPassword: spec.password });
  return { user, session };
}

const creditAuditors = new WeakMap<ArchiveHost, string>();

/**
 * The session of a reader of the audit log who may also read customer files (the auditor
 * role given customers.read), made once per host: the administrator sees entries about
 * customers masked (src/main/services/audit/mask.ts).
 */
export async function creditAuditor(t: TestHost, adminSession: string): Promise<string> {
  const known = creditAuditors.get(t.host);
  if (known) return known;
  const dir = await directory(t, adminSession);
  await t.ok(adminSession, 'roles.update', { id: dir.role('auditor'), permissions: ['audit.read', 'customers.read'] });
  const { session } = await addUser(t, adminSession, { username: 'credit.auditor', displayName: '审计读者', password: 'Credit-Auditor-2026', roles: ['auditor'] });
  creditAuditors.set(t.host, session);
  return session;
}

/** Every audit entry, oldest first (pages through audit.list). */
export async function allAudit(t: TestHost, session: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await t.ok(session, 'audit.list', beforeSeq ? { limit: 500, beforeSeq } : { limit: 500 });
    entries.push(...page.entries);
    if (page.nextBeforeSeq === null) return entries.reverse();
    beforeSeq = page.nextBeforeSeq;
  }
}

/** A fresh temp folder per test, removed afterwards (hosts closed first). */
export function useTempDirs(): { make(): string; track(host: ArchiveHost): void } {
  const dirs: (() => void)[] = [];
  const hosts: ArchiveHost[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.close();
    for (const cleanup of dirs.splice(0)) cleanup();
  });
  return {
    make() {
      const { dir, cleanup } = tempDir();
      dirs.push(cleanup);
      return dir;
    },
    track(host) {
      hosts.push(host);
    },
  };
}

/** A new archive set up by ADMIN in a fresh folder. */
export async function freshArchive(
  temp: ReturnType<typeof useTempDirs>,
  clock = new FrozenClock(),
): Promise<TestHost & { admin: string; recoveryCode: string }> {
  const t = testHost(temp.make(), clock);
  temp.track(t.host);
  const { session, recoveryCode } = await setUpArchive(t);
  return Object.assign(t, { admin: session, recoveryCode });
}

/** The code of the role made for the walks of permissions and validation: it grants nothing. */
export const NO_RIGHTS_ROLE = 'test_no_rights';

/**
 * A new archive that also holds a role granting no permission at all — made for tests
 * that walk every method as a user without rights, so that they do not depend on a
 * real role (whose rights grow as features come). The role is written as data, the way
 * an archive holds any role, while no host has the archive open.
 */
export async function freshArchiveWithNoRightsRole(
  temp: ReturnType<typeof useTempDirs>,
  clock = new FrozenClock(),
  options: { adminMayCallEverything?: boolean } = {},
): Promise<TestHost & { admin: string; recoveryCode: string }> {
  const first = await freshArchive(temp, clock);
  await first.host.close();
  const open = await openWithRecoveryCode(first.dir, first.recoveryCode);
  try {
    await open.db
      .insertInto('roles')
      .values({ id: new CountingIds(first.dir).next(), code: NO_RIGHTS_ROLE, name: '无权限（测试）', builtin: 0, created_at: clock.now().toISOString() })
      .execute();
    if (options.adminMayCallEverything) {
      // Through the app this takes a second administrator (separation of duties): set up here.
      const sysadmin = await open.db.selectFrom('roles').select('id').where('code', '=', 'sysadmin').executeTakeFirstOrThrow();
      await open.db.deleteFrom('role_permissions').where('role_id', '=', sysadmin.id).execute();
      await open.db.insertInto('role_permissions').values(PERMISSIONS.map((permission) => ({ role_id: sysadmin.id, permission }))).execute();
    }
  } finally {
    await closeArchive(open);
  }
  const t = testHost(first.dir, clock);
  temp.track(t.host);
  const admin = await login(t, ADMIN.username, ADMIN.password);
  return Object.assign(t, { admin, recoveryCode: first.recoveryCode });
}
