import { z } from 'zod';
import type { WriteResult } from '../http-core';
import { listMessages } from './conversations';
import { type ShopDataContext, shopCall, shopWrite } from './data-call';
import { pageToken } from './schemas';

/**
 * The writes outreach makes and the reads that reconcile them (docs/tiktok-api/outreach.md): target
 * collaboration create (an invitation to up to 50 creators) and search by name, create-or-get conversation,
 * send message. Writes go through write mode: a lost answer comes back as `unknown`, never retried here.
 */

export interface InvitationRequest {
  name: string;
  message: string;
  /** Unix seconds. */
  endTime: number;
  products: Array<{ id: string; commissionBp: number }>;
  creatorOpenIds: string[];
  sellerEmail: string;
  freeSample: { hasFreeSample: boolean; approvalExempt: boolean };
}

const createData = z.object({
  target_collaboration: z.object({ id: z.string().min(1) }),
  target_collaboration_conflicts: z
    .array(z.object({ creator_user_open_id: z.string(), product_id: z.string() }))
    .default([]),
});

export interface InvitationResult {
  collaborationId: string;
  conflicts: Array<{ openId: string; productId: string }>;
}

export async function createInvitation(
  ctx: ShopDataContext,
  req: InvitationRequest,
): Promise<WriteResult<InvitationResult>> {
  const r = await shopWrite(ctx, 'affiliate.collab_create', {
    method: 'POST',
    path: '/affiliate_seller/202508/target_collaborations',
    body: {
      name: req.name,
      message: req.message,
      // A string of Unix seconds, as documented.
      end_time: String(req.endTime),
      products: req.products.map((p) => ({ id: p.id, target_commission_rate: p.commissionBp })),
      creator_user_open_ids: req.creatorOpenIds,
      seller_contact_info: { email: req.sellerEmail },
      free_sample_rule: {
        has_free_sample: req.freeSample.hasFreeSample,
        is_sample_approval_exempt: req.freeSample.approvalExempt,
      },
    },
    data: createData,
  });
  if (r.kind === 'unknown') return r;
  return {
    kind: 'done',
    value: {
      collaborationId: r.value.target_collaboration.id,
      conflicts: r.value.target_collaboration_conflicts.map((c) => ({
        openId: c.creator_user_open_id,
        productId: c.product_id,
      })),
    },
  };
}

const searchData = z.object({
  next_page_token: pageToken,
  target_collaborations: z.array(z.object({ id: z.string().min(1), name: z.string() })).default([]),
});

/**
 * The id of the valid target collaboration named exactly `name`, or null. Searched by name keyword, then
 * compared whole: the search may match more loosely than equality.
 */
export async function findInvitationByName(
  ctx: ShopDataContext,
  name: string,
  keyword: string,
): Promise<string | null> {
  let token = '';
  for (let page = 0; page < 20; page++) {
    const data = await shopCall(ctx, 'affiliate.collab_search', {
      method: 'POST',
      path: '/affiliate_seller/202508/target_collaborations/search',
      query: { page_size: 50, page_token: token || undefined },
      body: {
        collaboration_status: 'VALID',
        search_param: { keyword_type: 'TARGET_COLLABORATION_NAME', keyword },
      },
      data: searchData,
    });
    const hit = data.target_collaborations.find((c) => c.name === name);
    if (hit) return hit.id;
    token = data.next_page_token;
    if (!token) return null;
  }
  return null;
}

const conversationData = z.object({ conversation_id: z.string().min(1), is_new: z.boolean().optional() });

/**
 * Create-or-get: asking twice returns the same conversation, so this write is safe to repeat and runs
 * with the read retry policy (docs/tiktok-api/outreach.md, "Messages").
 */
export async function openConversation(ctx: ShopDataContext, creatorOpenId: string): Promise<string> {
  const data = await shopCall(ctx, 'im.conversation_create', {
    method: 'POST',
    path: '/affiliate_seller/202508/conversations',
    body: { creator_open_id: creatorOpenId, only_need_conversation_id: true },
    data: conversationData,
  });
  return data.conversation_id;
}

/** `content` is TikTok's JSON-encoded string for a TEXT message. */
export function textContent(text: string): string {
  return JSON.stringify({ content: text });
}

/** The message types ShopMesh sends (docs/tiktok-api/outreach.md, "Message types"). */
export type SentType = 'TEXT' | 'IMAGE' | 'PRODUCT_CARD' | 'TARGET_COLLABORATION_CARD';

