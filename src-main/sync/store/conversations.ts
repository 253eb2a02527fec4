import type { Database, Statement } from 'better-sqlite3';
import { compareIndex, type Conversation, type Message } from '../../tiktok/shop/conversations';
import type { Counts } from '../job';
import type { CreatorStore } from './creators';

export interface ConversationWithMessages {
  conversation: Conversation;
  /** Messages newer than the stored ones (any order). */
  messages: Message[];
}

export class ConversationWriter {
  private readonly selectOld: Statement<
    [string],
    { last_index: string; unread_count: number; creator_id: number | null }
  >;
  private readonly upsert: Statement;
  private readonly insertMessage: Statement;
  private readonly openedFor: Statement<[string], string>;

  constructor(
    db: Database,
    private readonly creators: CreatorStore,
  ) {
    this.selectOld = db.prepare(
      'SELECT last_index, unread_count, creator_id FROM conversations WHERE conversation_id = ?',
    );
    // The creator open id an outreach message created (or got) this conversation with: TikTok's Create
    // Conversation answered this conversation id for it (docs/tiktok-api/outreach.md).
    this.openedFor = db
      .prepare<[string], string>(
        `SELECT creator_open_id FROM deliveries WHERE conversation_id = ? AND action = 'message' LIMIT 1`,
      )
      .pluck();
    this.upsert = db.prepare(`
      INSERT INTO conversations (conversation_id, account_id, shop_id, creator_id, unread_count, last_index,
        last_message_at, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (conversation_id) DO UPDATE SET account_id = excluded.account_id, shop_id = excluded.shop_id,
        creator_id = excluded.creator_id, unread_count = excluded.unread_count,
        -- Decimal text above 2^53: the longer is the larger, equal lengths compare as text.
        last_index = CASE WHEN length(excluded.last_index) > length(last_index)
            OR (length(excluded.last_index) = length(last_index) AND excluded.last_index > last_index)
          THEN excluded.last_index ELSE last_index END,
        last_message_at = COALESCE(MAX(last_message_at, excluded.last_message_at), excluded.last_message_at, last_message_at),
        synced_at = excluded.synced_at`);
    this.insertMessage = db.prepare(`
      INSERT OR IGNORE INTO messages (message_id, conversation_id, conversation_index, type, content, sender_id,
        from_creator, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** The highest message index stored for a conversation ('0' when unknown); decimal text. */
  lastIndex(conversationId: string): string {
    return this.selectOld.get(conversationId)?.last_index ?? '0';
  }

  write(accountId: string, shopId: string, items: readonly ConversationWithMessages[], now: number): Counts {
    let inserted = 0;
    let updated = 0;
    for (const { conversation: c, messages } of items) {
      const old = this.selectOld.get(c.conversationId);
      // With the open id it was opened for, the IM id joins that creator (docs/creators.md, rule 2) instead
      // of becoming a second creator whose replies would move nobody the merchant contacted.
      const openId = this.openedFor.get(c.conversationId) ?? null;
      const creatorId =
        this.creators.resolve(
          { openId, imId: c.creatorImId, handle: c.handle, avatarUrl: c.avatarUrl },
          { accountId, shopId, source: 'conversation' },
          now,
        ) ??
        old?.creator_id ??
        null;
      let lastIndex = old?.last_index ?? '0';
      let lastAt: number | null = null;
      for (const m of messages) {
        if (compareIndex(m.conversationIndex, lastIndex) >= 0) {
          lastIndex = m.conversationIndex;
          lastAt = m.createTime ?? lastAt;
        }
      }
      const changed =
        !old || messages.length > 0 || old.unread_count !== c.unreadCount || old.creator_id !== creatorId;
      if (!changed) continue;
      // The conversation row first: messages reference it.
      this.upsert.run(c.conversationId, accountId, shopId, creatorId, c.unreadCount, lastIndex, lastAt, now);
      let newMessages = 0;
      for (const m of messages) {
        const fromCreator = c.creatorImId !== null && m.senderId === c.creatorImId;
        newMessages += this.insertMessage.run(
          m.messageId,
          c.conversationId,
          m.conversationIndex,
          m.type,
          m.content,
          m.senderId,
          fromCreator ? 1 : 0,
          m.createTime,
        ).changes;
      }
      if (!old) inserted++;
      else if (newMessages > 0 || old.unread_count !== c.unreadCount || old.creator_id !== creatorId)
        updated++;
      inserted += newMessages;
    }
    return { inserted, updated };
  }
}
