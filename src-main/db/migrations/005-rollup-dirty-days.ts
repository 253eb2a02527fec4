import type { Migration } from './index';

/**
 * Rollups are rebuilt per dirty day instead of being adjusted row by row (sync/store/rollups.ts). The rows
 * already summed stay valid; only the dirty-day list is new.
 */
export const m005RollupDirtyDays: Migration = {
  version: 5,
  name: 'rollup dirty days',
  up(db) {
    db.exec(`
      -- (rollup, scope, day) whose raw rows changed since its rollup rows were last rebuilt. Written in the
      -- transaction that changed the raw rows, deleted in the one that rebuilds the day.
      CREATE TABLE rollup_dirty (
        rollup      TEXT NOT NULL CHECK (rollup IN ('orders', 'ads')),
        scope       TEXT NOT NULL,   -- shop id or advertiser id
        day         TEXT NOT NULL,   -- UTC day, YYYY-MM-DD
        account_id  TEXT NOT NULL,   -- the Account whose write dirtied it last; the rebuilt rows belong to it
        PRIMARY KEY (rollup, scope, day)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
