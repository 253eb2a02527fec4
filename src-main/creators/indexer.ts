import type { Database } from 'better-sqlite3';
import type { ScoreRules } from '@shared/creator-score';
import { type CreatorStage, stageRank } from '@shared/creators';
import type { CreatorExtensions } from './extensions';
import { segmentForIndex } from './fts-text';
import { encodeSet } from './index-sets';
import { computeScore, type ScoreContext, type ScoreFeatures } from './score';
import type { StageMoves } from './stages';

/**
 * Rebuilds the derived rows of Creators: `creator_index` (what the table sorts and filters) and
 * `creator_fts` (full text), after advancing each one's pipeline stage from synced events. Everything here is
 * recomputed from the source tables, so it can run again at any time with the same result.
 */

const group = 'SELECT id FROM creators WHERE canonical_id = ?';

interface Canonical {
  id: number;
  canonical_id: number;
  stage: CreatorStage;
  score_override: number | null;
}

interface Display {
  handle: string | null;
  nickname: string | null;
  avatar_url: string | null;
  region: string | null;
}

interface Stats {
  followers: number | null;
  gmv_minor: number | null;
  gmv_currency: string | null;
  units_sold: number | null;
  avg_video_views: number | null;
  engagement_bp: number | null;
}

export interface IndexerDeps {
  db: Database;
  stages: StageMoves;
  extensions: CreatorExtensions;
  rules: () => ScoreRules;
  scoreContext: () => ScoreContext;
}

/** Every column of `creator_index` but its key, as `refreshOne` fills them. */
const indexColumns = [
  'handle',
  'nickname',
  'avatar_url',
  'region',
  'followers',
  'gmv_minor',
  'gmv_currency',
  'units_sold',
  'avg_video_views',
  'engagement_bp',
  'category',
  'categories',
  'stage',
  'stage_rank',
  'tag_names',
  'score',
  'last_contacted_at',
  'has_contact',
  'blocked',
  'affiliate_orders',
  'affiliate_gmv_minor',
  'affiliate_currency',
  'invitations',
  'accepted',
  'units_ordered',
  'units_refunded',
  'samples_posted_on_time',
  'samples_due',
  'first_seen_at',
  'last_activity_at',
  'tag_set',
  'list_set',
  'category_set',
  'shop_set',
  'source_set',
] as const;

