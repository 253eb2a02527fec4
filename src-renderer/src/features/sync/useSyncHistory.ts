import { useCallback } from 'react';
import type { SyncRun } from '@shared/sync';
import { api } from '../../api';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';

const pageSize = 20;
const runId = (run: SyncRun) => run.id;

/** Past SyncRuns, newest first, paged with `nextBefore`. */
export function useSyncHistory(): PagedList<SyncRun> {
  const fetchPage = useCallback(
    (before: number | null) =>
      api
        .invoke('sync:history', { limit: pageSize, ...(before !== null ? { before } : {}) })
        .then((page) => ({ items: page.runs, next: page.nextBefore, total: null })),
    [],
  );
  return usePagedList<SyncRun, number>({ queryKey: 'all', fetchPage, getId: runId });
}
