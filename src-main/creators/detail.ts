import type { Database } from 'better-sqlite3';
import type { CreatorDetail } from '@shared/creator-detail';
import type { ScoreBreakdown } from '@shared/creator-score';
import type { CreatorBlocklist } from './blocklist';
import type { CreatorExtensions } from './extensions';
import type { CreatorLists } from './lists';
import { chooseStats, type SourcedStats } from './figures-precedence';
import { creatorPerformance } from './performance';
import { explainScore } from './score';
import type { ScoreRulesStore } from './score-rules';
import {
  type ScoreFeatureRow,
  scoreFeatureSelect,
  scoreFeatureTables,
  scoreFeaturesOf,
  statsSelect,
} from './stats-columns';
import { type IndexRow, rowColumns, toCreatorRow } from './search';
import type { CreatorNotes, CreatorTags } from './tags-notes';

/** One Creator in full, for the detail page: every part comes from the Creator's records. */

const group = 'SELECT id FROM creators WHERE canonical_id = ?';

export interface DetailDeps {
  db: Database;
  extensions: CreatorExtensions;
  tags: CreatorTags;
  notes: CreatorNotes;
  lists: CreatorLists;
  blocklist: CreatorBlocklist;
  rules: ScoreRulesStore;
}

function breakdown(db: Database, rules: ScoreRulesStore, id: number): ScoreBreakdown | null {
  const r = db
    .prepare<[number], ScoreFeatureRow>(
      `SELECT ${scoreFeatureSelect} FROM ${scoreFeatureTables} WHERE i.creator_id = ?`,
    )
    .get(id);
  if (!r) return null;
  return explainScore(scoreFeaturesOf(r), rules.get(), rules.context(), r.score_override);
}

function scoreOverride(db: Database, id: number): CreatorDetail['scoreOverride'] {
  const r = db
    .prepare(
      `SELECT score_override AS score, score_override_reason AS reason, score_override_at AS at
       FROM creators WHERE id = ? AND score_override IS NOT NULL`,
    )
    .get(id) as CreatorDetail['scoreOverride'] | undefined;
  return r ?? null;
}

/** Null when the Creator has no index row yet (the caller re-indexes it and asks again). */
export function creatorDetail(
  deps: DetailDeps,
  id: number,
  recordIds: readonly number[],
): CreatorDetail | null {
  const { db } = deps;
  const row = db
    .prepare(`SELECT ${rowColumns}, NULL AS sort_value FROM creator_index i WHERE i.creator_id = ?`)
    .get(id) as IndexRow | undefined;
  if (!row) return null;
  const stats = chooseStats(
    db
      .prepare<[number], SourcedStats>(
        `SELECT source, ${statsSelect('s')}, updated_at AS at FROM creator_stats s WHERE creator_id IN (${group})
         ORDER BY creator_id`,
      )
      .all(id),
  );
  const handles = db
    .prepare(
      `SELECT handle, MIN(first_seen_at) AS firstSeenAt, MAX(last_seen_at) AS lastSeenAt FROM creator_handles
       WHERE creator_id IN (${group}) GROUP BY handle ORDER BY lastSeenAt DESC`,
    )
    .all(id) as CreatorDetail['handles'];
  const handleNames = handles.map((h) => h.handle);
  const duplicates = handleNames.length
    ? (db
        .prepare(
          `SELECT DISTINCT r.canonical_id AS creatorId, i.handle, i.nickname
           FROM creator_handles h JOIN creators r ON r.id = h.creator_id
           LEFT JOIN creator_index i ON i.creator_id = r.canonical_id
           WHERE h.handle IN (${handleNames.map(() => '?').join(', ')}) AND r.canonical_id <> ?
           ORDER BY r.canonical_id LIMIT 20`,
        )
        .all(...handleNames, id) as CreatorDetail['possibleDuplicates'])
    : [];
  return {
    creator: toCreatorRow(row),
    records: db
      .prepare(
        `SELECT id AS recordId, open_id AS openId, user_id AS userId, im_id AS imId, handle, origin,
                merged_into AS mergedInto, first_seen_at AS firstSeenAt
         FROM creators WHERE canonical_id = ? ORDER BY id = ? DESC, first_seen_at, id`,
      )
      .all(id, id) as CreatorDetail['records'],
    handles,
    merges: db
      .prepare(
        `SELECT id, kept_id AS keptId, merged_id AS mergedId, cause, merged_at AS mergedAt, split_at AS splitAt
         FROM creator_merges WHERE kept_id IN (${group}) OR merged_id IN (${group}) ORDER BY merged_at DESC, id DESC`,
      )
      .all(id, id) as CreatorDetail['merges'],
    possibleDuplicates: duplicates,
    stats: stats
      ? {
          source: stats.source,
          followers: stats.followers,
          gmv:
            stats.gmv_minor !== null && stats.gmv_currency
              ? { amountMinor: stats.gmv_minor, currency: stats.gmv_currency }
              : null,
          unitsSold: stats.units_sold,
          avgVideoViews: stats.avg_video_views,
          engagementBp: stats.engagement_bp,
          categories: db
            .prepare(
              `SELECT DISTINCT category FROM creator_categories WHERE creator_id IN (${group}) ORDER BY 1`,
            )
            .pluck()
            .all(id) as string[],
          updatedAt: stats.at,
        }
      : null,
    score: breakdown(db, deps.rules, id),
    scoreOverride: scoreOverride(db, id),
    notes: deps.notes.of(id),
    tags: deps.tags.of(id),
    lists: deps.lists.of(id),
    blocked: deps.blocklist.entry(id),
    shops: (
      db
        .prepare(
          `SELECT s.shop_id AS shopId, sh.name, sh.region, GROUP_CONCAT(DISTINCT s.source) AS sources,
                  MIN(s.first_seen_at) AS firstSeenAt, MAX(s.last_seen_at) AS lastSeenAt
           FROM creator_sightings s LEFT JOIN shops sh ON sh.shop_id = s.shop_id
           WHERE s.creator_id IN (${group}) GROUP BY s.shop_id ORDER BY lastSeenAt DESC`,
        )
        .all(id) as Array<Omit<CreatorDetail['shops'][number], 'sources'> & { sources: string }>
    ).map((s) => ({ ...s, sources: s.sources.split(',').sort() })),
    performance: creatorPerformance(db, deps.extensions, id, recordIds),
  };
}
