import { MAX_FEN } from '../domain/money';
import { z } from 'zod';
import { DEPARTMENT_KINDS, PERMISSIONS } from '../domain/permissions';

// Building blocks shared by the methods. Every object is strict: an extra field is a
// VALIDATION error, so a renderer cannot smuggle columns into a write.

export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'uuid');

/** Trimmed text with a length bound; empty after trimming is refused. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'username');

export const displayName = text(64);

export const MIN_PASSWORD_LENGTH = 10;
export const password = z.string().min(MIN_PASSWORD_LENGTH).max(256);
/** A password being checked (login, unlock): its length is not our business, only bounded. */
export const givenPassword = z.string().min(1).max(256);

/** Recovery code: 8 groups of 4 Crockford base32 characters; dashes and spaces ignored. */
export const recoveryCode = z
  .string()
  .max(128)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{32}$/, 'recoveryCode'));

export const isoMoment = z.iso.datetime();
export const isoDay = z.iso.date();

export const permission = z.enum(PERMISSIONS);
export const departmentKind = z.enum(DEPARTMENT_KINDS);

export const empty = z.strictObject({});

export const user = z.strictObject({
  id,
  username: z.string(),
  displayName: z.string(),
  departmentId: id,
  departmentName: z.string(),
  roleIds: z.array(id),
  roleNames: z.array(z.string()),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: isoMoment,
});
export type User = z.infer<typeof user>;

export const currentUser = z.strictObject({
  id,
  username: z.string(),
  displayName: z.string(),
  departmentName: z.string(),
  roleNames: z.array(z.string()),
  permissions: z.array(permission),
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const role = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  permissions: z.array(permission),
  memberCount: z.number().int(),
});
export type Role = z.infer<typeof role>;

export const department = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  kind: departmentKind,
});
export type Department = z.infer<typeof department>;

export const settings = z.strictObject({
  companyName: z.string(),
  idleLockMinutes: z.number().int(),
});
export type Settings = z.infer<typeof settings>;

export const auditEntry = z.strictObject({
  seq: z.number().int(),
  at: isoMoment,
  userId: id.nullable(),
  username: z.string().nullable(),
  /** The user's name as the archive knows it now (null for the system or an unknown name). */
  displayName: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  target: z.string().nullable(),
  /** What the target is, as far as this reader may know it (a customer's name needs customers.read). */
  targetName: z.string().nullable(),
  /** A read purpose code (readPurposes) or the purpose as typed. */
  purpose: z.string().nullable(),
  /** The purpose as the entry recorded it, where a migration has read it as a code since. */
  purposeAsWritten: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const session = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'session');

// Building blocks of the customer credit file (SPEC §1), shared by its domains.
// Validation messages that a user sees are translation keys (`validation.<key>`).

/** Money in fen (分): a whole number, never floating point; up to MAX_FEN. */
export const fen = z.number().int().min(0).max(MAX_FEN);
export const positiveFen = fen.min(1);

/** Optional free text: trimmed; empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
}

export const optionalDay = isoDay.nullable();

/** A user as a record names them. */
export const person = z.strictObject({ id, displayName: z.string() });

/** 用途: why a file is read. Chosen from a list or typed; always recorded. */
export const purpose = z.string().trim().min(2).max(200);

/**
 * The most characters the schema accepts for a field (`name`, `contacts.0.phone`), read
 * from the contract so that neither a form nor an import check restates a length; undefined if it sets none.
 */
export function schemaMaxLength(schema: z.ZodType, path: string): number | undefined {
  return maxLengthIn(schema as z.core.$ZodType, path === '' ? [] : path.split('.'));
}

function maxLengthIn(schema: z.core.$ZodType, path: readonly string[]): number | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & Partial<Record<'innerType' | 'in' | 'out' | 'element', z.core.$ZodType>> & {
    shape?: Record<string, z.core.$ZodType>;
    options?: readonly z.core.$ZodType[];
  };
  switch (def.type) {
    case 'object': {
      const [head, ...rest] = path;
      const child = head === undefined ? undefined : def.shape?.[head];
      return child ? maxLengthIn(child, rest) : undefined;
    }
    case 'array':
      return def.element ? maxLengthIn(def.element, /^\d+$/.test(path[0] ?? '') ? path.slice(1) : path) : undefined;
    case 'pipe':
      return (def.in && maxLengthIn(def.in, path)) ?? (def.out && maxLengthIn(def.out, path));
    case 'union':
      for (const option of def.options ?? []) {
        const max = maxLengthIn(option, path);
        if (max !== undefined) return max;
      }
      return undefined;
    case 'string': {
      // zod's own reading of the string's checks (`z.string().max(n).maxLength` is n).
      const max = (schema as { maxLength?: unknown }).maxLength;
      return path.length === 0 && typeof max === 'number' ? max : undefined;
    }
    default:
      return def.innerType ? maxLengthIn(def.innerType, path) : undefined;
  }
}
