import { useState } from 'react';
import type { TableSort } from '../../components/VirtualTable';
import { useDebounced } from '../../hooks/useDebounced';

const searchDelayMs = 300;

export interface ListFiltersState {
  shopId: string | undefined;
  setShopId(shopId: string | undefined): void;
  /** What is typed in the search box; `query` follows it after a pause. */
  search: string;
  setSearch(search: string): void;
  /** The trimmed, debounced search to send ('' for none). */
  query: string;
  sort: TableSort | null;
  setSort(sort: TableSort | null): void;
  /** A shop or a search narrows the list (so an empty answer means "no match", not "nothing yet"). */
  filtered: boolean;
}

/** The state every list page's toolbar holds: shop, a debounced search, and the sorted column. */
export function useListFilters(defaultSort: TableSort | null = null): ListFiltersState {
  const [shopId, setShopId] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TableSort | null>(defaultSort);
  const query = useDebounced(search.trim(), searchDelayMs);
  return { shopId, setShopId, search, setSearch, query, sort, setSort, filtered: Boolean(shopId || query) };
}
