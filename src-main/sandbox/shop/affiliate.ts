import { z } from 'zod';
import { orderFlag } from '../data/dataset';
import { lineCount, money, orderLine } from '../data/orders';
import { hash, unit } from '../data/rng';
import { decodeId, encodeId } from '../ids';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError, shopCodes } from './errors';
import { orderStatusOf } from './order-json';
import { collaborationOrderJson, collaborationOrders } from './collaboration-orders';
import {
  countMatches,
  decodePageToken,
  encodePageToken,
  fingerprint,
  lowerBound,
  type Sequence,
  walk,
} from './pagination';
import { pageSizeSchema } from './products';

const ordersBody = z
  .object({
    create_time_ge: z.number().int().nonnegative().optional(),
    create_time_lt: z.number().int().nonnegative().optional(),
    program_id: z.string().optional(),
  })
  .loose();

/**
 * An open collaboration is one product's public offer (Search Open Collaboration 202412, see
 * docs/tiktok-api/affiliate.md "Attribution"): each generated affiliate SKU came through its product's.
 */
const OPEN_COLLABORATIONS = 9_000_000;
export function openCollaborationId(productIndex: number): string {
  return encodeId('collaboration', OPEN_COLLABORATIONS + productIndex);
}
/** The product whose open collaboration an id names; -1 for any other id (no generated order matches). */
function openCollaborationProduct(id: string): number {
  const n = decodeId('collaboration', id);
  return n === null || n < OPEN_COLLABORATIONS ? -1 : n - OPEN_COLLABORATIONS;
}

const contentTypes = ['VIDEO', 'VIDEO', 'LIVE', 'SHOP', 'LINKSHARE', 'PROMOTION_PAGE'];

