import { useCallback, useEffect, useRef, useState } from 'react';
import { useToasts } from '../components/Toasts';

export interface ListPage<T, C> {
  items: T[];
  /** Where the next page starts; null when this was the last page. */
  next: C | null;
  /** Rows matching the query, when the channel says. */
  total: number | null;
}

export interface PagedList<T> {
  items: T[];
  total: number | null;
  hasMore: boolean;
  /** A page is being fetched (the first one or "more"). */
  loading: boolean;
  /** The first page could not be loaded, so the list is unknown rather than empty. */
  failed: boolean;
  /** When the first page of the items shown arrived (epoch ms), null before. */
  loadedAt: number | null;
  loadMore(): void;
  reload(): void;
}

interface State<T, C> {
  key: string;
  items: T[];
  total: number | null;
  next: C | null;
  loading: boolean;
  failed: boolean;
  loadedAt: number | null;
  attempt: number;
}

function fresh<T, C>(key: string, attempt = 0): State<T, C> {
  return { key, items: [], total: null, next: null, loading: true, failed: false, loadedAt: null, attempt };
}

/**
 * A list fetched page by page (cursor or `before`), restarted whenever `queryKey` changes. Replies for a query
 * the reader has already left are dropped; items already shown are not duplicated when pages overlap.
 */
export function usePagedList<T, C>(options: {
  /** Identifies the query (filters, search): a new key starts from the first page. */
  queryKey: string;
  fetchPage: (cursor: C | null) => Promise<ListPage<T, C>>;
  getId: (item: T) => string;
}): PagedList<T> {
  const { queryKey } = options;
  const { showError } = useToasts();
  const [state, setState] = useState<State<T, C>>(() => fresh(queryKey));
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const generation = useRef(0);
  const inFlight = useRef(false);

  if (state.key !== queryKey) setState(fresh(queryKey));

  const fetchPage = useCallback(
    (cursor: C | null) => {
      const mine = generation.current;
      inFlight.current = true;
      latest.current.fetchPage(cursor).then(
        (page) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((current) => {
            const base = cursor === null ? [] : current.items;
            const getId = latest.current.getId;
            const seen = new Set(base.map(getId));
            return {
              ...current,
              items: [...base, ...page.items.filter((item) => !seen.has(getId(item)))],
              total: page.total,
              next: page.next,
              loading: false,
              failed: false,
              loadedAt: cursor === null ? Date.now() : current.loadedAt,
            };
          });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((current) => ({ ...current, loading: false, failed: cursor === null }));
          showError(error);
        },
      );
    },
    [showError],
  );

  const { attempt, next, key } = state;
  useEffect(() => {
    generation.current += 1;
    fetchPage(null);
  }, [fetchPage, key, attempt]);

  const loadMore = useCallback(() => {
    if (next === null || inFlight.current) return;
    setState((current) => ({ ...current, loading: true }));
    fetchPage(next);
  }, [fetchPage, next]);

  const reload = useCallback(() => setState((current) => fresh(current.key, current.attempt + 1)), []);

  return {
    items: state.items,
    total: state.total,
    hasMore: next !== null,
    loading: state.loading,
    failed: state.failed,
    loadedAt: state.loadedAt,
    loadMore,
    reload,
  };
}
