import { type CreatorFilter, creatorFilterSchema } from '@shared/creators';

/**
 * The Creators filter the merchant last set, kept in the window's storage like the chosen columns, so the
 * list comes back as they left it. Only what main accepts is stored and read back: a damaged or older entry
 * counts as no filter rather than a search main would refuse.
 */
const storageKey = 'shopmesh.creators.filter';

type Bounds = { min?: number; max?: number } | undefined;
const inverted = (r: Bounds): boolean => r?.min !== undefined && r.max !== undefined && r.min > r.max;

/** The ranges whose "from" is above their "up to" (the bar shows them as errors; the search leaves them out). */
export const rangeKeys = ['followers', 'gmv', 'unitsSold', 'avgVideoViews', 'engagement', 'score'] as const;
export type RangeKey = (typeof rangeKeys)[number];

export function invertedRanges(filter: CreatorFilter): RangeKey[] {
  return rangeKeys.filter((k) => inverted(filter[k]));
}

/** The filter without what is still being typed into an impossible shape (a range from 500 up to 100). */
export function usableFilter(filter: CreatorFilter): CreatorFilter {
  const bad = invertedRanges(filter);
  if (bad.length === 0) return filter;
  return Object.fromEntries(
    Object.entries(filter).filter(([k]) => !bad.includes(k as RangeKey)),
  ) as CreatorFilter;
}

export function loadFilter(): CreatorFilter {
  try {
    const stored = localStorage.getItem(storageKey);
    // Nothing kept (the usual first visit): no schema to run in the window's first render.
    if (stored === null) return {};
    const parsed = creatorFilterSchema.safeParse(JSON.parse(stored));
    // The text search is the box's own, not part of what the bar keeps.
    if (parsed.success) return Object.fromEntries(Object.entries(parsed.data).filter(([k]) => k !== 'text'));
  } catch {
    // A damaged entry counts as no filter.
  }
  return {};
}

export function saveFilter(filter: CreatorFilter): void {
  const usable = usableFilter(filter);
  if (Object.keys(usable).length === 0) localStorage.removeItem(storageKey);
  else localStorage.setItem(storageKey, JSON.stringify(usable));
}
