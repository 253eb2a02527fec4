import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivityEntry, ActivityKind, ActivityPage } from '@shared/activity';
import { api } from '../api';
import { useToasts } from '../components/Toasts';

const pageSize = 50;

interface LogState {
  /** The filter these items belong to. */
  kind: ActivityKind | undefined;
  items: ActivityEntry[];
  total: number;
  nextBefore: number | null;
  loading: boolean;
  /** The first page could not be loaded, so the list is unknown rather than empty. */
  failed: boolean;
  /** Bumped to fetch the first page again. */
  attempt: number;
}

function fresh(kind: ActivityKind | undefined, attempt = 0): LogState {
  return { kind, items: [], total: 0, nextBefore: null, loading: true, failed: false, attempt };
}

function appendPage(state: LogState, page: ActivityPage, replace: boolean): LogState {
  const base = replace ? [] : state.items;
  const seen = new Set(base.map((entry) => entry.id));
  const items = [...base, ...page.items.filter((entry) => !seen.has(entry.id))];
  return { ...state, items, total: page.total, nextBefore: page.nextBefore, loading: false, failed: false };
}

function prependLive(state: LogState, entry: ActivityEntry): LogState {
  if (state.items.some((existing) => existing.id === entry.id)) return state;
  return { ...state, items: [entry, ...state.items], total: state.total + 1 };
}

export interface ActivityLog {
  items: ActivityEntry[];
  total: number;
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  loadMore(): void;
  reload(): void;
}

/** The newest-first log for one kind filter, extended by "Load more" and kept live by `activity:added`. */
export function useActivityLog(kind: ActivityKind | undefined): ActivityLog {
  const { showError } = useToasts();
  const [state, setState] = useState<LogState>(() => fresh(kind));
  // A reply for a filter the user has already left must not land in the new list.
  const generation = useRef(0);

  if (state.kind !== kind) setState(fresh(kind));

  const fetchPage = useCallback(
    (before: number | null) => {
      const mine = generation.current;
      const input = { limit: pageSize, ...(kind ? { kind } : {}), ...(before !== null ? { before } : {}) };
      api.invoke('activity:list', input).then(
        (page) => {
          if (mine === generation.current) setState((current) => appendPage(current, page, before === null));
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          setState((current) => ({ ...current, loading: false, failed: before === null }));
          showError(error);
        },
      );
    },
    [kind, showError],
  );

  const { attempt, nextBefore } = state;
  useEffect(() => {
    generation.current += 1;
    fetchPage(null);
  }, [fetchPage, attempt]);

  useEffect(
    () =>
      api.on('activity:added', (entry) => {
        if (!kind || entry.kind === kind) setState((current) => prependLive(current, entry));
      }),
    [kind],
  );

  const loadMore = useCallback(() => {
    if (nextBefore === null) return;
    setState((current) => ({ ...current, loading: true }));
    fetchPage(nextBefore);
  }, [fetchPage, nextBefore]);

  const reload = useCallback(() => setState((current) => fresh(current.kind, current.attempt + 1)), []);

  return {
    items: state.items,
    total: state.total,
    hasMore: nextBefore !== null,
    loading: state.loading,
    failed: state.failed,
    loadMore,
    reload,
  };
}
