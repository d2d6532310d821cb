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
export const auditTargetKinds = z.enum(['user', 'role', 'department', 'customer', 'document', 'import', 'calendar', 'approval', 'approval-definition', 'delegation', 'evaluation', 'scoring-model', 'loan', 'checkout', 'warning']);
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

/**
 * 用途 a reader chooses before reading credit information (SPEC §4): stored as this code
 * and shown in the reader's language. A purpose typed under "other" is stored as typed.
 */
export const readPurposes = z.enum(['creditApproval', 'creditReview', 'contractSigning', 'collection', 'audit']);
export type ReadPurpose = z.infer<typeof readPurposes>;
export function isReadPurpose(value: unknown): value is ReadPurpose {
  return readPurposes.safeParse(value).success;
}

/** The languages a register can be written in (the interface's). */
export const registerLanguages = z.enum(['zh-CN', 'en-US']);

/** Which entries a reader wants: by user, action and period. */
export const auditFilter = {
  userId: id.optional(),
  action: z.string().max(64).optional(),
  /** Entries at or after this moment (the renderer turns a local day into a moment). */
  from: isoMoment.optional(),
  /** Entries before this moment. */
  to: isoMoment.optional(),
};
export type AuditFilter = z.infer<z.ZodObject<typeof auditFilter>>;

/** The most entries one export holds (newest first); a longer list is narrowed by the filter. */
export const AUDIT_EXPORT_MAX = 20_000;

export const auditMethods = {
  'audit.list': method({
    input: z.strictObject({
      ...auditFilter,
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      /** The language the objects are named in (an import's kind). */
      language: registerLanguages.default('zh-CN'),
    }),
    output: z.strictObject({
      entries: z.array(auditEntry),
      /** Names of the ids the entries' details carry, as far as this reader may know them. */
      names: z.record(z.string(), z.string()),
      nextBeforeSeq: z.number().int().nullable(),
    }),
    permission: 'audit.read',
  }),
  /** The filtered register as an XLSX workbook, in the reader's language; the export is itself on record. */
  'audit.export': method({
    input: z.strictObject({ ...auditFilter, language: registerLanguages }),
    output: z.strictObject({
      fileName: z.string(),
      mime: z.string(),
      contentBase64: z.string(),
      rows: z.number().int(),
      /** More entries matched than one export holds (AUDIT_EXPORT_MAX). */
      truncated: z.boolean(),
    }),
    permission: 'audit.read',
    writes: true,
  }),
  /** The filtered register printed from the window: on record like an export. */
  'audit.print': method({
    input: z.strictObject({ ...auditFilter, rows: z.number().int().nonnegative() }),
    output: z.null(),
    permission: 'audit.read',
    writes: true,
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
