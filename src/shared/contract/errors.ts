// The closed list of error codes that cross the seam. The renderer shows each as a
// translated message (i18n key `error.<CODE>`); `message` is for logs and the CLI.
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'WRONG_PASSWORD',
  'WRONG_RECOVERY_CODE',
  'RATE_LIMITED',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'NEWER_VERSION',
  'CORRUPT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** A refusal the host meant to give: it becomes `{ ok: false, error }`, never a crash. */
export class ArchiveError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ArchiveError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Details of a VALIDATION error: one entry per offending field. */
export interface FieldIssue {
  path: (string | number)[];
  code: string;
  message: string;
}
