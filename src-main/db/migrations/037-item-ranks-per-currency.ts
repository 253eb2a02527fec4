import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

/** Whether a rank index already leads with (shop_id, month, currency). */
function ranksPerCurrency(db: Database, index: string): boolean {
  const columns = db
    .prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
    .pluck()
    .all(index) as string[];
  return columns[2] === 'currency';
}

/**
 * The monthly item rollups' rank indexes gain the currency after the month, so the top items are ranked per
 * currency from the index (docs/analytics.md "Top items"): amounts of different currencies are never ranked
 * against each other, and a currency's first `k` items of a (shop, month) are one seek, even for the few rows
 * a shop holds in a second currency. The currencies of a (shop, month) are read from the same index, one seek
 * each.
 */
export const m037ItemRanksPerCurrency: Migration = {
  version: 37,
  name: 'item ranks per currency',
  alreadyApplied: (db) =>
    ranksPerCurrency(db, 'product_months_rank') && ranksPerCurrency(db, 'creator_months_rank'),
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS product_months_rank;
      CREATE INDEX product_months_rank ON product_months (shop_id, month, currency, gross_minor DESC);
      DROP INDEX IF EXISTS creator_months_rank;
      CREATE INDEX creator_months_rank ON creator_months (shop_id, month, currency, gmv_minor DESC);
    `);
  },
};
