import { orderStatuses, type Dataset, type OrderColumns, type OrderStatus } from './dataset';
import { orderTotals } from './orders';

const DAY = 86_400;

export interface PlacedOrder {
  shopIndex: number;
  /** Unix seconds; must not be after `updateTime`. */
  createTime: number;
  updateTime: number;
  status: OrderStatus;
}

/**
 * The dataset with one more order, placed by a test at a chosen instant (the admin API's `POST /orders/place`):
 * a buyer in the shop's evening, a midnight or DST edge. The order gets the next index, so its lines, prices and
 * texts are derived from (seed, index) like every generated one, and it is filed in the shop's create- and
 * update-time indexes and the daily totals (finance statements and ad reports read those) as if generated.
 * Copy-on-write: the given dataset is left untouched, so `reset()` can go back to it.
 */
export function withPlacedOrder(ds: Dataset, order: PlacedOrder): { dataset: Dataset; index: number } {
  const old = ds.orders;
  const index = old.count;
  const grow = <T extends Uint8Array | Uint32Array>(column: T, value: number): T => {
    const next = new (column.constructor as new (n: number) => T)(index + 1);
    next.set(column);
    next[index] = value;
    return next;
  };
  const createTime = grow(old.createTime, order.createTime);
  const updateTime = grow(old.updateTime, order.updateTime);
  const orders: OrderColumns = {
    count: index + 1,
    shop: grow(old.shop, order.shopIndex),
    createTime,
    updateTime,
    status: grow(old.status, orderStatuses.indexOf(order.status)),
    flags: grow(old.flags, 0),
    byCreate: old.byCreate.map((ids, s) =>
      s === order.shopIndex ? insertSorted(ids, index, (i) => createTime[i] ?? 0) : ids,
    ),
    byUpdate: old.byUpdate.map((ids, s) =>
      s === order.shopIndex ? insertSorted(ids, index, (i) => updateTime[i] ?? 0) : ids,
    ),
    affiliate: old.affiliate,
  };

  let { dailyOrders, dailyGmvCents } = ds;
  const day = Math.floor((order.createTime - ds.startTime) / DAY);
  const counted = order.status !== 'UNPAID' && order.status !== 'CANCELLED';
  if (counted && day >= 0 && day < ds.spec.days) {
    const add = (perShop: Float64Array[], value: number): Float64Array[] =>
      perShop.map((days, s) => {
        if (s !== order.shopIndex) return days;
        const next = Float64Array.from(days);
        next[day] = (next[day] ?? 0) + value;
        return next;
      });
    dailyOrders = add(dailyOrders, 1);
    dailyGmvCents = add(dailyGmvCents, orderTotals(ds, index, order.shopIndex, 0).total);
  }
  return { dataset: { ...ds, orders, dailyOrders, dailyGmvCents }, index };
}

/** `ids` (ascending by key, then index) with `index` inserted after every id of the same key. */
function insertSorted(ids: Uint32Array, index: number, key: (i: number) => number): Uint32Array {
  const k = key(index);
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(ids[mid] ?? 0) <= k) lo = mid + 1;
    else hi = mid;
  }
  const next = new Uint32Array(ids.length + 1);
  next.set(ids.subarray(0, lo));
  next[lo] = index;
  next.set(ids.subarray(lo), lo + 1);
  return next;
}
