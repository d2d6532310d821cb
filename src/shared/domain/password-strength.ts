import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { MIN_PASSWORD_LENGTH } from '../contract/schemas';

// How hard a new password is to guess: one rule, scored by zxcvbn with its default setting
// (no dictionaries), the names the user typed elsewhere counted as guessable. The form shows
// the score as the user types; the host refuses a password below MIN_PASSWORD_SCORE
// (users.create, users.resetPassword, auth.changePassword, auth.recover, archive.setup).

const zxcvbn = new ZxcvbnFactory();

/** zxcvbn's score: 0 (too guessable) … 4 (very unguessable). */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** The least score the host takes: zxcvbn's "safely unguessable" (3). */
export const MIN_PASSWORD_SCORE = 3;

/** Only the first characters are scored: zxcvbn's time grows with the length. */
const SCORED_LENGTH = 100;

/** The score of a new password; below the minimum length never more than weak (1). */
export function passwordScore(password: string, userInputs: readonly string[] = []): PasswordScore {
  if (password === '') return 0;
  const inputs = userInputs.filter((value) => value.trim() !== '');
  const score = zxcvbn.check(password.slice(0, SCORED_LENGTH), inputs).score as PasswordScore;
  return password.length < MIN_PASSWORD_LENGTH ? (Math.min(score, 1) as PasswordScore) : score;
}

/** Why a new password is refused (a field issue's message, texts under `reasons`), or null. */
export function passwordProblem(password: string, userInputs: readonly string[] = []): 'passwordTooWeak' | null {
  return passwordScore(password, userInputs) < MIN_PASSWORD_SCORE ? 'passwordTooWeak' : null;
}
