import type { AdsDataContext } from '../../tiktok/ads/data-call';
import type { ShopDataContext } from '../../tiktok/shop/data-call';
import type { JobEnv } from '../job';
import type { Writers } from '../store/writers';

export interface ShopScope {
  shopId: string;
  cipher: string;
  currency: string;
}

export interface AdvertiserScope {
  advertiserId: string;
  currency: string;
  timezone: string | null;
}

export interface ShopJobEnv extends JobEnv {
  shop: ShopScope;
  /** The Shop API context for this shop with `token`. */
  api(token: string): ShopDataContext;
  writers: Writers;
}

export interface AdsJobEnv extends JobEnv {
  advertiser: AdvertiserScope;
  api(token: string): AdsDataContext;
  writers: Writers;
}
