import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it("migration 038 moves each record's figures to the source that gave them, and puts the marketplace's followers first", () => {
  const at = databaseBefore(38);
  at.db.exec(`
    INSERT INTO creators (id, canonical_id, open_id, handle, nickname, first_seen_at, updated_at)
      VALUES (1, 1, 'o1', 'found_then_imported', 'A', 1, 1), (2, 2, NULL, 'imported_only', 'B', 1, 1),
             (3, 3, NULL, 'written_by_hand', 'C', 1, 1);
    -- 1: the marketplace gave followers, GMV and views at 5; a file gave other followers at 9 (newest kept).
    INSERT INTO creator_origins (creator_id, source, first_at, last_at, detail, followers)
      VALUES (1, 'marketplace', 5, 5, NULL, 100), (1, 'import', 9, 9, 'a.csv', 200),
             (2, 'import', 4, 4, 'b.csv', 7), (2, 'manual', 6, 6, NULL, NULL);
    INSERT INTO creator_stats (creator_id, source, followers, gmv_minor, gmv_currency, units_sold, avg_video_views,
        engagement_bp, updated_at)
      VALUES (1, 'import', 200, 5000, 'USD', NULL, 40, NULL, 9), (2, 'import', 7, NULL, NULL, NULL, NULL, NULL, 4),
             (3, 'manual', NULL, NULL, NULL, 12, NULL, 300, 8);
    DELETE FROM creator_dirty;
  `);
  const db = at.upgrade();
  expect(
    db
      .prepare(
        `SELECT creator_id, source, followers, gmv_minor, gmv_currency, units_sold, avg_video_views, engagement_bp,
                figures_at FROM creator_origins ORDER BY creator_id, source`,
      )
      .all(),
  ).toEqual([
    {
      creator_id: 1,
      source: 'import',
      followers: 200,
      gmv_minor: null,
      gmv_currency: null,
      units_sold: null,
      avg_video_views: null,
      engagement_bp: null,
      figures_at: 9,
    },
    {
      creator_id: 1,
      source: 'marketplace',
      followers: 100,
      gmv_minor: 5000,
      gmv_currency: 'USD',
      units_sold: null,
      avg_video_views: 40,
      engagement_bp: null,
      figures_at: 9,
    },
    {
      creator_id: 2,
      source: 'import',
      followers: 7,
      gmv_minor: null,
      gmv_currency: null,
      units_sold: null,
      avg_video_views: null,
      engagement_bp: null,
      figures_at: 4,
    },
    {
      creator_id: 2,
      source: 'manual',
      followers: null,
      gmv_minor: null,
      gmv_currency: null,
      units_sold: null,
      avg_video_views: null,
      engagement_bp: null,
      figures_at: null,
    },
    // Stats with no origin row (written outside the app) get one for the source they name.
    {
      creator_id: 3,
      source: 'manual',
      followers: null,
      gmv_minor: null,
      gmv_currency: null,
      units_sold: 12,
      avg_video_views: null,
      engagement_bp: 300,
      figures_at: 8,
    },
  ]);
  expect(db.prepare('SELECT creator_id, followers FROM creator_stats ORDER BY creator_id').all()).toEqual([
    { creator_id: 1, followers: 100 },
    { creator_id: 2, followers: 7 },
    { creator_id: 3, followers: null },
  ]);
  expect(db.prepare('SELECT creator_id FROM creator_dirty').pluck().all()).toEqual([1]);
});
