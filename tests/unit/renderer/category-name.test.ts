import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CreatorFacets } from '@shared/creators';
import { categoryNamer } from '../../../src-renderer/src/pages/creators/categoryName';

const t = ((key: string, params?: { id?: string }) => `${key}(${params?.id ?? ''})`) as unknown as TFunction;

describe('categoryNamer', () => {
  it('names a category from the facets and says when an id is in none of them', () => {
    const facets = {
      categories: [{ id: '601450', name: 'Beauty & Personal Care' }],
    } as unknown as CreatorFacets;
    const name = categoryNamer(facets, t);
    expect(name('601450')).toBe('Beauty & Personal Care');
    expect(name('604579')).toBe('creators.unknownCategory(604579)');
  });

  it('does not call every category unknown while the facets are still on their way', () => {
    for (const pending of [undefined, null]) {
      expect(categoryNamer(pending, t)('601450')).toBe('…');
    }
  });
});
