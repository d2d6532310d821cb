import type { ErrorCode } from '../contract/errors';

// One sentence per error code (a refusal with a reason says more: see the domains' `reasons`).
export const errorsEnUS = {
  VALIDATION: 'Some of the input is not valid. Please check the highlighted fields.',
  UNKNOWN_METHOD: 'This operation is not supported by this version. Please restart the app.',
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'The record was not found; it may have been changed or removed.',
  CONFLICT: 'This conflicts with what the archive holds.',
  LOCKED: 'The session is locked. Enter your password to unlock it.',
  WRONG_PASSWORD: 'Wrong user name or password.',
  WRONG_RECOVERY_CODE: 'The recovery code is wrong, or this user is not a system administrator.',
  RATE_LIMITED: 'Too many attempts. Please try again later.',
  NOT_INITIALIZED: 'The archive has not been set up yet. Please complete the first-run setup.',
  ALREADY_INITIALIZED: 'The archive has already been set up.',
  NEWER_VERSION: 'This archive was written by a newer version of the app and cannot be opened by this one. It has not been changed; please update the app.',
  CORRUPT: 'The archive file is damaged and cannot be opened. Nothing has been deleted or changed; please restore from a backup.',
  INTERNAL: 'An internal error occurred. Please try again; if it persists, contact your administrator.',
} satisfies Record<ErrorCode, string>;