function statements(db: Database) {
  return {
    record: db.prepare('SELECT id, canonical_id, stage, score_override FROM creators WHERE id = ?'),
    records: db.prepare(`SELECT id, origin FROM creators WHERE canonical_id = ? ORDER BY id`),
    display: db.prepare(`SELECT handle, nickname,
          (SELECT avatar_url FROM creators a WHERE a.canonical_id = ? AND avatar_url IS NOT NULL ORDER BY updated_at DESC LIMIT 1) AS avatar_url,
          (SELECT region FROM creators r WHERE r.canonical_id = ? AND region IS NOT NULL ORDER BY updated_at DESC LIMIT 1) AS region
        FROM creators WHERE canonical_id = ? ORDER BY handle IS NULL, updated_at DESC, id LIMIT 1`),
    firstSeen: db.prepare(`SELECT MIN(first_seen_at) FROM creators WHERE canonical_id = ?`),
    stats: db.prepare(`SELECT followers, gmv_minor, gmv_currency, units_sold, avg_video_views, engagement_bp
        FROM creator_stats WHERE creator_id IN (${group}) ORDER BY updated_at DESC LIMIT 1`),
    categories: db.prepare(
      `SELECT DISTINCT category FROM creator_categories WHERE creator_id IN (${group}) ORDER BY category`,
    ),
    tags: db.prepare(`SELECT DISTINCT t.id, t.name FROM creator_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.creator_id IN (${group}) ORDER BY t.name COLLATE NOCASE, t.id`),
    lists: db.prepare(`SELECT DISTINCT list_id FROM creator_list_members WHERE creator_id IN (${group})`),
    sightings: db.prepare(
      `SELECT shop_id, source, last_seen_at FROM creator_sightings WHERE creator_id IN (${group})`,
    ),
    notes: db.prepare(
      `SELECT body FROM creator_notes WHERE creator_id IN (${group}) ORDER BY created_at, id`,
    ),
    names: db.prepare(`SELECT handle AS name FROM creator_handles WHERE creator_id IN (${group})
        UNION SELECT handle FROM creators WHERE canonical_id = ? AND handle IS NOT NULL
        UNION SELECT nickname FROM creators WHERE canonical_id = ? AND nickname IS NOT NULL`),
    blocked: db.prepare(`SELECT EXISTS (SELECT 1 FROM creator_blocklist WHERE creator_id IN (${group}))`),
    orders: db.prepare(`SELECT currency, COUNT(*) AS n, SUM(gmv_minor) AS gmv, MAX(create_time) AS last
        FROM affiliate_orders WHERE creator_id IN (${group}) GROUP BY currency ORDER BY n DESC, currency`),
    units:
      db.prepare(`SELECT COALESCE(SUM(k.quantity), 0) AS units, COALESCE(SUM(k.refunded_quantity), 0) AS refunded
        FROM affiliate_orders o JOIN affiliate_order_skus k ON k.order_id = o.order_id WHERE o.creator_id IN (${group})`),
    collabs: db.prepare(`SELECT COUNT(*) AS invited, COALESCE(SUM(cc.accepted), 0) AS accepted,
          MAX(COALESCE(c.start_time, c.synced_at)) AS last
        FROM collaboration_creators cc JOIN collaborations c ON c.collaboration_id = cc.collaboration_id
        WHERE cc.creator_id IN (${group})`),
    messages: db.prepare(`SELECT MAX(CASE WHEN m.from_creator = 0 THEN m.create_time END) AS sent,
          MAX(m.create_time) AS last
        FROM conversations c JOIN messages m ON m.conversation_id = c.conversation_id WHERE c.creator_id IN (${group})`),
    // Most re-indexes change nothing (a sync touched the creator, its figures stayed): such a row is not
    // written at all, and a changed one is updated in place rather than deleted and inserted again, so the
    // table's many sort indexes and the WAL see only real changes.
    upsert: db.prepare(`INSERT INTO creator_index (creator_id, ${indexColumns.join(', ')})
        VALUES (@creator_id, ${indexColumns.map((c) => `@${c}`).join(', ')})
        ON CONFLICT (creator_id) DO UPDATE SET ${indexColumns.map((c) => `${c} = excluded.${c}`).join(', ')}
        WHERE (${indexColumns.map((c) => `creator_index.${c}`).join(', ')})
          IS NOT (${indexColumns.map((c) => `excluded.${c}`).join(', ')})`),
    drop: db.prepare('DELETE FROM creator_index WHERE creator_id = ?'),
    ftsDrop: db.prepare('DELETE FROM creator_fts WHERE rowid = ?'),
    ftsInsert: db.prepare('INSERT INTO creator_fts (rowid, names, notes, tags) VALUES (?, ?, ?, ?)'),
    takeDirty: db.prepare('SELECT creator_id FROM creator_dirty ORDER BY creator_id LIMIT ?'),
    clearDirty: db.prepare('DELETE FROM creator_dirty WHERE creator_id = ?'),
    dirtyCount: db.prepare('SELECT COUNT(*) FROM creator_dirty'),
  };
}

