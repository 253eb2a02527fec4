import type { Database, Statement } from 'better-sqlite3';

/**
 * One row per creator however we met them. TikTok names the same person by an open id (collaborations),
 * an IM id (conversations) and a handle (affiliate orders, everywhere); a sighting with any known id
 * finds the existing row and fills in the ids it did not have yet.
 */

export interface CreatorSighting {
  openId?: string | null;
  userId?: string | null;
  imId?: string | null;
  handle?: string | null;
  nickname?: string | null;
  avatarUrl?: string | null;
  region?: string | null;
}

export type CreatorSource = 'affiliate_order' | 'collaboration' | 'conversation';

const idColumns = ['open_id', 'im_id', 'user_id', 'handle'] as const;
type IdColumn = (typeof idColumns)[number];

function idOf(s: CreatorSighting, column: IdColumn): string | null {
  const v = { open_id: s.openId, im_id: s.imId, user_id: s.userId, handle: s.handle }[column];
  return v ? v : null;
}

export class CreatorStore {
  private readonly findBy: Record<IdColumn, Statement<[string], { id: number }>>;
  private readonly setId: Record<IdColumn, Statement<[string, number]>>;
  private readonly insert: Statement;
  private readonly touch: Statement;
  private readonly sight: Statement;

  constructor(db: Database) {
    const find = (c: IdColumn): Statement<[string], { id: number }> =>
      db.prepare(`SELECT id FROM creators WHERE ${c} = ?`);
    const set = (c: IdColumn): Statement<[string, number]> =>
      db.prepare(`UPDATE creators SET ${c} = ? WHERE id = ? AND ${c} IS NULL`);
    this.findBy = {
      open_id: find('open_id'),
      im_id: find('im_id'),
      user_id: find('user_id'),
      handle: find('handle'),
    };
    this.setId = {
      open_id: set('open_id'),
      im_id: set('im_id'),
      user_id: set('user_id'),
      handle: set('handle'),
    };
    this.insert = db.prepare(`
      INSERT INTO creators (open_id, user_id, im_id, handle, nickname, avatar_url, region, first_seen_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.touch = db.prepare(`
      UPDATE creators SET nickname = COALESCE(?, nickname), avatar_url = COALESCE(?, avatar_url),
        region = COALESCE(?, region), updated_at = ? WHERE id = ?`);
    this.sight = db.prepare(`
      INSERT INTO creator_sightings (creator_id, account_id, shop_id, source, first_seen_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (creator_id, shop_id, source) DO UPDATE SET last_seen_at = excluded.last_seen_at,
        account_id = excluded.account_id`);
  }

  /** The creator's local id (created when new), recording where they were seen. Null without any id. */
  resolve(
    s: CreatorSighting,
    seen: { accountId: string; shopId: string; source: CreatorSource },
    now: number,
  ): number | null {
    let id: number | null = null;
    for (const c of idColumns) {
      const v = idOf(s, c);
      if (v === null) continue;
      const row = this.findBy[c].get(v);
      if (row) {
        id = row.id;
        break;
      }
    }
    if (id === null) {
      if (idColumns.every((c) => idOf(s, c) === null)) return null;
      id = Number(
        this.insert.run(
          idOf(s, 'open_id'),
          idOf(s, 'user_id'),
          idOf(s, 'im_id'),
          idOf(s, 'handle'),
          s.nickname ?? null,
          s.avatarUrl || null,
          s.region ?? null,
          now,
          now,
        ).lastInsertRowid,
      );
    } else {
      for (const c of idColumns) {
        const v = idOf(s, c);
        // Fill an id this row lacks, unless another row already holds it (kept apart rather than merged).
        if (v !== null && !this.findBy[c].get(v)) this.setId[c].run(v, id);
      }
      this.touch.run(s.nickname ?? null, s.avatarUrl || null, s.region ?? null, now, id);
    }
    this.sight.run(id, seen.accountId, seen.shopId, seen.source, now, now);
    return id;
  }
}
