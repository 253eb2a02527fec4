import type { Database, Statement } from 'better-sqlite3';
import type { SkuValue } from '@shared/catalogue';
import { PriceHistory } from '../sync/store/price-history';

/**
 * Keeps the synced tables in step with what ShopMesh learned from TikTok while writing: the value a write
 * set (the row updates on success, before the next sync) or the value TikTok turned out to have (a remote
 * change). The product's summary columns (price range, total stock) follow its SKUs.
 */
export class LocalCatalogue {
  private readonly setPrice: Statement<[number, string, string]>;
  private readonly setStock: Statement<[number, string, string]>;
  private readonly refreshProduct: Statement<[string]>;
  private readonly setStatus: Statement<[string, string]>;
  private readonly history: PriceHistory;

  constructor(db: Database) {
    this.setPrice = db.prepare('UPDATE product_skus SET price_minor = ?, currency = ? WHERE sku_id = ?');
    this.setStock = db.prepare('UPDATE product_skus SET inventory = ?, warehouses = ? WHERE sku_id = ?');
    this.refreshProduct = db.prepare(`
      UPDATE products SET
        min_price_minor = (SELECT MIN(price_minor) FROM product_skus WHERE product_id = products.product_id),
        max_price_minor = (SELECT MAX(price_minor) FROM product_skus WHERE product_id = products.product_id),
        inventory = (SELECT COALESCE(SUM(inventory), 0) FROM product_skus WHERE product_id = products.product_id)
      WHERE product_id = ?`);
    this.setStatus = db.prepare('UPDATE products SET status = ? WHERE product_id = ?');
    this.history = new PriceHistory(db);
  }

  /** Call inside a transaction. `source` says whether ShopMesh set the value or merely saw it. */
  apply(
    target: { skuId: string; productId: string; accountId: string },
    value: SkuValue,
    at: number,
    source: 'edit' | 'sync',
  ): void {
    if (value.kind === 'price') {
      this.setPrice.run(value.price.amountMinor, value.price.currency, target.skuId);
      this.history.observe({
        skuId: target.skuId,
        productId: target.productId,
        accountId: target.accountId,
        currency: value.price.currency,
        priceMinor: value.price.amountMinor,
        at,
        source,
      });
    } else {
      const total = value.warehouses.reduce((n, w) => n + w.quantity, 0);
      this.setStock.run(total, JSON.stringify(value.warehouses), target.skuId);
    }
    this.refreshProduct.run(target.productId);
  }

  productStatus(productId: string, status: string): void {
    this.setStatus.run(status, productId);
  }
}
