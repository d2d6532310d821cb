// 作废 / 红冲 voiding: records of money and credit (a sale or return, a payment, a contract,
// a credit event, a qualification) are never deleted. One entered by mistake is voided with
// a reason: it stays in the file, marked with who voided it, when and why, and no longer
// counts in any figure. Records that carry no money or credit judgement (a contact, a
// feedback note, a third-party report) may still be removed; the audit entry keeps them.

/** Every kind of record a customer file holds. */
export const RECORD_KINDS = ['contact', 'qualification', 'contract', 'transaction', 'payment', 'creditEvent', 'feedback', 'creditReport'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Records of money and credit: voided, never deleted. */
export const VOIDABLE_KINDS = ['qualification', 'contract', 'transaction', 'payment', 'creditEvent'] as const;
export type VoidableKind = (typeof VOIDABLE_KINDS)[number];

/** Records that may be removed (the removal is on record in the audit log). */
export const REMOVABLE_KINDS = ['contact', 'feedback', 'creditReport'] as const;
export type RemovableKind = (typeof REMOVABLE_KINDS)[number];

export function isVoidable(kind: RecordKind): kind is VoidableKind {
  return (VOIDABLE_KINDS as readonly string[]).includes(kind);
}

export function isRemovable(kind: RecordKind): kind is RemovableKind {
  return (REMOVABLE_KINDS as readonly string[]).includes(kind);
}

/** How a voided record is marked: all three, always together. */
export interface VoidStamp {
  at: string;
  by: string;
  reason: string;
}

/** The stored columns of a voidable row. */
export interface VoidColumns {
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

/** A row as the contract shows it (its void mark, whatever its shape, or null) or as stored. */
type Voidable = { voided: object | null } | VoidColumns;

/** Whether a record still counts: not voided. */
export function inForce(row: Voidable): boolean {
  return 'voided' in row ? row.voided === null : row.voided_at === null;
}

/** The rows that still count, in their order. */
export function inForceOnly<T extends Voidable>(rows: readonly T[]): T[] {
  return rows.filter(inForce);
}

/**
 * The stamp of stored columns: null when in force, the stamp when voided, and an error
 * for a partial mark (the database triggers refuse one, so it means damage).
 */
export function voidStampOf(columns: VoidColumns): VoidStamp | null {
  const { voided_at: at, voided_by: by, void_reason: reason } = columns;
  if (at === null && by === null && reason === null) return null;
  if (at === null || by === null || reason === null || reason.trim() === '') throw new Error('a partial void mark: the record is damaged');
  return { at, by, reason };
}

export type VoidRefusal = 'notVoidable' | 'alreadyVoided' | 'reasonRequired';

/**
 * Whether a record may be voided now, and the stamp it gets: a voidable kind, not voided
 * yet, a reason that is not blank. Voiding is final: there is no un-voiding.
 */
export function decideVoid(
  kind: RecordKind,
  current: VoidStamp | null,
  request: { reason: string; by: string; at: string },
): { ok: true; stamp: VoidStamp } | { ok: false; refusal: VoidRefusal } {
  if (!isVoidable(kind)) return { ok: false, refusal: 'notVoidable' };
  if (current !== null) return { ok: false, refusal: 'alreadyVoided' };
  const reason = request.reason.trim();
  if (reason === '') return { ok: false, refusal: 'reasonRequired' };
  return { ok: true, stamp: { at: request.at, by: request.by, reason } };
}
