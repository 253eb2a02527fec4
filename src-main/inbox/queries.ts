import type { Database, Statement } from 'better-sqlite3';
import type { InboxConversation, InboxCounts, InboxMessage, InboxReplyState } from '@shared/inbox';
import { readableContent } from './content';

/**
 * The inbox's reads, all from SQLite (works offline): conversations as the sync stored them with their
 * Creator's handle and name, newest activity first in keyset pages; one conversation's messages by
 * `conversation_index` (decimal text: the longer is the larger, equal lengths compare as text).
 */

interface ConversationRow {
  conversationId: string;
  accountId: string;
  shopId: string;
  creatorId: number | null;
  handle: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  unreadCount: number;
  lastMessageAt: number | null;
  lastType: string | null;
  lastContent: string | null;
  lastFromCreator: number | null;
}

const conversationSelect = `
  SELECT c.conversation_id AS conversationId, c.account_id AS accountId, c.shop_id AS shopId,
         root.id AS creatorId, COALESCE(root.handle, rec.handle) AS handle,
         COALESCE(root.nickname, rec.nickname) AS nickname, COALESCE(root.avatar_url, rec.avatar_url) AS avatarUrl,
         c.unread_count AS unreadCount, c.last_message_at AS lastMessageAt,
         m.type AS lastType, m.content AS lastContent, m.from_creator AS lastFromCreator
    FROM conversations c
    LEFT JOIN creators rec ON rec.id = c.creator_id
    LEFT JOIN creators root ON root.id = rec.canonical_id
    LEFT JOIN messages m ON m.message_id = (
      SELECT message_id FROM messages WHERE conversation_id = c.conversation_id
       ORDER BY length(conversation_index) DESC, conversation_index DESC LIMIT 1)`;

function toConversation(r: ConversationRow): InboxConversation {
  return {
    conversationId: r.conversationId,
    accountId: r.accountId,
    shopId: r.shopId,
    creatorId: r.creatorId,
    handle: r.handle,
    nickname: r.nickname,
    avatarUrl: r.avatarUrl,
    unreadCount: r.unreadCount,
    lastMessageAt: r.lastMessageAt,
    lastMessage:
      r.lastType === null || r.lastContent === null
        ? null
        : { ...readableContent(r.lastType, r.lastContent), fromCreator: r.lastFromCreator === 1 },
  };
}

export interface ListQuery {
  shopId?: string;
  unread: boolean;
  search?: string;
  cursor?: string;
  limit: number;
}

interface MessageRow {
  id: string;
  idx: string;
  type: string;
  content: string;
  fromCreator: number;
  createdAt: number | null;
}

interface ReplyRow {
  id: number;
  text: string;
  state: InboxReplyState;
  remoteId: string | null;
  reasonDetail: string | null;
  sendingAt: number;
  sentAt: number | null;
}

export class InboxQueries {
  private readonly one: Statement<[string], ConversationRow>;
  private readonly page: Statement<[{ conv: string; cursor: string | null; limit: number }], MessageRow>;
  private readonly pending: Statement<[string], ReplyRow>;

  constructor(private readonly db: Database) {
    this.one = db.prepare(`${conversationSelect} WHERE c.conversation_id = ?`);
    this.page = db.prepare(
      `SELECT message_id AS id, conversation_index AS idx, type, content, from_creator AS fromCreator,
              create_time AS createdAt
         FROM messages WHERE conversation_id = @conv
          AND (@cursor IS NULL OR length(conversation_index) < length(@cursor)
               OR (length(conversation_index) = length(@cursor) AND conversation_index < @cursor))
        ORDER BY length(conversation_index) DESC, conversation_index DESC LIMIT @limit`,
    );
    // Quick replies the sync has not brought back yet (or that never went out), newest last.
    this.pending = db.prepare(
      `SELECT r.id, r.text, r.state, r.remote_id AS remoteId, r.reason_detail AS reasonDetail,
              r.sending_at AS sendingAt, r.sent_at AS sentAt
         FROM inbox_replies r
        WHERE r.conversation_id = ?
          AND (r.remote_id IS NULL OR NOT EXISTS (SELECT 1 FROM messages WHERE message_id = r.remote_id))
        ORDER BY r.id`,
    );
  }

