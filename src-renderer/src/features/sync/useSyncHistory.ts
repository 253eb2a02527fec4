import { useCallback } from 'react';
import type { SyncRun } from '@shared/sync';
import { api } from '../../api';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';

const pageSize = 20;
const runId = (run: SyncRun) => run.id;

/** Past SyncRuns, newest first, paged with `nextBefore`; one Account's or every Account's. */
export function useSyncHistory(accountId?: string): PagedList<SyncRun> {
  const fetchPage = useCallback(
    (before: number | null) =>
      api
        .invoke('sync:history', {
          limit: pageSize,
          ...(accountId ? { accountId } : {}),
          ...(before !== null ? { before } : {}),
        })
        .then((page) => ({ items: page.runs, next: page.nextBefore, total: null })),
    [accountId],
  );
  return usePagedList<SyncRun, number>({ queryKey: accountId ?? 'all', fetchPage, getId: runId });
}
