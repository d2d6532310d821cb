import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import {
  ArchiveError,
  contract,
  isMethodName,
  type Envelope,
  type ErrorBody,
  type FieldIssue,
  type HostMethodName,
  type MethodSpec,
} from '../../shared/contract';
import {
  closeArchive,
  createArchive,
  KeySlotKeeper,
  openArchive,
  type ArchiveIo,
  type OpenArchive,
} from '../archive/archive';
import { z } from 'zod';
import { anchorAuditHead, chainEnd } from '../archive/audit-head';
import { appendPending, clearPending, ensureInbox, readPending } from '../archive/audit-inbox';
import { DEFAULT_KDF_COST } from '../archive/keyslots';
import type { DB } from '../archive/schema';
import { appendAudit, type AuditEvent } from '../services/audit/log';
import { handlers } from '../services';
import { callerState } from '../services/users/queries';
import { idleLockMinutesOf } from '../services/settings/handlers';
import type { Actor, AuditNote, CallContext, Handler, HostServices, LoginThrottle, SessionRecord } from './handler';
import { createJobRegistry } from './jobs';
import { projectPdfFontPath } from '../pdf/font';
import { systemClock, uuidIds, type ArchiveHost, type ArchiveHostOptions } from './types';

export type { ArchiveHost, ArchiveHostOptions, Clock, IdSource } from './types';
export { send } from './send';

/** After this many consecutive wrong passwords for a name, each further try must wait. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 5 * 60_000;
const MAX_PENDING_AUDIT = 1000;

function createLoginThrottle(now: () => number): LoginThrottle {
  const failures = new Map<string, { count: number; until: number }>();
  const norm = (name: string) => name.normalize('NFC').trim().toLowerCase();
  return {
    check(name) {
      const f = failures.get(norm(name));
      if (f && f.until > now()) {
        throw new ArchiveError('RATE_LIMITED', 'too many wrong passwords; wait before trying again', {
          retryAfterMs: f.until - now(),
        });
      }
    },
    failed(name) {
      const key = norm(name);
      const count = (failures.get(key)?.count ?? 0) + 1;
      const wait = count < FREE_ATTEMPTS ? 0 : Math.min(1000 * 2 ** (count - FREE_ATTEMPTS), MAX_WAIT_MS);
      failures.set(key, { count, until: now() + wait });
    },
    succeeded(name) {
      failures.delete(norm(name));
    },
  };
}

/** A failed try as it waits on disk; anything else found there is counted as unreadable. */
const pendingRecord = z.object({
  at: z.iso.datetime(),
  username: z.string().max(32).nullable(),
  action: z.enum(['auth.login', 'auth.recover', 'auth.unlock', 'auth.changePassword', 'auth.failures_not_itemised']),
  details: z.union([
    z.strictObject({ reason: z.enum(['WRONG_PASSWORD', 'WRONG_RECOVERY_CODE', 'RATE_LIMITED']) }),
    z.strictObject({ count: z.number().int().positive() }),
  ]),
});

function validationError(issues: { path: PropertyKey[]; code: string; message: string }[]): ArchiveError {
  const details: FieldIssue[] = issues.slice(0, 50).map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    code: i.code,
    message: i.message,
  }));
  return new ArchiveError('VALIDATION', 'the input is not valid', details);
}

function toErrorBody(e: unknown): ErrorBody {
  if (e instanceof ArchiveError) return e.toBody();
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'this conflicts with what the archive holds' };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'INTERNAL', message: 'the disk is full; nothing was changed' };
  }
  return { code: 'INTERNAL', message: 'internal error; nothing was changed' };
}

