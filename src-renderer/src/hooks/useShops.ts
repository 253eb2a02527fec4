import { useMemo } from 'react';
import type { Account, Shop } from '@shared/accounts';
import { useAccounts } from './useAccounts';

export interface ShopsState {
  /** Null until accounts:list answers. */
  accounts: Account[] | null;
  shops: Shop[];
  shopName(shopId: string): string;
}

/** Every shop of every shop Account, for filters and for naming a row's shop. */
export function useShops(): ShopsState {
  const { data: list } = useAccounts();
  return useMemo(() => {
    const accounts = list?.accounts ?? null;
    const shops = (accounts ?? []).filter((a) => a.provider === 'shop').flatMap((a) => a.shops);
    const names = new Map(shops.map((shop) => [shop.shopId, shop.name]));
    return { accounts, shops, shopName: (shopId: string) => names.get(shopId) ?? shopId };
  }, [list]);
}
