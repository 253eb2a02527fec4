import type { Database, Statement } from 'better-sqlite3';

/**
 * `sku_price_history` (migration 016): a SKU's price each time the sync saw it change, and each price the
 * merchant set through ShopMesh. The product dialog draws it; nothing else reads it.
 */
export class PriceHistory {
  private readonly last: Statement<[string], { price_minor: number; currency: string }>;
  private readonly insert: Statement;

  constructor(db: Database) {
    this.last = db.prepare(
      'SELECT price_minor, currency FROM sku_price_history WHERE sku_id = ? ORDER BY at DESC LIMIT 1',
    );
    this.insert = db.prepare(`
      INSERT OR REPLACE INTO sku_price_history (sku_id, at, source, product_id, account_id, currency, price_minor)
      VALUES (@skuId, @at, @source, @productId, @accountId, @currency, @priceMinor)`);
  }

  /** Records the price when it differs from the last one recorded (or none was). */
  observe(entry: {
    skuId: string;
    productId: string;
    accountId: string;
    currency: string;
    priceMinor: number;
    at: number;
    source: 'sync' | 'edit';
  }): void {
    const last = this.last.get(entry.skuId);
    if (last && last.price_minor === entry.priceMinor && last.currency === entry.currency) return;
    this.insert.run(entry);
  }
}
