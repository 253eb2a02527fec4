import type { Database } from 'better-sqlite3';
import type { ScoreRules } from '@shared/creator-score';
import { type CreatorStage, stageRank } from '@shared/creators';
import type { CreatorExtensions } from './extensions';
import { segmentForIndex } from './fts-text';
import { encodeSet } from './index-sets';
import { type CreatorSources, IndexSources, type RecordSource } from './index-sources';
import { computeScore, type ScoreContext, type ScoreFeatures } from './score';
import type { StageMoves } from './stages';
import { noStats, statsColumns, statsFeatures } from './stats-columns';

/**
 * Rebuilds the derived rows of Creators: `creator_index` (what the table sorts and filters) and
 * `creator_fts` (full text), after advancing each one's pipeline stage from synced events. Everything here is
 * recomputed from the source tables, so it can run again at any time with the same result.
 */

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

/**
 * What the table shows of a Creator: the handle and nickname of its latest record with a handle, and the
 * latest avatar and region any record has.
 */
function displayOf(records: readonly RecordSource[]): Display {
  const newest = [...records].sort((a, b) => b.updated_at - a.updated_at || a.id - b.id);
  const named = newest.find((r) => r.handle !== null) ?? newest[0]!;
  return {
    handle: named.handle,
    nickname: named.nickname,
    avatar_url: newest.find((r) => r.avatar_url !== null)?.avatar_url ?? null,
    region: newest.find((r) => r.region !== null)?.region ?? null,
  };
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
  ...statsColumns,
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

/** Where the derived rows go: the live tables, or the staging pair a full rebuild fills (index-rebuild.ts). */
export interface IndexTarget {
  index: string;
  fts: string;
}

export const liveIndex: IndexTarget = { index: 'creator_index', fts: 'creator_fts' };

function writeStatements(db: Database, { index, fts }: IndexTarget) {
  return {
    // Most re-indexes change nothing (a sync touched the creator, its figures stayed): such a row is not
    // written at all, and a changed one is updated in place rather than deleted and inserted again, so the
    // table's many sort indexes and the WAL see only real changes.
    upsert: db.prepare(`INSERT INTO ${index} (creator_id, ${indexColumns.join(', ')})
        VALUES (@creator_id, ${indexColumns.map((c) => `@${c}`).join(', ')})
        ON CONFLICT (creator_id) DO UPDATE SET ${indexColumns.map((c) => `${c} = excluded.${c}`).join(', ')}
        WHERE (${indexColumns.map((c) => `${index}.${c}`).join(', ')})
          IS NOT (${indexColumns.map((c) => `excluded.${c}`).join(', ')})`),
    drop: db.prepare(`DELETE FROM ${index} WHERE creator_id = ?`),
    ftsDrop: db.prepare(`DELETE FROM ${fts} WHERE rowid = ?`),
    ftsInsert: db.prepare(`INSERT INTO ${fts} (rowid, names, notes, tags) VALUES (?, ?, ?, ?)`),
  };
}

type Writer = ReturnType<typeof writeStatements>;

function statements(db: Database) {
  return {
    record: db.prepare('SELECT id, canonical_id, stage, score_override FROM creators WHERE id = ?'),
    // Each id asked for and the Creator it belongs to now (null: no such record any more).
    roots: db.prepare(`SELECT k.value AS id, c.canonical_id
        FROM json_each(?) k LEFT JOIN creators c ON c.id = k.value`),
    takeDirty: db.prepare('SELECT creator_id FROM creator_dirty ORDER BY creator_id LIMIT ?'),
    clearDirty: db.prepare('DELETE FROM creator_dirty WHERE creator_id IN (SELECT value FROM json_each(?))'),
    markDirty: db.prepare('INSERT OR IGNORE INTO creator_dirty (creator_id) SELECT value FROM json_each(?)'),
    dirtyCount: db.prepare('SELECT COUNT(*) FROM creator_dirty'),
  };
}

export class CreatorIndexer {
  private readonly db: Database;
  private readonly s: ReturnType<typeof statements>;

  private readonly sources: IndexSources;
  private readonly live: Writer;
  /** The staging tables' statements while a full rebuild fills them (`startBuild` … `endBuild`). */
  private staged: Writer | null = null;

  constructor(private readonly deps: IndexerDeps) {
    this.db = deps.db;
    this.s = statements(deps.db);
    this.sources = new IndexSources(deps.db);
    this.live = writeStatements(deps.db, liveIndex);
  }

  /** Creators waiting to be re-indexed. */
  pending(): number {
    return this.s.dirtyCount.pluck().get() as number;
  }

  /**
   * Re-indexes up to `max` dirty creators in one transaction: how many marks it took (0: none left) and the
   * Creators it rebuilt (a mark of a merged or deleted record rebuilds its Creator, or nothing).
   */
  drain(max: number, now: number): { taken: number; creators: number[] } {
    return this.db.transaction(() => {
      const ids = this.s.takeDirty.pluck().all(max) as number[];
      return { taken: ids.length, creators: this.rebuild(ids, now) };
    })();
  }

  /**
   * Re-indexes the given creators now (after an edit the user waits for). During a full rebuild the staging
   * rows may already hold their older state, so they are marked too and re-indexed after the swap.
   */
  refresh(ids: Iterable<number>, now: number): void {
    const list = [...new Set(ids)];
    this.db.transaction(() => {
      this.rebuild(list, now);
      if (this.staged) this.s.markDirty.run(JSON.stringify(list));
    })();
  }

  /** From now on `build` writes into `target` (tables the caller has just created, empty). */
  startBuild(target: IndexTarget): void {
    this.staged = writeStatements(this.db, target);
  }

  /** Until the next `startBuild`: the staging tables are gone (swapped in or dropped). */
  endBuild(): void {
    this.staged = null;
  }

  /**
   * Writes the rows of the Creators `ids` (canonical ids; others are skipped) into the staging tables, in
   * one transaction. Dirty marks are left alone: the rebuild took the ones it answers when it started.
   */
  build(ids: readonly number[], now: number): void {
    const into = this.staged;
    if (!into) throw new Error('CreatorIndexer.build before startBuild');
    this.db.transaction(() => this.write(ids, into, now))();
  }

  /**
   * Rebuilds the rows of the Creators `ids` belong to, reading their sources for the whole batch at once
   * (`IndexSources`); an id that is no Creator any more (merged into another, or gone) loses its rows and
   * its Creator, if any, is rebuilt instead. Returns the Creators rebuilt.
   */
  private rebuild(ids: readonly number[], now: number): number[] {
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    this.s.clearDirty.run(json);
    const creators = new Set<number>();
    for (const r of this.s.roots.all(json) as Array<{ id: number; canonical_id: number | null }>) {
      if (r.canonical_id !== r.id) {
        this.live.drop.run(r.id);
        this.live.ftsDrop.run(r.id);
      }
      if (r.canonical_id !== null) creators.add(r.canonical_id);
    }
    return this.write([...creators], this.live, now);
  }

  /** Writes the rows of the Creators `ids` through `into`; returns the ids written (the Creators found). */
  private write(ids: readonly number[], into: Writer, now: number): number[] {
    const sources = this.sources.read(ids);
    const rules = this.deps.rules();
    const ctx = this.deps.scoreContext();
    const done: number[] = [];
    for (const [id, src] of sources) {
      this.refreshOne(id, src, rules, ctx, now, into);
      done.push(id);
    }
    return done;
  }

  private refreshOne(
    id: number,
    src: CreatorSources,
    rules: ScoreRules,
    ctx: ScoreContext,
    now: number,
    into: Writer,
  ): void {
    const { records, stats, categories, sightings, orders, units, collabs, messages } = src;
    const own = records.find((r) => r.id === id)!;
    const row: Canonical = { id, canonical_id: id, stage: own.stage, score_override: own.score_override };
    const recordIds = records.map((r) => r.id);
    const facts = this.deps.extensions.facts(this.db, recordIds);
    // Synced events are the only evidence besides samples: without any, the stage queries would find none.
    const evidence =
      orders.length > 0 ||
      collabs.invited > 0 ||
      messages.last !== null ||
      facts.sampleSentAt !== null ||
      facts.samplePostedAt !== null;
    if (evidence && this.deps.stages.advance(id, facts, now))
      row.stage = (this.s.record.get(id) as Canonical).stage;

    const display = displayOf(records);
    const tagRows = src.tags;
    const tags = tagRows.map((t) => t.name);
    const main = orders[0];
    const max = (...xs: Array<number | null | undefined>): number | null => {
      const v = xs.filter((x): x is number => typeof x === 'number');
      return v.length ? Math.max(...v) : null;
    };

    const features: ScoreFeatures = {
      ...statsFeatures(stats),
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
    const blocked = src.blocked;
    into.upsert.run({
      creator_id: id,
      handle: display.handle,
      nickname: display.nickname,
      avatar_url: display.avatar_url,
      region: display.region,
      ...(stats ?? noStats),
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
      first_seen_at: Math.min(...records.map((r) => r.first_seen_at)),
      last_activity_at: max(
        ...sightings.map((x) => x.last_seen_at),
        messages.last,
        collabs.last,
        main?.last,
        ...orders.map((o) => o.last),
      ),
      tag_set: encodeSet(tagRows.map((t) => t.id)),
      list_set: encodeSet(src.lists),
      category_set: encodeSet(categories),
      shop_set: encodeSet(sightings.map((x) => x.shop_id)),
      source_set: encodeSet([...sightings.map((x) => x.source), ...records.map((r) => r.origin)]),
    });
    const names = src.names.join(' | ');
    const notes = src.notes.join(' | ');
    if (into === this.live) into.ftsDrop.run(id);
    into.ftsInsert.run(id, segmentForIndex(names), segmentForIndex(notes), segmentForIndex(tags.join(' | ')));
  }
}
