import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../helpers/migrations';

const columns = (db: Database, table: string) =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);

describe('migration 005: rollup dirty days, no order etag', () => {
  it('keeps every order and rollup row, drops only the etag column, and starts with no dirty day', () => {
    const at = databaseBefore(5);
    at.db
      .prepare(
        `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
         VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1)`,
      )
      .run();
    const order = {
      order_id: '576461413038785752',
      account_id: 'a1',
      shop_id: 's1',
      status: 'COMPLETED',
      currency: 'GBP',
      create_time: 1_700_000_000_000,
      update_time: 1_700_000_100_000,
      paid_time: 1_700_000_050_000,
      buyer_user_id: 'b1',
      shipping_type: 'TIKTOK',
      tracking_number: null,
      cancel_reason: null,
      total_minor: 2599,
      sub_total_minor: 2299,
      original_total_minor: 2499,
      shipping_fee_minor: 300,
      seller_discount_minor: 200,
      platform_discount_minor: 0,
      tax_minor: 0,
      units: 2,
      refund_minor: 0,
      synced_at: 1_700_000_200_000,
    };
    const names = Object.keys(order);
    at.db
      .prepare(
        `INSERT INTO orders (${names.join(', ')}, etag) VALUES (${names.map((n) => '@' + n).join(', ')}, 'e1')`,
      )
      .run(order);
    at.db
      .prepare(
        `INSERT INTO order_days (shop_id, day, currency, account_id, orders, units, gross_minor)
         VALUES ('s1', '2023-11-14', 'GBP', 'a1', 1, 2, 2599)`,
      )
      .run();

    const db = at.upgrade(5);

    expect(columns(db, 'orders')).not.toContain('etag');
    expect(db.prepare('SELECT * FROM orders').all()).toEqual([order]);
    expect(db.prepare('SELECT shop_id, day, orders, units, gross_minor FROM order_days').all()).toEqual([
      { shop_id: 's1', day: '2023-11-14', orders: 1, units: 2, gross_minor: 2599 },
    ]);
    expect(db.prepare('SELECT count(*) FROM rollup_dirty').pluck().get()).toBe(0);
  });
});
