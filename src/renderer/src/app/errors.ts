import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';

/** Any failure as one sentence in the user's language; every error code has its own. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.transport) return t('errorExtra.transport');
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
