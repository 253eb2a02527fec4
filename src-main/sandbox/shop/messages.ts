import { createHash } from 'node:crypto';
import { z } from 'zod';
import { imageInfo } from '../../core/image-info';
import { creatorFlag } from '../data/dataset';
import { decodeId, encodeId } from '../ids';
import type { Conversation, SandboxState } from '../state';
import { creatorRegion } from '../data/creator-region';
import { flushReplies, isConnected, maybeScheduleReply } from './behaviour';
import { hasSensitiveWords } from './collaborations';
import { parse, requireShop, type ShopContext, type UploadedFile } from './context';
import { ShopApiError, invalidParam, shopCodes } from './errors';
import { drawFromPool } from './outreach';
import { decodePageToken, encodePageToken, fingerprint } from './pagination';
import { pageSizeSchema } from './products';

function creatorImId(creatorIndex: number): string {
  return encodeId('creatorUser', 1_000_000 + creatorIndex);
}

function sellerImId(shopIndex: number): string {
  return encodeId('creatorUser', 2_000_000 + shopIndex);
}

function seq(conv: Conversation): number {
  return decodeId('conversation', conv.id) ?? 0;
}

function unread(conv: Conversation): number {
  return conv.messages.filter((m) => m.fromCreator && m.index > conv.readIndex).length;
}

function ownConversation(ctx: ShopContext, id: string | undefined): Conversation {
  const shop = requireShop(ctx);
  const conv = id === undefined ? undefined : ctx.state.conversations.get(id);
  if (!conv || conv.shopIndex !== shop.index)
    throw invalidParam(`conversation ${id ?? ''} does not exist for this shop`);
  flushReplies(ctx.state, conv, ctx.now);
  return conv;
}

/** The creator's avatar: a URL string, as Get Conversation List 202412 documents it. */
function avatarUrl(creatorIndex: number): string {
  return `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/sandbox-${creatorIndex}~c5_720x720.webp`;
}

function summary(state: SandboxState, conv: Conversation): Record<string, unknown> {
  const c = state.dataset.creators;
  return {
    unread_count: unread(conv),
    username: c.usernames[conv.creatorIndex] ?? '',
    avatar: avatarUrl(conv.creatorIndex),
    creator_im_id: creatorImId(conv.creatorIndex),
  };
}

/**
 * A message's `conversation_index` on the wire: a decimal string that grows with each message and, as on
 * TikTok, does not fit a JS number (docs/tiktok-api/affiliate.md). Derived from the conversation's
 * creation time and the message's position, so it is stable and strictly increasing.
 */
export function wireIndex(conv: Conversation, index: number): string {
  return (BigInt(conv.createTime) * 1_000_000_000n + BigInt(index)).toString();
}

/**
 * IMAGE and EMOTICONS content as TikTok returns it: `width`/`height` are strings in what Get Messages
 * answers, even though Send Message takes numbers.
 */
function wireContent(type: string, content: string): string {
  if (type === 'TARGET_COLLABORATION_CARD') return collaborationCardContent(content);
  if (type !== 'IMAGE' && type !== 'EMOTICONS') return content;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return content;
  }
  if (parsed === null || typeof parsed !== 'object') return content;
  const c = parsed as Record<string, unknown>;
  return JSON.stringify({
    ...c,
    ...(c.width !== undefined ? { width: String(c.width) } : {}),
    ...(c.height !== undefined ? { height: String(c.height) } : {}),
  });
}

/**
 * A collaboration card as Get Messages documents it: `{"invitation_group_id": …}`, where Send IM Message
 * took `{"target_collaboration_id": …}` (docs/tiktok-api/outreach.md, "Message types").
 */
function collaborationCardContent(content: string): string {
  try {
    const c = JSON.parse(content) as { target_collaboration_id?: unknown };
    return typeof c.target_collaboration_id === 'string'
      ? JSON.stringify({ invitation_group_id: c.target_collaboration_id })
      : content;
  } catch {
    return content;
  }
}

const createBody = z.object({
  creator_open_id: z.string(),
  only_need_conversation_id: z.boolean().default(true),
});

export function createConversation(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const body = parse(createBody, ctx.body, 'body');
  const creator = ctx.state.creators.decode(body.creator_open_id);
  if (creator === null || creator >= ctx.state.dataset.creators.count)
    throw invalidParam(`creator_open_id ${body.creator_open_id} is unknown`);
  const existed = ctx.state.conversationByPair.has(`${shop.index}:${creator}`);
  const conv = ctx.state.openConversation(shop.index, creator, ctx.now);
  flushReplies(ctx.state, conv, ctx.now);
  const base = { conversation_id: conv.id, is_new: !existed };
  return body.only_need_conversation_id ? base : { ...base, ...summary(ctx.state, conv) };
}

