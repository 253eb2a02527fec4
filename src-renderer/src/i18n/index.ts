import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '@shared/languages';
import { guessLanguage, languageLoaders } from './languageLoaders';

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLanguage(language)) {
      callback(null, {});
      return;
    }
    languageLoaders[language]().then(
      (module) => callback(null, module.catalogue),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Settles once the first language's catalogue is in: the first render waits for it (app/opening.ts). */
export const languageReady: Promise<unknown> = i18n
  .use(lazyCatalogues)
  .use(initReactI18next)
  .init({
    lng: guessLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .catch(() => undefined);

/** Shows `language`, once its catalogue is in (the texts on screen stay as they are until then). */
export function applyLanguage(language: Language): Promise<unknown> {
  document.documentElement.lang = language;
  if (i18n.language === language) return Promise.resolve();
  return i18n.changeLanguage(language).catch(() => undefined);
}

export default i18n;
