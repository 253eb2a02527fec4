import type { Account } from '@shared/accounts';
import { useSyncStatus } from './SyncStatusProvider';
import { latestSuccess } from './syncStatusModel';

export interface ShopFreshness {
  /** Null until sync:status answers. */
  known: boolean;
  online: boolean;
  /** Latest successful sync of the relevant shop Accounts, null if none has synced. */
  lastSuccessAt: number | null;
  syncing: boolean;
}

/** How fresh the shop data behind a view is: the shop Accounts holding `shopId`, or all of them. */
export function useShopFreshness(accounts: readonly Account[], shopId: string | undefined): ShopFreshness {
  const { status } = useSyncStatus();
  if (!status) return { known: false, online: true, lastSuccessAt: null, syncing: false };
  const relevant = new Set(
    accounts
      .filter((a) => a.provider === 'shop' && (!shopId || a.shops.some((s) => s.shopId === shopId)))
      .map((a) => a.id),
  );
  const synced = status.accounts.filter((a) => relevant.has(a.accountId));
  return {
    known: true,
    online: status.online,
    lastSuccessAt: latestSuccess(synced),
    syncing: synced.some((a) => a.state === 'running'),
  };
}
