import type { Database, Statement } from 'better-sqlite3';
import { normaliseHandle, type ResolveOptions, type ResolvedCreator } from './identity';
import type { CreatorSighting } from './identity';
import type { CreatorDraft } from './import/fields';

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
 * source gave, which the CRM's table, filters and scores read from `creator_stats`.
 */
export class CreatorOrigins {
  private readonly byOpenId: Statement<[string], number>;
  private readonly handleOnly: Statement<[string], number>;
  private readonly handleBearer: Statement<[string], number>;
  private readonly record: Statement;
  private readonly stats: Statement;
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
    this.record = db.prepare(`
      INSERT INTO creator_origins (creator_id, source, first_at, last_at, detail, followers)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (creator_id, source) DO UPDATE SET last_at = excluded.last_at,
        detail = COALESCE(excluded.detail, detail), followers = COALESCE(excluded.followers, followers)`);
    // A source without figures leaves the record's last ones alone.
    this.stats = db.prepare(`
      INSERT INTO creator_stats (creator_id, source, followers, gmv_minor, gmv_currency, avg_video_views, updated_at)
      VALUES (@recordId, @source, @followers, @gmvMinor, @gmvCurrency, @avgVideoViews, @now)
      ON CONFLICT (creator_id) DO UPDATE SET source = excluded.source,
        followers = COALESCE(excluded.followers, followers),
        gmv_minor = CASE WHEN excluded.gmv_currency IS NULL THEN gmv_minor ELSE excluded.gmv_minor END,
        gmv_currency = COALESCE(excluded.gmv_currency, gmv_currency),
        avg_video_views = COALESCE(excluded.avg_video_views, avg_video_views),
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
    origin: {
      source: CreatorOrigin;
      detail: string | null;
      place?: ResolveOptions['place'];
      figures?: { gmv: { amountMinor: number; currency: string } | null; avgVideoViews: number | null };
    },
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
    this.record.run(r.recordId, origin.source, now, now, origin.detail, draft.followers);
    if (draft.followers !== null || origin.figures) {
      this.stats.run({
        recordId: r.recordId,
        source: origin.source,
        followers: draft.followers,
        gmvMinor: origin.figures?.gmv?.amountMinor ?? null,
        gmvCurrency: origin.figures?.gmv?.currency ?? null,
        avgVideoViews: origin.figures?.avgVideoViews ?? null,
        now,
      });
    }
    this.addCategories(r.recordId, draft.categories ?? []);
    // A new record the identity joined to an older creator (known by its handle) is not a new creator.
    return { creatorId: r.creatorId, recordId: r.recordId, created: r.created && r.creatorId === r.recordId };
  }
}
