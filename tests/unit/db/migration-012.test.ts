import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/connection';
import { migrations } from '../../../src-main/db/migrations/index';
import { RollupStore } from '../../../src-main/sync/store/rollups';

let db: BetterSqlite3.Database | undefined;
afterEach(() => db?.close());

function seedVersion11(): BetterSqlite3.Database {
  const d = new BetterSqlite3(':memory:');
  migrate(
    d,
    migrations.filter((m) => m.version < 12),
  );
  d.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 0, 0), ('a2', 'ads', 'active', 'r2', 'Ads', 0, 0);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('us', 'a1', 'US', 'US', 'USD', 'c');
    INSERT INTO advertisers (advertiser_id, account_id, name, currency, timezone) VALUES ('adv', 'a2', 'Ads', 'USD', 'Etc/GMT+8');
    INSERT INTO creators (id, handle, first_seen_at, updated_at) VALUES (5, 'maker', 0, 0);
    INSERT INTO rollup_dirty (rollup, scope, day, account_id) VALUES ('orders', 'us', '2024-06-14', 'a1');
  `);
  const aff = d.prepare(
    `INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, currency, gmv_minor,
       est_commission_minor, actual_commission_minor, etag, synced_at) VALUES (?, 'a1', 'us', ?, ?, ?, 'USD', ?, ?, ?, 'e', 0)`,
  );
  aff.run('f1', 'COMPLETED', Date.UTC(2024, 5, 15, 2, 0), 5, 2000, 200, 200); // 14 June in Los Angeles
  aff.run('f2', 'CANCELLED', Date.UTC(2024, 5, 15, 20, 0), 5, 900, 90, 0);
  aff.run('f3', 'PROCESSING', Date.UTC(2024, 5, 15, 21, 0), null, 500, 50, 0);
  d.prepare(
    `INSERT INTO finance_statements (statement_id, account_id, shop_id, statement_time, currency, settlement_minor,
       revenue_minor, fee_minor, adjustment_minor, shipping_cost_minor, net_sales_minor, payment_status, etag, synced_at)
     VALUES ('s1', 'a1', 'us', ?, 'USD', 8900, 10000, -800, -100, -200, 10000, 'PAID', 'e', 0)`,
  ).run(Date.UTC(2024, 5, 16, 6, 59));
  const rep = d.prepare(
    `INSERT INTO ad_report_days (ad_id, day, account_id, advertiser_id, campaign_id, adgroup_id, currency, spend_minor,
       impressions, clicks, reach, conversions, conversion_value_minor, synced_at)
     VALUES (?, '2024-06-14', 'a2', 'adv', ?, 'g', 'USD', ?, 1000, 10, 900, 2, ?, 0)`,
  );
  rep.run('ad1', 'c1', 500, 3000);
  rep.run('ad2', 'c1', 700, 0);
  rep.run('ad3', 'c2', 100, 400);
  return d;
}

describe('migration 012: affiliate, creator, finance and campaign rollups', () => {
  it('keeps the dirty marks, marks the synced days of the new rollups, and they rebuild from the raw rows', () => {
    db = seedVersion11();
    migrate(db, migrations);
    const marks = db.prepare('SELECT rollup, scope, day FROM rollup_dirty ORDER BY 1, 2, 3').all();
    expect(marks).toEqual([
      { rollup: 'ads', scope: 'adv', day: '2024-06-14' },
      { rollup: 'affiliate', scope: 'us', day: '2024-06-14' },
      { rollup: 'affiliate', scope: 'us', day: '2024-06-15' },
      { rollup: 'finance', scope: 'us', day: '2024-06-15' },
      { rollup: 'orders', scope: 'us', day: '2024-06-14' },
    ]);
    expect(() =>
      db!.prepare("INSERT INTO rollup_dirty VALUES ('bogus', 'x', '2024-01-01', 'a1')").run(),
    ).toThrow(/CHECK/);

    new RollupStore(db).refreshAll();
    expect(db.prepare('SELECT COUNT(*) FROM rollup_dirty').pluck().get()).toBe(0);
    expect(
      db
        .prepare(
          'SELECT day, orders, cancelled_orders, gmv_minor, est_commission_minor FROM affiliate_days ORDER BY day',
        )
        .all(),
    ).toEqual([
      { day: '2024-06-14', orders: 1, cancelled_orders: 0, gmv_minor: 2000, est_commission_minor: 200 },
      { day: '2024-06-15', orders: 1, cancelled_orders: 1, gmv_minor: 500, est_commission_minor: 50 },
    ]);
    expect(
      db
        .prepare('SELECT day, creator_id, orders, gmv_minor FROM creator_days ORDER BY day, creator_id')
        .all(),
    ).toEqual([
      { day: '2024-06-14', creator_id: 5, orders: 1, gmv_minor: 2000 },
      { day: '2024-06-15', creator_id: 0, orders: 1, gmv_minor: 500 },
      { day: '2024-06-15', creator_id: 5, orders: 0, gmv_minor: 0 },
    ]);
    // 06:59 UTC on the 16th is still the 15th in Los Angeles (PDT, UTC-7).
    expect(db.prepare('SELECT day, statements, settlement_minor, fee_minor FROM finance_days').all()).toEqual(
      [{ day: '2024-06-15', statements: 1, settlement_minor: 8900, fee_minor: -800 }],
    );
    expect(
      db
        .prepare('SELECT campaign_id, spend_minor, conversion_value_minor FROM ad_campaign_days ORDER BY 1')
        .all(),
    ).toEqual([
      { campaign_id: 'c1', spend_minor: 1200, conversion_value_minor: 3000 },
      { campaign_id: 'c2', spend_minor: 100, conversion_value_minor: 400 },
    ]);
    expect(db.prepare('SELECT spend_minor FROM ad_days').pluck().get()).toBe(1300);
  });

  it('creates the rate table and the saved dashboard view', () => {
    db = seedVersion11();
    migrate(db, migrations);
    db.prepare("INSERT INTO currency_rates VALUES ('GBP', 'USD', '1.27', '2024-06-01', 0)").run();
    expect(() => db!.prepare("INSERT INTO analytics_view VALUES (2, '{}')").run()).toThrow(/CHECK/);
  });
});
