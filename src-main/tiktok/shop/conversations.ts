import { z } from 'zod';
import { secondsToMs } from '../../core/time';
import { idKey, readRecords } from '../records';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { pageToken, unixSeconds } from './schemas';

/** Seller ↔ creator conversations and their messages (docs/tiktok-api/affiliate.md). */

const listData = z.object({
  next_page_token: pageToken,
  has_more: z.boolean().optional(),
  conversations: z.array(z.unknown()).default([]),
});

const conversationSchema = z.object({
  id: z.string().min(1),
  unread_count: z.number().int().default(0),
  username: z.string().optional(),
  // A URL string in 202412; an `{url}` object is accepted too rather than losing the conversation.
  avatar: z.union([z.string(), z.object({ url: z.string() })]).optional(),
  creator_im_id: z.string().optional(),
});

/**
 * `conversation_index` is documented as a decimal string, higher = newer, and its values exceed 2^53: it is
 * kept as canonical decimal text and compared with compareIndex, never as a JS number. A number is taken
 * too (its precision is whatever JSON.parse left).
 */
const conversationIndex = z
  .union([z.string().regex(/^\d+$/, 'expected a decimal string'), z.number().int().nonnegative()])
  .transform((v) => canonicalIndex(String(v)));

const messagesData = z.object({
  next_page_token: pageToken,
  has_more: z.boolean().optional(),
  messages: z.array(z.unknown()).default([]),
});

const messageSchema = z.object({
  conversation_index: conversationIndex,
  message_body: z.object({
    id: z.string().min(1),
    conversation_id: z.string().optional(),
    type: z.string(),
    // JSON-encoded per type; IMAGE and EMOTICONS carry width/height as strings. Kept as received.
    content: z.string(),
    create_time: unixSeconds.optional(),
    sender_id: z.string().optional(),
  }),
});

export interface Conversation {
  conversationId: string;
  unreadCount: number;
  handle: string | null;
  avatarUrl: string | null;
  creatorImId: string | null;
}

export interface Message {
  messageId: string;
  /** Canonical decimal text (no leading zeros); compare with compareIndex. */
  conversationIndex: string;
  type: string;
  /** TikTok's JSON-encoded content string, unchanged. */
  content: string;
  createTime: number | null;
  senderId: string | null;
}

export function canonicalIndex(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

/** Orders canonical decimal strings numerically: a longer one is larger, equal lengths compare as text. */
export function compareIndex(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function listConversations(
  ctx: ShopDataContext,
  q: { pageToken?: string },
): Promise<Page<Conversation>> {
  const data = await shopCall(ctx, 'im.conversation_list', {
    method: 'GET',
    path: '/affiliate_seller/202412/conversations',
    // Without it TikTok returns ids only (`true` is the documented default).
    query: { page_size: 50, page_token: q.pageToken || undefined, only_need_conversation_id: 'false' },
    data: listData,
  });
  const read = readRecords(data.conversations, {
    schema: conversationSchema,
    key: idKey(),
    optional: ['unread_count', 'username', 'avatar', 'creator_im_id'],
  });
  return {
    items: read.items.map((c) => ({
      conversationId: c.id,
      unreadCount: c.unread_count,
      handle: c.username || null,
      avatarUrl: (typeof c.avatar === 'string' ? c.avatar : c.avatar?.url) || null,
      creatorImId: c.creator_im_id || null,
    })),
    rejected: read.rejected,
    nextPageToken: data.next_page_token,
    totalCount: null,
  };
}

const messageKey = (raw: unknown): string | null => {
  const body =
    raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).message_body : undefined;
  return idKey()(body);
};

/**
 * One page of a conversation's messages. TikTok does not state the pages' order, only that
 * `conversation_index` grows with each message (docs/tiktok-api/affiliate.md); the sync reads the order
 * from the indexes (sync/jobs/conversations.ts).
 */
export async function listMessages(
  ctx: ShopDataContext,
  conversationId: string,
  q: { pageToken?: string },
): Promise<Page<Message>> {
  const data = await shopCall(ctx, 'im.messages', {
    method: 'GET',
    // Singular `conversation`, as documented.
    path: `/affiliate_seller/202412/conversation/${encodeURIComponent(conversationId)}/messages`,
    query: { page_size: 20, page_token: q.pageToken || undefined },
    data: messagesData,
  });
  const read = readRecords(data.messages, {
    schema: messageSchema,
    key: messageKey,
    optional: ['create_time', 'sender_id', 'conversation_id'],
  });
  return {
    items: read.items.map((m) => ({
      messageId: m.message_body.id,
      conversationIndex: m.conversation_index,
      type: m.message_body.type,
      content: m.message_body.content,
      createTime: secondsToMs(m.message_body.create_time),
      senderId: m.message_body.sender_id || null,
    })),
    rejected: read.rejected,
    nextPageToken: data.next_page_token,
    totalCount: null,
  };
}

const readData = z.object({ failed_conversation_ids: z.array(z.string()).default([]) });

/** TikTok takes at most 20 conversations per call (docs/tiktok-api/affiliate.md, "Mark read"). */
export const markReadLimit = 20;

/**
 * Marks every message of the conversations read at TikTok; answers the ids TikTok could not mark (to try
 * again). Marking read twice changes nothing, so it runs with the read retry policy.
 */
export async function markConversationsRead(
  ctx: ShopDataContext,
  conversationIds: readonly string[],
): Promise<{ failed: string[] }> {
  if (conversationIds.length > markReadLimit)
    throw new Error(`at most ${markReadLimit} conversations per call`);
  const data = await shopCall(ctx, 'im.read', {
    method: 'POST',
    // `conversatons` is TikTok's own spelling of this path.
    path: '/affiliate_seller/202412/conversatons/read',
    body: { conversation_ids: conversationIds },
    data: readData,
  });
  return { failed: data.failed_conversation_ids };
}
