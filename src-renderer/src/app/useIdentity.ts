import { useEffect, useState } from 'react';
import type { Account } from '@shared/accounts';
import { api } from '../api';

/**
 * The signed-in TikTok identity for the top bar, kept current through `accounts:changed`. It is decoration:
 * a failure leaves the top bar without it rather than raising a toast on every page.
 */
export function useIdentity(): Account | null {
  const [identity, setIdentity] = useState<Account | null>(null);
  useEffect(() => {
    let live = true;
    const fetchIdentity = (): void => {
      api.invoke('identity:get').then(
        ({ account }) => live && setIdentity(account),
        () => undefined,
      );
    };
    fetchIdentity();
    const stop = api.on('accounts:changed', fetchIdentity);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return identity;
}
