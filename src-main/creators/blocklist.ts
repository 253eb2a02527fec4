import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { BlockedCreator } from '@shared/creator-lists';
import type { CreatorStage } from '@shared/creators';
import type { StageMoves } from './stages';
import { creatorTexts } from './texts';

/**
 * One blocklist for every shop and region: a Creator is blocked when any of its records is, so merging with
 * a blocked creator blocks the merged one and outreach (which asks `isBlocked`) never reaches either.
 */

const group = 'SELECT id FROM creators WHERE canonical_id = ?';

export class CreatorBlocklist {
  constructor(
    private readonly db: Database,
    private readonly stages: StageMoves,
  ) {}

  /** True when the Creator (given any of its record ids) is blocked. */
  isBlocked(creatorId: number): boolean {
    return (
      this.db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM creator_blocklist WHERE creator_id IN
             (SELECT id FROM creators WHERE canonical_id = (SELECT canonical_id FROM creators WHERE id = ?)))`,
        )
        .pluck()
        .get(creatorId) === 1
    );
  }

  /** The subset of Creators (canonical ids) that are blocked: outreach filters its audience with it. */
  blockedAmong(creatorIds: readonly number[]): Set<number> {
    const q = this.db.prepare(
      `SELECT EXISTS (SELECT 1 FROM creator_blocklist WHERE creator_id IN (${group}))`,
    );
    return new Set(creatorIds.filter((id) => q.pluck().get(id) === 1));
  }

  /** Blocks Creators (canonical ids) with a reason; returns how many were not blocked yet. */
  add(creatorIds: readonly number[], reason: string, now: number): number {
    const insert = this.db.prepare(
      'INSERT INTO creator_blocklist (creator_id, reason, blocked_at) VALUES (?, ?, ?)',
    );
    const blocked = this.blockedAmong(creatorIds);
    let changed = 0;
    for (const id of creatorIds) {
      if (blocked.has(id)) continue;
      insert.run(id, reason, now);
      this.stages.move(id, 'blocked', 'blocklist', reason, now);
      changed++;
    }
    return changed;
  }

  /** Unblocks Creators: every record's entry goes, and the stage returns to where blocking found it. */
  remove(creatorIds: readonly number[], now: number): number {
    const del = this.db.prepare(`DELETE FROM creator_blocklist WHERE creator_id IN (${group})`);
    const before = this.db.prepare(
      `SELECT from_stage FROM creator_stage_moves WHERE creator_id = ? AND to_stage = 'blocked'
       ORDER BY moved_at DESC, id DESC LIMIT 1`,
    );
    let changed = 0;
    for (const id of creatorIds) {
      if (del.run(id).changes === 0) continue;
      changed++;
      const stage = this.db
        .prepare('SELECT stage FROM creators WHERE id = ?')
        .pluck()
        .get(id) as CreatorStage;
      if (stage === 'blocked') {
        const back = (before.pluck().get(id) as CreatorStage | undefined) ?? 'new';
        this.stages.move(id, back === 'blocked' ? 'new' : back, 'blocklist', null, now);
      }
    }
    return changed;
  }

  entry(creatorId: number): { reason: string; blockedAt: number } | null {
    const row = this.db
      .prepare(
        `SELECT reason, blocked_at AS blockedAt FROM creator_blocklist WHERE creator_id IN (${group})
         ORDER BY blocked_at LIMIT 1`,
      )
      .get(creatorId) as { reason: string; blockedAt: number } | undefined;
    return row ?? null;
  }

  /** Newest first, by keyset on (blocked_at, creator id). */
  page(
    limit: number,
    cursor: string | undefined,
  ): { items: BlockedCreator[]; nextCursor: string | null; total: number } {
    let after: [number, number] | null = null;
    if (cursor) {
      const m = /^(\d+)\.(\d+)$/.exec(cursor);
      if (!m) throw new AppError('VALIDATION', creatorTexts.badCursor());
      after = [Number(m[1]), Number(m[2])];
    }
    const rows = this.db
      .prepare(
        `SELECT b.creator_id AS recordId, r.canonical_id AS creatorId, i.handle, i.nickname, b.reason, b.blocked_at AS blockedAt
         FROM creator_blocklist b JOIN creators r ON r.id = b.creator_id
         LEFT JOIN creator_index i ON i.creator_id = r.canonical_id
         ${after ? 'WHERE (b.blocked_at, b.creator_id) < (?, ?)' : ''}
         ORDER BY b.blocked_at DESC, b.creator_id DESC LIMIT ?`,
      )
      .all(...(after ?? []), limit + 1) as Array<BlockedCreator & { recordId: number }>;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(({ recordId: _r, ...b }) => b),
      nextCursor: rows.length > limit && last ? `${last.blockedAt}.${last.recordId}` : null,
      total: this.db.prepare('SELECT COUNT(*) FROM creator_blocklist').pluck().get() as number,
    };
  }
}
