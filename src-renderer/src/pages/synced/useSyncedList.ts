import { useCallback, useState } from 'react';
import { useDebounced } from '../../hooks/useDebounced';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';

const pageSize = 100;
const searchDelayMs = 300;

export interface SyncedListQuery {
  shopId?: string;
  search?: string;
  limit: number;
  cursor?: string;
}

export interface SyncedList<T> extends PagedList<T> {
  shopId: string | undefined;
  setShopId(shopId: string | undefined): void;
  /** What is typed in the search box (the query follows it after a pause). */
  search: string;
  setSearch(search: string): void;
  /** A shop or search narrows the list. */
  filtered: boolean;
}

/** Orders and products alike: a shop filter, a debounced search, and cursor pages from the local database. */
export function useSyncedList<T>(
  fetchPage: (query: SyncedListQuery) => Promise<{ items: T[]; nextCursor: string | null; total: number }>,
  getId: (item: T) => string,
): SyncedList<T> {
  const [shopId, setShopId] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), searchDelayMs);
  const fetchList = useCallback(
    (cursor: string | null) =>
      fetchPage({
        limit: pageSize,
        ...(shopId ? { shopId } : {}),
        ...(query ? { search: query } : {}),
        ...(cursor !== null ? { cursor } : {}),
      }).then((page) => ({ items: page.items, next: page.nextCursor, total: page.total })),
    [fetchPage, shopId, query],
  );
  const list = usePagedList<T, string>({
    queryKey: JSON.stringify([shopId ?? null, query]),
    fetchPage: fetchList,
    getId,
  });
  return { ...list, shopId, setShopId, search, setSearch, filtered: Boolean(shopId || query) };
}
