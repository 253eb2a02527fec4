import type { Migration } from './migration';

export const m003Accounts: Migration = {
  version: 3,
  name: 'accounts, shops, advertisers, identities',
  up(db) {
    db.exec(`
      -- One OAuth grant. Tokens are not here: they live sealed in \`secrets\` (owner_id = 'account:<id>').
      CREATE TABLE accounts (
        id                        TEXT    PRIMARY KEY,
        provider                  TEXT    NOT NULL CHECK (provider IN ('shop', 'ads', 'identity')),
        status                    TEXT    NOT NULL CHECK (status IN ('active', 'expired', 'revoked')),
        -- The provider's id for the grantee: TikTok Shop open_id, Login Kit open_id, ads: sorted advertiser ids.
        remote_id                 TEXT    NOT NULL,
        display_name              TEXT    NOT NULL,
        scopes                    TEXT    NOT NULL DEFAULT '[]',  -- JSON array
        access_expires_at         INTEGER,                        -- UTC epoch ms; null = does not expire
        authorization_expires_at  INTEGER,                        -- refresh-token / grant expiry, UTC epoch ms
        status_reason             TEXT,
        connected_at              INTEGER NOT NULL,
        updated_at                INTEGER NOT NULL,
        disconnected_at           INTEGER,
        data_deletion_at          INTEGER,                        -- scheduled purge of synced data
        UNIQUE (provider, remote_id)
      ) STRICT;

      CREATE TABLE shops (
        shop_id     TEXT    PRIMARY KEY,
        account_id  TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name        TEXT    NOT NULL,
        region      TEXT    NOT NULL,
        currency    TEXT    NOT NULL,
        cipher      TEXT    NOT NULL,   -- sent on every Shop API call; an identifier, not a secret
        seller_type TEXT,
        code        TEXT
      ) STRICT;
      CREATE INDEX shops_account ON shops (account_id);

      CREATE TABLE advertisers (
        advertiser_id TEXT PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name          TEXT NOT NULL,
        currency      TEXT,
        timezone      TEXT,
        status        TEXT
      ) STRICT;
      CREATE INDEX advertisers_account ON advertisers (account_id);

      CREATE TABLE identities (
        account_id      TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
        open_id         TEXT NOT NULL,
        display_name    TEXT NOT NULL,
        avatar_url      TEXT,
        follower_count  INTEGER,
        following_count INTEGER,
        likes_count     INTEGER,
        video_count     INTEGER
      ) STRICT;
    `);
  },
};
