import type { z } from 'zod';
import type { Permission } from '../domain/permissions';

/**
 * How a method may be reached:
 * - `public`: without a session (status, setup, login, recovery);
 * - `session`: with an unlocked session;
 * - `locked`: with a session even while it is locked (unlock, logout).
 */
export type Access = 'public' | 'session' | 'locked';

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

const DEFAULTS = { permission: null, writes: false, readsCredit: false, logsRead: false, concurrent: false } as const;

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

