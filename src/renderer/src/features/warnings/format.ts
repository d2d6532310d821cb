import { useTranslation } from 'react-i18next';
import type { WarningSeverity } from '../../../../shared/domain/warnings';

export type Lang = 'zh-CN' | 'en-US';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
}

export const SEVERITY_COLOR: Record<WarningSeverity, string> = { severe: 'red', high: 'orange', medium: 'yellow', low: 'gray' };

export const STATUS_COLOR = { raised: 'red', acknowledged: 'orange', in_work: 'blue', closed: 'gray' } as const;

/** Whole days from a moment to now (0: today). */
export function ageDays(moment: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(moment)) / 86_400_000));
}

/** A moment as the local day and minute: 2026-12-03 14:05. */
export function localMoment(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
