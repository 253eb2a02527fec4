import { useMemo } from 'react';
import type { Account, Shop } from '@shared/accounts';
import { regionTimeZone } from '@shared/time';
import { useAccounts } from './useAccounts';

export interface ShopsState {
  /** Null until accounts:list answers. */
  accounts: Account[] | null;
  shops: Shop[];
  shopName(shopId: string): string;
  /** The shop's time zone from its region (regionTimeZone); undefined for a shop not (yet) listed. */
  shopZone(shopId: string): string | undefined;
}

/** Every shop of every shop Account, for filters and for naming a row's shop. */
export function useShops(): ShopsState {
  const { data: list } = useAccounts();
  return useMemo(() => {
    const accounts = list?.accounts ?? null;
    const shops = (accounts ?? []).filter((a) => a.provider === 'shop').flatMap((a) => a.shops);
    const names = new Map(shops.map((shop) => [shop.shopId, shop.name]));
    const zones = new Map(shops.map((shop) => [shop.shopId, regionTimeZone(shop.region)]));
    return {
      accounts,
      shops,
      shopName: (shopId: string) => names.get(shopId) ?? shopId,
      shopZone: (shopId: string) => zones.get(shopId),
    };
  }, [list]);
}
