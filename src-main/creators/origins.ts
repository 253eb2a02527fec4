import type { Database, Statement } from 'better-sqlite3';
import { normaliseHandle, type ResolveOptions, type ResolvedCreator } from './identity';
import type { CreatorSighting } from './identity';
import type { CreatorDraft } from './import/fields';
import { chooseStats, type SourcedStats } from './figures-precedence';
import { statsSelect } from './stats-columns';

/** Sources of creators that are not sync sightings: the merchant's own files and hands, and the marketplace. */
export type CreatorOrigin = 'import' | 'manual' | 'marketplace';

/** Who resolves ids to a Creator: the CRM's identity (docs/creators.md). */
export interface CreatorResolver {
  resolve(sighting: CreatorSighting, options: ResolveOptions): ResolvedCreator | null;
}

export interface SavedCreator {
  /** The Creator the merchant sees (root of the merge tree). */
  creatorId: number;
  /** The record these ids belong to: rows that came from this source reference it. */
  recordId: number;
  /** No Creator had these ids or this handle before. */
  created: boolean;
}

/**
 * Records creators from imports, manual adds and marketplace results. Which Creator a set of ids belongs
 * to is the CRM's rule (`CreatorIdentity.resolve`, docs/creators.md: the open id wins, a handle alone never
 * merges two identified creators); this class adds where the creator came from and the figures the
 * source gave (`creator_origins`, one row per source), and the record's figures as the sources' precedence
 * chooses them (`creator_stats`), which the CRM's table, filters and scores read.
 */
export class CreatorOrigins {
  private readonly byOpenId: Statement<[string], number>;
  private readonly handleOnly: Statement<[string], number>;
  private readonly handleBearer: Statement<[string], number>;
  private readonly record: Statement;
  private readonly stats: Statement;
  private readonly sourced: Statement<[number], SourcedStats>;
  private readonly label: Statement<[number], string>;
  private readonly category: Statement<[number, string]>;

  constructor(
    db: Database,
    private readonly resolver: CreatorResolver,
  ) {
    this.byOpenId = db
      .prepare<[string], number>('SELECT canonical_id FROM creators WHERE open_id = ?')
      .pluck();
    // The dry run's forecast of `resolve` (same rules, read only): a new open id joins a creator so far
    // known by nothing but the handle; a handle alone names its current bearer, identified ones first.
    this.handleOnly = db
      .prepare<[string], number>(
        `SELECT c.canonical_id FROM creators c WHERE c.handle = ?
           AND NOT EXISTS (SELECT 1 FROM creators g WHERE g.canonical_id = c.canonical_id
                             AND (g.open_id IS NOT NULL OR g.user_id IS NOT NULL OR g.im_id IS NOT NULL))
         ORDER BY c.first_seen_at, c.id LIMIT 1`,
      )
      .pluck();
    this.handleBearer = db
      .prepare<[string], number>(
        `SELECT canonical_id FROM creators WHERE handle = ?
         ORDER BY (open_id IS NULL AND user_id IS NULL AND im_id IS NULL), updated_at DESC, id LIMIT 1`,
      )
      .pluck();
    this.label = db
      .prepare<[number], string>(
        `SELECT COALESCE('@' || handle, nickname) FROM creators
         WHERE canonical_id = (SELECT canonical_id FROM creators WHERE id = ?)
         ORDER BY id = canonical_id DESC, handle IS NULL, id LIMIT 1`,
      )
      .pluck();
    this.category = db.prepare<[number, string]>(
      'INSERT OR IGNORE INTO creator_categories (creator_id, category) VALUES (?, ?)',
    );
    // Each source keeps the last value it gave of each figure: a file without a GMV column leaves the GMV an
    // earlier file gave. `figures_at` moves only when the source gave a figure (precedence between sources).
    this.record = db.prepare(`
      INSERT INTO creator_origins (creator_id, source, first_at, last_at, detail, followers, gmv_minor, gmv_currency,
        units_sold, avg_video_views, engagement_bp, figures_at)
      VALUES (@recordId, @source, @now, @now, @detail, @followers, @gmvMinor, @gmvCurrency, @unitsSold,
        @avgVideoViews, @engagementBp, @figuresAt)
      ON CONFLICT (creator_id, source) DO UPDATE SET last_at = excluded.last_at,
        detail = COALESCE(excluded.detail, detail), followers = COALESCE(excluded.followers, followers),
        gmv_minor = CASE WHEN excluded.gmv_currency IS NULL THEN gmv_minor ELSE excluded.gmv_minor END,
        gmv_currency = COALESCE(excluded.gmv_currency, gmv_currency),
        units_sold = COALESCE(excluded.units_sold, units_sold),
        avg_video_views = COALESCE(excluded.avg_video_views, avg_video_views),
        engagement_bp = COALESCE(excluded.engagement_bp, engagement_bp),
        figures_at = COALESCE(excluded.figures_at, figures_at)`);
    this.sourced = db.prepare<[number], SourcedStats>(
      `SELECT source, figures_at AS at, ${statsSelect('o')} FROM creator_origins o
       WHERE creator_id = ? AND figures_at IS NOT NULL`,
    );
    // The record's figures as the sources' precedence chooses them (figures-precedence.ts).
    this.stats = db.prepare(`
      INSERT INTO creator_stats (creator_id, source, followers, gmv_minor, gmv_currency, units_sold,
        avg_video_views, engagement_bp, updated_at)
      VALUES (@recordId, @source, @followers, @gmv_minor, @gmv_currency, @units_sold, @avg_video_views,
        @engagement_bp, @at)
      ON CONFLICT (creator_id) DO UPDATE SET source = excluded.source, followers = excluded.followers,
        gmv_minor = excluded.gmv_minor, gmv_currency = excluded.gmv_currency, units_sold = excluded.units_sold,
        avg_video_views = excluded.avg_video_views, engagement_bp = excluded.engagement_bp,
        updated_at = excluded.updated_at`);
  }

