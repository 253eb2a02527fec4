import { describe, expect, it } from 'vitest';
import i18n, { applyLanguage } from '../../src-renderer/src/i18n';
import { catalogues } from '../../src-renderer/src/i18n/catalogues';
import { languageLoaders } from '../../src-renderer/src/i18n/languageLoaders';

describe('language chunks (each language parsed from its JSON text when shown)', () => {
  it('each yields exactly the catalogue its files hold', async () => {
    // catalogues.ts imports the same files as JSON modules: the reference the raw-text parse must match.
    for (const language of ['en', 'zh-CN'] as const) {
      const { catalogue } = await languageLoaders[language]();
      expect(catalogue).toEqual(catalogues[language]);
    }
  });

  it('switching language at run time shows the other catalogue’s texts, and back', async () => {
    const zh = catalogues['zh-CN'].creators as Record<string, unknown>;
    const en = catalogues.en.creators as Record<string, unknown>;
    expect(zh.tableLabel).not.toEqual(en.tableLabel);
    await applyLanguage('zh-CN');
    expect(i18n.t('creators.tableLabel')).toBe(zh.tableLabel);
    expect(document.documentElement.lang).toBe('zh-CN');
    await applyLanguage('en');
    expect(i18n.t('creators.tableLabel')).toBe(en.tableLabel);
  });
});