  conversation(conversationId: string): InboxConversation | null {
    const r = this.one.get(conversationId);
    return r ? toConversation(r) : null;
  }

  list(q: ListQuery): { items: InboxConversation[]; nextCursor: string | null; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.shopId) {
      where.push('c.shop_id = @shop');
      params.shop = q.shopId;
    }
    if (q.unread) where.push('c.unread_count > 0');
    if (q.search) {
      where.push(`(COALESCE(root.handle, rec.handle) LIKE @search ESCAPE '\\'
                   OR COALESCE(root.nickname, rec.nickname) LIKE @search ESCAPE '\\')`);
      params.search = `%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`).replace(/^@/, '')}%`;
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db
      .prepare(
        `SELECT count(*) FROM conversations c LEFT JOIN creators rec ON rec.id = c.creator_id
           LEFT JOIN creators root ON root.id = rec.canonical_id ${filter}`,
      )
      .pluck()
      .get(params) as number;
    const keyset = [...where];
    if (q.cursor) {
      const [at, id] = q.cursor.split(':') as [string, string];
      keyset.push(`(COALESCE(c.last_message_at, 0) < @at
                    OR (COALESCE(c.last_message_at, 0) = @at AND c.conversation_id < @id))`);
      params.at = Number(at);
      params.id = id;
    }
    const rows = this.db
      .prepare(
        `${conversationSelect} ${keyset.length ? `WHERE ${keyset.join(' AND ')}` : ''}
          ORDER BY COALESCE(c.last_message_at, 0) DESC, c.conversation_id DESC LIMIT @limit`,
      )
      .all({ ...params, limit: q.limit + 1 }) as ConversationRow[];
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(toConversation),
      nextCursor: rows.length > q.limit && last ? `${last.lastMessageAt ?? 0}:${last.conversationId}` : null,
      total,
    };
  }

  counts(): InboxCounts {
    const byShop = this.db
      .prepare(
        `SELECT shop_id AS shopId, sum(unread_count) AS unread, count(CASE WHEN unread_count > 0 THEN 1 END) AS n
           FROM conversations GROUP BY shop_id ORDER BY shop_id`,
      )
      .all() as Array<{ shopId: string; unread: number; n: number }>;
    return {
      unread: byShop.reduce((a, s) => a + s.unread, 0),
      unreadConversations: byShop.reduce((a, s) => a + s.n, 0),
      byShop: byShop.map((s) => ({ shopId: s.shopId, unread: s.unread })),
    };
  }

  /** A page of messages older than `cursor` (a conversation index), oldest first; quick replies on the newest page. */
  messages(
    conversationId: string,
    cursor: string | undefined,
    limit: number,
  ): { items: InboxMessage[]; nextCursor: string | null } {
    const rows = this.page.all({ conv: conversationId, cursor: cursor ?? null, limit: limit + 1 });
    const page = rows.slice(0, limit).reverse();
    const items: InboxMessage[] = page.map((m) => ({
      id: m.id,
      ...readableContent(m.type, m.content),
      fromCreator: m.fromCreator === 1,
      createdAt: m.createdAt,
      replyState: null,
      reasonDetail: null,
    }));
    if (cursor === undefined)
      for (const r of this.pending.all(conversationId))
        items.push({
          id: r.remoteId ?? `reply:${r.id}`,
          kind: 'TEXT',
          text: r.text,
          fromCreator: false,
          createdAt: r.sentAt ?? r.sendingAt,
          replyState: r.state,
          reasonDetail: r.reasonDetail,
        });
    return { items, nextCursor: rows.length > limit ? (page[0]?.idx ?? null) : null };
  }
}
