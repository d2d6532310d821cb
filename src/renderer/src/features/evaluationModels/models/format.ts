import { useTranslation } from 'react-i18next';
import type { Lang, Text } from '../../../../../shared/domain/scoring';

// How the model screens read the texts a model carries in both languages.

/** The interface language as the scoring data names it. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
}

/** A text of the model data in the interface language. */
export function useText(): (text: Text | null | undefined) => string {
  const lang = useLang();
  return (text) => (text ? text[lang] : '—');
}

/**
 * A grade as people say it: "B 良好" for a letter grade, the label alone when it names the
 * grade already ("AAA 级") or the code is a word of the data ("excellent" → "优秀").
 */
export function gradeName(grade: { code: string; label: Text }, lang: Lang): string {
  const label = grade.label[lang];
  return label.includes(grade.code) || !/^[A-Z]{1,3}$/.test(grade.code) ? label : `${grade.code} ${label}`;
}
