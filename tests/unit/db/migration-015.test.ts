import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

describe('migration 015 (product costs)', () => {
  it('keeps the synced catalogue and adds product_costs, owned by the Account', () => {
    const at = databaseBefore(15);
    const old = at.db;
    old.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'US', 'US', 'USD', 'c');
      INSERT INTO products (product_id, account_id, shop_id, title, status, currency, inventory, sku_count, etag, synced_at)
        VALUES ('p1', 'a1', 's1', 'Candle', 'ACTIVATE', 'USD', 5, 1, 'e', 1);
      INSERT INTO product_skus (sku_id, product_id, seller_sku, currency, price_minor, inventory, warehouses)
        VALUES ('k1', 'p1', 'C-1', 'USD', 1299, 5, '[]');
    `);
    const db = at.upgrade();
    expect(db.prepare('SELECT sku_id, price_minor FROM product_skus').all()).toEqual([
      { sku_id: 'k1', price_minor: 1299 },
    ]);
    db.prepare(
      `INSERT INTO product_costs (sku_id, product_id, shop_id, account_id, currency, cost_minor, source, updated_at)
       VALUES ('k1', 'p1', 's1', 'a1', 'USD', 420, 'manual', 1)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO product_costs (sku_id, product_id, shop_id, account_id, currency, cost_minor, source, updated_at)
           VALUES ('k2', 'p1', 's1', 'a1', 'USD', -1, 'manual', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO product_costs (sku_id, product_id, shop_id, account_id, currency, source, updated_at)
           VALUES ('k3', 'p1', 's1', 'a1', 'USD', 'manual', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    // A re-synced product replaces its SKU rows; the merchant's cost stays.
    db.exec(`DELETE FROM product_skus WHERE product_id = 'p1'`);
    expect(db.prepare('SELECT count(*) FROM product_costs').pluck().get()).toBe(1);
    db.exec(`DELETE FROM accounts WHERE id = 'a1'`);
    expect(db.prepare('SELECT count(*) FROM product_costs').pluck().get()).toBe(0);
    db.close();
  });
});
