import type { Database } from 'better-sqlite3';
import { deleteUnreferencedCreators } from '../creators/retention';

/** Tables holding synced rows of an Account (children go with their parents through ON DELETE CASCADE). */
const accountTables = [
  'orders',
  'products',
  'finance_statements',
  'affiliate_orders',
  'collaborations',
  'conversations',
  'creator_sightings',
  'ad_report_days',
  'ads',
  'ad_groups',
  'ad_campaigns',
  'order_days',
  'product_days',
  'product_months',
  'ad_days',
  'affiliate_days',
  'creator_days',
  'creator_months',
  'finance_days',
  'ad_campaign_days',
  'cost_days',
  'rollup_dirty',
  'sync_cursors',
  // Records kept aside hold the Account's data (masked JSON); the runs they belong to stay.
  'sync_quarantine',
] as const;

/**
 * Deletes every synced row of one Account and its Cursors (so a later sync starts from scratch), then the
 * creators nothing keeps any more: one another Account saw, or one the merchant wrote about, stays
 * (src-main/creators/retention.ts). SyncRun history stays: it holds counts, not merchant data.
 * Returns the number of rows deleted from the top-level tables.
 */
export function purgeAccountRows(db: Database, accountId: string): number {
  return db
    .transaction(() => {
      let rows = 0;
      for (const table of accountTables) {
        rows += db.prepare(`DELETE FROM ${table} WHERE account_id = ?`).run(accountId).changes;
      }
      rows += deleteUnreferencedCreators(db);
      return rows;
    })
    .immediate();
}
