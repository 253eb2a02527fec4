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

export async function sendText(
  ctx: ShopDataContext,
  conversationId: string,
  text: string,
): Promise<WriteResult<string>> {
  const r = await shopWrite(ctx, 'im.message_send', {
    method: 'POST',
    path: `/affiliate_seller/202412/conversations/${encodeURIComponent(conversationId)}/messages`,
    body: { msg_type: 'TEXT', content: textContent(text) },
    data: z.object({ message_id: z.string().min(1) }),
  });
  return r.kind === 'unknown' ? r : { kind: 'done', value: r.value.message_id };
}

/** Whether two TEXT contents say the same: TikTok may re-serialise the JSON string it was sent. */
function sameText(received: string, sent: string): boolean {
  if (received === sent) return true;
  try {
    const a = JSON.parse(received) as { content?: unknown };
    const b = JSON.parse(sent) as { content?: unknown };
    return typeof a.content === 'string' && a.content === b.content;
  } catch {
    return false;
  }
}

/**
 * Reconciling a TEXT message whose answer was lost: among the conversation's newest messages, the one with
 * exactly this text, created since `sinceMs` (callers allow for clock skew), that `claimed` does not
 * already attribute to another send. Null: it did not go out.
 */
export async function findSentText(
  ctx: ShopDataContext,
  conversationId: string,
  text: string,
  sinceMs: number,
  claimed: (messageId: string) => boolean,
): Promise<string | null> {
  const content = textContent(text);
  const page = await listMessages(ctx, conversationId, {});
  for (const m of page.items) {
    if (m.createTime !== null && m.createTime < sinceMs) continue;
    if (!sameText(m.content, content)) continue;
    if (claimed(m.messageId)) continue;
    return m.messageId;
  }
  return null;
}
