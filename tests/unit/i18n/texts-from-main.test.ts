import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { declaredTexts, defineTexts, englishOf, placeholdersOf } from '@shared/texts';
import { catalogues } from '../../../src-renderer/src/i18n/catalogues';

/**
 * Every domain declares the texts it makes in main in its own `src-main/<domain>/texts.ts`; loading them all
 * fills the registry this test reads, so a new domain's texts are checked without being listed anywhere.
 */
const textModules = import.meta.glob('../../../src-main/**/texts.ts', { eager: true });

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

const problems = (language: 'en' | 'zh-CN'): string[] => {
  const out: string[] = [];
  for (const [key, english] of declaredTexts()) {
    const translated = lookup(catalogues[language], key);
    if (typeof translated !== 'string') {
      out.push(`${key}: no ${language} text in src-renderer/src/i18n/locales/${language}/`);
      continue;
    }
    const allowed = new Set(placeholdersOf(english));
    const extra = placeholdersOf(translated).filter((p) => !allowed.has(p));
    if (extra.length > 0)
      out.push(`${key}: ${language} uses {{${extra.join('}}, {{')}}} that main never passes`);
  }
  return out;
};

describe('texts made in main', () => {
  it('are declared in texts.ts files the test can find', () => {
    expect(Object.keys(textModules).length).toBeGreaterThan(5);
    expect(declaredTexts().size).toBeGreaterThan(50);
  });

  it('each have an English and a 简体中文 translation whose placeholders main passes', () => {
    expect(problems('en')).toEqual([]);
    expect(problems('zh-CN')).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differ = [...declaredTexts().keys()].filter((key) => {
      const en = lookup(catalogues.en, key);
      const zh = lookup(catalogues['zh-CN'], key);
      return (
        typeof en === 'string' &&
        typeof zh === 'string' &&
        placeholdersOf(en).join() !== placeholdersOf(zh).join()
      );
    });
    expect(differ).toEqual([]);
  });

  it('have a generic text per error code in both languages (the fallback for errors without a key)', () => {
    for (const code of ['VALIDATION', 'NOT_FOUND', 'LOCKED', 'REMOTE', 'INTERNAL', 'OUTCOME_UNKNOWN']) {
      expect(typeof lookup(catalogues.en, `errors.code.${code}`)).toBe('string');
      expect(typeof lookup(catalogues['zh-CN'], `errors.code.${code}`)).toBe('string');
    }
  });

  it('catch a key that has no translation (the check above is not vacuous)', () => {
    defineTexts('platformTest.errors', { missing: 'Only English {{x}}' });
    expect(problems('zh-CN')).toContain(
      'platformTest.errors.missing: no zh-CN text in src-renderer/src/i18n/locales/zh-CN/',
    );
  });
});

describe('AppError with a text', () => {
  it('keeps English for the log and the API, and the key and params for the UI', () => {
    // Declared inside the test: the registry is shared with the catalogue checks above, which run first.
    const texts = defineTexts('platformTest.sample', { locked: 'Vault {{name}} is locked.' });
    const error = new AppError('LOCKED', texts.locked({ name: 'main' }));
    expect(error.message).toBe('Vault main is locked.');
    expect(error.toShape()).toEqual({
      code: 'LOCKED',
      message: 'Vault main is locked.',
      key: 'platformTest.sample.locked',
      params: { name: 'main' },
    });
    expect(AppError.fromShape(error.toShape()).text).toEqual(texts.locked({ name: 'main' }));
    expect(englishOf({ key: 'no.such.key', params: {} })).toBe('no.such.key');
  });
});
