import type { RefusalReason } from './reasons';

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

/**
 * What a refusal says beyond its code: the fields of a VALIDATION error, or facts such as
 * `field`, `retryAfterMs` and a `reason` from the domains' closed lists (contract/<domain>.ts).
 */
export type ErrorDetails = readonly FieldIssue[] | ({ reason?: RefusalReason } & Record<string, unknown>);
/** A CONFLICT always says why, so that the user reads what is in the way. */
export type RefusalDetails = { reason: RefusalReason } & Record<string, unknown>;
type DetailsArgs<C extends ErrorCode> = C extends 'CONFLICT' ? [details: RefusalDetails] : [details?: ErrorDetails];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** A refusal the host meant to give: it becomes `{ ok: false, error }`, never a crash. */
export class ArchiveError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details?: ErrorDetails;

  constructor(code: C, message: string, ...[details]: DetailsArgs<C>) {
    super(message);
    this.name = 'ArchiveError';
    this.code = code;
    this.details = details;
  }

  /** The refusal a body carries, as the host threw it. */
  static fromBody(body: ErrorBody): ArchiveError {
    const error = new ArchiveError<ErrorCode>(body.code, body.message);
    (error as { details?: unknown }).details = body.details;
    return error;
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
