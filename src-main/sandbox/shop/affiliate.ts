import { z } from 'zod';
import { orderFlag } from '../data/dataset';
import { lineCount, money, orderLine } from '../data/orders';
import { hash, unit } from '../data/rng';
import { decodeId, encodeId } from '../ids';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError, shopCodes } from './errors';
import { orderStatusOf } from './order-json';
import { decodePageToken, encodePageToken, fingerprint, lowerBound, walk } from './pagination';
import { pageSizeSchema } from './products';

const ordersBody = z
  .object({
    create_time_ge: z.number().int().nonnegative().optional(),
    create_time_lt: z.number().int().nonnegative().optional(),
    program_id: z.string().optional(),
  })
  .loose();

/** The shop's open collaboration: every generated affiliate order is attributed to it. */
export function openCollaborationId(shopIndex: number): string {
  return encodeId('collaboration', 9_000_000 + shopIndex);
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
  const programOk = body.program_id === undefined || body.program_id === openCollaborationId(shop.index);
  const len = programOk ? Math.max(0, hi - lo) : 0;
  const page = walk({ length: len, at: (k) => arr[hi - 1 - k] ?? 0 }, position, pageSize, () => true);
  const creators = ds.creators;
  return {
    orders: page.items.map((i) => {
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
          open_collaboration_id: openCollaborationId(shop.index),
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
