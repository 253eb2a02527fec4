import { addDays, regionTimeZone, zonedDay } from '@shared/time';
import { hasTable, type Migration } from './migration';

/**
 * Rollups for the dashboards beyond orders and ads (ARCHITECTURE §9): affiliate orders per shop-local day and
 * per creator, finance statements per shop-local day, AdReportDays per campaign. They are rebuilt from the raw
 * rows like `order_days` (sync/store/rollups.ts), so the days already synced are marked dirty here and the
 * sync service rebuilds them when it starts. Also the user's currency rates and the dashboard's saved view.
 */
export const m012AnalyticsRollups: Migration = {
  version: 12,
  name: 'affiliate, creator, finance and ad campaign rollups; currency rates; dashboard view',
  alreadyApplied: (db) => hasTable(db, 'affiliate_days'),
  up(db) {
    db.exec(`
      CREATE TABLE rollup_dirty_012 (
        rollup      TEXT NOT NULL CHECK (rollup IN ('orders', 'affiliate', 'finance', 'ads', 'costs')),
        scope       TEXT NOT NULL,   -- shop id (orders, affiliate, finance) or advertiser id (ads)
        day         TEXT NOT NULL,   -- YYYY-MM-DD, shop-local or advertiser-local
        account_id  TEXT NOT NULL,
        PRIMARY KEY (rollup, scope, day)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO rollup_dirty_012 SELECT rollup, scope, day, account_id FROM rollup_dirty;
      DROP TABLE rollup_dirty;
      ALTER TABLE rollup_dirty_012 RENAME TO rollup_dirty;

      -- Affiliate orders per shop-local day of their create time. Cancelled orders count apart and add
      -- nothing to GMV or estimated commission; actual commission is what TikTok settled.
      CREATE TABLE affiliate_days (
        shop_id                 TEXT    NOT NULL,
        day                     TEXT    NOT NULL,
        currency                TEXT    NOT NULL,
        account_id              TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        orders                  INTEGER NOT NULL DEFAULT 0,
        cancelled_orders        INTEGER NOT NULL DEFAULT 0,
        gmv_minor               INTEGER NOT NULL DEFAULT 0,
        est_commission_minor    INTEGER NOT NULL DEFAULT 0,
        actual_commission_minor INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, day, currency)
      ) STRICT, WITHOUT ROWID;

      -- The same per creator (creator_id 0: an affiliate order that named no creator).
      CREATE TABLE creator_days (
        shop_id                 TEXT    NOT NULL,
        day                     TEXT    NOT NULL,
        creator_id              INTEGER NOT NULL,
        currency                TEXT    NOT NULL,
        account_id              TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        orders                  INTEGER NOT NULL DEFAULT 0,
        gmv_minor               INTEGER NOT NULL DEFAULT 0,
        est_commission_minor    INTEGER NOT NULL DEFAULT 0,
        actual_commission_minor INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, day, creator_id, currency)
      ) STRICT, WITHOUT ROWID;

      -- Finance statements per shop-local day of their statement time.
      CREATE TABLE finance_days (
        shop_id              TEXT    NOT NULL,
        day                  TEXT    NOT NULL,
        currency             TEXT    NOT NULL,
        account_id           TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        statements           INTEGER NOT NULL DEFAULT 0,
        revenue_minor        INTEGER NOT NULL DEFAULT 0,
        fee_minor            INTEGER NOT NULL DEFAULT 0,
        adjustment_minor     INTEGER NOT NULL DEFAULT 0,
        shipping_cost_minor  INTEGER NOT NULL DEFAULT 0,
        settlement_minor     INTEGER NOT NULL DEFAULT 0,
        net_sales_minor      INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, day, currency)
      ) STRICT, WITHOUT ROWID;

      -- Product costs of the units sold per shop-local day (lines not cancelled nor refunded, of orders not
      -- cancelled), from the per-SKU costs the user enters; units without a cost are counted apart so a
      -- figure never pretends to be complete. Rebuilt with the orders and when costs change ('costs').
      CREATE TABLE cost_days (
        shop_id        TEXT    NOT NULL,
        day            TEXT    NOT NULL,
        currency       TEXT    NOT NULL,
        account_id     TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        units          INTEGER NOT NULL DEFAULT 0,
        costed_units   INTEGER NOT NULL DEFAULT 0,
        cost_minor     INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, day, currency)
      ) STRICT, WITHOUT ROWID;

      -- AdReportDays per campaign and advertiser-local day.
      CREATE TABLE ad_campaign_days (
        advertiser_id          TEXT    NOT NULL,
        day                    TEXT    NOT NULL,
        campaign_id            TEXT    NOT NULL,
        currency               TEXT    NOT NULL,
        account_id             TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        spend_minor            INTEGER NOT NULL DEFAULT 0,
        impressions            INTEGER NOT NULL DEFAULT 0,
        clicks                 INTEGER NOT NULL DEFAULT 0,
        reach                  INTEGER NOT NULL DEFAULT 0,
        conversions            INTEGER NOT NULL DEFAULT 0,
        conversion_value_minor INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (advertiser_id, day, campaign_id, currency)
      ) STRICT, WITHOUT ROWID;

      -- One item's days (a clicked product, creator or campaign; the spark lines of a breakdown's top rows).
      CREATE INDEX product_days_product ON product_days (shop_id, product_id, day);
      CREATE INDEX creator_days_creator ON creator_days (shop_id, creator_id, day);
      CREATE INDEX ad_campaign_days_campaign ON ad_campaign_days (advertiser_id, campaign_id, day);

      -- Rates the user entered: 1 unit of currency = rate units of reporting_currency, as of a day.
      CREATE TABLE currency_rates (
        currency            TEXT    NOT NULL,
        reporting_currency  TEXT    NOT NULL,
        rate                TEXT    NOT NULL,   -- decimal text exactly as entered
        as_of               TEXT    NOT NULL,   -- YYYY-MM-DD
        updated_at          INTEGER NOT NULL,
        PRIMARY KEY (currency, reporting_currency)
      ) STRICT;

      -- The dashboard's filters and reporting currency, so the view survives a restart (JSON).
      CREATE TABLE analytics_view (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        view   TEXT    NOT NULL
      ) STRICT;
    `);
    // Days already synced: every day between the first and last row of each scope, rebuilt at start-up.
    const spans: Array<[kind: string, sql: string]> = [
      [
        'affiliate',
        `SELECT shop_id AS scope, MIN(create_time) AS first, MAX(create_time) AS last, MAX(account_id) AS account
         FROM affiliate_orders GROUP BY shop_id`,
      ],
      [
        'finance',
        `SELECT shop_id AS scope, MIN(statement_time) AS first, MAX(statement_time) AS last,
           MAX(account_id) AS account FROM finance_statements GROUP BY shop_id`,
      ],
    ];
    const region = db.prepare('SELECT region FROM shops WHERE shop_id = ?').pluck();
    const mark = db.prepare(
      'INSERT INTO rollup_dirty (rollup, scope, day, account_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const [kind, sql] of spans) {
      for (const s of db.prepare(sql).all() as Array<{
        scope: string;
        first: number;
        last: number;
        account: string;
      }>) {
        const zone = regionTimeZone((region.get(s.scope) as string | undefined) ?? '');
        const lastDay = zonedDay(s.last, zone);
        for (let day = zonedDay(s.first, zone); day <= lastDay; day = addDays(day, 1))
          mark.run(kind, s.scope, day, s.account);
      }
    }
    // Ad report days are stored with their day: every one of them is dirty for the campaign rollup.
    db.exec(`
      INSERT OR IGNORE INTO rollup_dirty (rollup, scope, day, account_id)
        SELECT 'ads', advertiser_id, day, MAX(account_id) FROM ad_report_days GROUP BY advertiser_id, day;
    `);
  },
};
