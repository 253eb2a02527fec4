import { hasIndex, type Migration } from './migration';

/**
 * Indexes for reading creator figures per Creator and affiliate figures per collaboration (docs/analytics.md
 * "Merged Creators" and "Collaborations"); no rows change.
 *
 * - `creators_merged_groups`: the merged records (those with a parent) by Creator, so the analytics learn how
 *   many records the largest Creators hold by reading only the merged records' index entries.
 * - `affiliate_order_skus_target` / `_open`: the affiliate order SKUs attributed to one target or open
 *   collaboration (docs/tiktok-api/affiliate.md "Attribution"), read for the Affiliate page's collaboration
 *   filter without walking every affiliate order of the period.
 */
export const m026CreatorGroupsAndAttribution: Migration = {
  version: 26,
  name: 'indexes: merged creator records by Creator, affiliate SKUs by collaboration',
  alreadyApplied: (db) => hasIndex(db, 'creators_merged_groups'),
  up(db) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS creators_merged_groups ON creators (canonical_id) WHERE merged_into IS NOT NULL;
      CREATE INDEX IF NOT EXISTS affiliate_order_skus_target ON affiliate_order_skus (target_collaboration_id, order_id)
        WHERE target_collaboration_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS affiliate_order_skus_open ON affiliate_order_skus (open_collaboration_id, order_id)
        WHERE open_collaboration_id IS NOT NULL;
    `);
  },
};