/** What one message carries, by type; `content` on the wire is its JSON (messageContent). */
export type MessagePayload =
  | { type: 'TEXT'; text: string }
  | { type: 'IMAGE'; url: string; width: number; height: number }
  | { type: 'PRODUCT_CARD'; productId: string }
  | { type: 'TARGET_COLLABORATION_CARD'; collaborationId: string };

/** TikTok's `content` string for a payload, in the shapes Send IM Message documents. */
export function messageContent(p: MessagePayload): string {
  switch (p.type) {
    case 'TEXT':
      return textContent(p.text);
    case 'IMAGE':
      return JSON.stringify({ url: p.url, width: p.width, height: p.height });
    case 'PRODUCT_CARD':
      return JSON.stringify({ product_id: p.productId });
    case 'TARGET_COLLABORATION_CARD':
      return JSON.stringify({ target_collaboration_id: p.collaborationId });
  }
}

export async function sendMessage(
  ctx: ShopDataContext,
  conversationId: string,
  type: SentType,
  content: string,
): Promise<WriteResult<string>> {
  const r = await shopWrite(ctx, 'im.message_send', {
    method: 'POST',
    path: `/affiliate_seller/202412/conversations/${encodeURIComponent(conversationId)}/messages`,
    body: { msg_type: type, content },
    data: z.object({ message_id: z.string().min(1) }),
  });
  return r.kind === 'unknown' ? r : { kind: 'done', value: r.value.message_id };
}

export function sendText(
  ctx: ShopDataContext,
  conversationId: string,
  text: string,
): Promise<WriteResult<string>> {
  return sendMessage(ctx, conversationId, 'TEXT', textContent(text));
}

function parsed(content: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(content) as unknown;
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A JSON value as text, numbers included (Get Messages answers an image's sizes as strings). */
const asText = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

/**
 * Whether a message read back from the conversation is the one sent: same type and same content as TikTok
 * may re-serialise it. Get Messages answers an image's `width`/`height` as strings, and documents a
 * collaboration card's content as `{"invitation_group_id"}` (with the type also named
 * TARGET_INVITATION_CARD) where Send takes `{"target_collaboration_id"}` (docs/tiktok-api/outreach.md).
 */
export function sameMessage(
  received: { type: string; content: string },
  sent: { type: SentType; content: string },
): boolean {
  const cardTypes = ['TARGET_COLLABORATION_CARD', 'TARGET_INVITATION_CARD'];
  const typeMatches =
    received.type === sent.type ||
    (sent.type === 'TARGET_COLLABORATION_CARD' && cardTypes.includes(received.type));
  if (!typeMatches) return false;
  if (received.content === sent.content) return true;
  const a = parsed(received.content);
  const b = parsed(sent.content);
  if (!a || !b) return false;
  switch (sent.type) {
    case 'TEXT':
      return typeof a.content === 'string' && a.content === b.content;
    case 'IMAGE':
      return (
        asText(a.url) === asText(b.url) &&
        asText(a.width) === asText(b.width) &&
        asText(a.height) === asText(b.height)
      );
    case 'PRODUCT_CARD':
      return asText(a.product_id) !== null && asText(a.product_id) === asText(b.product_id);
    case 'TARGET_COLLABORATION_CARD': {
      const id = asText(a.target_collaboration_id) ?? asText(a.invitation_group_id);
      return id !== null && id === asText(b.target_collaboration_id);
    }
  }
}

/**
 * Reconciling a message whose answer was lost: among the conversation's newest messages, the one of this
 * type with this content, created since `sinceMs` (callers allow for clock skew), that `claimed` does not
 * already attribute to another send. Null: it did not go out.
 */
export async function findSentMessage(
  ctx: ShopDataContext,
  conversationId: string,
  sent: { type: SentType; content: string },
  sinceMs: number,
  claimed: (messageId: string) => boolean,
): Promise<string | null> {
  const page = await listMessages(ctx, conversationId, {});
  for (const m of page.items) {
    if (m.createTime !== null && m.createTime < sinceMs) continue;
    if (!sameMessage(m, sent)) continue;
    if (claimed(m.messageId)) continue;
    return m.messageId;
  }
  return null;
}

export function findSentText(
  ctx: ShopDataContext,
  conversationId: string,
  text: string,
  sinceMs: number,
  claimed: (messageId: string) => boolean,
): Promise<string | null> {
  return findSentMessage(ctx, conversationId, { type: 'TEXT', content: textContent(text) }, sinceMs, claimed);
}
