import type { Database } from 'better-sqlite3';
import type { PromotionLink } from '@shared/promotion-links';

/** The stored promotion links, one per shop and product (migration 021). */
export class PromotionLinkStore {
  constructor(private readonly db: Database) {}

  get(shopId: string, productIds: readonly string[]): PromotionLink[] {
    const q = this.db.prepare(
      `SELECT shop_id AS shopId, product_id AS productId, link, generated_at AS generatedAt
       FROM promotion_links WHERE shop_id = ? AND product_id = ?`,
    );
    return productIds.flatMap((id) => {
      const row = q.get(shopId, id) as PromotionLink | undefined;
      return row ? [row] : [];
    });
  }

  put(accountId: string, link: PromotionLink): void {
    this.db
      .prepare(
        `INSERT INTO promotion_links (account_id, shop_id, product_id, link, generated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (shop_id, product_id) DO UPDATE SET account_id = excluded.account_id, link = excluded.link,
           generated_at = excluded.generated_at`,
      )
      .run(accountId, link.shopId, link.productId, link.link, link.generatedAt);
  }

  purgeAccount(accountId: string): void {
    this.db.prepare('DELETE FROM promotion_links WHERE account_id = ?').run(accountId);
  }
}
