import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/connection';
import { migrations } from '../../../src-main/db/migrations/index';
import { RollupStore } from '../../../src-main/sync/store/rollups';

let db: BetterSqlite3.Database | undefined;
afterEach(() => db?.close());

const plan = (sql: string): string =>
  (db!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join('\n');

describe('migration 018: monthly product and creator rollups', () => {
  it('sums the day rollups already built into months, and the sync keeps them from there', () => {
    db = new BetterSqlite3(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version < 18),
    );
    db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 0, 0);
      INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('us', 'a1', 'US', 'US', 'USD', 'c');
      INSERT INTO product_days (shop_id, product_id, day, currency, account_id, units, gross_minor, refunded_units, refunds_minor)
        VALUES ('us', 'p1', '2024-05-31', 'USD', 'a1', 2, 2000, 0, 0),
               ('us', 'p1', '2024-06-01', 'USD', 'a1', 1, 1000, 1, 900),
               ('us', 'p1', '2024-06-20', 'USD', 'a1', 3, 3300, 0, 0),
               ('us', 'p2', '2024-06-20', 'GBP', 'a1', 1, 500, 0, 0);
      INSERT INTO creator_days (shop_id, day, creator_id, currency, account_id, orders, gmv_minor, est_commission_minor,
                                actual_commission_minor)
        VALUES ('us', '2024-06-02', 7, 'USD', 'a1', 2, 4000, 400, 0), ('us', '2024-06-03', 7, 'USD', 'a1', 1, 100, 10, 10);
    `);
    migrate(db, migrations);

    expect(
      db
        .prepare(
          'SELECT product_id, month, currency, days, units, gross_minor, refunded_units, refunds_minor FROM product_months ORDER BY 1, 2, 3',
        )
        .all(),
    ).toEqual([
      {
        product_id: 'p1',
        month: '2024-05',
        currency: 'USD',
        days: 1,
        units: 2,
        gross_minor: 2000,
        refunded_units: 0,
        refunds_minor: 0,
      },
      {
        product_id: 'p1',
        month: '2024-06',
        currency: 'USD',
        days: 2,
        units: 4,
        gross_minor: 4300,
        refunded_units: 1,
        refunds_minor: 900,
      },
      {
        product_id: 'p2',
        month: '2024-06',
        currency: 'GBP',
        days: 1,
        units: 1,
        gross_minor: 500,
        refunded_units: 0,
        refunds_minor: 0,
      },
    ]);
    expect(
      db
        .prepare(
          'SELECT creator_id, month, days, orders, gmv_minor, est_commission_minor, actual_commission_minor FROM creator_months',
        )
        .all(),
    ).toEqual([
      {
        creator_id: 7,
        month: '2024-06',
        days: 2,
        orders: 3,
        gmv_minor: 4100,
        est_commission_minor: 410,
        actual_commission_minor: 10,
      },
    ]);

    // The per-item day indexes now hold every summed column: a few items' days are read from the index alone.
    expect(
      plan(`SELECT SUM(gross_minor), SUM(units), SUM(refunds_minor), SUM(refunded_units) FROM product_days
            INDEXED BY product_days_product WHERE shop_id = 'us' AND product_id = 'p1' AND day >= '2024-06-01'`),
    ).toMatch(/COVERING INDEX product_days_product/);
    expect(
      plan(`SELECT SUM(gmv_minor), SUM(orders), SUM(est_commission_minor), SUM(actual_commission_minor) FROM creator_days
            INDEXED BY creator_days_creator WHERE shop_id = 'us' AND creator_id = 7 AND day >= '2024-06-01'`),
    ).toMatch(/COVERING INDEX creator_days_creator/);

    // A from-scratch rebuild (no raw orders here) empties the days and with them their months.
    new RollupStore(db).rebuildAll();
    expect(db.prepare('SELECT COUNT(*) FROM product_months').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM creator_months').pluck().get()).toBe(0);
  });
});
