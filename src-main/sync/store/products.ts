import type { Database, Statement } from 'better-sqlite3';
import type { Product } from '../../tiktok/shop/products';
import { etag } from '../etag';
import type { Counts } from '../job';
import { PriceHistory } from './price-history';

/**
 * Products with their SKUs (price, inventory per warehouse, status) and audit status. A product TikTok
 * reports as DELETED is kept with that status, SKUs and all: orders and dashboards still name it
 * (docs/tiktok-api/shop-data.md, "Deleted products").
 */
export class ProductWriter {
  private readonly selectTag: Statement<[string], { etag: string }>;
  private readonly upsert: Statement;
  private readonly deleteSkus: Statement<[string]>;
  private readonly insertSku: Statement;
  private readonly prices: PriceHistory;

  constructor(db: Database) {
    this.prices = new PriceHistory(db);
    this.selectTag = db.prepare('SELECT etag FROM products WHERE product_id = ?');
    this.upsert = db.prepare(`
      INSERT INTO products (product_id, account_id, shop_id, title, status, currency, min_price_minor,
        max_price_minor, inventory, sku_count, create_time, update_time, audit_status, listing_quality_tier,
        has_draft, etag, synced_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (product_id) DO UPDATE SET account_id = excluded.account_id, shop_id = excluded.shop_id,
        title = excluded.title, status = excluded.status, currency = excluded.currency,
        min_price_minor = excluded.min_price_minor, max_price_minor = excluded.max_price_minor,
        inventory = excluded.inventory, sku_count = excluded.sku_count, create_time = excluded.create_time,
        update_time = excluded.update_time, audit_status = excluded.audit_status,
        listing_quality_tier = excluded.listing_quality_tier, has_draft = excluded.has_draft,
        etag = excluded.etag, synced_at = excluded.synced_at`);
    this.deleteSkus = db.prepare('DELETE FROM product_skus WHERE product_id = ?');
    this.insertSku = db.prepare(`
      INSERT OR REPLACE INTO product_skus (sku_id, product_id, seller_sku, currency, price_minor, inventory,
        warehouses, status, deactivation_source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  write(accountId: string, shopId: string, products: readonly Product[], now: number): Counts {
    let inserted = 0;
    let updated = 0;
    for (const p of products) {
      const tag = etag(p);
      const old = this.selectTag.get(p.productId);
      if (old?.etag === tag) continue;
      if (old) {
        this.deleteSkus.run(p.productId);
        updated++;
      } else inserted++;
      const prices = p.skus.map((s) => s.priceMinor).filter((v): v is number => v !== null);
      this.upsert.run(
        p.productId,
        accountId,
        shopId,
        p.title,
        p.status,
        p.skus.find((s) => s.currency)?.currency ?? null,
        prices.length ? Math.min(...prices) : null,
        prices.length ? Math.max(...prices) : null,
        p.skus.reduce((n, s) => n + s.inventory, 0),
        p.skus.length,
        p.createTime,
        p.updateTime,
        p.auditStatus,
        p.listingQualityTier,
        p.hasDraft === null ? null : p.hasDraft ? 1 : 0,
        tag,
        now,
      );
      for (const s of p.skus) {
        this.insertSku.run(
          s.skuId,
          p.productId,
          s.sellerSku,
          s.currency,
          s.priceMinor,
          s.inventory,
          JSON.stringify(s.warehouses),
          s.status,
          s.deactivationSource,
        );
        if (s.priceMinor !== null && s.currency)
          this.prices.observe({
            skuId: s.skuId,
            productId: p.productId,
            accountId,
            currency: s.currency,
            priceMinor: s.priceMinor,
            at: now,
            source: 'sync',
          });
      }
    }
    return { inserted, updated };
  }
}
