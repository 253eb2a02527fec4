import type { Migration } from './migration';

export const m002Vault: Migration = {
  version: 2,
  name: 'vault',
  up(db) {
    db.exec(`
      -- Data keys by id. The keys themselves live in the KeyStore; this row holds the key-check (a known
      -- constant sealed with the key) that tells a missing or wrong key apart from a first run. 'pending' and
      -- 'retired' rows let a restart finish or undo a rotation that crashed halfway.
      CREATE TABLE vault_keys (
        key_id           TEXT    PRIMARY KEY,
        state            TEXT    NOT NULL CHECK (state IN ('pending', 'current', 'retired')),
        check_iv         BLOB,
        check_tag        BLOB,
        check_ciphertext BLOB,
        created_at       INTEGER NOT NULL               -- UTC epoch ms
      ) STRICT;
      CREATE UNIQUE INDEX vault_keys_one_current ON vault_keys (state) WHERE state = 'current';

      -- One AES-256-GCM ciphertext per (owner, kind); associated data '<owner_id>:<kind>' binds it to its row.
      CREATE TABLE secrets (
        owner_id   TEXT    NOT NULL,
        kind       TEXT    NOT NULL,
        key_id     TEXT    NOT NULL,
        iv         BLOB    NOT NULL,
        tag        BLOB    NOT NULL,
        ciphertext BLOB    NOT NULL,
        updated_at INTEGER NOT NULL,                    -- UTC epoch ms
        PRIMARY KEY (owner_id, kind)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
