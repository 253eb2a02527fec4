import type { Migration } from './migration';

/**
 * Cheaper order ingest (ARCHITECTURE §12 budget). Rollups are rebuilt per dirty day instead of being
 * adjusted row by row (sync/store/rollups.ts): the rows already summed stay valid, the dirty-day list is new,
 * and the rollups' account_id indexes go (every rebuilt row paid for one; purging an Account, which is rare,
 * scans instead). Orders are compared column by column on a re-read, so their etag goes too.
 */
export const m005CheaperOrderIngest: Migration = {
  version: 5,
  name: 'rollup dirty days, no order etag',
  up(db) {
    db.exec(`
      -- (rollup, scope, day) whose raw rows changed since its rollup rows were last rebuilt. Written in the
      -- transaction that changed the raw rows, deleted in the one that rebuilds the day.
      CREATE TABLE rollup_dirty (
        rollup      TEXT NOT NULL CHECK (rollup IN ('orders', 'ads')),
        scope       TEXT NOT NULL,   -- shop id or advertiser id
        day         TEXT NOT NULL,   -- UTC day, YYYY-MM-DD
        account_id  TEXT NOT NULL,   -- the Account whose write dirtied it last; the rebuilt rows belong to it
        PRIMARY KEY (rollup, scope, day)
      ) STRICT, WITHOUT ROWID;
      DROP INDEX order_days_account;
      DROP INDEX product_days_account;
      DROP INDEX ad_days_account;
      ALTER TABLE orders DROP COLUMN etag;
    `);
  },
};
