import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { callWithAccount } from '../accounts/with-token';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import type { ShopDataContext } from '../tiktok/shop/data-call';
import { RateLimiter } from '../tiktok/token-bucket';
import type { TokenSource } from '../tiktok/token-source';
import { creatorSourceTexts } from './texts';

export interface ShopRow {
  shopId: string;
  accountId: string;
  name: string;
  region: string;
  currency: string;
  cipher: string;
  accountStatus: string;
}

/**
 * Shop API calls the merchant starts from the creator pages (marketplace search, creator performance,
 * sample reviews), outside a sync run: one shop's context with its Account's token, refreshed or retired
 * through the TokenSource like the sync's. Buckets are per API and shop, under TikTok's 50 per second.
 */
export class ShopApi {
  // TikTok Shop's 50 requests per second per API and shop; the buckets keep under it (errors-and-limits.md).
  private readonly limiter = new RateLimiter(() => 50);
  private readonly selectShop: Statement<[string], ShopRow>;
  private readonly selectShops: Statement<[], ShopRow>;

  constructor(
    db: Database,
    private readonly tokens: TokenSource,
    private readonly profile: Profile,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {
    const columns = `s.shop_id AS shopId, s.account_id AS accountId, s.name, s.region, s.currency, s.cipher,
      a.status AS accountStatus`;
    this.selectShop = db.prepare(
      `SELECT ${columns} FROM shops s JOIN accounts a ON a.id = s.account_id WHERE s.shop_id = ?`,
    );
    this.selectShops = db.prepare(
      `SELECT ${columns} FROM shops s JOIN accounts a ON a.id = s.account_id ORDER BY s.name, s.shop_id`,
    );
  }

  shops(): ShopRow[] {
    return this.selectShops.all();
  }

  shop(shopId: string): ShopRow {
    const shop = this.selectShop.get(shopId);
    if (!shop) throw new AppError('NOT_FOUND', creatorSourceTexts.noShop());
    return shop;
  }

  /** Runs `call` for the shop; a shop whose Account needs reconnecting is refused before any request. */
  async call<T>(shopId: string, call: (ctx: ShopDataContext, shop: ShopRow) => Promise<T>): Promise<T> {
    const shop = this.shop(shopId);
    if (shop.accountStatus === 'expired')
      throw new AppError('AUTH_EXPIRED', creatorSourceTexts.shopExpired());
    if (shop.accountStatus === 'revoked')
      throw new AppError('AUTH_REVOKED', creatorSourceTexts.shopRevoked());
    return callWithAccount(this.tokens, shop.accountId, (accessToken) =>
      call(
        {
          app: {
            apiBase: this.profile.shopApiBase,
            appKey: this.profile.shop.appKey,
            appSecret: this.profile.shop.appSecret,
          },
          accessToken,
          cipher: shop.cipher,
          bucket: (api) => this.limiter.bucket(`${shop.shopId}|${api}`),
          logger: this.logger,
          now: this.now,
        },
        shop,
      ),
    );
  }
}