export class CreatorIndexer {
  private readonly db: Database;
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly deps: IndexerDeps) {
    this.db = deps.db;
    this.s = statements(deps.db);
  }

  /** Creators waiting to be re-indexed. */
  pending(): number {
    return this.s.dirtyCount.pluck().get() as number;
  }

  /** Re-indexes up to `max` dirty creators in one transaction; returns the Creator ids it refreshed. */
  drain(max: number, now: number): number[] {
    return this.db.transaction(() => {
      const ids = this.s.takeDirty.pluck().all(max) as number[];
      const done = new Set<number>();
      const rules = this.deps.rules();
      const ctx = this.deps.scoreContext();
      for (const id of ids) {
        this.s.clearDirty.run(id);
        const canonical = this.refreshOne(id, rules, ctx, now);
        if (canonical !== null) done.add(canonical);
      }
      return [...done];
    })();
  }

  /** Re-indexes the given creators now (after an edit the user waits for). */
  refresh(ids: Iterable<number>, now: number): void {
    const rules = this.deps.rules();
    const ctx = this.deps.scoreContext();
    this.db.transaction(() => {
      for (const id of new Set(ids)) {
        this.s.clearDirty.run(id);
        this.refreshOne(id, rules, ctx, now);
      }
    })();
  }

  /** Returns the Creator id refreshed, or null when `id` is no Creator (gone or merged into another). */
  private refreshOne(id: number, rules: ScoreRules, ctx: ScoreContext, now: number): number | null {
    const row = this.s.record.get(id) as Canonical | undefined;
    if (!row || row.canonical_id !== id) {
      this.s.drop.run(id);
      this.s.ftsDrop.run(id);
      if (row) this.refreshOne(row.canonical_id, rules, ctx, now);
      return null;
    }
    const records = this.s.records.all(id) as Array<{ id: number; origin: string }>;
    const recordIds = records.map((r) => r.id);
    const facts = this.deps.extensions.facts(this.db, recordIds);
    if (this.deps.stages.advance(id, facts, now)) row.stage = (this.s.record.get(id) as Canonical).stage;

    const display = this.s.display.get(id, id, id) as Display;
    const stats = (this.s.stats.get(id) as Stats | undefined) ?? null;
    const categories = this.s.categories.pluck().all(id) as string[];
    const tagRows = this.s.tags.all(id) as Array<{ id: number; name: string }>;
    const tags = tagRows.map((t) => t.name);
    const sightings = this.s.sightings.all(id) as Array<{
      shop_id: string;
      source: string;
      last_seen_at: number;
    }>;
    const orders = this.s.orders.all(id) as Array<{
      currency: string | null;
      n: number;
      gmv: number;
      last: number;
    }>;
    const units = this.s.units.get(id) as { units: number; refunded: number };
    const collabs = this.s.collabs.get(id) as { invited: number; accepted: number; last: number | null };
    const messages = this.s.messages.get(id) as { sent: number | null; last: number | null };
    const main = orders[0];
    const max = (...xs: Array<number | null | undefined>): number | null => {
      const v = xs.filter((x): x is number => typeof x === 'number');
      return v.length ? Math.max(...v) : null;
    };

    const features: ScoreFeatures = {
      followers: stats?.followers ?? null,
      gmvMinor: stats?.gmv_minor ?? null,
      gmvCurrency: stats?.gmv_currency ?? null,
      unitsSold: stats?.units_sold ?? null,
      avgVideoViews: stats?.avg_video_views ?? null,
      engagementBp: stats?.engagement_bp ?? null,
      categories,
      region: display.region,
      invitations: collabs.invited,
      accepted: collabs.accepted,
      samplesDue: facts.samplesDue > 0 ? facts.samplesDue : null,
      samplesPostedOnTime: facts.samplesDue > 0 ? facts.samplesPostedOnTime : null,
      unitsOrdered: units.units,
      unitsRefunded: units.refunded,
    };
    const score = row.score_override ?? computeScore(features, rules, ctx);
    const blocked = (this.s.blocked.pluck().get(id) as number) === 1;
    this.s.upsert.run({
      creator_id: id,
      handle: display.handle,
      nickname: display.nickname,
      avatar_url: display.avatar_url,
      region: display.region,
      followers: features.followers,
      gmv_minor: features.gmvMinor,
      gmv_currency: features.gmvCurrency,
      units_sold: features.unitsSold,
      avg_video_views: features.avgVideoViews,
      engagement_bp: features.engagementBp,
      category: categories[0] ?? null,
      categories: JSON.stringify(categories),
      stage: row.stage,
      stage_rank: stageRank(row.stage),
      tag_names: tags.length ? tags.join(', ') : null,
      score,
      last_contacted_at: max(messages.sent, collabs.last, facts.lastContactedAt),
      has_contact: facts.hasContact ? 1 : 0,
      blocked: blocked ? 1 : 0,
      affiliate_orders: orders.reduce((n, o) => n + o.n, 0),
      affiliate_gmv_minor: main?.gmv ?? 0,
      affiliate_currency: main?.currency ?? null,
      invitations: collabs.invited,
      accepted: collabs.accepted,
      units_ordered: units.units,
      units_refunded: units.refunded,
      samples_posted_on_time: features.samplesPostedOnTime,
      samples_due: features.samplesDue,
      first_seen_at: this.s.firstSeen.pluck().get(id) as number,
      last_activity_at: max(
        ...sightings.map((x) => x.last_seen_at),
        messages.last,
        collabs.last,
        main?.last,
        ...orders.map((o) => o.last),
      ),
      tag_set: encodeSet(tagRows.map((t) => t.id)),
      list_set: encodeSet(this.s.lists.pluck().all(id) as number[]),
      category_set: encodeSet(categories),
      shop_set: encodeSet(sightings.map((x) => x.shop_id)),
      source_set: encodeSet([...sightings.map((x) => x.source), ...records.map((r) => r.origin)]),
    });
    const names = (this.s.names.pluck().all(id, id, id) as string[]).join(' | ');
    const notes = (this.s.notes.pluck().all(id) as string[]).join(' | ');
    this.s.ftsDrop.run(id);
    this.s.ftsInsert.run(
      id,
      segmentForIndex(names),
      segmentForIndex(notes),
      segmentForIndex(tags.join(' | ')),
    );
    return id;
  }
}
