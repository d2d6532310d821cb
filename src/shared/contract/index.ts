import type { z } from 'zod';
import { approvalsMethods } from './approvals';
import { archiveMethods } from './archive';
import { auditMethods, OTHER_AUDIT_ACTIONS } from './audit';
import { authMethods } from './auth';
import { calendarMethods } from './calendar';
import { creditLimitsMethods } from './creditLimits';
import { customersMethods } from './customers';
import { departmentsMethods } from './departments';
import { documentsMethods } from './documents';
import { dunningMethods } from './dunning';
import { evaluationsMethods } from './evaluations';
import { checkoutsMethods } from './checkouts';
import type { Envelope } from './errors';
import { importsMethods } from './imports';
import { jobsMethods } from './jobs';
import { mergeDomains, type MethodSpec } from './method';
import { recordsMethods } from './records';
import { rolesMethods } from './roles';
import { settingsMethods } from './settings';
import { shellMethods } from './shell';
import { usersMethods } from './users';
import { warningsMethods } from './warnings';

export * from './errors';
export * from './reasons';
export type { AuditTarget, AuditTargetKind, ChainBreak } from './audit';
export type { ImportProblemCode } from './imports';
export type { JobPhase } from './jobs';
export type { Access, CustomerRead, MethodSpec, ReadUse } from './method';
export * as schemas from './schemas';
export * as customerSchemas from './customers';
export type { CustomerFile, CustomerSummary } from './customers';
export type { DocumentMeta } from './documents';
export type { ImportProblem } from './imports';
export type { AuditEntry, CurrentUser, Department, Role, Settings, User } from './schemas';

/**
 * The single list of methods, merged from one file per domain (`<domain>.ts`; a method's
 * prefix is its domain). Preload, router, browser host and client derive from it.
 */
export const contract = mergeDomains(
  shellMethods,
  archiveMethods,
  authMethods,
  usersMethods,
  rolesMethods,
  departmentsMethods,
  settingsMethods,
  auditMethods,
  customersMethods,
  recordsMethods,
  documentsMethods,
  importsMethods,
  jobsMethods,
  approvalsMethods,
  creditLimitsMethods,
  calendarMethods,
  evaluationsMethods,
  checkoutsMethods,
  warningsMethods,
  dunningMethods,
) satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type HostMethodName = { [M in MethodName]: Contract[M]['handledBy'] extends 'host' ? M : never }[MethodName];
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const HOST_METHOD_NAMES = METHOD_NAMES.filter((m): m is HostMethodName => contract[m].handledBy === 'host');

/** What an audit entry records as its action: the host method called, or one of a few others. */
export type AuditAction = HostMethodName | (typeof OTHER_AUDIT_ACTIONS)[number];
export const AUDIT_ACTIONS: readonly AuditAction[] = [...HOST_METHOD_NAMES, ...OTHER_AUDIT_ACTIONS];

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
