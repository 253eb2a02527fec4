import { addDays, regionTimeZone, zonedDay } from '@shared/time';
import { hasColumn, type Migration } from './migration';

/**
 * Rollups keyed by the shop's own calendar day instead of the UTC day (TikTok and Seller Center report a
 * shop's sales by its local day; docs/tiktok-api/shop-time-zones.md). The existing `order_days` and
 * `product_days` rows are UTC days, so they are dropped and every local day that has orders is marked dirty:
 * the sync service rebuilds dirty days from the raw rows when it starts (sync/store/rollups.ts), which runs
 * right after migrations. `product_days` also learns refunded units and amounts (refund rate per product).
 */
export const m011ShopLocalDays: Migration = {
  version: 11,
  name: 'shop-local rollup days, product refunds',
  alreadyApplied: (db) => hasColumn(db, 'product_days', 'refunded_units'),
  up(db) {
    db.exec(`
      ALTER TABLE product_days ADD COLUMN refunded_units INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE product_days ADD COLUMN refunds_minor INTEGER NOT NULL DEFAULT 0;
      DELETE FROM order_days;
      DELETE FROM product_days;
      DELETE FROM rollup_dirty WHERE rollup = 'orders';
    `);
    const shopIds = db.prepare('SELECT DISTINCT shop_id FROM orders').pluck().all() as string[];
    const span = db.prepare(
      'SELECT MIN(create_time) AS first, MAX(create_time) AS last FROM orders WHERE shop_id = ?',
    );
    const latestAccount = db
      .prepare('SELECT account_id FROM orders WHERE shop_id = ? ORDER BY create_time DESC LIMIT 1')
      .pluck();
    const region = db.prepare('SELECT region FROM shops WHERE shop_id = ?').pluck();
    const mark = db.prepare(
      `INSERT INTO rollup_dirty (rollup, scope, day, account_id) VALUES ('orders', ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    // Every day between a shop's first and last order: a day without orders rebuilds to nothing, and
    // listing the days this way reads two index ends per shop instead of every order.
    for (const shopId of shopIds) {
      const { first, last } = span.get(shopId) as { first: number; last: number };
      const accountId = latestAccount.get(shopId) as string;
      const zone = regionTimeZone((region.get(shopId) as string | undefined) ?? '');
      const lastDay = zonedDay(last, zone);
      for (let day = zonedDay(first, zone); day <= lastDay; day = addDays(day, 1))
        mark.run(shopId, day, accountId);
    }
  },
};