const listQuery = z.object({
  page_size: pageSizeSchema(50),
  conversation_status: z.enum(['ALL', 'UNREAD', 'UNREPLIED']).default('ALL'),
  // Documented default: ids only.
  only_need_conversation_id: z.enum(['true', 'false']).default('true'),
});

/** Newest first; the cursor is "older than conversation N", so new conversations never shift later pages. */
export function listConversations(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const q = parse(listQuery, Object.fromEntries(ctx.query), 'query');
  const fp = fingerprint('conversations', shop.index, q.conversation_status);
  const before = decodePageToken(ctx.query.get('page_token'), fp) || Number.MAX_SAFE_INTEGER;
  const all = [...ctx.state.conversations.values()]
    .filter((c) => c.shopIndex === shop.index && seq(c) < before)
    .sort((a, b) => seq(b) - seq(a));
  const picked: Conversation[] = [];
  let more = false;
  for (const conv of all) {
    flushReplies(ctx.state, conv, ctx.now);
    const last = conv.messages[conv.messages.length - 1];
    if (q.conversation_status === 'UNREAD' && unread(conv) === 0) continue;
    if (q.conversation_status === 'UNREPLIED' && !(last && last.fromCreator)) continue;
    if (picked.length === q.page_size) {
      more = true;
      break;
    }
    picked.push(conv);
  }
  const lastPicked = picked[picked.length - 1];
  return {
    conversations: picked.map((c) =>
      q.only_need_conversation_id === 'true' ? { id: c.id } : { id: c.id, ...summary(ctx.state, c) },
    ),
    has_more: more,
    next_page_token: more && lastPicked ? encodePageToken(seq(lastPicked), fp) : '',
  };
}

const messagesQuery = z.object({ page_size: pageSizeSchema(20) });

/**
 * Newest first unless `messageOrder` says oldest first (TikTok does not state its order); the cursor is
 * "past message N" in that order, so a message arriving between pages never shifts the later ones.
 */
export function listMessages(ctx: ShopContext): unknown {
  const conv = ownConversation(ctx, ctx.params.conversation_id);
  const q = parse(messagesQuery, { page_size: ctx.query.get('page_size') }, 'query');
  const oldestFirst = ctx.state.config.messageOrder === 'oldest_first';
  const fp = fingerprint('messages', conv.id, ctx.state.config.messageOrder);
  const past = decodePageToken(ctx.query.get('page_token'), fp);
  const rest = conv.messages
    .filter((m) => m.createTime <= ctx.now && (past === 0 || (oldestFirst ? m.index > past : m.index < past)))
    .sort((a, b) => (oldestFirst ? a.index - b.index : b.index - a.index));
  const page = rest.slice(0, q.page_size);
  const more = rest.length > page.length;
  const last = page[page.length - 1];
  return {
    messages: page.map((m) => ({
      conversation_index: wireIndex(conv, m.index),
      message_body: {
        id: m.id,
        conversation_id: conv.id,
        type: m.type,
        content: wireContent(m.type, m.content),
        create_time: m.createTime,
        sender_id: m.fromCreator ? creatorImId(conv.creatorIndex) : sellerImId(conv.shopIndex),
      },
    })),
    has_more: more,
    next_page_token: more && last ? encodePageToken(last.index, fp) : '',
  };
}

const contentSchemas = {
  TEXT: z.object({ content: z.string().min(1).max(2_000) }),
  IMAGE: z.object({ url: z.url(), width: z.number().int().positive(), height: z.number().int().positive() }),
  PRODUCT_CARD: z.object({ product_id: z.string() }),
  TARGET_COLLABORATION_CARD: z.object({ target_collaboration_id: z.string() }),
  FREE_SAMPLE_CARD: z.object({ apply_id: z.string() }),
} as const;

const sendBody = z.object({
  msg_type: z.enum(['TEXT', 'IMAGE', 'PRODUCT_CARD', 'TARGET_COLLABORATION_CARD', 'FREE_SAMPLE_CARD']),
  content: z.string({ error: 'content must be a JSON-encoded string' }),
});

