import { isErrorCode, type ErrorBody, type ErrorCode, type FieldIssue } from '../../../shared/contract';

/**
 * A refusal or failure of a call, as the renderer sees it. `code` is one of the
 * contract's closed list; `transport` marks failures of the bridge itself (the window
 * is not connected to an archive), which have no code of their own in the contract.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly transport: boolean;

  constructor(body: ErrorBody, transport = false) {
    super(body.message);
    this.name = 'ApiError';
    this.code = isErrorCode(body.code) ? body.code : 'INTERNAL';
    this.details = body.details;
    this.transport = transport;
  }

  /** VALIDATION details: one issue per offending field (empty for other codes). */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'VALIDATION' || !Array.isArray(this.details)) return [];
    return this.details.filter(isFieldIssue);
  }

  /** How long to wait before trying again (RATE_LIMITED), in milliseconds; null if not said. */
  get retryAfterMs(): number | null {
    const details = this.details;
    if (details && typeof details === 'object' && 'retryAfterMs' in details) {
      const value = (details as { retryAfterMs: unknown }).retryAfterMs;
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    }
    return null;
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (!value || typeof value !== 'object') return false;
  const issue = value as Partial<FieldIssue>;
  return Array.isArray(issue.path) && typeof issue.code === 'string' && typeof issue.message === 'string';
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasCode(error: unknown, code: ErrorCode): boolean {
  return error instanceof ApiError && error.code === code;
}
