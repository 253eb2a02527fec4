import type { Database } from 'better-sqlite3';

/**
 * What the shop already did to each creator, read once per plan for thousands of creators (docs/outreach.md,
 * "Plan"): which products a creator is already invited to, when any Outreach last contacted them, and how
 * many messages went to them since their last reply. Creators are keyed by their Creator (the merge tree's
 * root, `canonical_id`), whatever record a Delivery, a collaboration or a conversation was tied to.
 */

/** Invitations ShopMesh sends end this long after sending when the Outreach named no end (queue.ts). */
export const defaultInvitationDays = 30;
const day = 86_400_000;
/** A Delivery counts as having reached TikTok in these states (a lost answer may have). */
const reachedStates = `('sent', 'maybe_sent', 'sending')`;

export class ContactHistory {
  constructor(private readonly db: Database) {}

  /**
   * Products each Creator holds a running invitation to from this shop: TikTok refuses the pair again
   * (16024022, docs/tiktok-api/outreach.md). From the synced collaborations still VALID and ShopMesh's own
   * invite Deliveries (sent, maybe sent, or refused as already invited) whose invitation has not ended.
   */
  invitedProducts(shopId: string, now: number): Map<number, Set<string>> {
    const rows = this.db
      .prepare(
        `SELECT c.canonical_id AS creator, p.product_id AS product
           FROM collaborations k
           JOIN collaboration_creators cc ON cc.collaboration_id = k.collaboration_id
           JOIN collaboration_products p ON p.collaboration_id = k.collaboration_id
           JOIN creators c ON c.id = cc.creator_id
          WHERE k.shop_id = ? AND k.status = 'VALID' AND (k.end_time IS NULL OR k.end_time > ?)
            AND COALESCE(cc.status, 'NORMAL') <> 'DELETED'
         UNION
         SELECT c.canonical_id, json_extract(p.value, '$.productId')
           FROM deliveries d
           JOIN outreaches o ON o.id = d.outreach_id
           JOIN json_each(o.settings, '$.products') p
           JOIN creators c ON c.id = d.creator_id
          WHERE o.shop_id = ? AND d.action = 'invite'
            AND (d.state IN ${reachedStates} OR (d.state = 'skipped' AND d.reason = 'already_invited'))
            AND COALESCE(json_extract(o.settings, '$.invitationEndAt'),
                         COALESCE(d.sent_at, d.sending_at, d.updated_at) + ${defaultInvitationDays * day}) > ?`,
      )
      .all(shopId, now, shopId, now) as Array<{ creator: number; product: string }>;
    const by = new Map<number, Set<string>>();
    for (const r of rows) {
      const set = by.get(r.creator) ?? new Set<string>();
      set.add(r.product);
      by.set(r.creator, set);
    }
    return by;
  }

  /** When any Outreach (of any shop) last contacted each Creator since `since`. */
  contactedSince(since: number): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT c.canonical_id AS creator, max(COALESCE(d.sent_at, d.sending_at)) AS at
           FROM deliveries d JOIN creators c ON c.id = d.creator_id
          WHERE d.state IN ${reachedStates} AND COALESCE(d.sent_at, d.sending_at) >= ?
          GROUP BY c.canonical_id`,
      )
      .all(since) as Array<{ creator: number; at: number }>;
    return new Map(rows.map((r) => [r.creator, r.at]));
  }

  /**
   * Messages from this shop each Creator received since they last wrote (TikTok lets about five reach a
   * creator who has not replied, docs/tiktok-api/affiliate.md): the synced seller messages after the
   * creator's last message, plus ShopMesh's own messages (Deliveries, inbox replies) the conversation sync
   * has not brought back yet (sent after the newest synced message).
   */
  unansweredMessages(shopId: string): Map<number, number> {
    const synced = this.db
      .prepare(
        `SELECT c.canonical_id AS creator,
                (SELECT count(*) FROM messages m WHERE m.conversation_id = v.conversation_id AND m.from_creator = 0
                   AND m.conversation_index > COALESCE((SELECT max(r.conversation_index) FROM messages r
                     WHERE r.conversation_id = v.conversation_id AND r.from_creator = 1), -1)) AS unanswered,
                COALESCE((SELECT max(m.create_time) FROM messages m WHERE m.conversation_id = v.conversation_id),
                         v.last_message_at) AS lastAt
           FROM conversations v JOIN creators c ON c.id = v.creator_id
          WHERE v.shop_id = ?`,
      )
      .all(shopId) as Array<{ creator: number; unanswered: number; lastAt: number | null }>;
    const ours = this.db
      .prepare(
        `SELECT c.canonical_id AS creator, COALESCE(d.sent_at, d.sending_at) AS at
           FROM deliveries d JOIN outreaches o ON o.id = d.outreach_id JOIN creators c ON c.id = d.creator_id
          WHERE o.shop_id = ? AND d.action = 'message' AND d.state IN ${reachedStates}
         UNION ALL
         SELECT c.canonical_id, COALESCE(q.sent_at, q.sending_at)
           FROM inbox_replies q JOIN conversations v ON v.conversation_id = q.conversation_id
           JOIN creators c ON c.id = v.creator_id
          WHERE q.shop_id = ? AND q.state IN ('sent', 'maybe_sent', 'sending')`,
      )
      .all(shopId, shopId) as Array<{ creator: number; at: number | null }>;
    const count = new Map<number, number>();
    // A Creator may have more than one conversation (records merged later): the newest synced message of any.
    const lastSynced = new Map<number, number>();
    for (const s of synced) {
      count.set(s.creator, (count.get(s.creator) ?? 0) + s.unanswered);
      if (s.lastAt !== null) lastSynced.set(s.creator, Math.max(lastSynced.get(s.creator) ?? 0, s.lastAt));
    }
    for (const o of ours) {
      const after = lastSynced.get(o.creator);
      if (after === undefined || (o.at !== null && o.at > after))
        count.set(o.creator, (count.get(o.creator) ?? 0) + 1);
    }
    return count;
  }
}
