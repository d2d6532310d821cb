import type { z } from 'zod';
import type { Permission } from '../domain/permissions';

/**
 * How a method may be reached:
 * - `public`: without a session (status, setup, login, recovery);
 * - `session`: with an unlocked session;
 * - `locked`: with a session even while it is locked (unlock, logout).
 */
export type Access = 'public' | 'session' | 'locked';

/** What a method does with the credit information it reads (each a right a loan may or may not carry). */
export const READ_USES = ['read', 'print', 'export'] as const;
export type ReadUse = (typeof READ_USES)[number];

/**
 * Whose credit information a method reads, for the host's reading check (seed 000 查询权限,
 * issue 10, decision 0016): the credit-management department and the archivist read every
 * file; anyone else only a file lent to them for electronic reading, until its due date.
 * - `customer` / `document` / `evaluation`: the input `field` names the customer, one of
 *   its documents or one of its evaluations; `use` says what is done with it; a loan
 *   that grants it stands in for the permissions `customers.read` / `documents.read`; whoever
 *   works on the customer (author or approver of an approval chain about it, a checkout's
 *   excepted; an evaluation's starter or reviewer) reads it without a loan;
 * - `many`: credit information of many customers at once, which no loan covers;
 * - `search`: a search, answered to anyone, whose rows of files the caller may not read
 *   carry no credit details.
 */
export type CustomerRead =
  | {
      via: 'customer' | 'document' | 'evaluation';
      field: string;
      use: ReadUse;
      /** For `customer`: a field naming one of its documents (null: the file). */
      documentField?: string;
    }
  | { via: 'many' }
  | { via: 'search' };

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** The permission the caller's roles must grant; null = any user with a session. */
  permission: Permission | null;
  /** Writes to the archive: runs with a write handle and is audited. */
  writes: boolean;
  /** Reads credit information: the input carries a `purpose`, and the read is audited. */
  readsCredit: boolean;
  /** A search over credit information: its criteria and number of results are audited (no purpose asked). */
  logsRead: boolean;
  /** Reads a customer's credit information: the host checks the caller may (a loan, or the department). */
  readsCustomer: CustomerRead | null;
  /**
   * Answered at once from memory, beside a long call in progress (the progress of an
   * import, its cancellation): never touches the archive.
   */
  concurrent: boolean;
  /** Answered by the transport (Electron shell or browser host), not by the archive host. */
  handledBy: 'host' | 'shell';
}

type MethodOptions<I extends z.ZodType, O extends z.ZodType> = Pick<MethodSpec<I, O>, 'input' | 'output'> &
  Partial<Omit<MethodSpec<I, O>, 'input' | 'output' | 'handledBy'>>;

const DEFAULTS = { permission: null, writes: false, readsCredit: false, logsRead: false, readsCustomer: null, concurrent: false } as const;

export function method<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodOptions<I, O>,
): MethodSpec<I, O> & { handledBy: 'host' } {
  return { ...DEFAULTS, access: 'session', ...spec, handledBy: 'host' };
}

export function shellMethod<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodOptions<I, O>,
): MethodSpec<I, O> & { handledBy: 'shell' } {
  return { ...DEFAULTS, access: 'public', ...spec, handledBy: 'shell' };
}


type KeysOf<U> = U extends unknown ? keyof U : never;
type OtherKeys<T extends readonly object[], I> = KeysOf<T[Exclude<Extract<keyof T, `${number}`>, I>]>;
/** For each group, the keys it shares with another group, each typed `never`. */
type NoOverlap<T extends readonly object[]> = { [I in keyof T]: { [K in Extract<keyof T[I], OtherKeys<T, I>>]: never } };
type Merged<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Merged<R> : unknown;

/**
 * Merge the domains' tables (methods, reasons, texts) into one. A key defined by two
 * domains fails the type check (its value is required to be `never`), and at start.
 */
export function mergeDomains<const T extends readonly object[]>(...groups: T & NoOverlap<T>): { [K in keyof Merged<T>]: Merged<T>[K] } {
  const merged: Record<string, unknown> = {};
  for (const group of groups as readonly object[]) {
    for (const [key, value] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(merged, key)) throw new Error(`defined twice: ${key}`);
      merged[key] = value;
    }
  }
  return merged as never;
}
