import { useTranslation } from 'react-i18next';
import { LOCALES } from '@tandem/core';
import { applyLocale, isLocale } from '../../i18n/console-i18n.ts';

// Each language is named in itself, so anyone can find their own.
const NATIVE_NAMES = { en: 'English', vi: 'Tiếng Việt', fa: 'فارسی' } as const;

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => isLocale(e.target.value) && applyLocale(i18n, e.target.value)} data-testid="language-picker">
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>{NATIVE_NAMES[locale]}</option>
        ))}
      </select>
    </label>
  );
}
