import { z } from 'zod';
import { secondsToMs } from '../../core/time';
import type { WriteResult } from '../http-core';
import { idKey, type ReadRecords, readRecords } from '../records';
import { type Page, type ShopDataContext, shopCall, shopWrite } from './data-call';
import { intOrNull, moneyOf, type Money } from './marketplace-creators';

/**
 * Free-sample applications: search (202508), the seller's review (202507) and what the creator posted
 * (fulfillments, 202409). Facts relied on: docs/tiktok-api/affiliate-creators-and-samples.md.
 */

export const sampleApplicationStatuses = [
  'PENDING',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'CONTENT_PENDING',
  'COMPLETED',
  'REJECT_CANCELLED',
  'OVERDUE_CANCELLED',
  'UNFULFILL_CANCELLED',
  'DEL_OPEN_COLLAB',
  'SELLER_NOT_SHIP_CANCELLED',
  'WITHDRAW_CANCELLED',
  'UNFULFILLABLE_CANCELLED',
  'OPS_CANCELLED',
  'OPS_FAILED',
  'OPS_COMPLETED',
] as const;
export type SampleApplicationStatus = (typeof sampleApplicationStatuses)[number];

/** The statuses an application can still leave; every other one is final. */
export const openSampleStatuses: readonly SampleApplicationStatus[] = [
  'PENDING',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'CONTENT_PENDING',
];

export const rejectReasons = ['NOT_MATCH', 'OFFLINE', 'OUT_OF_STOCK', 'OTHER'] as const;
export type RejectReason = (typeof rejectReasons)[number];

const looseInt = z.union([z.number(), z.string()]).optional();

/** Display-only details: a bad value in one of them must not keep the application out of the CRM. */
const optionalFields = [
  'avatar_url',
  'partner_name',
  'sku_image_url',
  'fulfillment_percentage',
  'ec_video_view',
];

const applicationSchema = z.object({
  id: z.string().min(1),
  commission_rate: z.string().optional(),
  // Kept as text: a status TikTok adds later must not fail the whole page.
  status: z.string().min(1),
  order_id: z.string().optional(),
  available_quantity: looseInt,
  approve_expiration_time: z.number().int().optional(),
  shipment_expiration_time: z.number().int().optional(),
  tracking_number: z.string().optional(),
  fulfillment_status: z.string().optional(),
  is_approvable: z.boolean().optional(),
  disapprovable_reasons: z.array(z.string()).default([]),
  partner_name: z.string().optional(),
  creator: z
    .object({
      creator_open_id: z.string().optional(),
      username: z.string().optional(),
      nickname: z.string().optional(),
      follower_count: looseInt,
      avatar_url: z.string().optional(),
      gmv: z.union([z.object({ amount: z.string(), currency: z.string() }), z.literal('')]).optional(),
      content_count: looseInt,
      fulfillment_percentage: z.string().optional(),
      ec_video_view: looseInt,
    })
    .default({}),
  product: z
    .object({
      id: z.string().optional(),
      title: z.string().optional(),
      sku_id: z.string().optional(),
      sku_image_url: z.string().optional(),
      sku_name: z.string().optional(),
    })
    .default({}),
});

export const sampleSearchData = z.object({
  next_page_token: z.string().default(''),
  total_count: z.number().int().optional(),
  sample_applications: z.array(z.unknown()).default([]),
});

export interface SampleApplication {
  applicationId: string;
  status: string;
  fulfillmentStatus: string | null;
  /** "0.1" → 1000: hundredths of a percent, like every other commission rate we store. */
  commissionBp: number | null;
  orderId: string | null;
  trackingNumber: string | null;
  availableQuantity: number | null;
  approveExpiresAt: number | null;
  shipExpiresAt: number | null;
  isApprovable: boolean;
  disapprovableReasons: string[];
  partnerName: string | null;
  creator: {
    openId: string | null;
    handle: string | null;
    nickname: string | null;
    avatarUrl: string | null;
    followers: number | null;
    gmv30d: Money | null;
    contents30d: number | null;
    /** "60.50" = 60.50 % of samples of the last 90 days fulfilled. */
    fulfillmentRate: string | null;
    medianVideoViews: number | null;
  };
  product: {
    productId: string | null;
    title: string | null;
    skuId: string | null;
    skuName: string | null;
    skuImageUrl: string | null;
  };
}

/** "0.1" → 1000 bp without a float: the digits after the point, padded to four. */
export function fractionToBp(text: string | undefined): number | null {
  if (!text) return null;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const frac = (m[2] ?? '').padEnd(5, '0');
  const bp = Number(m[1]) * 10_000 + Number(frac.slice(0, 4)) + (Number(frac[4]) >= 5 ? 1 : 0);
  return Number.isSafeInteger(bp) ? bp : null;
}

