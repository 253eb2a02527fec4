import type { Migration } from './migration';

export const m001ActivityLog: Migration = {
  version: 1,
  name: 'activity log',
  up(db) {
    db.exec(`
      CREATE TABLE activity_log (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        at      INTEGER NOT NULL,            -- UTC epoch ms
        kind    TEXT    NOT NULL,
        params  TEXT    NOT NULL DEFAULT '{}' -- JSON object of display parameters, never secrets
      ) STRICT;
      CREATE INDEX activity_log_kind_id ON activity_log (kind, id);
    `);
  },
};
