import type { TFunction } from 'i18next';
import type { CreatorFacets } from '@shared/creators';

/** Turns TikTok's category id into the name the merchant reads (see src-main/creators/category-names.ts). */
export type CategoryName = (id: string) => string;

/**
 * Names from the facets (the merchant's products name their categories); an id none of them is in says so
 * in words rather than showing a bare number. Until the facets arrive (they are asked for after the first
 * rows) no id is known either way, so a cell shows an ellipsis, not "Unknown category" for every row.
 */
export function categoryNamer(facets: CreatorFacets | null | undefined, t: TFunction): CategoryName {
  if (!facets) return () => '…';
  const names = new Map(facets.categories.map((c) => [c.id, c.name]));
  return (id) => names.get(id) ?? t('creators.unknownCategory', { id });
}
