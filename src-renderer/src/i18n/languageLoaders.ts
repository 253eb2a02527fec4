import type { Language } from '@shared/languages';
import type { Catalogue } from './merge';

/**
 * Each language's catalogue is a chunk of its own: a window parses the texts of the language it shows, not
 * both (half the JS the first screen waited for was the two catalogues; `creators.table.firstRows.ms`,
 * docs/creators.md). English is also loaded under Chinese, as the fallback of a missing key. No static
 * imports: the boot module (app/boot.ts) asks for the guessed language before the rest of the bundle runs.
 */
export const languageLoaders: Record<Language, () => Promise<{ catalogue: Catalogue }>> = {
  en: () => import('./language-en'),
  'zh-CN': () => import('./language-zh-CN'),
};

/** Until settings arrive, follow the system language so the first screen is already readable. */
export function guessLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
