import type { Database, Statement } from 'better-sqlite3';
import type { CreatorDraft } from './import/fields';

/** Sources of creators that are not sync sightings: the merchant's own files and hands, and the marketplace. */
export type CreatorOrigin = 'import' | 'manual' | 'marketplace';

export interface IdentityMatch {
  /** The creator the ids name, or null when none does. */
  creatorId: number | null;
  /** The open id names one creator and the handle another: merging them is the user's call, not ours. */
  conflict: boolean;
  /** Given ids no creator holds yet, which `save` may fill in. */
  free: { openId: boolean; handle: boolean };
}

/**
 * Finds and records creators for imports, manual adds and marketplace results. The open id is TikTok's
 * stable identity and wins; a handle names the creator who holds it today. A row whose open id and handle
 * point at two different creators is refused rather than merging them.
 */
export class CreatorOrigins {
  private readonly byOpenId: Statement<[string], { id: number; handle: string | null }>;
  private readonly byHandle: Statement<[string], { id: number; open_id: string | null }>;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly record: Statement;
  private readonly label: Statement<[number], string>;

  constructor(db: Database) {
    this.byOpenId = db.prepare('SELECT id, handle FROM creators WHERE open_id = ?');
    this.byHandle = db.prepare('SELECT id, open_id FROM creators WHERE handle = ?');
    this.insert = db.prepare(`
      INSERT INTO creators (open_id, handle, nickname, region, first_seen_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`);
    // Ids are filled in, never replaced; given profile values replace stored ones.
    this.update = db.prepare(`
      UPDATE creators SET open_id = COALESCE(open_id, ?), handle = COALESCE(handle, ?),
        nickname = COALESCE(?, nickname), region = COALESCE(?, region), updated_at = ? WHERE id = ?`);
    this.label = db
      .prepare<[number], string>(`SELECT COALESCE('@' || handle, nickname) FROM creators WHERE id = ?`)
      .pluck();
    this.record = db.prepare(`
      INSERT INTO creator_origins (creator_id, source, first_at, last_at, detail, followers)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (creator_id, source) DO UPDATE SET last_at = excluded.last_at,
        detail = COALESCE(excluded.detail, detail), followers = COALESCE(excluded.followers, followers)`);
  }

  /** How the activity log names a creator: the handle, else the nickname. */
  labelOf(creatorId: number): string {
    return this.label.get(creatorId) ?? `#${creatorId}`;
  }

  match(ids: { openId: string | null; handle: string | null }): IdentityMatch {
    const byOpen = ids.openId ? this.byOpenId.get(ids.openId) : undefined;
    const byHandle = ids.handle ? this.byHandle.get(ids.handle) : undefined;
    const free = { openId: !!ids.openId && !byOpen, handle: !!ids.handle && !byHandle };
    if (byOpen && byHandle && byOpen.id !== byHandle.id) return { creatorId: null, conflict: true, free };
    // A handle now held by a creator with another open id is a different person (handles are reused).
    if (!byOpen && byHandle && ids.openId && byHandle.open_id && byHandle.open_id !== ids.openId)
      return { creatorId: null, conflict: true, free };
    return { creatorId: byOpen?.id ?? byHandle?.id ?? null, conflict: false, free };
  }

  /**
   * Creates or updates the creator `match` found (just before, in the same transaction) and records where
   * they came from.
   */
  save(
    draft: CreatorDraft,
    match: IdentityMatch,
    origin: { source: CreatorOrigin; detail: string | null },
    now: number,
  ): { creatorId: number; created: boolean } {
    let creatorId = match.creatorId;
    let created = false;
    if (creatorId === null) {
      creatorId = Number(
        this.insert.run(draft.openId, draft.handle, draft.nickname, draft.region, now, now).lastInsertRowid,
      );
      created = true;
    } else {
      // An id another creator holds stays with that creator (`match` refused real conflicts already).
      const openId = match.free.openId ? draft.openId : null;
      const handle = match.free.handle ? draft.handle : null;
      this.update.run(openId, handle, draft.nickname, draft.region, now, creatorId);
    }
    this.record.run(creatorId, origin.source, now, now, origin.detail, draft.followers);
    return { creatorId, created };
  }
}
