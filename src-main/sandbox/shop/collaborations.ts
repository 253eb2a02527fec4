import { z } from 'zod';
import { sensitiveWords } from '../data/names';
import { decodeId } from '../ids';
import type { Collaboration } from '../state';
import { creatorRegion } from '../data/creator-region';
import { drawOutcome, hasAccepted, hasPosted } from './behaviour';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError, invalidParam, shopCodes } from './errors';
import { drawFromPool } from './outreach';
import { decodePageToken, encodePageToken, fingerprint, walk } from './pagination';
import { pageSizeSchema } from './products';

const createBody = z.object({
  name: z.string().min(1).max(200),
  message: z.string().max(2_000).optional(),
  end_time: z.string().regex(/^\d{10}$/, 'end_time must be a string of Unix seconds'),
  products: z
    .array(
      z.object({
        id: z.string(),
        // Integers in hundredths of a percent; a target collaboration needs at least 10.00%.
        target_commission_rate: z.number().int().min(1_000).max(8_000),
        shop_ads_commission_rate: z.number().int().min(0).max(8_000).optional(),
      }),
    )
    .min(1)
    .max(100),
  creator_user_open_ids: z.array(z.string()).min(1).max(50),
  seller_contact_info: z.object({ email: z.email() }),
  free_sample_rule: z.object({ has_free_sample: z.boolean(), is_sample_approval_exempt: z.boolean() }),
});

export function hasSensitiveWords(text: string): boolean {
  const t = text.toLowerCase();
  return sensitiveWords.some((w) => t.includes(w));
}

/**
 * How long a removed collaboration stays CANCELING before it is COMPLETED. TikTok documents the state, not
 * its length [U]: three days, so a sync in between sees it.
 */
export const CANCELING_SEC = 3 * 86_400;

function isCanceling(c: Collaboration, now: number): boolean {
  return c.canceledAt !== null && now < c.canceledAt + CANCELING_SEC && c.endTime > now;
}

function isValid(c: Collaboration, now: number): boolean {
  return c.endTime > now && c.canceledAt === null;
}

export function createCollaboration(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const { state, now } = ctx;
  const body = parse(createBody, ctx.body, 'body');
  const endTime = Number(body.end_time);
  if (endTime <= now) throw invalidParam('end_time must be in the future');
  if (hasSensitiveWords(`${body.name} ${body.message ?? ''}`)) {
    throw new ShopApiError(shopCodes.sensitiveWords, 'The name or message contains sensitive words.');
  }
  const products = body.products.map((p) => {
    const index = decodeId('product', p.id);
    const product = index === null ? undefined : state.product(index);
    if (index === null || !product || product.shopIndex !== shop.index) {
      throw new ShopApiError(shopCodes.productNotYours, `Product ${p.id} does not belong to this shop.`);
    }
    return {
      id: p.id,
      productIndex: index,
      commissionRate: p.target_commission_rate,
      shopAdsCommissionRate: p.shop_ads_commission_rate ?? null,
    };
  });
  const creators = body.creator_user_open_ids.map((openId) => {
    const index = state.creators.decode(openId);
    if (index === null || index >= state.dataset.creators.count)
      throw invalidParam(`creator_user_open_ids: unknown creator ${openId}`);
    if (creatorRegion(state, index) !== shop.region) {
      throw new ShopApiError(16032001, `Creator ${openId} is in a different region from the shop.`);
    }
    return index;
  });

  // A creator+product pair already in a valid invitation of this shop is a conflict, not a second invite.
  const conflicts: Array<{ creator_user_open_id: string; product_id: string }> = [];
  const freshCreators = new Set<number>();
  for (const c of creators) {
    for (const p of products) {
      const taken = state.collaborations.some(
        (x) =>
          x.shopIndex === shop.index &&
          isValid(x, now) &&
          x.creatorIndexes.includes(c) &&
          x.products.some((y) => y.id === p.id),
      );
      if (taken) conflicts.push({ creator_user_open_id: state.creators.encode(c), product_id: p.id });
      else freshCreators.add(c);
    }
  }
  if (freshCreators.size === 0) {
    throw new ShopApiError(
      shopCodes.alreadyInvited,
      'Every creator and product pair has already been invited.',
      { target_collaboration_conflicts: conflicts },
    );
  }
  if (!drawFromPool(state, shop.index, [...freshCreators], now)) {
    throw new ShopApiError(
      shopCodes.invitationQuota,
      'The weekly invitation quota for new creators is reached.',
    );
  }
  const index = state.collaborations.length;
  const invited = [...freshCreators];
  const collab: Collaboration = {
    index,
    id: state.newId('collaboration'),
    shopIndex: shop.index,
    name: body.name,
    message: body.message ?? '',
    startTime: now,
    endTime,
    updateTime: now,
    products,
    creatorIndexes: invited,
    outcomes: invited.map((c) => drawOutcome(state, { index, startTime: now, products }, c)),
    sellerEmail: body.seller_contact_info.email,
    freeSample: {
      hasFreeSample: body.free_sample_rule.has_free_sample,
      isSampleApprovalExempt: body.free_sample_rule.is_sample_approval_exempt,
    },
    canceledAt: null,
  };
  state.collaborations.push(collab);
  state.recordWrite('affiliate.target_collaboration', shop.id, {
    id: collab.id,
    name: collab.name,
    creators: body.creator_user_open_ids,
    products: body.products,
  });
  return { target_collaboration: { id: collab.id }, target_collaboration_conflicts: conflicts };
}

