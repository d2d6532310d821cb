// 双人核验 (two-person verification, SPEC §1): the key data of a customer — who the
// customer is and where money goes — is confirmed by a second person. The host enforces
// these rules; the renderer uses the same ones to say why the confirm button is disabled.

import type { VERIFICATION_STATES } from './customers';

/** The key data a second person must confirm, as the contract names the fields. */
export const VERIFICATION_KEY_FIELDS = ['name', 'creditCode', 'idNumber', 'bankName', 'bankAccount'] as const;
export type VerificationKeyField = (typeof VERIFICATION_KEY_FIELDS)[number];

/** The key data of a customer as stored (normalised, empty as null). */
export type KeyData = Record<VerificationKeyField, string | null>;

/**
 * Which key fields differ between what is stored and what is saved now. Any change puts
 * the customer back to pending, and whoever changed it counts as the one who entered it.
 */
export function changedKeyFields(before: KeyData, after: KeyData): VerificationKeyField[] {
  return VERIFICATION_KEY_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/** Why a user may not confirm a customer's key data now. */
export const VERIFY_REFUSALS = ['alreadyVerified', 'sameUser'] as const;
export type VerifyRefusal = (typeof VERIFY_REFUSALS)[number];

/**
 * Whether `actorId` may confirm the key data: not if it is confirmed already, and never
 * by the one who entered it (the one who entered it cannot confirm it). Permission to
 * verify at all is the host's separate check.
 */
export function verifyRefusal(
  customer: { verification: (typeof VERIFICATION_STATES)[number]; enteredBy: string },
  actorId: string,
): VerifyRefusal | null {
  if (customer.verification === 'verified') return 'alreadyVerified';
  if (customer.enteredBy === actorId) return 'sameUser';
  return null;
}
