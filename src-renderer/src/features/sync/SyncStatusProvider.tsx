import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/sync';
import { api } from '../../api';
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
 * (whole status) and `sync:progress` (one resource). The top bar, the Accounts panel and every data page
 * read it, so they never disagree about how fresh the data is.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }): ReactElement {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [pending, setPending] = useState(false);
  const { showError, showToast } = useToasts();
  const { t } = useTranslation();

  useEffect(() => {
    let live = true;
    // A fetched status can arrive after a newer `sync:statusChanged` event (a sync that ends while the
    // request is in flight); counting events lets such a stale answer be dropped instead of showing
    // "Syncing…" forever.
    let events = 0;
    const fetchStatus = (): void => {
      const seen = events;
      api.invoke('sync:status').then(
        (value) => live && events === seen && setStatus(value),
        // Decoration on most pages: a failure leaves the freshness line out rather than raising a toast.
        () => undefined,
      );
    };
    fetchStatus();
    const stops = [
      api.on('sync:statusChanged', (value) => {
        events += 1;
        if (live) setStatus(value);
      }),
      api.on(
        'sync:progress',
        (event) => live && setStatus((current) => current && applyProgress(current, event)),
      ),
      // A new or removed Account changes which Accounts sync.
      api.on('accounts:changed', fetchStatus),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, []);

  const syncNow = useCallback(
    (accountId?: string) => {
      setPending(true);
      api.invoke('sync:run', { trigger: 'manual', ...(accountId ? { accountId } : {}) }).then(
        (result) => {
          setPending(false);
          if (result.offline) showToast({ tone: 'info', message: t('sync.offlineToast') });
        },
        (error: unknown) => {
          setPending(false);
          showError(error);
        },
      );
    },
    [showError, showToast, t],
  );

  const cancel = useCallback(
    (accountId?: string) => {
      setPending(true);
      api.invoke('sync:cancel', accountId ? { accountId } : {}).then(
        () => setPending(false),
        (error: unknown) => {
          setPending(false);
          showError(error);
        },
      );
    },
    [showError],
  );

  const value = useMemo(() => ({ status, pending, syncNow, cancel }), [status, pending, syncNow, cancel]);
  return <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>;
}