export function sampleApplicationOf(a: z.infer<typeof applicationSchema>): SampleApplication {
  const c = a.creator;
  const p = a.product;
  return {
    applicationId: a.id,
    status: a.status,
    fulfillmentStatus: a.fulfillment_status || null,
    commissionBp: fractionToBp(a.commission_rate),
    orderId: a.order_id || null,
    trackingNumber: a.tracking_number || null,
    availableQuantity: intOrNull(a.available_quantity),
    approveExpiresAt: secondsToMs(a.approve_expiration_time),
    shipExpiresAt: secondsToMs(a.shipment_expiration_time),
    isApprovable: a.is_approvable ?? false,
    disapprovableReasons: a.disapprovable_reasons,
    partnerName: a.partner_name || null,
    creator: {
      openId: c.creator_open_id || null,
      handle: c.username || null,
      nickname: c.nickname || null,
      avatarUrl: c.avatar_url || null,
      followers: intOrNull(c.follower_count),
      gmv30d: c.gmv === undefined || c.gmv === '' ? null : moneyOf(c.gmv),
      contents30d: intOrNull(c.content_count),
      fulfillmentRate: c.fulfillment_percentage || null,
      medianVideoViews: intOrNull(c.ec_video_view),
    },
    product: {
      productId: p.id || null,
      title: p.title || null,
      skuId: p.sku_id || null,
      skuName: p.sku_name || null,
      skuImageUrl: p.sku_image_url || null,
    },
  };
}

export interface SampleSearchQuery {
  pageToken?: string;
  status?: SampleApplicationStatus;
  creatorOpenId?: string;
  productId?: string;
  orderId?: string;
}

/** Each application read on its own: one TikTok cannot be read is kept aside, the page goes on. */
export function readSampleApplications(raw: readonly unknown[]): ReadRecords<SampleApplication> {
  const read = readRecords(raw, { schema: applicationSchema, key: idKey(), optional: optionalFields });
  return { rejected: read.rejected, items: read.items.map(sampleApplicationOf) };
}

export async function searchSampleApplications(
  ctx: ShopDataContext,
  q: SampleSearchQuery,
): Promise<Page<SampleApplication>> {
  const data = await shopCall(ctx, 'affiliate.sample_search', {
    method: 'POST',
    path: '/affiliate_seller/202508/sample_applications/search',
    query: { page_size: 50, page_token: q.pageToken || undefined },
    // `creator_user_oepn_id` is spelled as the reference spells it.
    body: {
      ...(q.status ? { status: q.status } : {}),
      ...(q.creatorOpenId ? { creator_user_oepn_id: q.creatorOpenId } : {}),
      ...(q.productId ? { product_id: q.productId } : {}),
      ...(q.orderId ? { order_id: q.orderId } : {}),
    },
    data: sampleSearchData,
  });
  const read = readSampleApplications(data.sample_applications);
  return {
    rejected: read.rejected,
    items: read.items,
    nextPageToken: data.next_page_token,
    totalCount: data.total_count ?? null,
  };
}

export const reviewData = z.object({}).loose();

export type SampleDecision = { result: 'APPROVE' } | { result: 'REJECT'; reason: RejectReason };

export function reviewBody(decision: SampleDecision): Record<string, string> {
  return decision.result === 'APPROVE'
    ? { review_result: 'APPROVE' }
    : { review_result: 'REJECT', reject_reason: decision.reason };
}

export function reviewPath(applicationId: string): string {
  return `/affiliate_seller/202507/sample_applications/${encodeURIComponent(applicationId)}/review`;
}

/**
 * Approves or rejects one application. A write: a lost answer comes back as `unknown`, and the caller
 * re-reads the application (its status leaves PENDING once a review took effect) before any retry.
 */
export function reviewSampleApplication(
  ctx: ShopDataContext,
  applicationId: string,
  decision: SampleDecision,
): Promise<WriteResult<z.output<typeof reviewData>>> {
  return shopWrite(ctx, 'affiliate.sample_review', {
    method: 'POST',
    path: reviewPath(applicationId),
    body: reviewBody(decision),
    data: reviewData,
  });
}

const fulfillmentSchema = z.object({
  product: z.object({ id: z.string().optional(), main_image_url: z.string().optional() }).default({}),
  content: z.object({
    id: z.string().min(1),
    format: z.string().optional(),
    url: z.string().optional(),
    view_count: looseInt,
    like_count: looseInt,
    comment_count: looseInt,
    paid_order_count: looseInt,
    page_link: z.string().optional(),
    description: z.string().optional(),
    create_time: z.number().int().optional(),
    live_end_time: z.number().int().optional(),
  }),
});

export const fulfillmentsData = z.object({ fulfillments: z.array(fulfillmentSchema).default([]) });

export interface SampleContent {
  contentId: string;
  productId: string | null;
  format: string | null;
  url: string | null;
  pageLink: string | null;
  description: string | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  paidOrders: number | null;
  /** When the video went public with the product, or the product was first added to the live (ms). */
  createdAt: number | null;
  liveEndedAt: number | null;
}

export function sampleContentOf(f: z.infer<typeof fulfillmentSchema>): SampleContent {
  const c = f.content;
  return {
    contentId: c.id,
    productId: f.product.id || null,
    format: c.format || null,
    url: c.url || null,
    pageLink: c.page_link || null,
    description: c.description || null,
    views: intOrNull(c.view_count),
    likes: intOrNull(c.like_count),
    comments: intOrNull(c.comment_count),
    paidOrders: intOrNull(c.paid_order_count),
    createdAt: secondsToMs(c.create_time),
    liveEndedAt: secondsToMs(c.live_end_time),
  };
}

/** The content a creator made for one application (an empty list until they post). */
export async function searchSampleFulfillments(
  ctx: ShopDataContext,
  applicationId: string,
): Promise<SampleContent[]> {
  const data = await shopCall(ctx, 'affiliate.sample_fulfillments', {
    method: 'POST',
    path: `/affiliate_seller/202409/sample_applications/${encodeURIComponent(applicationId)}/fulfillments/search`,
    body: {},
    data: fulfillmentsData,
  });
  return data.fulfillments.map(sampleContentOf);
}
