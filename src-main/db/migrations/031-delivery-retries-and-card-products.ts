import { hasColumn, type Migration } from './migration';

/**
 * "Retry failed" and the product a product card shows (docs/outreach.md, "Retry failed" and "Message types").
 *
 * A Delivery the merchant sent back to the queue after it failed for a reason TikTok does not mean as final
 * counts its retries and keeps when the last one was asked for, so the per-creator table can say so; rows
 * from before have never been retried (0, NULL).
 *
 * A PRODUCT_CARD template may name the product its card shows; templates from before name none and keep
 * showing the Outreach's first product.
 */
export const m031DeliveryRetriesAndCardProducts: Migration = {
  version: 31,
  name: 'deliveries: retries of failed ones; templates: the product a product card shows',
  alreadyApplied: (db) => hasColumn(db, 'deliveries', 'retries'),
  up(db) {
    db.exec(`
      ALTER TABLE deliveries ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE deliveries ADD COLUMN retried_at INTEGER;
      ALTER TABLE templates ADD COLUMN product_id TEXT;
    `);
  },
};
