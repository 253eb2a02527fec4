import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

describe('migration 016 (catalogue writes, order keys and search)', () => {
  it('re-keys stored orders in creation order, indexes their lines for search and seeds price history', () => {
    const at = databaseBefore(16);
    const old = at.db;
    old.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'US', 'US', 'USD', 'c');
      INSERT INTO products (product_id, account_id, shop_id, title, status, currency, inventory, sku_count, create_time, etag, synced_at)
        VALUES ('p1', 'a1', 's1', 'Scented Soy Candle', 'ACTIVATE', 'USD', 5, 1, 1000, 'e', 777);
      INSERT INTO product_skus (sku_id, product_id, seller_sku, currency, price_minor, inventory, warehouses)
        VALUES ('k1', 'p1', 'C-1', 'USD', 1299, 5, '[]');
    `);
    const order = old.prepare(
      `INSERT INTO orders (order_id, account_id, shop_id, status, currency, create_time, update_time, total_minor,
         sub_total_minor, original_total_minor, shipping_fee_minor, seller_discount_minor, platform_discount_minor,
         tax_minor, units, refund_minor, synced_at)
       VALUES (?, 'a1', 's1', 'COMPLETED', 'USD', ?, ?, 1299, 1299, 1299, 0, 0, 0, 0, 1, 0, 1)`,
    );
    const line = old.prepare(
      `INSERT INTO order_lines (order_id, line_id, product_id, product_name, sku_id, sku_name, currency,
         original_price_minor, sale_price_minor, seller_discount_minor, platform_discount_minor)
       VALUES (?, ?, 'p1', ?, 'k1', 'Sand', 'USD', 1299, 1299, 0, 0)`,
    );
    // Inserted newest first, so the old rowids run against creation order.
    const times = [1_750_000_300_000, 1_750_000_200_000, 1_750_000_100_000];
    times.forEach((ms, i) => {
      order.run(`57646010000000000${i}`, ms, ms);
      line.run(`57646010000000000${i}`, `L${i}`, i === 1 ? 'Linen Throw Pillow' : 'Scented Soy Candle');
    });
    const db = at.upgrade();
    const byRowid = db.prepare('SELECT order_id, create_time FROM orders ORDER BY rowid').all() as Array<{
      create_time: number;
    }>;
    expect(byRowid.map((r) => r.create_time)).toEqual([...times].reverse());
    expect(db.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(3);
    const found = db
      .prepare(
        `SELECT o.order_id FROM order_search s JOIN orders o ON o.rowid = s.rowid
         WHERE order_search MATCH '"cand"*' ORDER BY s.rowid DESC`,
      )
      .pluck()
      .all();
    expect(found).toEqual(['576460100000000000', '576460100000000002']);
    db.prepare(`DELETE FROM orders WHERE order_id = '576460100000000000'`).run();
    expect(
      db.prepare(`SELECT count(*) FROM order_search WHERE order_search MATCH '"cand"*'`).pluck().get(),
    ).toBe(1);

    expect(db.prepare('SELECT sku_id, at, source, price_minor FROM sku_price_history').all()).toEqual([
      { sku_id: 'k1', at: 777, source: 'sync', price_minor: 1299 },
    ]);
    expect(
      db.prepare(`SELECT rowid FROM product_search WHERE product_search MATCH '"soy"*'`).pluck().all(),
    ).toHaveLength(1);
    db.prepare(`UPDATE products SET title = 'Beeswax Taper' WHERE product_id = 'p1'`).run();
    expect(
      db.prepare(`SELECT count(*) FROM product_search WHERE product_search MATCH '"soy"*'`).pluck().get(),
    ).toBe(0);
    expect(
      db.prepare(`SELECT count(*) FROM product_search WHERE product_search MATCH '"beeswax"'`).pluck().get(),
    ).toBe(1);
    for (const table of ['catalogue_changes', 'catalogue_writes', 'product_media', 'order_views'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    db.close();
  });
});
