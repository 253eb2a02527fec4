import { createContext, useCallback, useContext, useMemo, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/sync';
import { useChannelMutation, useChannelQuery } from '../../api';
import { useToasts } from '../../components/Toasts';
import { applyProgress } from './syncStatusModel';

export interface SyncStatusApi {
  /** Null until `sync:status` first answers (or when it cannot be reached). */
  status: SyncStatus | null;
  /** A "Sync now" or "Cancel sync" request is on its way. */
  pending: boolean;
  /** Sync every active Account now (or one). */
  syncNow(accountId?: string): void;
  cancel(accountId?: string): void;
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
export function SyncStatusProvider({ children }: { children: ReactNode }): ReactElement {
  const { showToast } = useToasts();
  const { t } = useTranslation();
  const query = useChannelQuery('sync:status', undefined, {
    // A new or removed Account changes which Accounts sync.
    invalidateOn: ['accounts:changed'],
    updateOn: {
      'sync:statusChanged': (status) => status,
      'sync:progress': (event, current) => current && applyProgress(current, event),
    },
  });
  const run = useChannelMutation('sync:run', {
    onSuccess: (result) => {
      if (result.offline) showToast({ tone: 'info', message: t('sync.offlineToast') });
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

  const status = query.data ?? null;
  const pending = run.isPending || stop.isPending;
  const value = useMemo(() => ({ status, pending, syncNow, cancel }), [status, pending, syncNow, cancel]);
  return <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>;
}
