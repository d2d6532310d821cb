import { z } from 'zod';
import { method } from './method';
import { auditEntry, empty, id, isoMoment, text } from './schemas';

// The audit trail: reading it and verifying its hash chain.

/** How the hash chain can be broken at an entry. */
/** `cut`, `headMissing`, `headInvalid`: the log against its head kept outside the database. */
export const chainBreaks = z.enum(['hash', 'link', 'gap', 'cut', 'headMissing', 'headInvalid']);
export type ChainBreak = z.infer<typeof chainBreaks>;

/**
 * What an audit entry can be about: its target is `<kind>:<id>` (`customer:0190…`). A
 * domain whose calls name a new kind of thing adds it here, and its text in messages/audit.
 */
export const auditTargetKinds = z.enum(['user', 'role', 'department', 'customer', 'document', 'import', 'calendar', 'approval', 'approval-definition', 'delegation', 'evaluation', 'scoring-model', 'warning']);
export type AuditTargetKind = z.infer<typeof auditTargetKinds>;
export type AuditTarget = `${AuditTargetKind}:${string}`;

/** Actions on record that are not a method of the contract. */
export const OTHER_AUDIT_ACTIONS = ['auth.failures_not_itemised', 'auth.failures_unreadable'] as const;

/**
 * The audit chain walked in order and compared with its head kept outside the database.
 * `firstBad.seq` is the first entry not vouched for; `head.vouched` the last one that is.
 */
export const chainCheck = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBad: z.strictObject({ seq: z.number().int(), reason: chainBreaks }).nullable(),
  head: z.strictObject({
    state: z.enum(['ok', 'unanchored', 'missing', 'invalid', 'cut']),
    seq: z.number().int().nullable(),
    vouched: z.number().int(),
  }),
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
  /** An export saved from the window (the desktop shell's download handler records it). */
  'audit.recordExport': method({
    input: z.strictObject({ fileName: text(255), mimeType: z.string().max(100), bytes: z.number().int().nonnegative() }),
    output: z.null(),
    writes: true,
  }),
  'audit.verify': method({
    input: empty,
    output: chainCheck,
    permission: 'audit.read',
    writes: true, // the verification itself is on record
  }),
};
