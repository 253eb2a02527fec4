import type { Migration } from './migration';

/**
 * Everything the sync engine caches. Conventions: remote ids are TEXT (they exceed 2^53), money is INTEGER
 * minor units next to its currency, times are UTC epoch ms, `etag` is a digest of the normalised remote
 * record so a re-read that changed nothing is neither written nor counted. Every row carries `account_id`
 * with ON DELETE CASCADE so removing an Account (or purging its data) leaves nothing behind; shop and
 * advertiser ids are plain columns because the accounts module may rewrite those rows on reconnect.
 */
export const m004SyncedData: Migration = {
  version: 4,
  name: 'synced data, rollups, cursors, sync runs',
  up(db) {
    db.exec(`
      CREATE TABLE products (
        product_id       TEXT    PRIMARY KEY,
        account_id       TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id          TEXT    NOT NULL,
        title            TEXT    NOT NULL,
        status           TEXT    NOT NULL,
        currency         TEXT,
        min_price_minor  INTEGER,
        max_price_minor  INTEGER,
        inventory        INTEGER NOT NULL DEFAULT 0,   -- sum over SKUs and warehouses
        sku_count        INTEGER NOT NULL DEFAULT 0,
        create_time      INTEGER,
        update_time      INTEGER,
        etag             TEXT    NOT NULL,
        synced_at        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX products_shop_created ON products (shop_id, create_time DESC);
      CREATE INDEX products_account ON products (account_id);

      CREATE TABLE product_skus (
        sku_id       TEXT    PRIMARY KEY,
        product_id   TEXT    NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
        seller_sku   TEXT,
        currency     TEXT,
        price_minor  INTEGER,
        inventory    INTEGER NOT NULL DEFAULT 0,
        warehouses   TEXT    NOT NULL DEFAULT '[]'    -- JSON [{warehouseId, quantity}]
      ) STRICT;
      CREATE INDEX product_skus_product ON product_skus (product_id);

      CREATE TABLE orders (
        order_id                 TEXT    PRIMARY KEY,
        account_id               TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id                  TEXT    NOT NULL,
        status                   TEXT    NOT NULL,
        currency                 TEXT    NOT NULL,
        create_time              INTEGER NOT NULL,
        update_time              INTEGER NOT NULL,
        paid_time                INTEGER,
        buyer_user_id            TEXT,
        shipping_type            TEXT,
        tracking_number          TEXT,
        cancel_reason            TEXT,
        -- payment breakdown (minor units of currency)
        total_minor              INTEGER NOT NULL,
        sub_total_minor          INTEGER NOT NULL,
        original_total_minor     INTEGER NOT NULL,
        shipping_fee_minor       INTEGER NOT NULL,
        seller_discount_minor    INTEGER NOT NULL,
        platform_discount_minor  INTEGER NOT NULL,
        tax_minor                INTEGER NOT NULL,
        -- derived from the lines; kept so the rollup delta of a re-synced order needs no join
        units                    INTEGER NOT NULL,
        refund_minor             INTEGER NOT NULL,
        etag                     TEXT    NOT NULL,
        synced_at                INTEGER NOT NULL
      ) STRICT;   -- a rowid table: remote ids arrive in random order, and wide rows appended in rowid order
                  -- touch far fewer pages than a WITHOUT ROWID b-tree keyed by those ids
      -- Few indexes on purpose: every index is paid on each of the millions of inserts (ingest budget,
      -- ARCHITECTURE §12). Purging an Account scans the table instead; it is rare.
      CREATE INDEX orders_shop_created ON orders (shop_id, create_time DESC);

      CREATE TABLE order_lines (
        order_id                 TEXT    NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
        line_id                  TEXT    NOT NULL,
        product_id               TEXT    NOT NULL,
        product_name             TEXT    NOT NULL,
        sku_id                   TEXT    NOT NULL,
        sku_name                 TEXT,
        seller_sku               TEXT,
        currency                 TEXT    NOT NULL,
        original_price_minor     INTEGER NOT NULL,
        sale_price_minor         INTEGER NOT NULL,
        seller_discount_minor    INTEGER NOT NULL,
        platform_discount_minor  INTEGER NOT NULL,
        display_status           TEXT,
        package_status           TEXT,
        cancelled                INTEGER NOT NULL DEFAULT 0,  -- 1 when the line was cancelled or refunded
        PRIMARY KEY (order_id, line_id)
      ) STRICT;

      CREATE TABLE finance_statements (
        statement_id         TEXT    PRIMARY KEY,
        account_id           TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id              TEXT    NOT NULL,
        statement_time       INTEGER NOT NULL,
        currency             TEXT    NOT NULL,
        settlement_minor     INTEGER NOT NULL,
        revenue_minor        INTEGER NOT NULL,
        fee_minor            INTEGER NOT NULL,
        adjustment_minor     INTEGER NOT NULL,
        shipping_cost_minor  INTEGER NOT NULL,
        net_sales_minor      INTEGER NOT NULL,
        payment_status       TEXT    NOT NULL,
        payment_id           TEXT,
        etag                 TEXT    NOT NULL,
        synced_at            INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX finance_statements_shop_time ON finance_statements (shop_id, statement_time DESC);
      CREATE INDEX finance_statements_account ON finance_statements (account_id);

      -- A creator as seen through affiliate orders, collaborations and conversations. TikTok identifies one
      -- person by several ids (open id per app, user id, IM id, handle); they are kept together on one row
      -- with a local, never-reused key that the creator CRM can reference.
      CREATE TABLE creators (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        open_id     TEXT UNIQUE,
        user_id     TEXT UNIQUE,
        im_id       TEXT UNIQUE,
        handle      TEXT UNIQUE COLLATE NOCASE,
        nickname    TEXT,
        avatar_url  TEXT,
        region      TEXT,
        first_seen_at INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
      ) STRICT;

      -- Which account/shop saw a creator and how; purging an account removes its sightings, then creators
      -- nobody else has seen.
      CREATE TABLE creator_sightings (
        creator_id    INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        account_id    TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id       TEXT    NOT NULL,
        source        TEXT    NOT NULL CHECK (source IN ('affiliate_order', 'collaboration', 'conversation')),
        first_seen_at INTEGER NOT NULL,
        last_seen_at  INTEGER NOT NULL,
        PRIMARY KEY (creator_id, shop_id, source)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX creator_sightings_account ON creator_sightings (account_id);

      CREATE TABLE affiliate_orders (
        order_id                TEXT    PRIMARY KEY,
        account_id              TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id                 TEXT    NOT NULL,
        status                  TEXT    NOT NULL,
        create_time             INTEGER NOT NULL,
        delivery_time           INTEGER,
        creator_id              INTEGER REFERENCES creators (id) ON DELETE SET NULL,
        creator_handle          TEXT,
        currency                TEXT,
        gmv_minor               INTEGER NOT NULL,
        est_commission_minor    INTEGER NOT NULL,
        actual_commission_minor INTEGER NOT NULL,
        etag                    TEXT    NOT NULL,
        synced_at               INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX affiliate_orders_shop_created ON affiliate_orders (shop_id, create_time DESC);
      CREATE INDEX affiliate_orders_creator ON affiliate_orders (creator_id);
      CREATE INDEX affiliate_orders_account ON affiliate_orders (account_id);

      CREATE TABLE affiliate_order_skus (
        order_id                TEXT    NOT NULL REFERENCES affiliate_orders (order_id) ON DELETE CASCADE,
        idx                     INTEGER NOT NULL,
        product_id              TEXT    NOT NULL,
        quantity                INTEGER NOT NULL,
        currency                TEXT    NOT NULL,
        price_minor             INTEGER NOT NULL,
        content_type            TEXT,
        content_id              TEXT,
        target_collaboration_id TEXT,
        open_collaboration_id   TEXT,
        commission_rate_bp      INTEGER,          -- hundredths of a percent, as TikTok sends it
        est_commission_minor    INTEGER NOT NULL,
        actual_commission_minor INTEGER NOT NULL,
        refunded_quantity       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (order_id, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE collaborations (
        collaboration_id  TEXT    PRIMARY KEY,
        account_id        TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id           TEXT    NOT NULL,
        name              TEXT    NOT NULL,
        message           TEXT,
        start_time        INTEGER,
        end_time          INTEGER,
        update_time       INTEGER,
        invited_count     INTEGER NOT NULL DEFAULT 0,
        showcase_count    INTEGER NOT NULL DEFAULT 0,
        content_count     INTEGER NOT NULL DEFAULT 0,
        product_count     INTEGER NOT NULL DEFAULT 0,
        has_free_sample   INTEGER NOT NULL DEFAULT 0,
        etag              TEXT    NOT NULL,
        synced_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX collaborations_shop ON collaborations (shop_id, start_time DESC);
      CREATE INDEX collaborations_account ON collaborations (account_id);

      CREATE TABLE collaboration_creators (
        collaboration_id       TEXT    NOT NULL REFERENCES collaborations (collaboration_id) ON DELETE CASCADE,
        creator_id             INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        showcase_product_count INTEGER NOT NULL DEFAULT 0,
        content_product_count  INTEGER NOT NULL DEFAULT 0,
        status                 TEXT,
        -- accepted = the creator put the products in their showcase (TikTok has no explicit accept flag)
        accepted               INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (collaboration_id, creator_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX collaboration_creators_creator ON collaboration_creators (creator_id);

      CREATE TABLE conversations (
        conversation_id  TEXT    PRIMARY KEY,
        account_id       TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id          TEXT    NOT NULL,
        creator_id       INTEGER REFERENCES creators (id) ON DELETE SET NULL,
        unread_count     INTEGER NOT NULL DEFAULT 0,
        last_index       INTEGER NOT NULL DEFAULT 0,   -- highest conversation_index stored
        last_message_at  INTEGER,
        synced_at        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX conversations_shop ON conversations (shop_id, last_message_at DESC);
      CREATE INDEX conversations_account ON conversations (account_id);

      CREATE TABLE messages (
        message_id         TEXT    PRIMARY KEY,
        conversation_id    TEXT    NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
        conversation_index INTEGER NOT NULL,
        type               TEXT    NOT NULL,
        content            TEXT    NOT NULL,    -- TikTok's JSON-encoded content string, as received
        sender_id          TEXT,
        from_creator       INTEGER NOT NULL,
        create_time        INTEGER
      ) STRICT;
      CREATE INDEX messages_conversation ON messages (conversation_id, conversation_index DESC);

      CREATE TABLE ad_campaigns (
        campaign_id       TEXT    PRIMARY KEY,
        account_id        TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        advertiser_id     TEXT    NOT NULL,
        name              TEXT    NOT NULL,
        objective_type    TEXT,
        currency          TEXT,
        budget_minor      INTEGER,
        budget_mode       TEXT,
        operation_status  TEXT,
        secondary_status  TEXT,
        create_time       INTEGER,
        modify_time       INTEGER,
        etag              TEXT    NOT NULL,
        synced_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ad_campaigns_advertiser ON ad_campaigns (advertiser_id);
      CREATE INDEX ad_campaigns_account ON ad_campaigns (account_id);

      CREATE TABLE ad_groups (
        adgroup_id        TEXT    PRIMARY KEY,
        account_id        TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        advertiser_id     TEXT    NOT NULL,
        campaign_id       TEXT    NOT NULL,
        name              TEXT    NOT NULL,
        currency          TEXT,
        budget_minor      INTEGER,
        budget_mode       TEXT,
        operation_status  TEXT,
        secondary_status  TEXT,
        optimization_goal TEXT,
        promotion_type    TEXT,
        store_id          TEXT,
        create_time       INTEGER,
        modify_time       INTEGER,
        etag              TEXT    NOT NULL,
        synced_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ad_groups_campaign ON ad_groups (campaign_id);
      CREATE INDEX ad_groups_account ON ad_groups (account_id);

      CREATE TABLE ads (
        ad_id             TEXT    PRIMARY KEY,
        account_id        TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        advertiser_id     TEXT    NOT NULL,
        campaign_id       TEXT    NOT NULL,
        adgroup_id        TEXT    NOT NULL,
        name              TEXT    NOT NULL,
        operation_status  TEXT,
        secondary_status  TEXT,
        ad_format         TEXT,
        ad_text           TEXT,
        create_time       INTEGER,
        modify_time       INTEGER,
        etag              TEXT    NOT NULL,
        synced_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ads_adgroup ON ads (adgroup_id);
      CREATE INDEX ads_account ON ads (account_id);

      -- One row per ad per advertiser-local day (AUCTION_AD × stat_time_day).
      CREATE TABLE ad_report_days (
        ad_id                  TEXT    NOT NULL,
        day                    TEXT    NOT NULL,   -- YYYY-MM-DD in the advertiser's timezone
        account_id             TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        advertiser_id          TEXT    NOT NULL,
        campaign_id            TEXT,
        adgroup_id             TEXT,
        currency               TEXT    NOT NULL,
        spend_minor            INTEGER NOT NULL,
        impressions            INTEGER NOT NULL,
        clicks                 INTEGER NOT NULL,
        reach                  INTEGER NOT NULL,
        conversions            INTEGER NOT NULL,
        conversion_value_minor INTEGER NOT NULL,
        synced_at              INTEGER NOT NULL,
        PRIMARY KEY (ad_id, day)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX ad_report_days_advertiser_day ON ad_report_days (advertiser_id, day);
      CREATE INDEX ad_report_days_account ON ad_report_days (account_id);

      -- Daily rollups, maintained by the sync transaction that writes the raw rows (ARCHITECTURE §9): a
      -- re-synced row first subtracts its old contribution, then adds its new one.
      CREATE TABLE order_days (
        shop_id                 TEXT    NOT NULL,
        day                     TEXT    NOT NULL,  -- UTC day of the order's create time
        currency                TEXT    NOT NULL,
        account_id              TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        orders                  INTEGER NOT NULL DEFAULT 0,  -- not cancelled
        cancelled_orders        INTEGER NOT NULL DEFAULT 0,
        units                   INTEGER NOT NULL DEFAULT 0,
        gross_minor             INTEGER NOT NULL DEFAULT 0,  -- total_amount of orders not cancelled
        refunds_minor           INTEGER NOT NULL DEFAULT 0,  -- sale price of refunded lines
        seller_discount_minor   INTEGER NOT NULL DEFAULT 0,
        platform_discount_minor INTEGER NOT NULL DEFAULT 0,
        tax_minor               INTEGER NOT NULL DEFAULT 0,
        shipping_minor          INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, day, currency)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX order_days_account ON order_days (account_id);

      CREATE TABLE product_days (
        shop_id      TEXT    NOT NULL,
        product_id   TEXT    NOT NULL,
        day          TEXT    NOT NULL,
        currency     TEXT    NOT NULL,
        account_id   TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        units        INTEGER NOT NULL DEFAULT 0,   -- lines of orders not cancelled, refunded lines excluded
        gross_minor  INTEGER NOT NULL DEFAULT 0,   -- their sale price
        PRIMARY KEY (shop_id, day, product_id, currency)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_days_account ON product_days (account_id);

      CREATE TABLE ad_days (
        advertiser_id          TEXT    NOT NULL,
        day                    TEXT    NOT NULL,
        currency               TEXT    NOT NULL,
        account_id             TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        spend_minor            INTEGER NOT NULL DEFAULT 0,
        impressions            INTEGER NOT NULL DEFAULT 0,
        clicks                 INTEGER NOT NULL DEFAULT 0,
        reach                  INTEGER NOT NULL DEFAULT 0,
        conversions            INTEGER NOT NULL DEFAULT 0,
        conversion_value_minor INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (advertiser_id, day, currency)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX ad_days_account ON ad_days (account_id);

      CREATE TABLE sync_cursors (
        account_id  TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        scope       TEXT    NOT NULL,   -- shop id or advertiser id
        resource    TEXT    NOT NULL,
        cursor      TEXT    NOT NULL,   -- JSON, shape owned by the resource's job
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (account_id, scope, resource)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_runs (
        id           TEXT    PRIMARY KEY,
        account_id   TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        trigger      TEXT    NOT NULL,
        resources    TEXT    NOT NULL,   -- JSON array of the resources requested
        started_at   INTEGER NOT NULL,
        finished_at  INTEGER,
        outcome      TEXT    NOT NULL CHECK (outcome IN ('running', 'ok', 'partial', 'failed', 'cancelled')),
        error        TEXT
      ) STRICT;
      CREATE INDEX sync_runs_account_started ON sync_runs (account_id, started_at DESC);
      CREATE INDEX sync_runs_started ON sync_runs (started_at DESC);

      CREATE TABLE sync_run_resources (
        run_id       TEXT    NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        scope        TEXT    NOT NULL,
        resource     TEXT    NOT NULL,
        pages        INTEGER NOT NULL DEFAULT 0,
        inserted     INTEGER NOT NULL DEFAULT 0,
        updated      INTEGER NOT NULL DEFAULT 0,
        duration_ms  INTEGER NOT NULL DEFAULT 0,
        outcome      TEXT    NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'cancelled', 'skipped')),
        error        TEXT,
        PRIMARY KEY (run_id, scope, resource)
      ) STRICT;   -- rowid kept: history lists resources in the order they started
    `);
  },
};
