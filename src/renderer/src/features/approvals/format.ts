import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../shared/domain/approvals';

// How the approval screens write moments, names and the texts stored in two languages.

/** A moment as the user's clock shows it: 2026-12-02 05:25:14. */
export function moment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm:ss') : iso;
}

const collator = new Intl.Collator('zh-CN');

/** People in pinyin order of their names (Chinese names sort by their reading). */
export function byName<T extends { displayName: string }>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => collator.compare(a.displayName, b.displayName));
}

/** A name kept in both languages, in the interface's. */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
  return (text) => (text ? text[language] : '—');
}