export function searchAffiliateOrders(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const ds = ctx.state.dataset;
  const pageSize = parse(pageSizeSchema(100), ctx.query.get('page_size'), 'page_size');
  const body = parse(ordersBody, ctx.body ?? {}, 'body');
  const fp = fingerprint('affiliate-orders', shop.index, body);
  const position = decodePageToken(ctx.query.get('page_token'), fp);
  const arr = ds.orders.affiliate[shop.index] ?? new Uint32Array(0);
  const key = (i: number): number => ds.orders.createTime[i] ?? 0;
  const lo = body.create_time_ge === undefined ? 0 : lowerBound(arr, key, body.create_time_ge);
  const hi = body.create_time_lt === undefined ? arr.length : lowerBound(arr, key, body.create_time_lt);
  // `program_id` narrows to orders with a SKU that came through that program (campaign, target or open
  // collaboration); the generated SKUs all come through their product's open collaboration.
  const program = body.program_id === undefined ? null : openCollaborationProduct(body.program_id);
  // Orders through invited creators' content (collaboration-orders.ts), merged in by create time.
  const invited = collaborationOrders(ctx.state, shop.index, ctx.now).filter(
    (o) =>
      (body.create_time_ge === undefined || o.createTime >= body.create_time_ge) &&
      (body.create_time_lt === undefined || o.createTime < body.create_time_lt) &&
      (body.program_id === undefined || o.collab.id === body.program_id),
  );
  const match = (i: number): boolean => {
    // Invited creators' orders were filtered above; without a program every generated order matches.
    if (i < 0 || program === null) return true;
    const flags = ds.orders.flags[i] ?? 0;
    for (let l = 0; l < lineCount(ds, i, flags); l++)
      if (orderLine(ds, i, shop.index, l).productIndex === program) return true;
    return false;
  };
  const seq = mergedSequence(
    arr,
    lo,
    hi,
    invited.map((o) => o.createTime),
    key,
  );
  const page = walk(seq, position, pageSize, match);
  const len = program === null ? seq.length : countMatches(seq, match);
  const creators = ds.creators;
  return {
    orders: page.items.map((i) => {
      if (i < 0) return collaborationOrderJson(ctx.state, invited[-i - 1]!, ctx.now);
      const status = orderStatusOf(ds, i);
      const flags = ds.orders.flags[i] ?? 0;
      const u = unit(ds.seed, 95, i);
      const creator = Math.min(creators.count - 1, Math.floor(u * u * u * creators.count));
      const rate = 1_000 + (hash(ds.seed, 96, i) % 16) * 100;
      const create = ds.orders.createTime[i] ?? 0;
      const settled = status === 'COMPLETED';
      const refunded = (flags & orderFlag.refund) !== 0;
      const skus = [];
      for (let l = 0; l < lineCount(ds, i, flags); l++) {
        const line = orderLine(ds, i, shop.index, l);
        const base = line.originalCents - line.sellerDiscountCents;
        const lineRefunded = refunded && l === 0;
        const commission = Math.round((base * rate) / 10_000);
        skus.push({
          product_id: ds.products[line.productIndex]?.id ?? '',
          quantity: 1,
          price: { amount: money(base), currency: shop.currency },
          creator_username: creators.usernames[creator] ?? '',
          content_type: contentTypes[hash(ds.seed, 97, i) % contentTypes.length],
          content_id: String(7_300_000_000_000_000_000n + BigInt(hash(ds.seed, 98, i))),
          target_collaboration_id: '',
          open_collaboration_id: openCollaborationId(line.productIndex),
          campaign_id: '',
          commission_rate: String(rate),
          shop_ads_commission_rate: '0',
          estimated_commission_base: { amount: money(base), currency: shop.currency },
          estimated_paid_commission: { amount: money(commission), currency: shop.currency },
          actual_commission_base: {
            amount: money(settled && !lineRefunded ? base : 0),
            currency: shop.currency,
          },
          actual_paid_commission: {
            amount: money(settled && !lineRefunded ? commission : 0),
            currency: shop.currency,
          },
          refunded_quantity: lineRefunded ? 1 : 0,
          returned_quantity: lineRefunded ? 1 : 0,
        });
      }
      return {
        id: encodeId('order', i),
        status:
          status === 'CANCELLED' ? 'CANCELLED' : refunded ? 'DEDUCTED' : settled ? 'COMPLETED' : 'PROCESSING',
        create_time: create,
        delivery_time: status === 'DELIVERED' || settled ? (ds.orders.updateTime[i] ?? create) : 0,
        skus,
      };
    }),
    next_page_token: page.next === null ? '' : encodePageToken(page.next, fp),
    total_count: len,
  };
}

/**
 * Generated orders `arr[lo, hi)` (ascending create time) walked newest first, with `extra` orders (create
 * times, newest first) merged in; an extra one is item `-(j + 1)`, before generated orders of the same second.
 */
function mergedSequence(
  arr: Uint32Array,
  lo: number,
  hi: number,
  extra: readonly number[],
  key: (i: number) => number,
): Sequence {
  const positions = extra.map((t, j) => j + hi - Math.max(lo, Math.min(hi, lowerBound(arr, key, t + 1))));
  return {
    length: hi - lo + extra.length,
    at: (k) => {
      let a = 0;
      let b = positions.length;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if ((positions[mid] ?? 0) < k) a = mid + 1;
        else b = mid;
      }
      if (positions[a] === k) return -(a + 1);
      return arr[hi - 1 - (k - a)] ?? 0;
    },
  };
}

export function promotionLink(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const index = decodeId('product', ctx.params.product_id ?? '');
  const product = index === null ? undefined : ctx.state.product(index);
  if (!product || product.shopIndex !== shop.index)
    throw new ShopApiError(shopCodes.productNotYours, 'The product does not belong to this shop.');
  const code = hash(ctx.state.dataset.seed, 99, index ?? 0).toString(36);
  ctx.state.recordWrite('affiliate.promotion_link', shop.id, { productId: product.id });
  return {
    product_promotion_link: `https://affiliate.tiktok.com/api/v1/share/${code}?product_id=${product.id}&region=${shop.region}`,
  };
}