  /** How the activity log names a creator: the handle, else the nickname. */
  labelOf(creatorId: number): string {
    return this.label.get(creatorId) ?? `#${creatorId}`;
  }

  /**
   * Adds TikTok category ids to a record (the Creator's set is the union of its records'). A source that
   * stops naming a category does not remove it: TikTok sends the creator's main categories of the moment,
   * and the merchant's filter should still find a creator who sold beauty last month. The caller marks the
   * Creator for re-indexing (`resolve` does on save).
   */
  addCategories(recordId: number, ids: readonly string[]): void {
    for (const id of ids) this.category.run(recordId, id);
  }

  /** The Creator these ids would be saved into, or null for a new one (reads only). */
  match(ids: { openId: string | null; handle: string | null }): number | null {
    const handle = normaliseHandle(ids.handle);
    if (ids.openId) {
      const known = this.byOpenId.get(ids.openId);
      if (known !== undefined) return known;
      return handle === null ? null : (this.handleOnly.get(handle) ?? null);
    }
    return handle === null ? null : (this.handleBearer.get(handle) ?? null);
  }

  /** Creates or updates the creator and records where they came from; inside the caller's transaction. */
  save(
    draft: Omit<CreatorDraft, 'categories'> & { categories?: readonly string[]; avatarUrl?: string | null },
    origin: { source: CreatorOrigin; detail: string | null; place?: ResolveOptions['place'] },
    now: number,
  ): SavedCreator {
    const r = this.resolver.resolve(
      {
        openId: draft.openId,
        handle: draft.handle,
        nickname: draft.nickname,
        region: draft.region,
        avatarUrl: draft.avatarUrl ?? null,
      },
      { origin: origin.source, place: origin.place, now },
    );
    // Drafts are checked to carry an open id or a handle before they get here.
    if (r === null) throw new Error('A creator needs an open id or a handle.');
    const gaveFigures =
      draft.followers !== null ||
      draft.gmv !== null ||
      draft.unitsSold !== null ||
      draft.avgVideoViews !== null ||
      draft.engagementBp !== null;
    this.record.run({
      recordId: r.recordId,
      source: origin.source,
      now,
      detail: origin.detail,
      followers: draft.followers,
      gmvMinor: draft.gmv?.amountMinor ?? null,
      gmvCurrency: draft.gmv?.currency ?? null,
      unitsSold: draft.unitsSold,
      avgVideoViews: draft.avgVideoViews,
      engagementBp: draft.engagementBp,
      figuresAt: gaveFigures ? now : null,
    });
    if (gaveFigures) {
      const chosen = chooseStats(this.sourced.all(r.recordId));
      if (chosen) this.stats.run({ recordId: r.recordId, ...chosen });
    }
    this.addCategories(r.recordId, draft.categories ?? []);
    // A new record the identity joined to an older creator (known by its handle) is not a new creator.
    return { creatorId: r.creatorId, recordId: r.recordId, created: r.created && r.creatorId === r.recordId };
  }
}
