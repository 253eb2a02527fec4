import { hasTable, type Migration } from './migration';

/**
 * Copies of product pictures fetched from TikTok's CDN for the product dialog (`catalogue/product-images.ts`):
 * the renderer may show no remote image, so main fetches, checks and keeps them, bounded in total size, and
 * the dialog shows them offline. Keyed by the picture's address without its query (TikTok's CDN addresses
 * name the image by its uri; the `from` query varies). A product's deletion (an Account purge) takes its
 * pictures with it.
 */
export const m034ProductImageCache: Migration = {
  version: 34,
  name: 'product picture cache',
  alreadyApplied: (db) => hasTable(db, 'product_image_cache'),
  up(db) {
    db.exec(`
      CREATE TABLE product_image_cache (
        url_key     TEXT    PRIMARY KEY,
        product_id  TEXT    NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
        mime        TEXT    NOT NULL,
        width       INTEGER NOT NULL,
        height      INTEGER NOT NULL,
        size        INTEGER NOT NULL,
        bytes       BLOB    NOT NULL,
        fetched_at  INTEGER NOT NULL,
        used_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX product_image_cache_used ON product_image_cache (used_at);
      CREATE INDEX product_image_cache_product ON product_image_cache (product_id);
    `);
  },
};
