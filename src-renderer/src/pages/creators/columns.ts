import type { CreatorSortColumn } from '@shared/creators';

/** Every column of the creators table; each sorts (the database does it). */
export const allColumns: readonly CreatorSortColumn[] = [
  'handle',
  'score',
  'stage',
  'followers',
  'gmv',
  'unitsSold',
  'avgVideoViews',
  'engagement',
  'category',
  'region',
  'tags',
  'lastContactedAt',
  'affiliateGmv',
  'affiliateOrders',
  'firstSeenAt',
  'lastActivityAt',
  'nickname',
];

const defaultVisible: readonly CreatorSortColumn[] = [
  'handle',
  'score',
  'stage',
  'followers',
  'gmv',
  'engagement',
  'category',
  'region',
  'tags',
  'lastContactedAt',
];

const storageKey = 'shopmesh.creators.columns.v1';

/** The visible columns in the user's order, kept in the window's storage across restarts. */
export function loadColumns(): CreatorSortColumn[] {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const known = raw.filter((c): c is CreatorSortColumn => allColumns.includes(c as CreatorSortColumn));
      if (known.includes('handle')) return [...new Set(known)];
    }
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return [...defaultVisible];
}

export function saveColumns(columns: readonly CreatorSortColumn[]): void {
  localStorage.setItem(storageKey, JSON.stringify(columns));
}
