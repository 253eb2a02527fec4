import { hasTable, type Migration } from './migration';

/**
 * The category of each synced product, read with Get Product (its `category_chains`, root to leaf; product
 * search does not carry it), so the score's "category match" compares creators with what the merchant
 * sells (`creators/score-categories.ts`). `update_time` is the product's when it was read: a product edited
 * since is read again. A product's deletion (an Account purge) takes its row with it.
 */
export const m036ProductCategories: Migration = {
  version: 36,
  name: 'product categories (for the score)',
  alreadyApplied: (db) => hasTable(db, 'product_categories'),
  up(db) {
    db.exec(`
      CREATE TABLE product_categories (
        product_id   TEXT    PRIMARY KEY REFERENCES products (product_id) ON DELETE CASCADE,
        chain        TEXT    NOT NULL,   -- JSON [{ id, name }], root first, as TikTok's category_chains
        update_time  INTEGER,
        fetched_at   INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
