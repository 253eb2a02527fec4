import { describe, expect, it } from 'vitest';
import {
  type Catalogue as Tree,
  catalogueFiles,
  catalogues,
  mergeCatalogues,
} from '../../../src-renderer/src/i18n/catalogues';

const en = catalogues.en;
const zhCN = catalogues['zh-CN'];

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI string catalogues', () => {
  it('come as one file per domain in each language, the same files in both', () => {
    const files = Object.keys(catalogueFiles).map((p) => p.replace(/^.*locales\//, ''));
    const per = (lang: string) =>
      files
        .filter((f) => f.startsWith(`${lang}/`))
        .map((f) => f.slice(lang.length + 1))
        .sort();
    expect(per('en').length).toBeGreaterThan(1);
    expect(per('zh-CN')).toEqual(per('en'));
  });

  it('refuse two domain files that claim the same top-level key', () => {
    expect(() =>
      mergeCatalogues({ './locales/en/a.json': { x: 'a' }, './locales/en/b.json': { x: 'b' } }),
    ).toThrow(/"x" is defined in both/);
  });

  const enKeys = flatten(en as Tree);
  const zhKeys = flatten(zhCN as Tree);

  it('have exactly the same keys in English and Simplified Chinese', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('translate every string (no empty or English-identical Chinese values except names)', () => {
    const allowedSame = new Set(['ShopMesh', 'English', 'TikTok', 'TikTok Shop', 'ROAS']);
    for (const [key, value] of zhKeys) {
      expect(value.trim(), key).not.toBe('');
      // {{placeholders}} are names for code, not words: '1 {{from}} = ? {{to}}' reads the same in both.
      if (/[a-z]{4,}/i.test(value.replace(/\{\{\w+\}\}/g, '')) && value === enKeys.get(key))
        expect(allowedSame.has(value), key).toBe(true);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, value] of enKeys)
      expect(placeholders(zhKeys.get(key) ?? ''), key).toEqual(placeholders(value));
  });
});
