import type { Database } from 'better-sqlite3';
import { nextOrderKey, orderKey } from '../order-key';
import { hasTable, type Migration } from './migration';

/**
 * The catalogue's price and stock writes, and the order queue for big shops (docs/catalogue.md,
 * docs/orders.md):
 *
 * - `catalogue_changes` / `catalogue_writes`: the durable write queue. One row per SKU of a change, with
 *   its idempotency key, committed (`sending`) before its request leaves, so a crash or a lost answer is
 *   reconciled by reading the product back, never by sending again blind.
 * - `sku_price_history`: prices seen by the sync and set by the merchant's own edits.
 * - `product_media`: images and SKU attributes from Get Product, for the product dialog.
 * - `order_views`: the Orders page's saved views.
 * - Orders re-keyed: `rowid` = creation second × 2^21 + a hash slot (sync/store/order-key.ts), so the newest
 *   orders and a date range are a rowid range, and `order_search` (FTS5 over the lines' product names, SKU
 *   names and seller SKUs) returns matches newest first without sorting. New columns carry what the order
 *   drawer and the late/sample filters need.
 * - Indexes for every list query (tests/unit/catalogue/query-plans.test.ts checks the plans).
 */
export const m016CatalogueAndOrderQueue: Migration = {
  version: 16,
  name: 'catalogue writes, price history, order search and indexes',
  alreadyApplied: (db) => hasTable(db, 'catalogue_changes'),
  up(db) {
    db.exec(`
      CREATE TABLE catalogue_changes (
        id           TEXT    PRIMARY KEY,
        kind         TEXT    NOT NULL CHECK (kind IN ('price', 'inventory')),
        created_at   INTEGER NOT NULL,
        finished_at  INTEGER,
        undo_of      TEXT    REFERENCES catalogue_changes (id) ON DELETE SET NULL,
        undone_by    TEXT,
        label        TEXT
      ) STRICT;
      CREATE INDEX catalogue_changes_created ON catalogue_changes (created_at DESC);

      -- One SKU of one change. old/new/remote values are JSON: a price in minor units, or the SKU's
      -- warehouses [{warehouseId, quantity}].
      CREATE TABLE catalogue_writes (
        id               INTEGER PRIMARY KEY,
        change_id        TEXT    NOT NULL REFERENCES catalogue_changes (id) ON DELETE CASCADE,
        idempotency_key  TEXT    NOT NULL UNIQUE,
        account_id       TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id          TEXT    NOT NULL,
        product_id       TEXT    NOT NULL,
        sku_id           TEXT    NOT NULL,
        currency         TEXT,
        old_value        TEXT    NOT NULL,
        new_value        TEXT    NOT NULL,
        remote_value     TEXT,
        state            TEXT    NOT NULL CHECK (state IN
                           ('queued', 'sending', 'unknown', 'done', 'failed', 'conflict', 'refused', 'cancelled')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        reason           TEXT,      -- why it was refused, failed or conflicts (src-shared/catalogue.ts)
        reason_params    TEXT,      -- JSON, what the renderer needs to word the reason
        remote_code      INTEGER,
        message          TEXT,
        sent_at          INTEGER,
        finished_at      INTEGER
      ) STRICT;
      CREATE INDEX catalogue_writes_change ON catalogue_writes (change_id);
      CREATE INDEX catalogue_writes_open ON catalogue_writes (id) WHERE state IN ('queued', 'sending', 'unknown');
      CREATE INDEX catalogue_writes_account ON catalogue_writes (account_id);

      CREATE TABLE sku_price_history (
        sku_id       TEXT    NOT NULL,
        at           INTEGER NOT NULL,
        source       TEXT    NOT NULL CHECK (source IN ('sync', 'edit')),
        product_id   TEXT    NOT NULL,
        account_id   TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        currency     TEXT    NOT NULL,
        price_minor  INTEGER NOT NULL,
        PRIMARY KEY (sku_id, at, source)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sku_price_history_account ON sku_price_history (account_id);
      INSERT INTO sku_price_history (sku_id, at, source, product_id, account_id, currency, price_minor)
        SELECT s.sku_id, p.synced_at, 'sync', p.product_id, p.account_id, COALESCE(s.currency, p.currency, 'USD'),
               s.price_minor
        FROM product_skus s JOIN products p ON p.product_id = s.product_id
        WHERE s.price_minor IS NOT NULL;

      CREATE TABLE product_media (
        product_id  TEXT    PRIMARY KEY REFERENCES products (product_id) ON DELETE CASCADE,
        images      TEXT    NOT NULL,   -- JSON [{url, thumbUrl, width, height}]
        attributes  TEXT    NOT NULL,   -- JSON {skuId: [{name, value}]}
        fetched_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE order_views (
        id          TEXT    PRIMARY KEY,
        name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
        filters     TEXT    NOT NULL,   -- JSON, the Orders page's filter and sort
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;

      -- What the order drawer and the filters need beyond migration 004 (UTC epoch ms; NULL = not known).
      ALTER TABLE orders ADD COLUMN rts_sla_time INTEGER;
      ALTER TABLE orders ADD COLUMN tts_sla_time INTEGER;
      ALTER TABLE orders ADD COLUMN rts_time INTEGER;
      ALTER TABLE orders ADD COLUMN collection_time INTEGER;
      ALTER TABLE orders ADD COLUMN delivery_time INTEGER;
      ALTER TABLE orders ADD COLUMN cancel_time INTEGER;
      ALTER TABLE orders ADD COLUMN is_sample_order INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE orders ADD COLUMN shipping_provider TEXT;
      ALTER TABLE orders ADD COLUMN delivery_option TEXT;
      ALTER TABLE orders ADD COLUMN cancellation_initiator TEXT;
    `);
    rekeyOrders(db);
    db.exec(`
      CREATE VIRTUAL TABLE order_search USING fts5(
        text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO order_search (rowid, text)
        SELECT o.rowid, group_concat(concat_ws(' ', l.product_name, l.sku_name, l.seller_sku), ' ')
        FROM orders o JOIN order_lines l ON l.order_id = o.order_id
        GROUP BY o.rowid;
      CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
        DELETE FROM order_search WHERE rowid = old.rowid;
      END;

      -- Ascending, so that read backwards they give (create_time, rowid) newest first without a sort step
      -- (migration 004 made them DESC, which leaves ties of one second to be sorted).
      DROP INDEX orders_shop_created;
      CREATE INDEX orders_shop_created ON orders (shop_id, create_time);
      DROP INDEX products_shop_created;
      CREATE INDEX products_shop_created ON products (shop_id, create_time);
      CREATE INDEX orders_status_created ON orders (status, create_time);
      CREATE INDEX orders_total ON orders (total_minor);
      -- Orders still to ship are few; these two partial indexes hold only them (the Orders page's
      -- "awaiting shipment" and "late" views, by ship-by time or newest first).
      CREATE INDEX orders_sla ON orders (rts_sla_time)
        WHERE status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING');
      CREATE INDEX orders_awaiting ON orders (create_time)
        WHERE status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING');
      CREATE INDEX orders_sample ON orders (create_time) WHERE is_sample_order = 1;

      CREATE VIRTUAL TABLE product_search USING fts5(
        title, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO product_search (rowid, title) SELECT rowid, title FROM products;
      CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
        INSERT INTO product_search (rowid, title) VALUES (new.rowid, new.title);
      END;
      CREATE TRIGGER products_search_update AFTER UPDATE OF title ON products BEGIN
        DELETE FROM product_search WHERE rowid = old.rowid;
        INSERT INTO product_search (rowid, title) VALUES (new.rowid, new.title);
      END;
      CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
        DELETE FROM product_search WHERE rowid = old.rowid;
      END;

      CREATE INDEX products_created ON products (create_time);
      CREATE INDEX products_updated ON products (update_time);
      CREATE INDEX products_title ON products (title COLLATE NOCASE);
      CREATE INDEX products_price ON products (min_price_minor);
      CREATE INDEX products_inventory ON products (inventory);
      CREATE INDEX product_skus_seller_sku ON product_skus (seller_sku);
      CREATE INDEX product_skus_inventory ON product_skus (inventory);
      -- Units and GMV of one page of products over a period.
      CREATE INDEX product_days_by_product ON product_days (product_id, day);
    `);
  },
};

/** Moves every stored order to its creation-ordered rowid (order_lines point at order_id, not rowid). */
function rekeyOrders(db: Database): void {
  const rows = db
    .prepare('SELECT rowid AS id, order_id, create_time FROM orders ORDER BY rowid')
    .all() as Array<{
    id: number;
    order_id: string;
    create_time: number;
  }>;
  const taken = new Set<number>();
  const keys = rows.map((r) => {
    let key = orderKey(r.create_time, r.order_id);
    while (taken.has(key)) key = nextOrderKey(key);
    taken.add(key);
    return key;
  });
  // Old rowids are small (1..n) and the new ones are past 2^40, so no move lands on a row not yet moved.
  const move = db.prepare('UPDATE orders SET rowid = ? WHERE rowid = ?');
  rows.forEach((r, i) => move.run(keys[i], r.id));
}
