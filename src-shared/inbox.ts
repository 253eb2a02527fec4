import { z } from 'zod';
import { idInputSchema } from './ids';

/**
 * The inbox: creator conversations of every connected shop, as the conversation sync stored them, with
 * quick replies (sent in write mode, reconciled after a lost answer) and mark-as-read synced to TikTok.
 * Times are UTC epoch ms.
 */

/** What the merchant sees of a message: text for TEXT, the type for cards and images. */
export const inboxMessageKinds = [
  'TEXT',
  'IMAGE',
  'PRODUCT_CARD',
  'TARGET_COLLABORATION_CARD',
  'FREE_SAMPLE_CARD',
  'OTHER',
] as const;
export const inboxMessageKindSchema = z.enum(inboxMessageKinds);
export type InboxMessageKind = z.infer<typeof inboxMessageKindSchema>;

export const inboxConversationSchema = z.object({
  conversationId: z.string(),
  accountId: z.string(),
  shopId: z.string(),
  /** The Creator (canonical record) when the sync matched one. */
  creatorId: z.number().int().nullable(),
  handle: z.string().nullable(),
  nickname: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  unreadCount: z.number().int(),
  lastMessageAt: z.number().int().nullable(),
  lastMessage: z
    .object({ kind: inboxMessageKindSchema, text: z.string().nullable(), fromCreator: z.boolean() })
    .nullable(),
});
export type InboxConversation = z.infer<typeof inboxConversationSchema>;

const cursor = z
  .string()
  .regex(/^\d{1,15}:[^:]{1,64}$/, 'cursor must be the nextCursor of a previous page')
  .optional();

export const inboxListInputSchema = z
  .object({
    shopId: idInputSchema.optional(),
    /** Only conversations with unread creator messages. */
    unread: z.boolean().default(false),
    /** Creator handle or name, any part. */
    search: z.string().trim().max(100).optional(),
    cursor,
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export const inboxListSchema = z.object({
  items: z.array(inboxConversationSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

export const inboxCountsSchema = z.object({
  /** Unread creator messages across shops. */
  unread: z.number().int(),
  /** Conversations with at least one unread message. */
  unreadConversations: z.number().int(),
  byShop: z.array(z.object({ shopId: z.string(), unread: z.number().int() })),
});
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

export const inboxReplyStates = ['sending', 'maybe_sent', 'sent', 'not_sent', 'failed'] as const;
export const inboxReplyStateSchema = z.enum(inboxReplyStates);
export type InboxReplyState = z.infer<typeof inboxReplyStateSchema>;

export const inboxMessageSchema = z.object({
  /** TikTok's message id; a quick reply not (yet) known to TikTok has `reply:<id>`. */
  id: z.string(),
  kind: inboxMessageKindSchema,
  text: z.string().nullable(),
  fromCreator: z.boolean(),
  createdAt: z.number().int().nullable(),
  /** A quick reply sent from ShopMesh: where it stands (null for messages as synced). */
  replyState: inboxReplyStateSchema.nullable(),
  /** TikTok's words when it refused a quick reply. */
  reasonDetail: z.string().nullable(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxConversationInputSchema = z.object({ conversationId: z.string().min(1).max(64) }).strict();
export const inboxMessagesInputSchema = z
  .object({
    conversationId: z.string().min(1).max(64),
    /** Older than this message (keyset): the `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,40}$/, 'cursor must be the nextCursor of a previous page')
      .optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export const inboxMessagesSchema = z.object({
  conversation: inboxConversationSchema,
  /** Oldest first, so the view reads top to bottom; `nextCursor` pages further back. */
  items: z.array(inboxMessageSchema),
  nextCursor: z.string().nullable(),
});

export const inboxReplyInputSchema = z
  .object({
    conversationId: z.string().min(1).max(64),
    /** The text to send (a template rendered for this creator, maybe edited). TikTok takes 2,000 characters. */
    text: z.string().trim().min(1, 'The reply is empty').max(2_000, 'TikTok takes at most 2,000 characters'),
    /** The quick-reply template it came from, if any (kept for the record). */
    templateId: z.number().int().positive().optional(),
    /** Chosen once per reply by the caller: sending again with the same key sends nothing twice. */
    key: z.string().min(8).max(64),
  })
  .strict();
export const inboxReplySchema = z.object({
  state: inboxReplyStateSchema,
  messageId: z.string().nullable(),
  reasonDetail: z.string().nullable(),
});

export const inboxMarkReadInputSchema = z
  .object({ conversationIds: z.array(z.string().min(1).max(64)).min(1).max(200) })
  .strict();
export const inboxMarkReadSchema = z.object({
  read: z.array(z.string()),
  /** Conversations TikTok could not mark read: still unread here, to try again. */
  failed: z.array(z.string()),
});

export const inboxChangedSchema = z.object({
  conversationIds: z.array(z.string()),
});
