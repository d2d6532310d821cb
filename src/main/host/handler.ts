import type { Transaction } from 'kysely';
import type { AuditAction, AuditTarget, HostMethodName, Output, ParsedInput } from '../../shared/contract';
import type { Permission } from '../../shared/domain/permissions';
import type { KeySlotKeeper, OpenArchive } from '../archive/archive';
import type { DB } from '../archive/schema';
import type { AuditEvent } from '../services/audit/log';
import type { JobRegistry } from './jobs';
import type { Clock, IdSource } from './types';

/** Who is calling: resolved from the session by the router, never taken from the input. */
export interface Actor {
  userId: string;
  username: string;
  permissions: ReadonlySet<Permission>;
  session: string;
}

export interface SessionRecord {
  userId: string;
  username: string;
  locked: boolean;
  lastActivityMs: number;
}

/**
 * What handlers may ask of the host beyond their transaction: the archive's files and
 * key slots, and the sessions. Changes to sessions are made in `afterCommit`, so that
 * memory only changes once the database has.
 */
export interface HostServices {
  readonly clock: Clock;
  /** Ids of new records: handlers take them from here, never make their own. */
  readonly ids: IdSource;
  readonly dir: string;
  readonly slots: KeySlotKeeper;
  /** The open archive, if any. */
  archive(): OpenArchive | null;
  /** Open with a secret (password or recovery code) if not open yet; WRONG_PASSWORD otherwise. */
  unlockArchive(kind: 'user' | 'recovery', name: string, secret: string): Promise<OpenArchive>;
  /** Create a new archive (first-run setup). */
  createArchive(spec: Parameters<typeof import('../archive/archive').createArchive>[1]): Promise<OpenArchive>;
  session(token: string): SessionRecord | undefined;
  /** A fresh session token; register it with openSession in afterCommit. */
  newSessionToken(): string;
  openSession(token: string, userId: string, username: string): void;
  endSession(token: string): void;
  lockSession(token: string): void;
  unlockSession(token: string): void;
  /** End every session of a user (deactivated, password reset). */
  endSessionsOf(userId: string): void;
  /** Consecutive failures for a name, and whether it must wait. */
  loginThrottle: LoginThrottle;
  /** Settings the host enforces itself, refreshed after they change. */
  refreshSettings(db: Transaction<DB>): Promise<void>;
  /** Long calls in progress (imports): their progress and cancellation, in memory only. */
  jobs: JobRegistry;
  /** The font file the PDFs embed (null: not found; a PDF export then fails as INTERNAL). */
  readonly pdfFont: string | null;
}

export interface LoginThrottle {
  /** Throws RATE_LIMITED if this name must still wait. */
  check(name: string): void;
  failed(name: string): void;
  succeeded(name: string): void;
}

/** What the router records in the audit entry of this call; handlers add to it. */
export interface AuditNote {
  /** The action name; defaults to the method name. */
  action?: AuditAction;
  target?: AuditTarget | null;
  details?: Record<string, unknown>;
  /** For calls that establish who the actor is (setup, login, recover). */
  actor?: { userId: string; username: string };
}

export interface CallContext<M extends HostMethodName> {
  input: ParsedInput<M>;
  /** The call's transaction. For methods that do not write it is query-only. */
  db: Transaction<DB>;
  actor: Actor | null;
  /** The session token of the call (null for public methods). */
  session: string | null;
  now: Date;
  host: HostServices;
  audit: AuditNote;
  /**
   * Runs as the last step inside the transaction, after the audit entry: for files that
   * must change with the database (key slots). If it throws, the transaction rolls back.
   */
  beforeCommit(fn: () => void): void;
  /** Runs after the transaction committed (memory and files that follow the database). */
  afterCommit(fn: () => void | Promise<void>): void;
  /** What `prepare` returned, if the handler has one. */
  prepared: unknown;
}

export interface PrepareContext<M extends HostMethodName> {
  input: ParsedInput<M>;
  session: string | null;
  host: HostServices;
  now: Date;
}

export type Handler<M extends HostMethodName> =
  | {
      /** Answer without the archive (archive.status): no transaction, no audit. */
      withoutArchive(ctx: PrepareContext<M>): Promise<Output<M>>;
      prepare?: never;
      run?: never;
    }
  | {
      /**
       * Runs before the transaction, for calls that must first open the archive
       * (login, setup, recovery, unlock).
       */
      prepare?(ctx: PrepareContext<M>): Promise<unknown>;
      run(ctx: CallContext<M>): Promise<Output<M>>;
      withoutArchive?: never;
    };

export type HandlerMap = { [M in HostMethodName]: Handler<M> };
export type PartialHandlers = { [M in HostMethodName]?: Handler<M> };

/** Events recorded while the archive was closed (failed logins), written at the next open. */
export type PendingAudit = AuditEvent;
