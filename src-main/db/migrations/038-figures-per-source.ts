import { hasColumn, type Migration } from './migration';

/**
 * Each source's own figures of a creator (docs/creators.md "Figures and their sources"). `creator_stats`
 * kept one row per record, overwritten by whichever source wrote last, so a file's GMV could not stand
 * beside the marketplace's and yield to it: `creator_origins` (one row per record and source) now holds what
 * each source gave, and `creator_stats` the figures chosen from them.
 *
 * Until now only the marketplace gave GMV and average video views, and files and the form only followers
 * (already in `creator_origins`): a record's stored GMV and average views go to its marketplace row, or,
 * where it has none (rows written outside the app), to the row of the source that wrote the stats last,
 * as do units sold and engagement. `figures_at` is the stats' time for those rows, and the row's last time
 * where it gave followers. Where the newest followers a record kept were not the marketplace's, the
 * marketplace's are put back and the Creator is marked for re-indexing.
 */
export const m038FiguresPerSource: Migration = {
  version: 38,
  name: 'creator figures per source',
  alreadyApplied: (db) => hasColumn(db, 'creator_origins', 'figures_at'),
  up(db) {
    db.exec(`
      ALTER TABLE creator_origins ADD COLUMN gmv_minor INTEGER;
      ALTER TABLE creator_origins ADD COLUMN gmv_currency TEXT;
      ALTER TABLE creator_origins ADD COLUMN units_sold INTEGER;
      ALTER TABLE creator_origins ADD COLUMN avg_video_views INTEGER;
      ALTER TABLE creator_origins ADD COLUMN engagement_bp INTEGER;   -- hundredths of a percent
      ALTER TABLE creator_origins ADD COLUMN figures_at INTEGER;      -- when the source last gave a figure

      UPDATE creator_origins SET figures_at = last_at WHERE followers IS NOT NULL;

      INSERT OR IGNORE INTO creator_origins (creator_id, source, first_at, last_at)
        SELECT creator_id, source, updated_at, updated_at FROM creator_stats;

      UPDATE creator_origins SET gmv_minor = s.gmv_minor, gmv_currency = s.gmv_currency,
          avg_video_views = s.avg_video_views, figures_at = MAX(COALESCE(figures_at, 0), s.updated_at)
        FROM creator_stats s
        WHERE s.creator_id = creator_origins.creator_id
          AND (s.gmv_currency IS NOT NULL OR s.avg_video_views IS NOT NULL)
          AND creator_origins.source = CASE
            WHEN EXISTS (SELECT 1 FROM creator_origins m WHERE m.creator_id = s.creator_id AND m.source = 'marketplace')
            THEN 'marketplace' ELSE s.source END;

      UPDATE creator_origins SET units_sold = s.units_sold, engagement_bp = s.engagement_bp,
          figures_at = MAX(COALESCE(figures_at, 0), s.updated_at)
        FROM creator_stats s
        WHERE s.creator_id = creator_origins.creator_id AND creator_origins.source = s.source
          AND (s.units_sold IS NOT NULL OR s.engagement_bp IS NOT NULL);

      -- Followers were the one figure two sources both gave; the newest was kept, now the marketplace's wins.
      INSERT OR IGNORE INTO creator_dirty (creator_id)
        SELECT c.canonical_id FROM creator_stats s JOIN creator_origins o ON o.creator_id = s.creator_id
          JOIN creators c ON c.id = s.creator_id
        WHERE o.source = 'marketplace' AND o.followers IS NOT NULL AND o.followers IS NOT s.followers;
      UPDATE creator_stats SET followers = o.followers FROM creator_origins o
        WHERE o.creator_id = creator_stats.creator_id AND o.source = 'marketplace' AND o.followers IS NOT NULL;
    `);
  },
};
