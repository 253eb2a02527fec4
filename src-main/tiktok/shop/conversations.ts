import { z } from 'zod';
import { secondsToMs } from '../../core/time';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { pageToken, unixSeconds } from './schemas';

/** Seller ↔ creator conversations and their messages (docs/tiktok-api/affiliate.md). */

const listData = z.object({
  next_page_token: pageToken,
  has_more: z.boolean().optional(),
  conversations: z
    .array(
      z.object({
        id: z.string().min(1),
        unread_count: z.number().int().default(0),
        username: z.string().optional(),
        avatar: z.object({ url: z.string() }).optional(),
        creator_im_id: z.string().optional(),
      }),
    )
    .default([]),
});

const messagesData = z.object({
  next_page_token: pageToken,
  has_more: z.boolean().optional(),
  messages: z
    .array(
      z.object({
        // A string of digits in TikTok's reference and sample; numbers are taken too.
        conversation_index: z.union([
          z.number().int(),
          z
            .string()
            .regex(/^\d{1,15}$/)
            .transform(Number),
        ]),
        message_body: z.object({
          id: z.string().min(1),
          conversation_id: z.string().optional(),
          type: z.string(),
          content: z.string(),
          create_time: unixSeconds.optional(),
          sender_id: z.string().optional(),
        }),
      }),
    )
    .default([]),
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
  conversationIndex: number;
  type: string;
  /** TikTok's JSON-encoded content string, unchanged. */
  content: string;
  createTime: number | null;
  senderId: string | null;
}

export async function listConversations(
  ctx: ShopDataContext,
  q: { pageToken?: string },
): Promise<Page<Conversation>> {
  const data = await shopCall(ctx, 'im.conversation_list', {
    method: 'GET',
    path: '/affiliate_seller/202412/conversations',
    query: { page_size: 50, page_token: q.pageToken || undefined },
    data: listData,
  });
  return {
    items: data.conversations.map((c) => ({
      conversationId: c.id,
      unreadCount: c.unread_count,
      handle: c.username || null,
      avatarUrl: c.avatar?.url || null,
      creatorImId: c.creator_im_id || null,
    })),
    nextPageToken: data.next_page_token,
    totalCount: null,
  };
}

/** Newest first; `conversation_index` grows with each message. */
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
  return {
    items: data.messages.map((m) => ({
      messageId: m.message_body.id,
      conversationIndex: m.conversation_index,
      type: m.message_body.type,
      content: m.message_body.content,
      createTime: secondsToMs(m.message_body.create_time),
      senderId: m.message_body.sender_id || null,
    })),
    nextPageToken: data.next_page_token,
    totalCount: null,
  };
}
