import type { KeysetList } from '../../src-renderer/src/api';

/** A list that has loaded all of `items` (nothing more to fetch, no error), as a page holds it once settled. */
export function settledList<T>(items: T[], overrides: Partial<KeysetList<T>> = {}): KeysetList<T> {
  return {
    items,
    total: items.length,
    loading: false,
    busy: false,
    error: null,
    hasMore: false,
    moreError: null,
    loadedAt: 1,
    loadMore: () => undefined,
    reload: () => undefined,
    ...overrides,
  };
}
