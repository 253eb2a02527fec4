import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import { isTokenRejected } from '../tiktok/auth-failure';
import type { ShopDataContext } from '../tiktok/shop/data-call';
import type { SellerType } from '../tiktok/shop/product-writes';
import { RateLimiter } from '../tiktok/token-bucket';
import type { TokenSource } from '../tiktok/token-source';
import { catalogueTexts } from './texts';

export interface ShopRow {
  shopId: string;
  accountId: string;
  name: string;
  region: string;
  currency: string;
  cipher: string;
  sellerType: SellerType;
}

/**
 * Calls to one shop on behalf of the catalogue and orders pages (writes, read-backs, "refresh now"): the
 * Account's current token, refreshed once when TikTok rejects it, and a rate limit per API and shop kept
 * within TikTok's 50 requests per second (docs/tiktok-api/errors-and-limits.md).
 */
export class ShopApi {
  private readonly limiter = new RateLimiter(() => 50);

  constructor(
    private readonly deps: {
      db: Database;
      tokens: TokenSource;
      profile: Profile;
      logger: Logger;
      now: () => number;
    },
  ) {}

  shop(shopId: string): ShopRow {
    const row = this.deps.db
      .prepare(
        `SELECT shop_id AS shopId, account_id AS accountId, name, region, currency, cipher,
                CASE WHEN seller_type = 'CROSS_BORDER' THEN 'CROSS_BORDER' ELSE 'LOCAL' END AS sellerType
         FROM shops WHERE shop_id = ?`,
      )
      .get(shopId) as ShopRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', catalogueTexts.shopNotConnected({ shopId }));
    return row;
  }

  /** Runs `call` with the shop's context; a rejected token is reported once and the call retried. */
  async call<T>(shop: ShopRow, call: (ctx: ShopDataContext) => Promise<T>): Promise<T> {
    const context = (token: string): ShopDataContext => ({
      app: {
        apiBase: this.deps.profile.shopApiBase,
        appKey: this.deps.profile.shop.appKey,
        appSecret: this.deps.profile.shop.appSecret,
      },
      accessToken: token,
      cipher: shop.cipher,
      bucket: (api) => this.limiter.bucket(`${shop.shopId}|${api}`),
      logger: this.deps.logger,
      now: this.deps.now,
    });
    const token = await this.deps.tokens.accessToken(shop.accountId);
    try {
      return await call(context(token));
    } catch (err) {
      if (!isTokenRejected(err)) throw err;
      const fresh = await this.deps.tokens.reportAuthFailure(shop.accountId, err.kind, err.message);
      return call(context(fresh));
    }
  }
}
