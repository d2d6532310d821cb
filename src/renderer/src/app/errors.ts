import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_REFUSALS } from '../../../shared/contract/calendar';
import { CREDIT_LIMIT_REFUSALS } from '../../../shared/contract/creditLimits';
import { APPROVAL_REFUSALS } from '../../../shared/domain/approvals';
import type { RefusalReason } from '../../../shared/contract';
import { reasonOf } from '../../../shared/messages';
import { ApiError } from '../api/errors';

/** Fields a CONFLICT names in `details.field`: a value that must be unique is taken. */
const CONFLICT_FIELDS = ['creditCode', 'idNumber', 'contractNo', 'archiveNo'] as const;
type ConflictField = (typeof CONFLICT_FIELDS)[number];

function detail(error: ApiError, key: 'field' | 'reason'): string | null {
  const details = error.details;
  if (details && typeof details === 'object' && key in details) {
    const value = (details as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : null;
  }
  return null;
}

/** The reason of a refusal: one of the contract's closed lists (contract/<domain>.ts). */
export function errorReason(error: unknown): RefusalReason | null {
  return error instanceof ApiError ? reasonOf(error.details) : null;
}

/** The field a CONFLICT is about (a credit code already in the archive, …). */
export function conflictField(error: unknown): ConflictField | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const field = detail(error, 'field');
  return field && (CONFLICT_FIELDS as readonly string[]).includes(field) ? (field as ConflictField) : null;
}

/** Any failure as one sentence in the user's language; every error code has its own. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.transport) return t('errorExtra.transport');
    const reason = errorReason(error);
    if (reason) return t(`errorReason.${reason}`);
    const domainReason = domainRefusalText(t, detail(error, 'reason'));
    if (domainReason) return domainReason;
    const field = conflictField(error);
    if (field) return t(`errorConflict.${field}`);
    const text = t(`error.${error.code}`);
    const wait = error.retryAfterMs;
    return wait !== null ? `${text}${t('errorExtra.retryIn', { seconds: Math.ceil(wait / 1000) })}` : text;
  }
  return t('error.INTERNAL');
}

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => errorText(t, error), [t]);
}

/** A refusal of a domain (approval chains, credit limits, the calendar) in its own words. */
function domainRefusalText(t: TFunction, reason: string | null): string | null {
  if (!reason) return null;
  if ((APPROVAL_REFUSALS as readonly string[]).includes(reason)) return t(`approvalCodes.refusal.${reason as (typeof APPROVAL_REFUSALS)[number]}`);
  if ((CREDIT_LIMIT_REFUSALS as readonly string[]).includes(reason)) return t(`creditLimitCodes.refusal.${reason as (typeof CREDIT_LIMIT_REFUSALS)[number]}`);
  if ((CALENDAR_REFUSALS as readonly string[]).includes(reason)) return t(`calendar.refusal.${reason as (typeof CALENDAR_REFUSALS)[number]}`);
  return null;
}
