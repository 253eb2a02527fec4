import { hasTable, type Migration } from './migration';

/**
 * Promotion links (docs/promotion-links.md) and message types other than TEXT (docs/outreach.md, "Message
 * types").
 *
 * A promotion link is kept per shop and product with when it was generated; it belongs to the Account
 * that generated it, so "delete my data" for the Account takes it.
 *
 * A message template has a message type. An IMAGE template's picture is stored once by its SHA-256
 * (`message_image_files`), referenced by the template and by every Delivery that sends it, so an Outreach
 * keeps its image when the template is edited or deleted. TikTok's upload of that picture is remembered
 * per Account (`message_image_uploads`) and reused. A Delivery keeps its message type, the picture it
 * sends, and the exact `content` committed together with `sending`: what reconciliation looks for among
 * the conversation's newest messages after a lost answer.
 */
export const m021PromotionLinksAndMessageTypes: Migration = {
  version: 21,
  name: 'promotion links; message types (images, product and collaboration cards)',
  alreadyApplied: (db) => hasTable(db, 'promotion_links'),
  up(db) {
    db.exec(`
      CREATE TABLE promotion_links (
        account_id    TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id       TEXT    NOT NULL,
        product_id    TEXT    NOT NULL,
        link          TEXT    NOT NULL,
        generated_at  INTEGER NOT NULL,
        PRIMARY KEY (shop_id, product_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX promotion_links_account ON promotion_links (account_id);

      CREATE TABLE message_image_files (
        sha256      TEXT    PRIMARY KEY,
        file_name   TEXT    NOT NULL,
        mime        TEXT    NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
        width       INTEGER NOT NULL,
        height      INTEGER NOT NULL,
        size        INTEGER NOT NULL,
        bytes       BLOB    NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE message_image_uploads (
        account_id   TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        sha256       TEXT    NOT NULL,
        url          TEXT    NOT NULL,
        width        INTEGER NOT NULL,
        height       INTEGER NOT NULL,
        uploaded_at  INTEGER NOT NULL,
        PRIMARY KEY (account_id, sha256)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE templates ADD COLUMN message_type TEXT NOT NULL DEFAULT 'TEXT'
        CHECK (message_type IN ('TEXT', 'IMAGE', 'PRODUCT_CARD', 'TARGET_COLLABORATION_CARD'));
      ALTER TABLE templates ADD COLUMN image_sha256 TEXT REFERENCES message_image_files (sha256);

      ALTER TABLE deliveries ADD COLUMN msg_type TEXT NOT NULL DEFAULT 'TEXT'
        CHECK (msg_type IN ('TEXT', 'IMAGE', 'PRODUCT_CARD', 'TARGET_COLLABORATION_CARD'));
      ALTER TABLE deliveries ADD COLUMN image_sha256 TEXT REFERENCES message_image_files (sha256);
      ALTER TABLE deliveries ADD COLUMN content TEXT;
    `);
  },
};
