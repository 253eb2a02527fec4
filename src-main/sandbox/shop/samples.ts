import { z } from 'zod';
import { DAY, HOUR, REVIEW_WINDOW, type SampleApplication } from '../data/samples';
import { hash, unit } from '../data/rng';
import { decodeId, encodeId } from '../ids';
import type { SandboxState } from '../state';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError, invalidParam } from './errors';
import { decodePageToken, encodePageToken, fingerprint, walk } from './pagination';
import { pageSizeSchema } from './products';

/**
 * Free-sample applications (seller-search-sample-applications-202508, seller-review-sample-applications-
 * 202507, seller-search-sample-applications-fulfillments-202409). After an approval the sandbox plays the
 * rest: the seller ships within three days, the parcel arrives 2–6 days later, and the creator posts on
 * time, late (within the 7-day extension) or never. The content deadline is 14 days after delivery.
 */

export const sampleStatuses = [
  'PENDING',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'CONTENT_PENDING',
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
  'COMPLETED',
] as const;
export type SampleStatus = (typeof sampleStatuses)[number];

export const CONTENT_DEADLINE = 14 * DAY;
export const EXTENSION = 7 * DAY;

export interface SampleTimeline {
  shipAt: number;
  shipDeadline: number;
  deliveredAt: number;
  /** When the creator posts, or null when they never do. */
  contentAt: number | null;
  contentDeadline: number;
}

export function timelineOf(state: SandboxState, app: SampleApplication, approvedAt: number): SampleTimeline {
  const seed = state.dataset.seed;
  const h = hash(seed, 135, app.index);
  const shipAt = approvedAt + 6 * HOUR + (h % (66 * HOUR));
  const deliveredAt = shipAt + 2 * DAY + (hash(seed, 136, app.index) % (4 * DAY));
  const u = unit(seed, 137, app.index);
  const onTime = deliveredAt + 2 * DAY + (hash(seed, 138, app.index) % (11 * DAY));
  const late = deliveredAt + CONTENT_DEADLINE + DAY + (hash(seed, 139, app.index) % (5 * DAY));
  return {
    shipAt,
    shipDeadline: approvedAt + 5 * DAY,
    deliveredAt,
    contentAt: u < 0.6 ? onTime : u < 0.78 ? late : null,
    contentDeadline: deliveredAt + CONTENT_DEADLINE,
  };
}

export interface SampleView {
  status: SampleStatus;
  fulfillmentStatus: string;
  timeline: SampleTimeline | null;
}

export function viewOf(state: SandboxState, app: SampleApplication, now: number): SampleView {
  if (app.withdrawnAt !== null && app.withdrawnAt <= now)
    return { status: 'WITHDRAW_CANCELLED', fulfillmentStatus: 'CANCELLED', timeline: null };
  const review = app.review;
  if (!review || review.at > now) {
    return now >= app.appliedAt + REVIEW_WINDOW
      ? { status: 'OVERDUE_CANCELLED', fulfillmentStatus: 'CANCELLED', timeline: null }
      : { status: 'PENDING', fulfillmentStatus: 'PENDING', timeline: null };
  }
  if (review.result === 'REJECT')
    return { status: 'REJECT_CANCELLED', fulfillmentStatus: 'CANCELLED', timeline: null };
  const t = timelineOf(state, app, review.at);
  const view = (status: SampleStatus, fulfillmentStatus: string): SampleView => ({
    status,
    fulfillmentStatus,
    timeline: t,
  });
  if (now < t.shipAt) return view('AWAITING_SHIPMENT', 'PENDING');
  if (now < t.deliveredAt) return view('SHIPPED', 'PENDING');
  const posted = t.contentAt !== null && t.contentAt <= now && t.contentAt < t.contentDeadline + EXTENSION;
  if (posted && t.contentAt !== null) {
    // The post is checked for a day before the fulfilment counts.
    return now < t.contentAt + DAY ? view('CONTENT_PENDING', 'ONGOING') : view('COMPLETED', 'SUCCEED');
  }
  if (now < t.contentDeadline) return view('CONTENT_PENDING', 'PENDING');
  if (now < t.contentDeadline + EXTENSION) return view('CONTENT_PENDING', 'OVERDUE');
  return view('UNFULFILL_CANCELLED', 'OVERDUE');
}

/** Sample stock left for a product; a few products have none left, so their applications cannot be approved. */
function sampleStock(state: SandboxState, productIndex: number): number {
  const h = hash(state.dataset.seed, 140, productIndex);
  return h % 10 === 0 ? 0 : 5 + (h % 46);
}

function approvability(state: SandboxState, app: SampleApplication): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const product = state.product(app.productIndex);
  if (!product || product.status !== 'ACTIVATE') reasons.push('Product is not available for sale');
  if (sampleStock(state, app.productIndex) === 0) reasons.push('Product out of stock');
  return { ok: reasons.length === 0, reasons };
}

