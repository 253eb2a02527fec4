import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AppError } from '@shared/errors';
import { isMainUnreachable } from '../../api/errors';
import type { SyncStatus } from '@shared/sync';
import { useChannelMutation, useChannelQuery, WritesBlockedContext } from '../../api';
import { useApiContext } from '../../api/ApiProvider';
import { useToasts } from '../../components/Toasts';
import { useAccounts } from '../../hooks/useAccounts';
import { applyProgress } from './syncStatusModel';

export interface SyncStatusApi {
  /** Null until `sync:status` first answers (or when it cannot be reached). */
  status: SyncStatus | null;
  /** `sync:status` could not be read: main is unreachable (the page says so instead of "not synced"). */
  error: AppError | null;
  /** A "Sync now" or "Cancel sync" request is on its way. */
  pending: boolean;
  /** Why "Sync now" cannot run now, or null when it can. */
  blocked: 'locked' | 'offline' | 'unreachable' | 'running' | null;
  /** Sync every active Account now (or one). */
  syncNow(accountId?: string): void;
  cancel(accountId?: string): void;
}

/** While main cannot be reached, how often `sync:status` is asked again to notice it is back. */
const UNREACHABLE_RETRY_MS = 5_000;

/**
 * Keeps the window's picture of main honest: any request that finds main gone asks `sync:status` again, so
 * the top bar, "Sync now" and the page notice say so at once rather than keeping "Last synced 2 minutes
 * ago"; while it stays unreachable it is asked again every few seconds, and once it answers every page on
 * screen loads again.
 */
function useMainReachability(error: AppError | null, refetchStatus: () => void, retryMs: number): void {
  const queryClient = useQueryClient();
  const { api } = useApiContext();
  const latest = useRef(refetchStatus);
  useEffect(() => {
    latest.current = refetchStatus;
  });
  useEffect(() => {
    const isStatus = (key: readonly unknown[]) => key[0] === 'sync:status';
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error' || isStatus(event.query.queryKey)) return;
      if (isMainUnreachable(event.action.error)) latest.current();
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      if (isMainUnreachable(event.action.error)) latest.current();
    });
    // The web bridge's event stream drops the moment main goes, even on a page that is not loading anything.
    const stopConnection = api.onConnectionChange(() => latest.current());
    return () => {
      stopQueries();
      stopMutations();
      stopConnection();
    };
  }, [queryClient, api]);
  const wasUnreachable = useRef(false);
  useEffect(() => {
    if (error) {
      wasUnreachable.current = true;
      const timer = setInterval(() => latest.current(), retryMs);
      return () => clearInterval(timer);
    }
    if (wasUnreachable.current) {
      wasUnreachable.current = false;
      void queryClient.refetchQueries({ type: 'active' });
    }
    return undefined;
  }, [error, queryClient, retryMs]);
}

const SyncStatusContext = createContext<SyncStatusApi | null>(null);

export function useSyncStatus(): SyncStatusApi {
  const value = useContext(SyncStatusContext);
  if (!value) throw new Error('useSyncStatus needs a SyncStatusProvider');
  return value;
}

/**
 * One source of sync state for the whole window: fetched on mount, then kept live by `sync:statusChanged`
 * (whole status) and `sync:progress` (one resource); a status fetched while one of them arrived is dropped. The top bar, the Accounts panel and every data page
 * read it, so they never disagree about how fresh the data is.
 */
export function SyncStatusProvider({
  children,
  unreachableRetryMs = UNREACHABLE_RETRY_MS,
}: {
  children: ReactNode;
  /** While main cannot be reached, how often to ask whether it is back (tests shorten it). */
  unreachableRetryMs?: number;
}): ReactElement {
  const { showToast } = useToasts();
  const query = useChannelQuery('sync:status', undefined, {
    // A new or removed Account changes which Accounts sync.
    invalidateOn: ['accounts:changed'],
    // Its failure is how the window notices main is gone.
    keepWhenUnreachable: false,
    // The shell's status line can follow the opening page's first screen (api/firstPaint.ts).
    deferred: true,
    updateOn: {
      'sync:statusChanged': (status) => status,
      'sync:progress': (event, current) => current && applyProgress(current, event),
    },
  });
  const run = useChannelMutation('sync:run', {
    onSuccess: (result) => {
      if (result.offline) showToast({ tone: 'info', message: { key: 'sync.offlineToast' } });
    },
  });
  const stop = useChannelMutation('sync:cancel');

  const { mutate: runMutate } = run;
  const { mutate: stopMutate } = stop;
  const syncNow = useCallback(
    (accountId?: string) => runMutate({ trigger: 'manual', ...(accountId ? { accountId } : {}) }),
    [runMutate],
  );
  const cancel = useCallback(
    (accountId?: string) => stopMutate(accountId ? { accountId } : {}),
    [stopMutate],
  );

  const locked = useAccounts({ deferred: true }).data?.vault.state === 'locked';
  const status = query.data ?? null;
  const error = query.isError ? query.error : null;
  const { refetch } = query;
  useMainReachability(
    error,
    useCallback(() => void refetch(), [refetch]),
    unreachableRetryMs,
  );
  const pending = run.isPending || stop.isPending;
  const blocked: SyncStatusApi['blocked'] = locked
    ? 'locked'
    : error
      ? 'unreachable'
      : status && !status.online
        ? 'offline'
        : status?.accounts.some((a) => a.state === 'running')
          ? 'running'
          : null;
  const value = useMemo(
    () => ({ status, error, pending, blocked, syncNow, cancel }),
    [status, error, pending, blocked, syncNow, cancel],
  );
  return (
    <SyncStatusContext.Provider value={value}>
      <WritesBlockedContext.Provider value={error !== null}>{children}</WritesBlockedContext.Provider>
    </SyncStatusContext.Provider>
  );
}
