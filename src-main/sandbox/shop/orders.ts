import { z } from 'zod';
import { orderStatuses, type Dataset } from '../data/dataset';
import { RawJson } from '../http';
import { decodeId } from '../ids';
import type { JsonWriter } from '../json-writer';
import type { OrderTexts } from '../state';
import { parse, requireShop, type ShopContext } from './context';
import { invalidParam } from './errors';
import { buyerIdOf, orderStatusOf, shippingTypeOf, warehouseOf, writeOrder } from './order-json';
import {
  countMatches,
  decodePageToken,
  encodePageToken,
  fingerprint,
  lowerBound,
  walk,
  type Sequence,
} from './pagination';
import { pageSizeSchema } from './products';

const unixSeconds = z.number().int().nonnegative();

const searchBody = z
  .object({
    order_status: z.enum(orderStatuses).optional(),
    create_time_ge: unixSeconds.optional(),
    create_time_lt: unixSeconds.optional(),
    update_time_ge: unixSeconds.optional(),
    update_time_lt: unixSeconds.optional(),
    shipping_type: z.enum(['TIKTOK', 'SELLER']).optional(),
    buyer_user_id: z.string().optional(),
    is_buyer_request_cancel: z.boolean().optional(),
    warehouse_ids: z.array(z.string()).max(100).optional(),
  })
  .loose();

const searchQuery = z.object({
  page_size: pageSizeSchema(100, 20),
  sort_field: z.enum(['create_time', 'update_time']).default('create_time'),
  sort_order: z.enum(['ASC', 'DESC']).default('DESC'),
});

/** total_count per query: orders never change, so a count is computed once per distinct filter. */
const countCache = new WeakMap<object, Map<number, number>>();

export function searchOrders(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const ds = ctx.state.dataset;
  const q = parse(
    searchQuery,
    {
      page_size: ctx.query.get('page_size'),
      sort_field: ctx.query.get('sort_field'),
      sort_order: ctx.query.get('sort_order'),
    },
    'query',
  );
  const body = parse(searchBody, ctx.body ?? {}, 'body');
  const fp = fingerprint('orders', shop.index, q.sort_field, q.sort_order, body);
  const position = decodePageToken(ctx.query.get('page_token'), fp);

  // Walk the index sorted by the sort field; a range filter on that same field becomes a slice.
  const byCreate = q.sort_field === 'create_time';
  const arr = (byCreate ? ds.orders.byCreate : ds.orders.byUpdate)[shop.index] ?? new Uint32Array(0);
  const keyCol = byCreate ? ds.orders.createTime : ds.orders.updateTime;
  const key = (i: number): number => keyCol[i] ?? 0;
  const ge = byCreate ? body.create_time_ge : body.update_time_ge;
  const lt = byCreate ? body.create_time_lt : body.update_time_lt;
  const lo = ge === undefined ? 0 : lowerBound(arr, key, ge);
  const hi = lt === undefined ? arr.length : lowerBound(arr, key, lt);
  const len = Math.max(0, hi - lo);
  const seq: Sequence =
    q.sort_order === 'ASC'
      ? { length: len, at: (k) => arr[lo + k] ?? 0 }
      : { length: len, at: (k) => arr[hi - 1 - k] ?? 0 };

  const status = body.order_status === undefined ? -1 : orderStatuses.indexOf(body.order_status);
  const warehouses = body.warehouse_ids ? new Set(body.warehouse_ids) : null;
  const match = (i: number): boolean => {
    if (status >= 0 && ds.orders.status[i] !== status) return false;
    const c = ds.orders.createTime[i] ?? 0;
    const u = ds.orders.updateTime[i] ?? 0;
    if (body.create_time_ge !== undefined && c < body.create_time_ge) return false;
    if (body.create_time_lt !== undefined && c >= body.create_time_lt) return false;
    if (body.update_time_ge !== undefined && u < body.update_time_ge) return false;
    if (body.update_time_lt !== undefined && u >= body.update_time_lt) return false;
    if (body.shipping_type !== undefined && shippingTypeOf(ds, i) !== body.shipping_type) return false;
    if (body.buyer_user_id !== undefined && buyerIdOf(ds, i) !== body.buyer_user_id) return false;
    if (body.is_buyer_request_cancel === true) return false;
    if (warehouses && !warehouses.has(warehouseOf(ds, i))) return false;
    return true;
  };
  const page = walk(seq, position, q.page_size, match);

  let counts = countCache.get(ds);
  if (!counts) countCache.set(ds, (counts = new Map()));
  const countKey = fingerprint('orders-count', shop.index, q.sort_field, body);
  let total = counts.get(countKey);
  if (total === undefined) {
    total = countMatches(seq, match);
    if (counts.size > 1_000) counts.clear();
    counts.set(countKey, total);
  }
  // Written straight into the reply's bytes (json-writer.ts) as { next_page_token, total_count, orders }.
  const nextPageToken = page.next === null ? '' : encodePageToken(page.next, fp);
  return new RawJson((w) => {
    w.raw('{"next_page_token":').str(nextPageToken);
    w.raw(',"total_count":').num(total);
    w.raw(',"orders":');
    writeOrders(w, ds, page.items, ctx.state.orderTexts);
    w.raw('}');
  });
}

function writeOrders(
  w: JsonWriter,
  ds: Dataset,
  indexes: readonly number[],
  texts: ReadonlyMap<number, OrderTexts>,
): void {
  w.raw('[');
  indexes.forEach((i, k) => {
    if (k > 0) w.raw(',');
    writeOrder(w, ds, i, texts.get(i));
  });
  w.raw(']');
}

export function orderDetail(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const raw = ctx.query.get('ids');
  if (raw === undefined || raw === '') throw invalidParam('ids is required');
  const ids = raw.split(',');
  if (ids.length > 50) throw invalidParam('ids accepts at most 50 order ids');
  const ds = ctx.state.dataset;
  const found: number[] = [];
  for (const id of ids) {
    const i = decodeId('order', id);
    if (i === null || i >= ds.orders.count || ds.orders.shop[i] !== shop.index) continue;
    found.push(i);
  }
  return new RawJson((w) => {
    w.raw('{"orders":');
    writeOrders(w, ds, found, ctx.state.orderTexts);
    w.raw('}');
  });
}

export { orderStatusOf };
