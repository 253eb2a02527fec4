import type { Database } from 'better-sqlite3';
import { weekStart } from './calendar';
import type { DeliveryRow, OutreachRow } from './store';

/**
 * The shop's weekly pool of new creators, as ShopMesh counts it (docs/outreach.md, "Weekly pool"):
 * invitations and messages to creators the shop is not yet connected with draw from one pool per TikTok
 * week; the same creator again in the week counts once; connected creators (they replied, wrote first, or
 * put an invited product in their showcase) are exempt. TikTok's quota refusal marks the week used up.
 */
export class PoolLedger {
  constructor(private readonly db: Database) {}

  /** A creator the shop is connected with on TikTok's terms, from synced conversations and collaborations. */
  isConnected(shopId: string, openId: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT EXISTS (
             SELECT 1 FROM creators c JOIN conversations v ON v.creator_id = c.id
               JOIN messages m ON m.conversation_id = v.conversation_id
             WHERE c.open_id = ? AND v.shop_id = ? AND m.from_creator = 1
           ) OR EXISTS (
             SELECT 1 FROM creators c JOIN collaboration_creators cc ON cc.creator_id = c.id
               JOIN collaborations k ON k.collaboration_id = cc.collaboration_id
             WHERE c.open_id = ? AND k.shop_id = ? AND cc.accepted = 1
           )`,
        )
        .pluck()
        .get(openId, shopId, openId, shopId) === 1
    );
  }

  /** Open ids of every creator the shop is connected with (the plan asks for thousands at once). */
  connectedOpenIds(shopId: string): Set<string> {
    const rows = this.db
      .prepare(
        `SELECT c.open_id FROM creators c JOIN conversations v ON v.creator_id = c.id
         WHERE v.shop_id = ? AND c.open_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = v.conversation_id AND m.from_creator = 1)
         UNION
         SELECT c.open_id FROM creators c JOIN collaboration_creators cc ON cc.creator_id = c.id
           JOIN collaborations k ON k.collaboration_id = cc.collaboration_id
         WHERE k.shop_id = ? AND cc.accepted = 1 AND c.open_id IS NOT NULL`,
      )
      .pluck()
      .all(shopId, shopId) as string[];
    return new Set(rows);
  }

  /** Open ids already counted in this week's pool. */
  countedThisWeek(shopId: string, now: number): Set<string> {
    return new Set(
      this.db
        .prepare('SELECT creator_id FROM outreach_pool WHERE shop_id = ? AND week_start = ?')
        .pluck()
        .all(shopId, weekStart(now)) as string[],
    );
  }

  privacyRefusals(shopId: string): Set<string> {
    return new Set(
      this.db
        .prepare('SELECT creator_open_id FROM creator_privacy_refusals WHERE shop_id = ?')
        .pluck()
        .all(shopId) as string[],
    );
  }

  used(shopId: string, now: number): number {
    return this.db
      .prepare('SELECT count(*) FROM outreach_pool WHERE shop_id = ? AND week_start = ?')
      .pluck()
      .get(shopId, weekStart(now)) as number;
  }

  isExhausted(shopId: string, now: number): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM outreach_pool_exhausted WHERE shop_id = ? AND week_start = ?')
        .get(shopId, weekStart(now)) !== undefined
    );
  }

  /** True when contacting `openId` costs nothing from this week's pool. */
  free(shopId: string, openId: string, now: number): boolean {
    const counted =
      this.db
        .prepare('SELECT 1 FROM outreach_pool WHERE shop_id = ? AND week_start = ? AND creator_id = ?')
        .get(shopId, weekStart(now), openId) !== undefined;
    return counted || this.isConnected(shopId, openId);
  }

  /** The longest prefix of `candidates` that fits in what is left of this week's pool. */
  largestFit(o: OutreachRow, candidates: DeliveryRow[], now: number): DeliveryRow[] {
    const size = o.settings.weeklyPool;
    const exhausted = this.isExhausted(o.shopId, now);
    if (size === null && !exhausted) return candidates;
    let left = exhausted ? 0 : Math.max(0, (size ?? 0) - this.used(o.shopId, now));
    const fit: DeliveryRow[] = [];
    const seen = new Set<string>();
    for (const d of candidates) {
      if (!this.free(o.shopId, d.creatorOpenId, now) && !seen.has(d.creatorOpenId)) {
        if (left === 0) break;
        left--;
      }
      seen.add(d.creatorOpenId);
      fit.push(d);
    }
    return fit;
  }

  fits(o: OutreachRow, openIds: string[], now: number): boolean {
    const rows = openIds.map((creatorOpenId) => ({ creatorOpenId }) as DeliveryRow);
    return this.largestFit(o, rows, now).length === rows.length;
  }

  record(o: OutreachRow, openIds: readonly string[], now: number): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO outreach_pool (account_id, shop_id, week_start, creator_id) VALUES (?, ?, ?, ?)',
    );
    for (const id of openIds)
      if (!this.isConnected(o.shopId, id)) insert.run(o.accountId, o.shopId, weekStart(now), id);
  }

  exhausted(o: OutreachRow, now: number): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO outreach_pool_exhausted (account_id, shop_id, week_start, noted_at)
         VALUES (?, ?, ?, ?)`,
      )
      .run(o.accountId, o.shopId, weekStart(now), now);
  }

  rememberPrivacy(o: OutreachRow, openId: string, now: number): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO creator_privacy_refusals (account_id, shop_id, creator_open_id, refused_at)
         VALUES (?, ?, ?, ?)`,
      )
      .run(o.accountId, o.shopId, openId, now);
  }
}
