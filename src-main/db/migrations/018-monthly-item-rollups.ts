import { hasTable, type Migration } from './migration';

/**
 * Per-month rollups of the per-item daily rollups, so that the top products and top creators of a long
 * period are ranked without summing every item's every day (docs/analytics.md "Top items"). A month is the
 * shop-local calendar month of the days it sums (`substr(day, 1, 7)`); `days` counts the day rows it holds,
 * and a month whose count falls to 0 is deleted. The sync keeps them equal to the sum of their day rows
 * (src-main/sync/store/rollup-sql.ts), and they are filled here from the day rows already built.
 *
 * The per-item indexes of the day rollups become covering (every summed column in the index), so summing
 * the days of a few items reads the index alone.
 */
export const m018MonthlyItemRollups: Migration = {
  version: 18,
  name: 'monthly product and creator rollups',
  alreadyApplied: (db) => hasTable(db, 'product_months'),
  up(db) {
    db.exec(`
      CREATE TABLE product_months (
        shop_id        TEXT    NOT NULL,
        product_id     TEXT    NOT NULL,
        month          TEXT    NOT NULL,   -- YYYY-MM of the shop-local days summed
        currency       TEXT    NOT NULL,
        account_id     TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        days           INTEGER NOT NULL DEFAULT 0,
        units          INTEGER NOT NULL DEFAULT 0,
        gross_minor    INTEGER NOT NULL DEFAULT 0,
        refunded_units INTEGER NOT NULL DEFAULT 0,
        refunds_minor  INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, product_id, month, currency)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_months_rank ON product_months (shop_id, month, gross_minor DESC);
      CREATE INDEX product_months_account ON product_months (account_id);

      CREATE TABLE creator_months (
        shop_id                 TEXT    NOT NULL,
        creator_id              INTEGER NOT NULL,
        month                   TEXT    NOT NULL,
        currency                TEXT    NOT NULL,
        account_id              TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        days                    INTEGER NOT NULL DEFAULT 0,
        orders                  INTEGER NOT NULL DEFAULT 0,
        gmv_minor               INTEGER NOT NULL DEFAULT 0,
        est_commission_minor    INTEGER NOT NULL DEFAULT 0,
        actual_commission_minor INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, creator_id, month, currency)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX creator_months_rank ON creator_months (shop_id, month, gmv_minor DESC);
      CREATE INDEX creator_months_account ON creator_months (account_id);

      INSERT INTO product_months (shop_id, product_id, month, currency, account_id, days, units, gross_minor,
                                  refunded_units, refunds_minor)
        SELECT shop_id, product_id, substr(day, 1, 7), currency, MAX(account_id), COUNT(*), SUM(units),
          SUM(gross_minor), SUM(refunded_units), SUM(refunds_minor)
        FROM product_days GROUP BY shop_id, product_id, substr(day, 1, 7), currency;
      INSERT INTO creator_months (shop_id, creator_id, month, currency, account_id, days, orders, gmv_minor,
                                  est_commission_minor, actual_commission_minor)
        SELECT shop_id, creator_id, substr(day, 1, 7), currency, MAX(account_id), COUNT(*), SUM(orders),
          SUM(gmv_minor), SUM(est_commission_minor), SUM(actual_commission_minor)
        FROM creator_days GROUP BY shop_id, creator_id, substr(day, 1, 7), currency;

      DROP INDEX product_days_product;
      CREATE INDEX product_days_product
        ON product_days (shop_id, product_id, day, units, gross_minor, refunded_units, refunds_minor);
      DROP INDEX creator_days_creator;
      CREATE INDEX creator_days_creator
        ON creator_days (shop_id, creator_id, day, orders, gmv_minor, est_commission_minor, actual_commission_minor);
    `);
  },
};