export function sendMessage(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const conv = ownConversation(ctx, ctx.params.conversation_id);
  const { state, now } = ctx;
  const body = parse(sendBody, ctx.body, 'body');
  let content: unknown;
  try {
    content = JSON.parse(body.content) as unknown;
  } catch {
    throw invalidParam('content must be a JSON-encoded string, e.g. "{\\"content\\":\\"hi\\"}"');
  }
  const parsed = parse(contentSchemas[body.msg_type], content, 'content');
  if ('product_id' in parsed) {
    const i = decodeId('product', parsed.product_id);
    if (i === null || state.product(i)?.shopIndex !== shop.index)
      throw invalidParam('content.product_id is not a product of this shop');
  }
  if (
    'target_collaboration_id' in parsed &&
    !state.collaborations.some((c) => c.id === parsed.target_collaboration_id && c.shopIndex === shop.index)
  ) {
    throw invalidParam('content.target_collaboration_id is not a target collaboration of this shop');
  }
  if ('url' in parsed && !state.uploadedImages.has(parsed.url))
    throw invalidParam('content.url is not an image uploaded with Upload Message Image');
  if ('content' in parsed && hasSensitiveWords(parsed.content))
    throw new ShopApiError(shopCodes.sensitiveWords, 'The message contains sensitive words.');
  if ((state.dataset.creators.flags[conv.creatorIndex] ?? 0) & creatorFlag.privacy) {
    throw new ShopApiError(
      shopCodes.creatorPrivacy,
      "The creator's privacy settings do not allow messages from this shop.",
    );
  }
  if (creatorRegion(state, conv.creatorIndex) !== shop.region)
    throw new ShopApiError(16032001, 'The creator and the shop are in different regions.');
  const pair = `${shop.index}:${conv.creatorIndex}`;
  const hasReplied = conv.messages.some((m) => m.fromCreator && m.createTime <= now);
  const sent = state.sentSinceReply.get(pair) ?? 0;
  if (!hasReplied && sent >= state.config.messagesBeforeReply) {
    throw new ShopApiError(
      shopCodes.shopImQuota,
      `Only ${state.config.messagesBeforeReply} messages may be sent to a creator before they reply.`,
    );
  }
  if (
    !isConnected(state, shop.index, conv.creatorIndex, now) &&
    !drawFromPool(state, shop.index, [conv.creatorIndex], now)
  ) {
    throw new ShopApiError(
      shopCodes.shopImQuota,
      "The shop's weekly outreach pool for new creators is used up.",
    );
  }
  if (!hasReplied) state.sentSinceReply.set(pair, sent + 1);
  const message = {
    index: conv.messages.length + 1,
    id: state.newId('message'),
    type: body.msg_type,
    content: body.content,
    createTime: now,
    fromCreator: false,
  };
  conv.messages.push(message);
  // The read mark stays where it was: TikTok says replying "does not change the read / unread status";
  // messages stay unread until Mark Conversation Read (Get Conversation List 202412, `conversation_status`
  // UNREAD; docs/tiktok-api/affiliate.md).
  maybeScheduleReply(state, conv, now);
  state.recordWrite('affiliate.message', shop.id, {
    conversationId: conv.id,
    messageId: message.id,
    type: body.msg_type,
  });
  return { message_id: message.id };
}

// At most 20 per call, as Mark Conversation Read 202412 documents (docs/tiktok-api/affiliate.md).
const readBody = z.object({ conversation_ids: z.array(z.string()).min(1).max(20) });

export function markRead(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const body = parse(readBody, ctx.body, 'body');
  const failed: string[] = [];
  for (const id of body.conversation_ids) {
    const conv = ctx.state.conversations.get(id);
    if (!conv || conv.shopIndex !== shop.index) {
      failed.push(id);
      continue;
    }
    flushReplies(ctx.state, conv, ctx.now);
    conv.readIndex = conv.messages.length;
  }
  return { failed_conversation_ids: failed };
}

export function newestUnread(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const list = [];
  for (const conv of ctx.state.conversations.values()) {
    if (conv.shopIndex !== shop.index) continue;
    flushReplies(ctx.state, conv, ctx.now);
    const n = unread(conv);
    // The newest unread message is the creator's: the seller's own never count as unread, and one sent
    // after the creator's does not mark theirs read.
    const last = conv.messages.findLast((m) => m.fromCreator && m.index > conv.readIndex);
    if (n === 0 || !last) continue;
    list.push({
      conversation_id: conv.id,
      content: last.content,
      type: last.type,
      sender_id: creatorImId(conv.creatorIndex),
      unread_message_count: n,
    });
  }
  return { newest_message_list: list };
}

/** TikTok's limits for a message image (Upload Message Image 202511). */
const maxImageBytes = 10 * 1024 * 1024;

/**
 * Upload Message Image: the picture in the multipart field `data`, jpg/png/gif/webp up to 10 MB, answered
 * with a URL and the picture's size, which an IMAGE message then names.
 */
export function uploadImage(ctx: ShopContext): unknown {
  const fields = (ctx.body ?? {}) as Record<string, unknown>;
  const file = fields.data as UploadedFile | string | undefined;
  if (file === undefined || typeof file === 'string') throw invalidParam('data: the image file is required');
  if (file.bytes.length > maxImageBytes) throw invalidParam('data: the image must not exceed 10MB');
  const info = imageInfo(file.bytes);
  if (!info) throw invalidParam('data: the image must be jpg, gif, webp or png');
  const hash = createHash('sha256').update(file.bytes).digest('hex').slice(0, 32);
  const url = `https://p16-oec-va.ibyteimg.com/tos-maliva-i-o3syd03w52-us/${hash}~tplv-o3syd03w52-origin-image.image?from=${ctx.state.newId('message')}`;
  ctx.state.uploadedImages.set(url, { width: info.width, height: info.height });
  return { url, width: info.width, height: info.height };
}
