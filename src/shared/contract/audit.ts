import { z } from 'zod';
import { method } from './method';
import { auditEntry, empty, id, isoMoment } from './schemas';

// The audit trail: reading it and verifying its hash chain.

/** How the hash chain can be broken at an entry. */
export const chainBreaks = z.enum(['hash', 'link', 'gap']);
export type ChainBreak = z.infer<typeof chainBreaks>;

/**
 * What an audit entry can be about: its target is `<kind>:<id>` (`customer:0190…`). A
 * domain whose calls name a new kind of thing adds it here, and its text in messages/audit.
 */
export const auditTargetKinds = z.enum(['user', 'role', 'department', 'customer', 'document', 'import']);
export type AuditTargetKind = z.infer<typeof auditTargetKinds>;
export type AuditTarget = `${AuditTargetKind}:${string}`;

/** Actions on record that are not a method of the contract. */
export const OTHER_AUDIT_ACTIONS = ['auth.failures_not_itemised'] as const;

/** The result of verifying the hash chain. */
export const chainCheck = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBad: z.strictObject({ seq: z.number().int(), reason: chainBreaks }).nullable(),
});

export const auditMethods = {
  'audit.list': method({
    input: z.strictObject({
      userId: id.optional(),
      action: z.string().max(64).optional(),
      /** Entries at or after this moment (the renderer turns a local day into a moment). */
      from: isoMoment.optional(),
      /** Entries before this moment. */
      to: isoMoment.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ entries: z.array(auditEntry), nextBeforeSeq: z.number().int().nullable() }),
    permission: 'audit.read',
  }),
  'audit.actions': method({ input: empty, output: z.array(z.string()), permission: 'audit.read' }),
  'audit.verify': method({
    input: empty,
    output: chainCheck,
    permission: 'audit.read',
    writes: true, // the verification itself is on record
  }),
};
