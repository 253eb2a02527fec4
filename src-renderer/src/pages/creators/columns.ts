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

const storageKey = 'shopmesh.creators.columns.v1';

/**
 * Each column's width in px (padding included): room for its heading and sort mark in English and Chinese
 * (the uppercase English headings are the wider) and for what its cells hold.
 */
export const columnWidths: Readonly<Record<CreatorSortColumn | 'select', number>> = {
  select: 48,
  handle: 232,
  nickname: 160,
  score: 90,
  stage: 134,
  followers: 130,
  gmv: 152,
  unitsSold: 130,
  avgVideoViews: 176,
  engagement: 142,
  // TikTok's category names run long ("Beauty & Personal Care"): two lines of this width hold them.
  category: 150,
  region: 98,
  tags: 150,
  lastContactedAt: 168,
  affiliateGmv: 196,
  affiliateOrders: 144,
  firstSeenAt: 128,
  lastActivityAt: 148,
};

/** The columns shown until the user chooses, in the table's order. */
export const defaultColumns: readonly CreatorSortColumn[] = [
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

/** Which default columns give way first when the table is narrow: the last ones here. */
const priority: readonly CreatorSortColumn[] = [
  'handle',
  'score',
  'stage',
  'followers',
  'gmv',
  'region',
  // What a creator sells is what most searches ask first, so it stays before the finer figures.
  'category',
  'lastContactedAt',
  'engagement',
  'tags',
];

/**
 * Until the user chooses columns, the table shows the default columns that fit its width (most important
 * first) so it never scrolls sideways; columns the user chose are shown even when the table must scroll.
 */
export function fitColumns(width: number | null): CreatorSortColumn[] {
  if (width === null) return [...defaultColumns];
  // Less room for the vertical scroll bar the rows bring along where scroll bars take space.
  let room = width - columnWidths.select - 16;
  const fitting = new Set<CreatorSortColumn>();
  for (const column of priority) {
    room -= columnWidths[column];
    if (room < 0 && column !== 'handle') break;
    fitting.add(column);
  }
  return defaultColumns.filter((c) => fitting.has(c));
}

/** The columns the user chose, in their order, kept in the window's storage across restarts (null: none). */
export function loadColumns(): CreatorSortColumn[] | null {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const known = raw.filter((c): c is CreatorSortColumn => allColumns.includes(c as CreatorSortColumn));
      if (known.includes('handle')) return [...new Set(known)];
    }
  } catch {
    // A damaged entry counts as no choice.
  }
  return null;
}

export function saveColumns(columns: readonly CreatorSortColumn[]): void {
  localStorage.setItem(storageKey, JSON.stringify(columns));
}
