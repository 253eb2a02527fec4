import { hasColumn, type Migration } from './migration';

/**
 * What TikTok's reference documents and the first schema did not hold (issue 9):
 * - message `conversation_index` is a decimal string above 2^53 (docs/tiktok-api/affiliate.md): stored
 *   as TEXT, compared by length then value, never through a JS number;
 * - a record that cannot be read is kept aside in `sync_quarantine` with its raw JSON and the reason, and a
 *   resource that kept records aside ends `partial`;
 * - product search 202502 reports audit status, listing quality, drafts and per-SKU status
 *   (docs/tiktok-api/shop-data.md).
 * Integer indexes already stored become their decimal text, which compares the same way.
 */
export const m007Fidelity: Migration = {
  version: 7,
  name: 'text conversation indexes, quarantine, product audit and SKU status',
  alreadyApplied: (db) => hasColumn(db, 'conversations', 'last_index_text'),
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN last_index_text TEXT NOT NULL DEFAULT '0';
      UPDATE conversations SET last_index_text = CAST(last_index AS TEXT);
      ALTER TABLE conversations DROP COLUMN last_index;
      ALTER TABLE conversations RENAME COLUMN last_index_text TO last_index;

      DROP INDEX messages_conversation;
      ALTER TABLE messages ADD COLUMN conversation_index_text TEXT NOT NULL DEFAULT '0';
      UPDATE messages SET conversation_index_text = CAST(conversation_index AS TEXT);
      ALTER TABLE messages DROP COLUMN conversation_index;
      ALTER TABLE messages RENAME COLUMN conversation_index_text TO conversation_index;
      -- (length, text) orders canonical decimal strings numerically.
      CREATE INDEX messages_conversation ON messages (conversation_id, length(conversation_index), conversation_index);

      -- The outcome check gains 'partial'; rowids are kept (history lists resources in the order they ran).
      CREATE TABLE sync_run_resources_new (
        run_id       TEXT    NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        scope        TEXT    NOT NULL,
        resource     TEXT    NOT NULL,
        pages        INTEGER NOT NULL DEFAULT 0,
        inserted     INTEGER NOT NULL DEFAULT 0,
        updated      INTEGER NOT NULL DEFAULT 0,
        duration_ms  INTEGER NOT NULL DEFAULT 0,
        outcome      TEXT    NOT NULL CHECK (outcome IN ('running', 'ok', 'partial', 'failed', 'cancelled', 'skipped')),
        error        TEXT,
        PRIMARY KEY (run_id, scope, resource)
      ) STRICT;
      INSERT INTO sync_run_resources_new (rowid, run_id, scope, resource, pages, inserted, updated, duration_ms, outcome, error)
        SELECT rowid, run_id, scope, resource, pages, inserted, updated, duration_ms, outcome, error
        FROM sync_run_resources ORDER BY rowid;
      DROP TABLE sync_run_resources;
      ALTER TABLE sync_run_resources_new RENAME TO sync_run_resources;

      -- Records a sync could not read in full. stored = 0: kept aside, not stored; 1: stored without the
      -- non-essential fields named in issues. raw is TikTok's JSON with personal values masked.
      CREATE TABLE sync_quarantine (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id      TEXT    NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        account_id  TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        scope       TEXT    NOT NULL,
        resource    TEXT    NOT NULL,
        record_key  TEXT,
        issues      TEXT    NOT NULL,   -- JSON [{path, message}]
        raw         TEXT    NOT NULL,
        stored      INTEGER NOT NULL CHECK (stored IN (0, 1)),
        created_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sync_quarantine_run ON sync_quarantine (run_id, scope, resource);
      CREATE INDEX sync_quarantine_account ON sync_quarantine (account_id, id);

      ALTER TABLE products ADD COLUMN audit_status TEXT;            -- NONE | AUDITING | FAILED | PRE_APPROVED | APPROVED
      ALTER TABLE products ADD COLUMN listing_quality_tier TEXT;    -- POOR | FAIR | GOOD (US only)
      ALTER TABLE products ADD COLUMN has_draft INTEGER;            -- 0/1; null when TikTok did not say
      ALTER TABLE product_skus ADD COLUMN status TEXT;              -- NORMAL | DEACTIVATED
      ALTER TABLE product_skus ADD COLUMN deactivation_source TEXT; -- SELLER | PLATFORM | COMBO_RELATION
    `);
  },
};