function applicationJson(ctx: ShopContext, app: SampleApplication): Record<string, unknown> {
  const { state, now } = ctx;
  const v = viewOf(state, app, now);
  const c = state.dataset.creators;
  const i = app.creatorIndex;
  const product = state.product(app.productIndex);
  const sku = product?.skus[app.skuIndex];
  const approved = app.review?.result === 'APPROVE' && app.review.at <= now;
  const shipped = v.timeline !== null && now >= v.timeline.shipAt;
  const approvable = v.status === 'PENDING' ? approvability(state, app) : { ok: false, reasons: [] };
  const shop = requireShop(ctx);
  return {
    id: app.id,
    commission_rate: (app.commissionBp / 10_000).toString(),
    status: v.status,
    ...(approved ? { order_id: encodeId('order', 60_000_000 + app.index) } : {}),
    available_quantity: sampleStock(state, app.productIndex),
    approve_expiration_time: app.appliedAt + REVIEW_WINDOW,
    ...(v.timeline ? { shipment_expiration_time: v.timeline.shipDeadline } : {}),
    ...(shipped
      ? {
          tracking_number: `TT${(hash(state.dataset.seed, 141, app.index) % 1e10).toString().padStart(10, '0')}`,
        }
      : {}),
    fulfillment_status: v.fulfillmentStatus,
    is_approvable: approvable.ok,
    disapprovable_reasons: approvable.reasons,
    ...(app.partnerName ? { partner_name: app.partnerName } : {}),
    creator: {
      creator_open_id: state.creators.encode(i),
      username: c.usernames[i] ?? '',
      nickname: c.nicknames[i] ?? '',
      follower_count: c.followers[i] ?? 0,
      avatar_url: `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${hash(state.dataset.seed, 91, i).toString(16)}~c5_100x100.jpeg`,
      gmv: { amount: ((c.gmvCents[i] ?? 0) / 100).toFixed(2), currency: shop.currency },
      content_count: hash(state.dataset.seed, 142, i) % 30,
      fulfillment_percentage: ((hash(state.dataset.seed, 143, i) % 10_001) / 100).toFixed(2),
      ec_video_view: c.videoViews[i] ?? 0,
    },
    product: {
      id: product?.id ?? '',
      title: product?.title ?? '',
      sku_id: sku?.id ?? '',
      sku_image_url: product
        ? `https://p16-oec-va.ibyteimg.com/${product.imageUri}~tplv-o3syd03w52-origin-jpeg.jpeg`
        : '',
      sku_name: sku?.attributes.map((a) => a.valueName).join(' / ') ?? '',
    },
  };
}

// Field names as documented, misspellings included: a correctly spelled `creator_user_open_id` is an
// unknown field and filters nothing, as it would at TikTok [U].
const searchBody = z.object({
  product_id: z.string().optional(),
  title: z.string().max(255).optional(),
  creator_user_oepn_id: z.string().optional(),
  username: z.string().max(255).optional(),
  target_collabration_id: z.string().optional(),
  order_id: z.string().optional(),
  status: z.enum(sampleStatuses).optional(),
});

function ownApplication(ctx: ShopContext): SampleApplication {
  const shop = requireShop(ctx);
  const id = ctx.params.application_id ?? '';
  const index = decodeId('sampleApplication', id);
  const app = index === null ? undefined : ctx.state.samples[index];
  // Not documented: an id that is not this shop's is refused like a bad parameter [U].
  if (!app || app.shopIndex !== shop.index)
    throw new ShopApiError(98001004, `invalid params: no sample application ${id} in this shop`);
  return app;
}

export function searchSampleApplications(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const pageSize = parse(pageSizeSchema(50, 20), ctx.query.get('page_size'), 'page_size');
  const body = parse(searchBody, ctx.body ?? {}, 'body');
  const fp = fingerprint('samples', shop.index, body);
  const position = decodePageToken(ctx.query.get('page_token'), fp);
  const { state, now } = ctx;
  const creator =
    body.creator_user_oepn_id === undefined ? null : state.creators.decode(body.creator_user_oepn_id);
  const title = body.title?.toLowerCase();
  const username = body.username?.toLowerCase();
  const all = state.samples;
  const match = (k: number): boolean => {
    const app = all[k];
    if (!app || app.shopIndex !== shop.index || app.appliedAt > now) return false;
    if (body.product_id !== undefined && state.product(app.productIndex)?.id !== body.product_id)
      return false;
    if (body.creator_user_oepn_id !== undefined && creator !== app.creatorIndex) return false;
    if (title && !(state.product(app.productIndex)?.title ?? '').toLowerCase().includes(title)) return false;
    if (
      username &&
      !(state.dataset.creators.usernames[app.creatorIndex] ?? '').toLowerCase().includes(username)
    )
      return false;
    // Applications here all come from open collaborations: no target collaboration id matches [U].
    if (body.target_collabration_id !== undefined) return false;
    if (body.order_id !== undefined) {
      const approved = app.review?.result === 'APPROVE' && app.review.at <= now;
      if (!approved || encodeId('order', 60_000_000 + app.index) !== body.order_id) return false;
    }
    if (body.status !== undefined && viewOf(state, app, now).status !== body.status) return false;
    return true;
  };
  // Oldest first keeps positions stable while statuses change between pages [U: the order is undocumented].
  const page = walk({ length: all.length, at: (k) => k }, position, pageSize, match);
  let total = 0;
  for (let k = 0; k < all.length; k++) if (match(k)) total++;
  return {
    next_page_token: page.next === null ? '' : encodePageToken(page.next, fp),
    total_count: total,
    sample_applications: page.items.map((k) => applicationJson(ctx, all[k] as SampleApplication)),
  };
}

