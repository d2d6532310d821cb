import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n';

/** The language choice, visible on every screen: before login and in the shell. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  // Re-render on change: i18n.resolvedLanguage is what the hook subscribes to.
  const value = i18n.resolvedLanguage ? currentLanguage() : 'zh-CN';
  return (
    <SegmentedControl
      size={size}
      aria-label={t('app.language')}
      value={value}
      onChange={(next) => void changeLanguage(next as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`lang.${language}`) }))}
    />
  );
}
