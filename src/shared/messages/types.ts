import type { AuditAction } from '../contract';

/** The audit actions of one domain: those whose name starts with `<domain>.`. */
export type ActionOf<D extends string> = Extract<AuditAction, `${D}.${string}`>;