const reviewBody = z.object({
  review_result: z.enum(['APPROVE', 'REJECT']),
  reject_reason: z.enum(['NOT_MATCH', 'OFFLINE', 'OUT_OF_STOCK', 'OTHER']).optional(),
});

export function reviewSampleApplication(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const body = parse(reviewBody, ctx.body, 'body');
  if (body.review_result === 'REJECT' && body.reject_reason === undefined)
    throw invalidParam('reject_reason is required when review_result is REJECT');
  const app = ownApplication(ctx);
  if (app.partnerName)
    throw new ShopApiError(16022020, "seller has no permission to operate agency's sample request");
  const { state, now } = ctx;
  const v = viewOf(state, app, now);
  // Not documented: reviewing twice, or after the review window, is refused as a bad parameter [U].
  if (v.status !== 'PENDING')
    throw new ShopApiError(
      98001004,
      `invalid params: the sample application is ${v.status}, not PENDING, and cannot be reviewed`,
    );
  if (body.review_result === 'APPROVE') {
    const a = approvability(state, app);
    if (!a.ok)
      throw new ShopApiError(
        98001004,
        `invalid params: the sample application cannot be approved (${a.reasons.join('; ')})`,
      );
  }
  app.review = {
    result: body.review_result,
    at: now,
    reason: body.review_result === 'REJECT' ? (body.reject_reason ?? null) : null,
  };
  state.recordWrite('affiliate.sample_review', shop.id, {
    applicationId: app.id,
    result: app.review.result,
    rejectReason: app.review.reason,
  });
  return {};
}

const fulfillmentBody = z.object({ content_format: z.enum(['LIVE', 'VIDEO']).optional() });

export function searchSampleFulfillments(ctx: ShopContext): unknown {
  const body = parse(fulfillmentBody, ctx.body ?? {}, 'body');
  const app = ownApplication(ctx);
  const { state, now } = ctx;
  const v = viewOf(state, app, now);
  const t = v.timeline;
  const posted =
    t !== null && t.contentAt !== null && t.contentAt <= now && t.contentAt < t.contentDeadline + EXTENSION;
  if (!posted || t?.contentAt == null) return { fulfillments: [] };
  const seed = state.dataset.seed;
  const format = unit(seed, 144, app.index) < 0.75 ? 'VIDEO' : 'LIVE';
  if (body.content_format !== undefined && body.content_format !== format) return { fulfillments: [] };
  const product = state.product(app.productIndex);
  const age = Math.max(0, now - t.contentAt);
  const views = Math.round(
    (state.dataset.creators.videoViews[app.creatorIndex] ?? 0) * Math.min(1, age / (3 * DAY)),
  );
  const contentId = encodeId('message', 70_000_000 + app.index);
  const handle = state.dataset.creators.usernames[app.creatorIndex] ?? '';
  return {
    fulfillments: [
      {
        product: {
          id: product?.id ?? '',
          main_image_url: product
            ? `https://p16-oec-va.ibyteimg.com/${product.imageUri}~tplv-o3syd03w52-origin-jpeg.jpeg`
            : '',
        },
        content: {
          id: contentId,
          format,
          url: `https://www.tiktok.com/@${handle}/${format === 'VIDEO' ? 'video' : 'live'}/${contentId}`,
          view_count: views,
          like_count: Math.round(views * 0.05),
          comment_count: Math.round(views * 0.003),
          paid_order_count: hash(seed, 145, app.index) % 12,
          page_link: `https://www.tiktok.com/@${handle}`,
          description: `${product?.title ?? ''} #ad`,
          create_time: t.contentAt,
          ...(format === 'LIVE' ? { live_end_time: t.contentAt + 2 * HOUR } : {}),
        },
      },
    ],
  };
}
