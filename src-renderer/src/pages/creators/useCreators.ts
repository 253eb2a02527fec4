import { useEffect, useMemo, useRef } from 'react';
import type { CreatorFilter, CreatorRow, CreatorSort, CreatorsChanged } from '@shared/creators';
import { useChannelList, useChannelQuery, useMainEvent, type KeysetList } from '../../api';
import { creatorsPageSize } from './firstPage';

/** A sync re-indexes creators in bursts (an event every ~250 ms): views follow at most this often. */
const followEveryMs = 1_000;
const creatorId = (c: CreatorRow): string => String(c.id);

/** Runs `refresh` at most once per `followEveryMs` while `creators:changed` events arrive. */
function useFollowChanges(refresh: () => void, when: (c: CreatorsChanged) => boolean = () => true): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useMainEvent('creators:changed', (change) => {
    if (timer.current || !when(change)) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, followEveryMs);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}

/**
 * The creators table's rows: keyset pages from main (never an offset) through the shared list query, with
 * the count of all matches beside it. Both start over when the filter or sort changes, and follow changes
 * made elsewhere (a sync's re-index, a bulk action, another window): the list re-reads only its first page,
 * never every page already scrolled through.
 */
export function useCreators(filter: CreatorFilter, sort: CreatorSort): KeysetList<CreatorRow> {
  const input = useMemo(() => ({ filter, sort, limit: creatorsPageSize }), [filter, sort]);
  const list = useChannelList('creators:search', input, {
    cursorParam: 'cursor',
    items: (page) => page.items,
    next: (page) => page.nextCursor,
    getId: creatorId,
  });
  // The first page goes first: main answers calls in turn, and counting 200k matches must not hold up rows;
  // in a window opening here the count also waits for those rows to be painted (its answer's render would
  // land between the rows drawn and painted: `creators.table.firstRows.ms`).
  const count = useChannelQuery('creators:count', { filter }, { enabled: !list.loading, deferred: true });
  useFollowChanges(() => {
    list.reload();
    void count.refetch();
  });
  return { ...list, total: count.data?.total ?? null };
}

/**
 * What the filters offer (regions, categories, shops, tags present in the data) and the saved lists, asked
 * for once `ready` (the table's first page is in) and, in a window opening here, its rows painted: the menus
 * can wait, the first rows cannot.
 */
export function useCreatorFacets(ready: boolean) {
  const facets = useChannelQuery('creators:facets', undefined, { enabled: ready, deferred: true });
  const lists = useChannelQuery('lists:list', undefined, { enabled: ready, deferred: true });
  useFollowChanges(
    () => {
      void facets.refetch();
      void lists.refetch();
    },
    (c) => c.reason !== 'score',
  );
  return { facets: facets.data ?? null, lists: lists.data?.items ?? [] };
}
