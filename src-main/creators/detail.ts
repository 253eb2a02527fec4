import type { Database } from 'better-sqlite3';
import type { CreatorDetail } from '@shared/creator-detail';
import type { ScoreBreakdown } from '@shared/creator-score';
import type { CreatorBlocklist } from './blocklist';
import type { CreatorExtensions } from './extensions';
import type { CreatorLists } from './lists';
import { creatorPerformance } from './performance';
import { explainScore } from './score';
import type { ScoreRulesStore } from './score-rules';
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
    .prepare(
      `SELECT i.followers, i.gmv_minor, i.gmv_currency, i.units_sold, i.avg_video_views, i.engagement_bp,
              i.categories, i.region, i.invitations, i.accepted, i.samples_due, i.samples_posted_on_time,
              i.units_ordered, i.units_refunded, c.score_override
       FROM creator_index i JOIN creators c ON c.id = i.creator_id WHERE i.creator_id = ?`,
    )
    .get(id) as Record<string, number | string | null> | undefined;
  if (!r) return null;
  const n = (v: number | string | null | undefined): number | null => (typeof v === 'number' ? v : null);
  return explainScore(
    {
      followers: n(r.followers),
      gmvMinor: n(r.gmv_minor),
      gmvCurrency: typeof r.gmv_currency === 'string' ? r.gmv_currency : null,
      unitsSold: n(r.units_sold),
      avgVideoViews: n(r.avg_video_views),
      engagementBp: n(r.engagement_bp),
      categories: JSON.parse(String(r.categories)) as string[],
      region: typeof r.region === 'string' ? r.region : null,
      invitations: n(r.invitations) ?? 0,
      accepted: n(r.accepted) ?? 0,
      samplesDue: n(r.samples_due),
      samplesPostedOnTime: n(r.samples_posted_on_time),
      unitsOrdered: n(r.units_ordered) ?? 0,
      unitsRefunded: n(r.units_refunded) ?? 0,
    },
    rules.get(),
    rules.context(),
    n(r.score_override),
  );
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
  const stats = db
    .prepare(
      `SELECT source, followers, gmv_minor, gmv_currency, units_sold, avg_video_views, engagement_bp, updated_at
       FROM creator_stats WHERE creator_id IN (${group}) ORDER BY updated_at DESC LIMIT 1`,
    )
    .get(id) as
    | {
        source: 'marketplace' | 'import' | 'manual';
        followers: number | null;
        gmv_minor: number | null;
        gmv_currency: string | null;
        units_sold: number | null;
        avg_video_views: number | null;
        engagement_bp: number | null;
        updated_at: number;
      }
    | undefined;
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
          updatedAt: stats.updated_at,
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
