import type { Migration } from './migration';

/**
 * TikTok's collaboration search returns no status; the filter a row matched is its status. Keeping it lets
 * the sync notice a collaboration that left VALID (expired or cancelled) and read it one last time.
 */
export const m006CollaborationStatus: Migration = {
  version: 6,
  name: 'collaboration status',
  up(db) {
    db.exec(`
      -- VALID | COMPLETED (expired or cancelled) | REMOVED (gone from both searches)
      ALTER TABLE collaborations ADD COLUMN status TEXT;
      UPDATE collaborations
        SET status = CASE WHEN end_time IS NOT NULL AND end_time < unixepoch() * 1000 THEN 'COMPLETED' ELSE 'VALID' END;
    `);
  },
};
