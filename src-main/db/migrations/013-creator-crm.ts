import { hasTable, type Migration } from './migration';

/**
 * The creator CRM (see docs/creators.md).
 *
 * A `creators` row is now one *record*: what one set of TikTok ids (open id, user id, IM id) or one handle
 * told us. Records that are the same person form a merge tree (`merged_into` = parent); `canonical_id` is
 * the root, the Creator the merchant sees. Synced rows keep pointing at the record they came through, so a
 * split restores every row to the creator it belongs to. Handles are renamed and reused on TikTok, so the
 * handle column loses its UNIQUE constraint (which needs a table rebuild, hence `foreignKeysOff`) and every
 * handle a record was seen with is kept in `creator_handles`.
 *
 * What the merchant writes (notes, tags, stage, lists, blocklist, score override) references creators
 * without any account column: purging an Account's synced rows leaves it alone.
 */
export const m013CreatorCrm: Migration = {
  version: 13,
  name: 'creator CRM: identity records, merges, merchant data, search index',
  alreadyApplied: (db) => hasTable(db, 'creator_handles'),
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE creators_new (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        canonical_id     INTEGER NOT NULL,                      -- root of the merge tree (itself when not merged)
        merged_into      INTEGER REFERENCES creators (id),      -- parent in the merge tree
        open_id          TEXT UNIQUE,
        user_id          TEXT UNIQUE,
        im_id            TEXT UNIQUE,
        handle           TEXT COLLATE NOCASE,                   -- the handle last seen; not unique (reused)
        nickname         TEXT,
        avatar_url       TEXT,
        region           TEXT,
        origin           TEXT NOT NULL DEFAULT 'sync'
                         CHECK (origin IN ('sync', 'marketplace', 'import', 'manual', 'sample')),
        -- The merchant's own values; the canonical record's are the Creator's, a merged record's wait for a split.
        stage            TEXT NOT NULL DEFAULT 'new' CHECK (stage IN ('new', 'contacted', 'invited', 'accepted',
                           'sample_sent', 'posted', 'active', 'declined', 'blocked')),
        stage_changed_at INTEGER,
        score_override   INTEGER CHECK (score_override BETWEEN 0 AND 100),
        first_seen_at    INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL
      ) STRICT;
      INSERT INTO creators_new (id, canonical_id, open_id, user_id, im_id, handle, nickname, avatar_url, region,
                                first_seen_at, updated_at)
        SELECT id, id, open_id, user_id, im_id, handle, nickname, avatar_url, region, first_seen_at, updated_at
        FROM creators;
      DROP TABLE creators;
      ALTER TABLE creators_new RENAME TO creators;
      CREATE INDEX creators_canonical ON creators (canonical_id);
      CREATE INDEX creators_merged_into ON creators (merged_into);
      CREATE INDEX creators_handle ON creators (handle);
      -- The indexer reads each Creator's messages through its conversations; without this it scans them all.
      CREATE INDEX conversations_creator ON conversations (creator_id);

      -- Marketplace results and sample applications are sightings too (they name a shop).
      CREATE TABLE creator_sightings_new (
        creator_id    INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        account_id    TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id       TEXT    NOT NULL,
        source        TEXT    NOT NULL CHECK (source IN ('affiliate_order', 'collaboration', 'conversation',
                                                         'marketplace', 'sample')),
        first_seen_at INTEGER NOT NULL,
        last_seen_at  INTEGER NOT NULL,
        PRIMARY KEY (creator_id, shop_id, source)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO creator_sightings_new SELECT creator_id, account_id, shop_id, source, first_seen_at, last_seen_at
        FROM creator_sightings;
      DROP TABLE creator_sightings;
      ALTER TABLE creator_sightings_new RENAME TO creator_sightings;
      CREATE INDEX creator_sightings_account ON creator_sightings (account_id);
      CREATE INDEX creator_sightings_shop ON creator_sightings (shop_id, creator_id);

      CREATE TABLE creator_handles (
        creator_id    INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        handle        TEXT    NOT NULL COLLATE NOCASE,
        first_seen_at INTEGER NOT NULL,
        last_seen_at  INTEGER NOT NULL,
        PRIMARY KEY (creator_id, handle)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX creator_handles_handle ON creator_handles (handle);
      INSERT INTO creator_handles SELECT id, handle, first_seen_at, updated_at FROM creators WHERE handle IS NOT NULL;

      -- Every merge, automatic or by hand; a split sets split_at and keeps the row.
      CREATE TABLE creator_merges (
        id          INTEGER PRIMARY KEY,
        kept_id     INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        merged_id   INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        cause       TEXT    NOT NULL CHECK (cause IN ('manual', 'linked_ids', 'handle_only')),
        evidence    TEXT    NOT NULL,     -- JSON: what linked the two
        merged_at   INTEGER NOT NULL,
        split_at    INTEGER
      ) STRICT;
      CREATE INDEX creator_merges_merged ON creator_merges (merged_id);
      CREATE INDEX creator_merges_kept ON creator_merges (kept_id);

      -- The latest profile figures of a record (marketplace search, import, manual entry).
      CREATE TABLE creator_stats (
        creator_id      INTEGER PRIMARY KEY REFERENCES creators (id) ON DELETE CASCADE,
        source          TEXT    NOT NULL CHECK (source IN ('marketplace', 'import', 'manual')),
        followers       INTEGER,
        gmv_minor       INTEGER,
        gmv_currency    TEXT,
        units_sold      INTEGER,
        avg_video_views INTEGER,
        engagement_bp   INTEGER,          -- engagement rate in hundredths of a percent
        updated_at      INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE creator_categories (
        creator_id INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        category   TEXT    NOT NULL,
        PRIMARY KEY (creator_id, category)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX creator_categories_category ON creator_categories (category, creator_id);

      CREATE TABLE creator_notes (
        id          INTEGER PRIMARY KEY,
        creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        body        TEXT    NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX creator_notes_creator ON creator_notes (creator_id, created_at);

      CREATE TABLE tags (
        id         INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE creator_tags (
        creator_id INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        added_at   INTEGER NOT NULL,
        PRIMARY KEY (creator_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX creator_tags_tag ON creator_tags (tag_id, creator_id);

      -- static: members listed; dynamic: a saved filter (JSON, the creators:search filter shape).
      CREATE TABLE creator_lists (
        id         INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
        kind       TEXT    NOT NULL CHECK (kind IN ('static', 'dynamic')),
        filter     TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((kind = 'dynamic') = (filter IS NOT NULL))
      ) STRICT;
      CREATE TABLE creator_list_members (
        list_id    INTEGER NOT NULL REFERENCES creator_lists (id) ON DELETE CASCADE,
        creator_id INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        added_at   INTEGER NOT NULL,
        PRIMARY KEY (list_id, creator_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX creator_list_members_creator ON creator_list_members (creator_id);

      CREATE TABLE creator_stage_moves (
        id          INTEGER PRIMARY KEY,
        creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
        from_stage  TEXT    NOT NULL,
        to_stage    TEXT    NOT NULL,
        cause       TEXT    NOT NULL,     -- manual | bulk | message | reply | invitation | showcase | content |
                                          -- affiliate_order | sample | merge | blocklist
        ref         TEXT,                 -- what caused it (collaboration id, order id, message id, …)
        moved_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX creator_stage_moves_creator ON creator_stage_moves (creator_id, moved_at);

      -- Shared by every shop: outreach never contacts a creator any record of whose group is here.
      CREATE TABLE creator_blocklist (
        creator_id INTEGER PRIMARY KEY REFERENCES creators (id) ON DELETE CASCADE,
        reason     TEXT    NOT NULL,
        blocked_at INTEGER NOT NULL
      ) STRICT;

      -- One row, the user's scoring rules (JSON, versioned by the schema in src-shared/creators.ts).
      CREATE TABLE creator_score_rules (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        rules      TEXT    NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Derived, one row per Creator (canonical record): what the table sorts and filters on. Rebuilt from the
      -- tables above by src-main/creators/index-refresh.ts; never the only copy of anything.
      CREATE TABLE creator_index (
        creator_id        INTEGER PRIMARY KEY REFERENCES creators (id) ON DELETE CASCADE,
        handle            TEXT COLLATE NOCASE,
        nickname          TEXT COLLATE NOCASE,
        avatar_url        TEXT,
        region            TEXT,
        followers         INTEGER,
        gmv_minor         INTEGER,
        gmv_currency      TEXT,
        units_sold        INTEGER,
        avg_video_views   INTEGER,
        engagement_bp     INTEGER,
        category          TEXT,             -- the first of categories, for sorting
        categories        TEXT    NOT NULL DEFAULT '[]',   -- JSON array over the creator's records
        stage             TEXT    NOT NULL,
        stage_rank        INTEGER NOT NULL, -- stageRank(stage): sorts in pipeline order
        tag_names         TEXT COLLATE NOCASE, -- sorted, comma-separated; null without tags
        score             INTEGER,
        last_contacted_at INTEGER,
        has_contact       INTEGER NOT NULL DEFAULT 0,
        blocked           INTEGER NOT NULL DEFAULT 0,
        affiliate_orders  INTEGER NOT NULL DEFAULT 0,
        affiliate_gmv_minor INTEGER NOT NULL DEFAULT 0,
        affiliate_currency TEXT,
        invitations       INTEGER NOT NULL DEFAULT 0,
        accepted          INTEGER NOT NULL DEFAULT 0,
        units_ordered     INTEGER NOT NULL DEFAULT 0,
        units_refunded    INTEGER NOT NULL DEFAULT 0,
        samples_posted_on_time INTEGER,
        samples_due       INTEGER,
        first_seen_at     INTEGER NOT NULL,
        last_activity_at  INTEGER
      ) STRICT;
      CREATE INDEX creator_index_handle ON creator_index (handle, creator_id);
      CREATE INDEX creator_index_nickname ON creator_index (nickname, creator_id);
      CREATE INDEX creator_index_region ON creator_index (region, creator_id);
      CREATE INDEX creator_index_followers ON creator_index (followers, creator_id);
      CREATE INDEX creator_index_gmv ON creator_index (gmv_minor, creator_id);
      CREATE INDEX creator_index_units ON creator_index (units_sold, creator_id);
      CREATE INDEX creator_index_views ON creator_index (avg_video_views, creator_id);
      CREATE INDEX creator_index_engagement ON creator_index (engagement_bp, creator_id);
      CREATE INDEX creator_index_category ON creator_index (category, creator_id);
      CREATE INDEX creator_index_stage ON creator_index (stage_rank, creator_id);
      CREATE INDEX creator_index_tags ON creator_index (tag_names, creator_id);
      CREATE INDEX creator_index_score ON creator_index (score, creator_id);
      CREATE INDEX creator_index_contacted ON creator_index (last_contacted_at, creator_id);
      CREATE INDEX creator_index_affiliate_gmv ON creator_index (affiliate_gmv_minor, creator_id);
      CREATE INDEX creator_index_orders ON creator_index (affiliate_orders, creator_id);
      CREATE INDEX creator_index_first_seen ON creator_index (first_seen_at, creator_id);
      CREATE INDEX creator_index_activity ON creator_index (last_activity_at, creator_id);

      -- Full-text over handles (every one ever seen), nicknames, notes and tags; rowid = Creator id. The text
      -- is pre-segmented by src-main/creators/fts-text.ts so Chinese, Japanese and Thai are found by prefix.
      CREATE VIRTUAL TABLE creator_fts USING fts5(
        names, notes, tags, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );

      -- Creators whose derived rows are stale (sync touched them, a merge, an edit); drained in the background.
      CREATE TABLE creator_dirty (creator_id INTEGER PRIMARY KEY) STRICT;
      INSERT INTO creator_dirty SELECT id FROM creators;
    `);
  },
};
