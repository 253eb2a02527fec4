import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '@shared/settings';
import { catalogues } from './catalogues';

/** Until settings arrive, follow the system language so the first screen is already readable. */
export function guessLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: catalogues.en },
    'zh-CN': { translation: catalogues['zh-CN'] },
  },
  lng: guessLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

export default i18n;
