import { useEffect, useRef } from 'react';
import type { Account } from '@shared/accounts';
import { api, useChannelQuery } from '../api';
import { useToasts } from '../components/Toasts';

/**
 * The signed-in TikTok identity for the top bar, kept current through `accounts:changed`. It is decoration:
 * a failure leaves the top bar without it rather than an error on every page. When it goes away because
 * TikTok reports the access removed (not because the user disconnected it here), the user is told.
 */
export function useIdentity(): Account | null {
  const query = useChannelQuery('identity:get', undefined, {
    invalidateOn: ['accounts:changed'],
    deferred: true,
  });
  const account = query.data?.account ?? null;
  useRevokedAtTikTokNotice(query.isSuccess ? account : undefined);
  return account;
}

/** `account`: the identity as last read (undefined while unknown). */
function useRevokedAtTikTokNotice(account: Account | null | undefined): void {
  const { showToast } = useToasts();
  const shown = useRef<Account | null>(null);
  useEffect(() => {
    if (account === undefined) return;
    const previous = shown.current;
    shown.current = account;
    if (!previous || account?.id === previous.id) return;
    let live = true;
    api.invoke('accounts:list').then(
      (list) => {
        const now = list.accounts.find((a) => a.id === previous.id);
        // A disconnect here either schedules the data's deletion or removes the Account from the list.
        if (live && now?.status === 'revoked' && now.dataDeletionAt === null) {
          const name = previous.identity?.displayName ?? previous.displayName;
          showToast({ tone: 'error', message: { key: 'accounts.identityRevoked', params: { name } } });
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [account, showToast]);
}
