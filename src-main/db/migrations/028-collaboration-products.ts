import { hasTable, type Migration } from './migration';

/**
 * The products of each synced target collaboration (TikTok's detail lists them), so an Outreach plan knows
 * which creator+product pairs are already invited and TikTok would refuse (docs/outreach.md, "Plan").
 * Collaborations synced before this migration get theirs when the next sync reads them again (their etag
 * now covers the products).
 */
export const m028CollaborationProducts: Migration = {
  version: 28,
  name: 'collaboration products (the pairs an invitation already covers)',
  alreadyApplied: (db) => hasTable(db, 'collaboration_products'),
  up(db) {
    db.exec(`
      CREATE TABLE collaboration_products (
        collaboration_id  TEXT NOT NULL REFERENCES collaborations (collaboration_id) ON DELETE CASCADE,
        product_id        TEXT NOT NULL,
        PRIMARY KEY (collaboration_id, product_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
