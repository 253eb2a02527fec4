import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/connection';
import { migrations } from '../../../src-main/db/migrations/index';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import {
  recomputedOrderDays,
  recomputedProductDays,
  storedOrderDays,
  storedProductDays,
} from '../../helpers/sync-fixtures';

let db: BetterSqlite3.Database | undefined;
afterEach(() => db?.close());

const before = migrations.filter((m) => m.version < 11);
const upTo11 = migrations.filter((m) => m.version <= 11);

function seedVersion6(): BetterSqlite3.Database {
  const d = new BetterSqlite3(':memory:');
  migrate(d, before);
  d.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
     VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 0, 0)`,
  ).run();
  const shop = d.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES (?, 'a1', ?, ?, ?, 'c')`,
  );
  shop.run('us', 'US shop', 'US', 'USD');
  shop.run('gb', 'GB shop', 'GB', 'GBP');
  const order = d.prepare(
    `INSERT INTO orders (order_id, account_id, shop_id, status, currency, create_time, update_time, total_minor,
       sub_total_minor, original_total_minor, shipping_fee_minor, seller_discount_minor, platform_discount_minor,
       tax_minor, units, refund_minor, synced_at)
     VALUES (?, 'a1', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 1, 0, 0)`,
  );
  const line = d.prepare(
    `INSERT INTO order_lines (order_id, line_id, product_id, product_name, sku_id, currency, original_price_minor,
       sale_price_minor, seller_discount_minor, platform_discount_minor, cancelled)
     VALUES (?, ?, 'p1', 'Mug', 's1', ?, ?, ?, 0, 0, ?)`,
  );
  // US evening (UTC next day), US morning, GB just after midnight BST (UTC previous day), a cancelled one.
  const rows: Array<[string, string, string, number, number]> = [
    ['o1', 'us', 'COMPLETED', Date.UTC(2024, 5, 15, 2, 30), 1500],
    ['o2', 'us', 'COMPLETED', Date.UTC(2024, 5, 15, 16, 0), 2500],
    ['o3', 'gb', 'COMPLETED', Date.UTC(2024, 5, 14, 23, 30), 1000],
    ['o4', 'us', 'CANCELLED', Date.UTC(2024, 5, 15, 3, 0), 900],
  ];
  for (const [id, shopId, status, t, total] of rows) {
    const currency = shopId === 'us' ? 'USD' : 'GBP';
    order.run(id, shopId, status, currency, t, t, total, total, total);
    line.run(id, `${id}-1`, currency, total, total, 0);
    line.run(id, `${id}-2`, currency, 300, 300, 1);
  }
  // What the UTC-day rollups held before.
  d.prepare(
    `INSERT INTO order_days (shop_id, day, currency, account_id, orders, units, gross_minor)
     VALUES ('us', '2024-06-15', 'USD', 'a1', 2, 2, 4000), ('gb', '2024-06-14', 'GBP', 'a1', 1, 1, 1000)`,
  ).run();
  d.prepare(
    `INSERT INTO product_days (shop_id, day, product_id, currency, account_id, units, gross_minor)
     VALUES ('us', '2024-06-15', 'p1', 'USD', 'a1', 2, 4000)`,
  ).run();
  return d;
}

describe('migration 011: shop-local rollup days', () => {
  it('drops the UTC-day rollups and marks every local day to rebuild from the raw rows', () => {
    db = seedVersion6();
    migrate(db, upTo11);
    expect(db.prepare('SELECT COUNT(*) FROM order_days').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM product_days').pluck().get()).toBe(0);
    const marks = db
      .prepare("SELECT scope, day FROM rollup_dirty WHERE rollup = 'orders' ORDER BY 1, 2")
      .all();
    expect(marks).toEqual([
      { scope: 'gb', day: '2024-06-15' },
      { scope: 'us', day: '2024-06-14' },
      { scope: 'us', day: '2024-06-15' },
    ]);

    // The later migrations, then what the sync service does at start-up.
    migrate(db, migrations);
    new RollupStore(db).refreshAll();
    expect(storedOrderDays(db)).toEqual(recomputedOrderDays(db));
    expect(storedProductDays(db)).toEqual(recomputedProductDays(db));
    expect(
      db
        .prepare('SELECT shop_id, day, orders, cancelled_orders, gross_minor FROM order_days ORDER BY 1, 2')
        .all(),
    ).toEqual([
      { shop_id: 'gb', day: '2024-06-15', orders: 1, cancelled_orders: 0, gross_minor: 1000 },
      { shop_id: 'us', day: '2024-06-14', orders: 1, cancelled_orders: 1, gross_minor: 1500 },
      { shop_id: 'us', day: '2024-06-15', orders: 1, cancelled_orders: 0, gross_minor: 2500 },
    ]);
    expect(
      db
        .prepare(
          `SELECT day, units, gross_minor, refunded_units, refunds_minor FROM product_days WHERE shop_id = 'us'
           ORDER BY day`,
        )
        .all(),
    ).toEqual([
      { day: '2024-06-14', units: 1, gross_minor: 1500, refunded_units: 1, refunds_minor: 300 },
      { day: '2024-06-15', units: 1, gross_minor: 2500, refunded_units: 1, refunds_minor: 300 },
    ]);
  });
});
