import { z } from 'zod';
import { secondsToMs } from '../../core/time';
import { idKey, type RejectedRecord, readRecords } from '../records';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { pageToken, unixSeconds } from './schemas';

/** Target collaborations (the invitations a shop sent) and their per-creator acceptance (docs/tiktok-api/affiliate.md). */

const summarySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  message: z.string().optional(),
  start_time: unixSeconds.optional(),
  end_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
  // The docs (and TikTok) misspell this field in search results.
  creator_inivited_count: z.number().int().optional(),
  creator_invited_count: z.number().int().optional(),
  showcase_creator_count: z.number().int().default(0),
  content_creator_count: z.number().int().default(0),
  product_count: z.number().int().default(0),
  free_sample_rule: z.object({ has_free_sample: z.boolean() }).optional(),
});

const searchData = z.object({
  next_page_token: pageToken,
  total_count: z.number().int().optional(),
  target_collaborations: z.array(z.unknown()).default([]),
});

const creatorSchema = z.object({
  creator_open_id: z.string().min(1),
  username: z.string().optional(),
  nickname: z.string().optional(),
  avatar: z.object({ url: z.string() }).optional(),
  selection_region: z.string().optional(),
  showcase_product_count: z.number().int().default(0),
  content_product_count: z.number().int().default(0),
  collaboration_status: z.string().optional(),
});

const detailData = z.object({
  target_collaboration: z.object({
    id: z.string(),
    creators: z.array(z.unknown()).default([]),
    products: z.array(z.unknown()).default([]),
  }),
});

const productSchema = z.object({ id: z.string().min(1), collaboration_status: z.string().optional() });

export interface Collaboration {
  collaborationId: string;
  /** The status filter the collaboration matched (the search response carries none). */
  status: CollaborationStatusFilter;
  name: string;
  message: string | null;
  startTime: number | null;
  endTime: number | null;
  updateTime: number | null;
  invitedCount: number;
  showcaseCount: number;
  contentCount: number;
  productCount: number;
  hasFreeSample: boolean;
}

export interface CollaborationCreator {
  openId: string;
  handle: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  region: string | null;
  showcaseProductCount: number;
  contentProductCount: number;
  status: string | null;
}

/**
 * The search filters the sync reads (docs/tiktok-api/affiliate.md): VALID (ongoing + expiring), CANCELING (the seller
 * removed it and TikTok is winding it down), COMPLETED (ended).
 */
export type CollaborationStatusFilter = 'VALID' | 'CANCELING' | 'COMPLETED';

export async function searchCollaborations(
  ctx: ShopDataContext,
  q: { status: CollaborationStatusFilter; pageToken?: string; collaborationId?: string },
): Promise<Page<Collaboration>> {
  const data = await shopCall(ctx, 'affiliate.collab_search', {
    method: 'POST',
    path: '/affiliate_seller/202508/target_collaborations/search',
    query: { page_size: 50, page_token: q.pageToken || undefined },
    body: {
      collaboration_status: q.status,
      ...(q.collaborationId
        ? { search_param: { keyword_type: 'TARGET_COLLABORATION_ID', keyword: q.collaborationId } }
        : {}),
    },
    data: searchData,
  });
  const read = readRecords(data.target_collaborations, {
    schema: summarySchema,
    key: idKey(),
    optional: [
      'message',
      'start_time',
      'end_time',
      'update_time',
      'creator_inivited_count',
      'creator_invited_count',
      'showcase_creator_count',
      'content_creator_count',
      'product_count',
      'free_sample_rule',
    ],
  });
  return {
    rejected: read.rejected,
    items: read.items.map((c) => ({
      collaborationId: c.id,
      status: q.status,
      name: c.name,
      message: c.message || null,
      startTime: secondsToMs(c.start_time),
      endTime: secondsToMs(c.end_time),
      updateTime: secondsToMs(c.update_time),
      invitedCount: c.creator_inivited_count ?? c.creator_invited_count ?? 0,
      showcaseCount: c.showcase_creator_count,
      contentCount: c.content_creator_count,
      productCount: c.product_count,
      hasFreeSample: c.free_sample_rule?.has_free_sample ?? false,
    })),
    nextPageToken: data.next_page_token,
    totalCount: data.total_count ?? null,
  };
}

export async function collaborationCreators(
  ctx: ShopDataContext,
  collaborationId: string,
): Promise<{ creators: CollaborationCreator[]; productIds: string[]; rejected: RejectedRecord[] }> {
  const data = await shopCall(ctx, 'affiliate.collab_detail', {
    method: 'GET',
    path: `/affiliate_seller/202508/target_collaborations/${encodeURIComponent(collaborationId)}`,
    data: detailData,
  });
  const read = readRecords(data.target_collaboration.creators, {
    schema: creatorSchema,
    key: (raw) => {
      const id = idKey('creator_open_id')(raw);
      return id === null ? null : `${collaborationId}/${id}`;
    },
    optional: ['username', 'nickname', 'avatar', 'selection_region', 'collaboration_status'],
  });
  const creators = read.items.map((c) => ({
    openId: c.creator_open_id,
    handle: c.username || null,
    nickname: c.nickname || null,
    avatarUrl: c.avatar?.url || null,
    region: c.selection_region || null,
    showcaseProductCount: c.showcase_product_count,
    contentProductCount: c.content_product_count,
    status: c.collaboration_status || null,
  }));
  const products = readRecords(data.target_collaboration.products, {
    schema: productSchema,
    key: (raw) => {
      const id = idKey()(raw);
      return id === null ? null : `${collaborationId}/product/${id}`;
    },
    optional: ['collaboration_status'],
  });
  // A product DELETED from the invitation no longer binds its creators to it.
  const productIds = products.items.filter((p) => p.collaboration_status !== 'DELETED').map((p) => p.id);
  return { creators, productIds, rejected: [...read.rejected, ...products.rejected] };
}
