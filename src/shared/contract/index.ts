import { z } from 'zod';
import type { Envelope } from './errors';
import { calendarMethods } from './calendar';
import { customerMethods } from './customers';
import { method, shellMethod, type MethodSpec } from './method';
import * as s from './schemas';

export * from './errors';
export type { Access, MethodSpec } from './method';
export * as schemas from './schemas';
export * as customerSchemas from './customers';
export type { CustomerFile, CustomerSummary, DocumentMeta, ImportProblem } from './customers';
export type { AuditEntry, CurrentUser, Department, Role, Settings, User } from './schemas';

const sessionGrant = z.strictObject({ session: s.session, user: s.currentUser });

/** The single list of methods. Preload, router, browser host and client derive from it. */
export const contract = {
  // The transport's own answers (folder choice exists only in the desktop app).
  'shell.capabilities': shellMethod({
    input: s.empty,
    output: z.strictObject({ chooseFolder: z.boolean(), runtime: z.enum(['electron', 'browser']) }),
  }),
  'shell.chooseFolder': shellMethod({
    input: s.empty,
    output: z.strictObject({ dir: z.string() }).nullable(),
  }),

  'archive.status': method({
    input: s.empty,
    output: z.strictObject({ initialized: z.boolean(), dir: z.string() }),
    access: 'public',
  }),
  'archive.setup': method({
    input: z.strictObject({
      companyName: s.text(100),
      admin: z.strictObject({ username: s.username, displayName: s.displayName, password: s.password }),
    }),
    output: z.strictObject({ recoveryCode: z.string(), session: s.session, user: s.currentUser }),
    access: 'public',
    writes: true,
  }),

  'archive.check': method({
    input: s.empty,
    output: z.strictObject({
      schema: z.strictObject({ ok: z.boolean(), applied: z.array(z.string()), expected: z.array(z.string()) }),
      integrity: z.strictObject({ ok: z.boolean(), problems: z.array(z.string()) }),
      audit: s.auditVerdict,
    }),
    permission: 'audit.read',
    writes: true, // the check itself is on record
  }),

  'auth.login': method({
    input: z.strictObject({ username: s.username, password: s.givenPassword }),
    output: sessionGrant,
    access: 'public',
    writes: true,
  }),
  'auth.recover': method({
    input: z.strictObject({ recoveryCode: s.recoveryCode, username: s.username, newPassword: s.password }),
    output: sessionGrant,
    access: 'public',
    writes: true,
  }),
  'auth.me': method({ input: s.empty, output: s.currentUser }),
  'auth.lock': method({ input: s.empty, output: z.null(), writes: true }),
  'auth.unlock': method({
    input: z.strictObject({ password: s.givenPassword }),
    output: s.currentUser,
    access: 'locked',
    writes: true,
  }),
  'auth.logout': method({ input: s.empty, output: z.null(), access: 'locked', writes: true }),
  'auth.changePassword': method({
    input: z.strictObject({ currentPassword: s.givenPassword, newPassword: s.password }),
    output: z.null(),
    writes: true,
  }),

  'users.list': method({ input: s.empty, output: z.array(s.user), permission: 'users.manage' }),
  'users.create': method({
    input: z.strictObject({
      username: s.username,
      displayName: s.displayName,
      departmentId: s.id,
      roleIds: z.array(s.id).min(1).max(20),
      password: s.password,
    }),
    output: s.user,
    permission: 'users.manage',
    writes: true,
  }),
  'users.update': method({
    input: z.strictObject({
      id: s.id,
      displayName: s.displayName,
      departmentId: s.id,
      roleIds: z.array(s.id).min(1).max(20),
    }),
    output: s.user,
    permission: 'users.manage',
    writes: true,
  }),
  'users.resetPassword': method({
    input: z.strictObject({ id: s.id, newPassword: s.password }),
    output: s.user,
    permission: 'users.manage',
    writes: true,
  }),
  'users.deactivate': method({
    input: z.strictObject({ id: s.id, rotateKey: z.boolean().default(true) }), // rotating is the default
    output: s.user,
    permission: 'users.manage',
    writes: true,
  }),

  'roles.list': method({ input: s.empty, output: z.array(s.role), permission: 'users.manage' }),
  'roles.update': method({
    input: z.strictObject({ id: s.id, permissions: z.array(s.permission).max(100) }),
    output: s.role,
    permission: 'roles.manage',
    writes: true,
  }),
  'departments.list': method({ input: s.empty, output: z.array(s.department) }),

  'settings.get': method({ input: s.empty, output: s.settings }),
  'settings.update': method({
    input: z.strictObject({ companyName: s.text(100), idleLockMinutes: z.number().int().min(1).max(240) }),
    output: s.settings,
    permission: 'settings.manage',
    writes: true,
  }),

  'audit.list': method({
    input: z.strictObject({
      userId: s.id.optional(),
      action: z.string().max(64).optional(),
      /** Entries at or after this moment (the renderer turns a local day into a moment). */
      from: s.isoMoment.optional(),
      /** Entries before this moment. */
      to: s.isoMoment.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ entries: z.array(s.auditEntry), nextBeforeSeq: z.number().int().nullable() }),
    permission: 'audit.read',
  }),
  'audit.actions': method({ input: s.empty, output: z.array(z.string()), permission: 'audit.read' }),
  /** An export saved from the window (the desktop shell's download handler records it). */
  'audit.recordExport': method({
    input: z.strictObject({ fileName: s.text(255), mimeType: z.string().max(100), bytes: z.number().int().nonnegative() }),
    output: z.null(),
    writes: true,
  }),
  'audit.verify': method({
    input: s.empty,
    output: s.auditVerdict,
    permission: 'audit.read',
    writes: true, // the verification itself is on record
  }),

  ...customerMethods,
  ...calendarMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type HostMethodName = { [M in MethodName]: Contract[M]['handledBy'] extends 'host' ? M : never }[MethodName];
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The one IPC channel every call travels on (Electron) — and the browser host's path. */
export const CHANNEL = 'archive:call';

/** What travels over the seam: a session token (or null before login), a method, its input. */
export interface CallRequest {
  session: string | null;
  method: string;
  input: unknown;
}

/**
 * What the preload exposes as `window.archive` (and the browser host's bridge script
 * too): one function. Typed wrappers live in the renderer's client.
 */
export interface ArchiveBridge {
  call(request: CallRequest): Promise<Envelope<unknown>>;
}