function counts(ctx: ShopContext, c: Collaboration): { showcase: number; content: number } {
  let showcase = 0;
  let content = 0;
  for (const o of c.outcomes) {
    if (hasAccepted(o, ctx.now)) showcase++;
    if (hasPosted(o, ctx.now)) content++;
  }
  return { showcase, content };
}

function statusMatches(status: string, c: Collaboration, now: number): boolean {
  const left = c.endTime - now;
  const valid = isValid(c, now);
  switch (status) {
    case 'ONGOING':
      return valid && left > 7 * 86_400;
    case 'EXPIRING':
      return valid && left <= 7 * 86_400;
    case 'VALID':
      return valid;
    case 'CANCELING':
      return isCanceling(c, now);
    case 'COMPLETED':
      // Expired and cancelled ones alike (search-target-collaborations-202508).
      return !valid && !isCanceling(c, now);
    default:
      return false;
  }
}

/** `DELETE …/target_collaborations/{id}` (Remove Target Collaboration 202409): the seller cancels it. */
export function removeCollaboration(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const c = ctx.state.collaborations.find((x) => x.id === ctx.params.id);
  if (!c || c.shopIndex !== shop.index)
    throw new ShopApiError(
      shopCodes.notYourCollaboration,
      'This target collaboration does not belong to the shop.',
    );
  if (isValid(c, ctx.now)) {
    c.canceledAt = ctx.now;
    c.updateTime = ctx.now;
    ctx.state.recordWrite('affiliate.target_collaboration.removed', shop.id, { id: c.id });
  }
  return {};
}

const searchBody = z.object({
  collaboration_status: z.enum(['ONGOING', 'EXPIRING', 'VALID', 'CANCELING', 'COMPLETED']),
  creator_accept_status: z.enum(['ACCEPT', 'ALL']).optional(),
  free_sample_setting: z.enum(['WITH_FREE_SAMPLE', 'ALL']).optional(),
  search_param: z
    .object({
      keyword_type: z.enum([
        'PRODUCT_ID',
        'PRODUCT_NAME',
        'TARGET_COLLABORATION_ID',
        'TARGET_COLLABORATION_NAME',
      ]),
      keyword: z.string(),
    })
    .optional(),
  creator_user_open_id: z.string().optional(),
});

export function searchCollaborations(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const pageSize = parse(pageSizeSchema(50), ctx.query.get('page_size'), 'page_size');
  const body = parse(searchBody, ctx.body, 'body');
  const fp = fingerprint('collabs', shop.index, body);
  const position = decodePageToken(ctx.query.get('page_token'), fp);
  const creator =
    body.creator_user_open_id === undefined ? null : ctx.state.creators.decode(body.creator_user_open_id);
  const all = ctx.state.collaborations;
  const match = (k: number): boolean => {
    const c = all[k];
    if (!c || c.shopIndex !== shop.index || !statusMatches(body.collaboration_status, c, ctx.now))
      return false;
    if (body.free_sample_setting === 'WITH_FREE_SAMPLE' && !c.freeSample.hasFreeSample) return false;
    if (body.creator_user_open_id !== undefined && (creator === null || !c.creatorIndexes.includes(creator)))
      return false;
    if (body.creator_accept_status === 'ACCEPT' && counts(ctx, c).showcase === 0) return false;
    const p = body.search_param;
    if (p) {
      const kw = p.keyword.toLowerCase();
      if (p.keyword_type === 'TARGET_COLLABORATION_ID' && c.id !== p.keyword) return false;
      if (p.keyword_type === 'TARGET_COLLABORATION_NAME' && !c.name.toLowerCase().includes(kw)) return false;
      if (p.keyword_type === 'PRODUCT_ID' && !c.products.some((x) => x.id === p.keyword)) return false;
      if (
        p.keyword_type === 'PRODUCT_NAME' &&
        !c.products.some((x) => (ctx.state.product(x.productIndex)?.title ?? '').toLowerCase().includes(kw))
      )
        return false;
    }
    return true;
  };
  // Oldest first keeps positions stable while new invitations are appended during paging.
  const seq = { length: all.length, at: (k: number) => k };
  const page = walk(seq, position, pageSize, match);
  let total = 0;
  for (let k = 0; k < all.length; k++) if (match(k)) total++;
  return {
    target_collaborations: page.items.map((k) => {
      const c = all[k] as Collaboration;
      const n = counts(ctx, c);
      return {
        id: c.id,
        name: c.name,
        message: c.message,
        start_time: c.startTime,
        end_time: c.endTime,
        update_time: c.updateTime,
        creator_inivited_count: c.creatorIndexes.length, // sic: the docs spell it this way
        showcase_creator_count: n.showcase,
        content_creator_count: n.content,
        product_count: c.products.length,
        free_sample_rule: {
          has_free_sample: c.freeSample.hasFreeSample,
          is_sample_approval_exempt: c.freeSample.isSampleApprovalExempt,
        },
        type: 'STANDARD',
      };
    }),
    total_count: total,
    next_page_token: page.next === null ? '' : encodePageToken(page.next, fp),
  };
}