export function createArchiveHost(options: ArchiveHostOptions): ArchiveHost {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidIds;
  const io: ArchiveIo = { dir: options.dir, nativeBinding: options.nativeBinding, kdfCost: options.kdfCost ?? DEFAULT_KDF_COST };
  const slots = new KeySlotKeeper(io);
  const sessions = new Map<string, SessionRecord>();
  const pendingAudit: AuditEvent[] = [];
  let archive: OpenArchive | null = null;
  let idleLockMs = 15 * 60_000;
  let closed = false;

  // Calls run one at a time: the archive has one connection, and opening or closing it
  // must never interleave with a transaction.
  let queue: Promise<unknown> = Promise.resolve();
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function closeIfUnused(): Promise<void> {
    if (archive && sessions.size === 0) {
      const a = archive;
      archive = null;
      await closeArchive(a);
    }
  }

  async function adopt(opened: OpenArchive): Promise<OpenArchive> {
    archive = opened;
    ensureInbox(opened.dir, opened.sqlite); // where failed tries wait while the archive is closed
    slots.finishPendingRotation(opened); // a deactivation's rotation a crash interrupted
    idleLockMs = (await idleLockMinutesOf(opened.db)) * 60_000;
    return opened;
  }

  const services: HostServices = {
    clock,
    ids,
    dir: options.dir,
    slots,
    archive: () => archive,
    async unlockArchive(kind, name, secret) {
      if (archive) {
        const ok = kind === 'user' ? slots.verifyPassword(archive, name, secret) : recoveryFits(archive, secret);
        if (!ok) {
          throw new ArchiveError(kind === 'user' ? 'WRONG_PASSWORD' : 'WRONG_RECOVERY_CODE', 'wrong secret');
        }
        return archive;
      }
      const { archive: opened } = await openArchive(io, kind, name, secret);
      return adopt(opened);
    },
    async createArchive(spec) {
      return adopt(await createArchive(io, spec));
    },
    session: (token) => sessions.get(token),
    newSessionToken: () => randomBytes(32).toString('base64url'),
    openSession(token, userId, username) {
      sessions.set(token, { userId, username, locked: false, lastActivityMs: clock.now().getTime() });
    },
    endSession(token) {
      sessions.delete(token);
    },
    lockSession(token) {
      const s = sessions.get(token);
      if (s) s.locked = true;
    },
    unlockSession(token) {
      const s = sessions.get(token);
      if (s) {
        s.locked = false;
        s.lastActivityMs = clock.now().getTime();
      }
    },
    endSessionsOf(userId) {
      for (const [token, s] of sessions) if (s.userId === userId) sessions.delete(token);
    },
    loginThrottle: createLoginThrottle(() => clock.now().getTime()),
    async refreshSettings(db) {
      idleLockMs = (await idleLockMinutesOf(db)) * 60_000;
    },
    jobs: createJobRegistry(() => clock.now().getTime()),
    pdfFont: options.pdfFont ?? projectPdfFontPath(),
  };

  function recoveryFits(open: OpenArchive, code: string): boolean {
    return slots.verifyRecoveryCode(open, code);
  }

  /** Resolve the caller; lock a session that sat idle too long. */
  function resolveSession(spec: MethodSpec, token: string | null): SessionRecord | null {
    if (spec.access === 'public') return null;
    const record = typeof token === 'string' ? sessions.get(token) : undefined;
    if (!record) throw new ArchiveError('UNAUTHENTICATED', 'not logged in, or the session has ended');
    if (!record.locked && clock.now().getTime() - record.lastActivityMs > idleLockMs) record.locked = true;
    if (record.locked && spec.access !== 'locked') throw new ArchiveError('LOCKED', 'the session is locked');
    return record;
  }

  /** After a commit that added audit entries: the head outside the database follows. */
  function anchor(open: OpenArchive, before: ReturnType<typeof chainEnd>): void {
    try {
      anchorAuditHead(open, before);
    } catch (e) {
      // The call has committed; a head left behind is reported by verify, not lost silently.
      console.error('[archive host] audit head:', (e as Error)?.message);
    }
  }

  async function recordDenial(actor: Actor, method: HostMethodName): Promise<void> {
    if (!archive) return;
    const open = archive;
    const before = chainEnd(open.sqlite);
    await open.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: clock.now().toISOString(),
        userId: actor.userId,
        username: actor.username,
        action: method,
        outcome: 'denied',
      }),
    );
    anchor(open, before);
  }

  /** Failed tries sealed to disk while the archive was closed (or before a crash): into the log. */
  async function flushPendingFromDisk(trx: Transaction<DB>, open: OpenArchive): Promise<boolean> {
    const { records, unreadable } = readPending(open.dir, open.sqlite);
    if (records.length === 0 && unreadable === 0) return false;
    for (const record of records) {
      const r = pendingRecord.safeParse(record);
      if (!r.success) {
        await appendAudit(trx, { at: clock.now().toISOString(), userId: null, username: null, action: 'auth.failures_unreadable', outcome: 'failed', details: { count: 1 } });
        continue;
      }
      await appendAudit(trx, { ...r.data, userId: null, outcome: 'failed', details: { ...r.data.details, recordedWhileClosed: true } });
    }
    if (unreadable > 0) {
      await appendAudit(trx, { at: clock.now().toISOString(), userId: null, username: null, action: 'auth.failures_unreadable', outcome: 'failed', details: { count: unreadable } });
    }
    return true;
  }

  async function dispatch(token: string | null, method: string, rawInput: unknown): Promise<unknown> {
    if (closed) throw new ArchiveError('UNAUTHENTICATED', 'the archive host is closed');
    if (!isMethodName(method) || contract[method].handledBy !== 'host') {
      throw new ArchiveError('UNKNOWN_METHOD', `no method ${String(method).slice(0, 64)}`);
    }
    const name = method as HostMethodName;
    const spec: MethodSpec = contract[name];
    const handler = handlers[name] as Handler<HostMethodName>;

    const record = resolveSession(spec, token);
    let actor: Actor | null = null;
    if (record && archive) {
      const state = await callerState(archive.db, record.userId);
      if (!state?.active) {
        services.endSessionsOf(record.userId);
        throw new ArchiveError('UNAUTHENTICATED', 'this account is no longer active');
      }
      actor = { userId: record.userId, username: record.username, permissions: state.permissions, session: token! };
      if (spec.permission && !state.permissions.has(spec.permission)) {
        await recordDenial(actor, name);
        throw new ArchiveError('FORBIDDEN', `this needs the permission ${spec.permission}`);
      }
      // A password set by an administrator is known to them: until the user replaces it,
      // only the calls to do so (and to leave) are answered.
      if (state.mustChangePassword && !name.startsWith('auth.')) {
        throw new ArchiveError('FORBIDDEN', 'change your password first', { reason: 'mustChangePassword' });
      }
    }

    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error.issues);
    const input = parsed.data as never;
    const now = clock.now();
    const prepareCtx = { input, session: token, host: services, now };

    if (handler.withoutArchive) return spec.output.parse(await handler.withoutArchive(prepareCtx));
    const prepared = handler.prepare ? await handler.prepare(prepareCtx) : undefined;
    const open = archive;
    if (!open) throw new ArchiveError('LOCKED', 'the archive is not open');

    const afterCommit: (() => void | Promise<void>)[] = [];
    const beforeCommit: (() => void)[] = [];
    const audit: AuditNote = {};
    const flushed = pendingAudit.length;
    const appends = flushed > 0 || spec.writes || spec.readsCredit || spec.logsRead;
    const before = chainEnd(open.sqlite);
    let fromDisk = false;
    const value = await open.db.transaction().execute(async (trx: Transaction<DB>) => {
      for (const event of pendingAudit.slice(0, flushed)) await appendAudit(trx, event);
      fromDisk = await flushPendingFromDisk(trx, open);
      const ctx: CallContext<HostMethodName> = {
        input,
        db: trx,
        actor,
        session: token,
        now,
        host: services,
        audit,
        afterCommit: (fn) => afterCommit.push(fn),
        beforeCommit: (fn) => beforeCommit.push(fn),
        prepared,
      };
      const readOnly = !spec.writes;
      // A method that says it does not write cannot: the connection refuses writes meanwhile.
      if (readOnly) await sql`PRAGMA query_only = ON`.execute(trx);
      let result: unknown;
      try {
        result = await handler.run(ctx);
      } finally {
        if (readOnly) await sql`PRAGMA query_only = OFF`.execute(trx);
      }
      if (spec.writes || spec.readsCredit || spec.logsRead) {
        const who = audit.actor ?? actor;
        await appendAudit(trx, {
          at: now.toISOString(),
          userId: who?.userId ?? null,
          username: who?.username ?? null,
          action: audit.action ?? name,
          outcome: 'ok',
          target: audit.target ?? null,
          purpose: spec.readsCredit ? String((input as { purpose?: unknown }).purpose ?? '') : null,
          details: audit.details,
        });
      }
      const output = spec.output.parse(result);
      for (const fn of beforeCommit) fn();
      return output;
    });
    pendingAudit.splice(0, flushed);
    if (fromDisk) clearPending(open.dir);
    for (const fn of afterCommit) await fn();
    if (appends || fromDisk) anchor(open, before);
    if (record && token && sessions.has(token) && !sessions.get(token)!.locked) {
      sessions.get(token)!.lastActivityMs = clock.now().getTime();
    }
    await closeIfUnused();
    return value;
  }

  /** A failed login when the archive is closed is kept until the next open, then written. */
  function recordFailedLogin(method: 'auth.login' | 'auth.recover' | 'auth.unlock' | 'auth.changePassword', input: unknown, error: ErrorBody): void {
    if (error.code !== 'WRONG_PASSWORD' && error.code !== 'WRONG_RECOVERY_CODE' && error.code !== 'RATE_LIMITED') return;
    const username = typeof (input as { username?: unknown })?.username === 'string' ? (input as { username: string }).username.slice(0, 32) : null;
    // Kept in memory only until the next open; a flood of wrong passwords must not grow it
    // without end: past the limit they are counted, and the count is recorded instead.
    if (pendingAudit.length >= MAX_PENDING_AUDIT) {
      const summary = pendingAudit[MAX_PENDING_AUDIT - 1]!;
      if (summary.action !== 'auth.failures_not_itemised') {
        pendingAudit[MAX_PENDING_AUDIT - 1] = {
          at: summary.at,
          userId: null,
          username: null,
          action: 'auth.failures_not_itemised',
          outcome: 'failed',
          details: { count: 2 },
        };
      } else {
        summary.details = { count: Number(summary.details?.count ?? 0) + 1 };
        summary.at = clock.now().toISOString();
      }
      return;
    }
    const event: AuditEvent = {
      at: clock.now().toISOString(),
      userId: null,
      username,
      action: method,
      outcome: 'failed',
      details: { reason: error.code },
    };
    pendingAudit.push(event);
  }

  /**
   * Closing with failed tries not yet in the log: into the log if the archive is open,
   * else sealed to the archive on disk (audit-inbox.ts), written at the next open.
   */
  async function keepPendingAudit(): Promise<void> {
    if (pendingAudit.length === 0) return;
    const events = pendingAudit.splice(0);
    try {
      if (archive) {
        const open = archive;
        const before = chainEnd(open.sqlite);
        await open.db.transaction().execute(async (trx) => {
          for (const event of events) await appendAudit(trx, event);
        });
        anchor(open, before);
        return;
      }
      const lost = events.filter((event) => !appendPending(options.dir, event)).length;
      if (lost > 0) console.error(`[archive host] ${lost} failed tries could not be kept for the audit log`);
    } catch (e) {
      console.error('[archive host] failed tries not kept:', (e as Error)?.message);
    }
  }

  /** Calls answered from memory beside a long call (job progress, cancel): not queued. */
  async function dispatchConcurrent(token: string | null, name: HostMethodName, rawInput: unknown): Promise<unknown> {
    const spec: MethodSpec = contract[name];
    const handler = handlers[name] as Handler<HostMethodName>;
    resolveSession(spec, token);
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error.issues);
    if (!handler.withoutArchive) throw new ArchiveError('INTERNAL', `${name} must be answered from memory`);
    const value = await handler.withoutArchive({ input: parsed.data as never, session: token, host: services, now: clock.now() });
    return spec.output.parse(value);
  }

  return {
    dir: options.dir,
    call(token, method, input): Promise<Envelope<unknown>> {
      if (!closed && isMethodName(method) && contract[method].handledBy === 'host' && contract[method].concurrent) {
        return dispatchConcurrent(token, method as HostMethodName, input).then(
          (value) => ({ ok: true as const, value }),
          (e: unknown) => ({ ok: false as const, error: toErrorBody(e) }),
        );
      }
      return serialized(async () => {
        try {
          return { ok: true as const, value: await dispatch(token, method, input) };
        } catch (e) {
          const error = toErrorBody(e);
          if (error.code === 'INTERNAL') console.error(`[archive host] ${method}:`, (e as Error)?.message);
          if (method === 'auth.login' || method === 'auth.recover') recordFailedLogin(method, input, error);
          if ((method === 'auth.unlock' || method === 'auth.changePassword') && token && sessions.has(token)) {
            recordFailedLogin(method, { username: sessions.get(token)!.username }, error);
          }
          await closeIfUnused().catch(() => undefined);
          return { ok: false as const, error };
        }
      });
    },
    sweepIdle() {
      return serialized(async () => {
        const now = clock.now().getTime();
        for (const s of sessions.values()) if (!s.locked && now - s.lastActivityMs > idleLockMs) s.locked = true;
        // Between calls, fold the write-ahead log into the database file (see applyWorkingPragmas).
        archive?.sqlite.pragma('wal_checkpoint(PASSIVE)');
      });
    },
    close() {
      return serialized(async () => {
        closed = true;
        await keepPendingAudit();
        sessions.clear();
        await closeIfUnused();
      });
    },
  };
}
