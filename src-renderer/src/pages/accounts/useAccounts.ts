import { useCallback, useEffect, useState } from 'react';
import type { AccountsList } from '@shared/accounts';
import { api } from '../../api';
import { useToasts } from '../../components/Toasts';

export interface AccountsState {
  list: AccountsList | null;
  /** The list could not be loaded, so it is unknown rather than empty. */
  failed: boolean;
  reload(): void;
}

/** The Accounts list, fetched again whenever main says accounts changed. */
export function useAccounts(): AccountsState {
  const { showError } = useToasts();
  const [list, setList] = useState<AccountsList | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let latest = 0;
    const fetchList = (): void => {
      // Replies can overtake each other; only the newest request may land.
      const mine = ++latest;
      api.invoke('accounts:list').then(
        (value) => {
          if (!live || mine !== latest) return;
          setList(value);
          setFailed(false);
        },
        (error: unknown) => {
          if (!live || mine !== latest) return;
          setFailed(true);
          showError(error);
        },
      );
    };
    fetchList();
    const stop = api.on('accounts:changed', fetchList);
    return () => {
      live = false;
      stop();
    };
  }, [showError, attempt]);

  const reload = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);

  return { list, failed, reload };
}
