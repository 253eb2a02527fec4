import { hasTable, type Migration } from './migration';

/**
 * Where creators come from besides the sync's sightings, and what the merchant keeps about them: free-sample
 * applications (with what ShopMesh observed over time and the reviews it sent), Creator Marketplace figures
 * and saved searches with the daily search quota they draw on, and private contacts sealed by the Vault.
 * Conventions as in 004: remote ids TEXT, money minor units + currency, times UTC epoch ms.
 */
export const m014CreatorSources: Migration = {
  version: 14,
  name: 'creator sources: samples, marketplace, contacts',
  alreadyApplied: (db) => hasTable(db, 'creator_origins'),
  up(db) {
    db.exec(`
      -- Creators the merchant brought in (a CSV import, the manual form) or found in the Creator
      -- Marketplace. Like notes and contacts this is the merchant's own data: no Account owns it.
      CREATE TABLE creator_origins (
        creator_id INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        source     TEXT    NOT NULL CHECK (source IN ('import', 'manual', 'marketplace')),
        first_at   INTEGER NOT NULL,
        last_at    INTEGER NOT NULL,
        detail     TEXT,                          -- the file name or the saved search's name
        followers  INTEGER,                       -- what the file or the form said
        PRIMARY KEY (creator_id, source)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sample_applications (
        application_id        TEXT    PRIMARY KEY,
        account_id            TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id               TEXT    NOT NULL,
        creator_id            INTEGER REFERENCES creators (id) ON DELETE SET NULL,
        creator_open_id       TEXT,
        creator_handle        TEXT,
        creator_nickname      TEXT,
        product_id            TEXT,
        product_title         TEXT,
        sku_id                TEXT,
        sku_name              TEXT,
        sku_image_url         TEXT,
        status                TEXT    NOT NULL,   -- TikTok's, as sent (PENDING, AWAITING_SHIPMENT, …)
        fulfillment_status    TEXT,
        commission_bp         INTEGER,            -- hundredths of a percent
        order_id              TEXT,
        tracking_number       TEXT,
        available_quantity    INTEGER,
        approve_expires_at    INTEGER,
        ship_expires_at       INTEGER,
        is_approvable         INTEGER NOT NULL DEFAULT 0,
        disapprovable_reasons TEXT    NOT NULL DEFAULT '[]',   -- JSON array of TikTok's texts
        partner_name          TEXT,
        creator_stats         TEXT,               -- JSON: the creator's figures TikTok sends with the application
        first_seen_at         INTEGER NOT NULL,
        status_since          INTEGER NOT NULL,   -- when a sync first saw the current status
        -- The API gives no delivery time: the first sync that sees CONTENT_PENDING (the creator has the
        -- parcel) stands in for it, so the content deadline is never earlier than the real one.
        delivered_at          INTEGER,
        content_due_at        INTEGER,
        first_content_at      INTEGER,            -- create time of the creator's earliest post
        overdue_notified_at   INTEGER,
        etag                  TEXT    NOT NULL,
        synced_at             INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sample_applications_shop_status ON sample_applications (shop_id, status);
      CREATE INDEX sample_applications_creator ON sample_applications (creator_id);
      CREATE INDEX sample_applications_account ON sample_applications (account_id);

      CREATE TABLE sample_contents (
        application_id TEXT    NOT NULL REFERENCES sample_applications (application_id) ON DELETE CASCADE,
        content_id     TEXT    NOT NULL,
        format         TEXT,
        url            TEXT,
        page_link      TEXT,
        description    TEXT,
        views          INTEGER,
        likes          INTEGER,
        comments       INTEGER,
        paid_orders    INTEGER,
        created_at     INTEGER,
        live_ended_at  INTEGER,
        PRIMARY KEY (application_id, content_id)
      ) STRICT, WITHOUT ROWID;

      -- A review is recorded as 'sending' in its own transaction before the request leaves; an answer that
      -- never came ('unknown', or 'sending' found at start-up) is settled by re-reading the application.
      CREATE TABLE sample_reviews (
        application_id TEXT    PRIMARY KEY,
        account_id     TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id        TEXT    NOT NULL,
        decision       TEXT    NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
        reject_reason  TEXT,
        state          TEXT    NOT NULL CHECK (state IN ('sending', 'done', 'unknown', 'failed')),
        requested_at   INTEGER NOT NULL,
        finished_at    INTEGER,
        error          TEXT
      ) STRICT;
      CREATE INDEX sample_reviews_account ON sample_reviews (account_id);

      -- The Creator Marketplace's figures of a creator as one shop last saw them (the last 30 days).
      CREATE TABLE marketplace_creator_stats (
        creator_id        INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        shop_id           TEXT    NOT NULL,
        account_id        TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        region            TEXT,
        followers         INTEGER,
        avg_video_views   INTEGER,
        avg_live_viewers  INTEGER,
        currency          TEXT,
        gmv_minor         INTEGER,
        live_gmv_minor    INTEGER,
        video_gmv_minor   INTEGER,
        gmv_min_minor     INTEGER,                -- a range stands in when the creator hides precise figures
        gmv_max_minor     INTEGER,
        gmv_range_label   TEXT,
        units_min         INTEGER,
        units_max         INTEGER,
        units_range_label TEXT,
        category_ids      TEXT    NOT NULL DEFAULT '[]',
        follower_ages     TEXT    NOT NULL DEFAULT '[]',
        major_gender      TEXT,
        major_gender_bp   INTEGER,
        performance       TEXT,                   -- JSON of the last performance detail
        searched_at       INTEGER,
        performance_at    INTEGER,
        PRIMARY KEY (creator_id, shop_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX marketplace_creator_stats_account ON marketplace_creator_stats (account_id);

      -- Saved marketplace searches are the merchant's own: they outlive the Account of their shop.
      CREATE TABLE marketplace_saved_searches (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        name              TEXT    NOT NULL,
        shop_id           TEXT    NOT NULL,
        filters           TEXT    NOT NULL,       -- JSON, the marketplace filters in ShopMesh's names
        page_size         INTEGER NOT NULL CHECK (page_size IN (12, 20)),
        max_pages         INTEGER NOT NULL CHECK (max_pages BETWEEN 1 AND 50),
        auto_refresh      INTEGER NOT NULL DEFAULT 1,
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        last_refreshed_at INTEGER,
        last_outcome      TEXT,                   -- ok | partial | quota | failed
        last_found        INTEGER,
        last_new          INTEGER
      ) STRICT;

      CREATE TABLE marketplace_saved_results (
        search_id     INTEGER NOT NULL REFERENCES marketplace_saved_searches (id) ON DELETE CASCADE,
        creator_id    INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        rank          INTEGER NOT NULL,
        first_seen_at INTEGER NOT NULL,
        last_seen_at  INTEGER NOT NULL,
        PRIMARY KEY (search_id, creator_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX marketplace_saved_results_creator ON marketplace_saved_results (creator_id);

      -- Requests ShopMesh made to a daily-quota API, per shop and UTC day; 'exhausted' once TikTok said so.
      CREATE TABLE marketplace_quota (
        shop_id    TEXT    NOT NULL,
        api        TEXT    NOT NULL,
        day        TEXT    NOT NULL,
        account_id TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        used       INTEGER NOT NULL DEFAULT 0,
        exhausted  INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shop_id, api, day)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX marketplace_quota_account ON marketplace_quota (account_id);

      -- Private contacts: each column is one packSealed() AES-256-GCM value bound to (creator, column), NULL
      -- when not set, so "has a contact" is answered without decrypting. A vault reset NULLs every column.
      CREATE TABLE creator_contacts (
        creator_id INTEGER PRIMARY KEY REFERENCES creators (id) ON DELETE CASCADE,
        email      BLOB,
        whatsapp   BLOB,
        instagram  BLOB,
        phone      BLOB,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