export function collaborationDetail(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const c = ctx.state.collaborations.find((x) => x.id === ctx.params.id);
  if (!c || c.shopIndex !== shop.index)
    throw new ShopApiError(
      shopCodes.notYourCollaboration,
      'This target collaboration does not belong to the shop.',
    );
  const creators = ctx.state.dataset.creators;
  const n = counts(ctx, c);
  return {
    target_collaboration: {
      id: c.id,
      name: c.name,
      message: c.message,
      start_time: c.startTime,
      end_time: c.endTime,
      update_time: c.updateTime,
      creator_invited_count: c.creatorIndexes.length,
      showcase_creator_count: n.showcase,
      content_creator_count: n.content,
      product_count: c.products.length,
      seller_contact_info: { email: c.sellerEmail },
      free_sample_rule: {
        has_free_sample: c.freeSample.hasFreeSample,
        is_sample_approval_exempt: c.freeSample.isSampleApprovalExempt,
      },
      products: c.products.map((p) => {
        const product = ctx.state.product(p.productIndex);
        const prices = (product?.skus ?? []).map((s) => Number(s.price)).filter((v) => v > 0);
        const low = prices.length ? Math.min(...prices) : 0;
        const high = prices.length ? Math.max(...prices) : 0;
        // Commission as an amount range: the rate (hundredths of a percent) applied to the price range.
        const commissionOf = (price: number): string => ((price * p.commissionRate) / 10_000).toFixed(2);
        return {
          id: p.id,
          title: product?.title ?? '',
          main_image_url: product
            ? `https://p16-oec-va.ibyteimg.com/${product.imageUri}~tplv-o3syd03w52-origin-jpeg.jpeg`
            : '',
          original_price: {
            currency: shop.currency,
            minimum_amount: low.toFixed(2),
            maximum_amount: high.toFixed(2),
          },
          commission: {
            rate: p.commissionRate,
            // A string of Unix seconds, as documented (other times here are numbers).
            effective_time: String(c.startTime),
            currency: shop.currency,
            minimum_amount: commissionOf(low),
            maximum_amount: commissionOf(high),
            shop_ads_commission_rate: p.shopAdsCommissionRate ?? 0,
          },
          status: product?.status === 'ACTIVATE' ? 'LIVE' : 'SELLER_DEACTIVATE',
          commission_effective_status: 'EFFECTIVE_ALL',
          collaboration_status: 'NORMAL',
        };
      }),
      creators: c.creatorIndexes.map((i, at) => {
        const o = c.outcomes[at];
        const accepted = o !== undefined && hasAccepted(o, ctx.now);
        const posted = o !== undefined && hasPosted(o, ctx.now);
        return {
          creator_open_id: ctx.state.creators.encode(i),
          username: creators.usernames[i] ?? '',
          nickname: creators.nicknames[i] ?? '',
          avatar: { url: '' },
          selection_region: creatorRegion(ctx.state, i),
          showcase_product_count: accepted ? (o?.showcased.length ?? 0) : 0,
          content_product_count: posted ? (o?.featured.length ?? 0) : 0,
          collaboration_status: 'NORMAL',
          product_effective_status: accepted ? 'EFFECTIVE_ALL' : 'EFFECTIVE_NONE',
        };
      }),
      type: 'STANDARD',
    },
  };
}
