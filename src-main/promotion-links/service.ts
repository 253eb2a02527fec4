import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { PromotionLink } from '@shared/promotion-links';
import type { ShopApi } from '../catalogue/shop-api';
import type { Logger } from '../log/logger';
import { generatePromotionLink } from '../tiktok/shop/promotion-links';
import { PromotionLinkStore } from './store';
import { promotionLinkTexts } from './texts';

export interface PromotionLinksDeps {
  db: Database;
  api: ShopApi;
  now: () => number;
  logger: Logger;
}

/**
 * A product's affiliate promotion link (docs/promotion-links.md): kept per shop and product, generated at
 * TikTok when missing or when the merchant asks for a new one.
 *
 * The request goes in write mode (never retried blind by the HTTP layer). A lost answer is resolved by
 * asking again: generating a link sends nothing to any creator and changes nothing a creator or buyer
 * sees, so a second request costs at most a second valid link for the same product and shop, and the one
 * that answers is the one kept (docs/tiktok-api/promotion-links.md).
 */
export class PromotionLinks {
  readonly store: PromotionLinkStore;

  constructor(private readonly deps: PromotionLinksDeps) {
    this.store = new PromotionLinkStore(deps.db);
  }

  get(shopId: string, productIds: readonly string[]): PromotionLink[] {
    return this.store.get(shopId, productIds);
  }

  async generate(input: {
    shopId: string;
    productId: string;
    regenerate?: boolean;
  }): Promise<{ link: PromotionLink; generated: boolean }> {
    const owned = this.deps.db
      .prepare('SELECT 1 FROM products WHERE product_id = ? AND shop_id = ?')
      .get(input.productId, input.shopId);
    if (!owned)
      throw new AppError('NOT_FOUND', promotionLinkTexts.productNotInShop({ productId: input.productId }), {
        issues: [{ path: 'productId', message: 'not a synced product of this shop' }],
      });
    if (!input.regenerate) {
      const [stored] = this.store.get(input.shopId, [input.productId]);
      if (stored) return { link: stored, generated: false };
    }
    const shop = this.deps.api.shop(input.shopId);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const r = await this.deps.api.call(shop, (ctx) => generatePromotionLink(ctx, input.productId));
      if (r.kind === 'done') {
        const link: PromotionLink = {
          shopId: input.shopId,
          productId: input.productId,
          link: r.value,
          generatedAt: this.deps.now(),
        };
        this.store.put(shop.accountId, link);
        return { link, generated: true };
      }
      this.deps.logger.warn(
        { shopId: input.shopId, productId: input.productId, attempt, reason: r.unknown.reason },
        'promotion link answer lost; asking again',
      );
    }
    throw new AppError('OUTCOME_UNKNOWN', promotionLinkTexts.answerLost({ productId: input.productId }));
  }

  /** The links of these products, generating the missing ones one by one (an Outreach about to use them). */
  async ensure(shopId: string, productIds: readonly string[]): Promise<PromotionLink[]> {
    const have = new Map(this.store.get(shopId, productIds).map((l) => [l.productId, l]));
    for (const id of productIds) {
      if (have.has(id)) continue;
      have.set(id, (await this.generate({ shopId, productId: id })).link);
    }
    return productIds.flatMap((id) => {
      const l = have.get(id);
      return l ? [l] : [];
    });
  }
}
