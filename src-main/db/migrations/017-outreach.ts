import { hasTable, type Migration } from './migration';

/**
 * Templates, Outreaches and their Deliveries: the durable outreach queue (docs/outreach.md).
 *
 * A Delivery is one creator × one action of one Outreach. Its idempotency key is unique in the table, so
 * creating an Outreach twice (or a retried IPC call) can never queue the same contact twice, and the state
 * `sending` is committed before every request so a crash leaves a row to reconcile, never a silent resend.
 * Invitations go out in batches of up to 50 creators; a batch row is written (with its deterministic name)
 * before the request, because that name is what reconciliation searches TikTok for.
 */
export const m017Outreach: Migration = {
  version: 17,
  name: 'outreach: templates, outreaches, deliveries, invitation batches, weekly pool',
  alreadyApplied: (db) => hasTable(db, 'deliveries'),
  up(db) {
    db.exec(`
      -- account_id: a template kept to one Account's shops (null: any shop); a purge of the Account takes it.
      CREATE TABLE templates (
        id          INTEGER PRIMARY KEY,
        account_id  TEXT    REFERENCES accounts (id) ON DELETE CASCADE,
        name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
        kind        TEXT    NOT NULL CHECK (kind IN ('invitation', 'message')),
        language    TEXT    NOT NULL CHECK (language IN ('en', 'zh-CN')),
        body        TEXT    NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outreaches (
        id            INTEGER PRIMARY KEY,
        uid           TEXT    NOT NULL UNIQUE,   -- random; names this Outreach's batches at TikTok
        account_id    TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id       TEXT    NOT NULL,
        name          TEXT    NOT NULL,
        action        TEXT    NOT NULL CHECK (action IN ('invite', 'message', 'both')),
        status        TEXT    NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'finished', 'cancelled')),
        pause_reason  TEXT    CHECK (pause_reason IN ('user', 'quota', 'auth')),
        pause_detail  TEXT,
        resume_at     INTEGER,               -- a quota pause ends at TikTok's reset
        settings      TEXT    NOT NULL,      -- JSON: products, commission, sample rule, texts, window, caps
        created_at    INTEGER NOT NULL,
        started_at    INTEGER,
        finished_at   INTEGER,
        updated_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outreaches_account ON outreaches (account_id);
      CREATE INDEX outreaches_status ON outreaches (status);

      CREATE TABLE outreach_batches (
        outreach_id       INTEGER NOT NULL REFERENCES outreaches (id) ON DELETE CASCADE,
        batch_no          INTEGER NOT NULL,
        name              TEXT    NOT NULL UNIQUE,   -- deterministic: what reconciliation searches for
        collaboration_id  TEXT,                      -- TikTok's id once known
        created_at        INTEGER NOT NULL,
        PRIMARY KEY (outreach_id, batch_no)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE deliveries (
        id               INTEGER PRIMARY KEY,
        outreach_id      INTEGER NOT NULL REFERENCES outreaches (id) ON DELETE CASCADE,
        creator_id       INTEGER REFERENCES creators (id) ON DELETE SET NULL,
        creator_open_id  TEXT    NOT NULL,
        creator_handle   TEXT,
        action           TEXT    NOT NULL CHECK (action IN ('invite', 'message')),
        idempotency_key  TEXT    NOT NULL UNIQUE,
        state            TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'maybe_sent', 'sent', 'failed',
                                                           'skipped', 'cancelled')),
        text             TEXT,               -- the rendered message (messages only; an invitation's is per batch)
        batch_no         INTEGER,            -- invitations: the batch it was last sent in
        solo             INTEGER NOT NULL DEFAULT 0,   -- send alone (a batch refusal must be pinned on one creator)
        conversation_id  TEXT,
        remote_id        TEXT,               -- collaboration id or message id
        reason           TEXT,               -- why skipped/failed: a stable code
        reason_detail    TEXT,               -- TikTok's message, the sensitive words…
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER NOT NULL DEFAULT 0,
        sending_at       INTEGER,            -- when the last request was committed to be sent
        sent_at          INTEGER,
        updated_at       INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX deliveries_outreach_state ON deliveries (outreach_id, state, next_attempt_at, id);
      CREATE INDEX deliveries_creator ON deliveries (creator_id);
      CREATE INDEX deliveries_sent_at ON deliveries (sent_at) WHERE sent_at IS NOT NULL;

      -- New creators contacted per shop per TikTok week (the shared weekly pool), as ShopMesh counted them;
      -- a quota refusal from TikTok marks the week as used up.
      CREATE TABLE outreach_pool (
        account_id  TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id     TEXT    NOT NULL,
        week_start  INTEGER NOT NULL,   -- UTC epoch ms of the Sunday 12:00 GMT-8 that opened the week
        creator_id  TEXT    NOT NULL,   -- creator open id
        PRIMARY KEY (shop_id, week_start, creator_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE outreach_pool_exhausted (
        account_id  TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id     TEXT    NOT NULL,
        week_start  INTEGER NOT NULL,
        noted_at    INTEGER NOT NULL,
        PRIMARY KEY (shop_id, week_start)
      ) STRICT, WITHOUT ROWID;

      -- TikTok refused a message because of the creator's privacy settings: remembered per shop.
      CREATE TABLE creator_privacy_refusals (
        account_id       TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        shop_id          TEXT    NOT NULL,
        creator_open_id  TEXT    NOT NULL,
        refused_at       INTEGER NOT NULL,
        PRIMARY KEY (shop_id, creator_open_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
