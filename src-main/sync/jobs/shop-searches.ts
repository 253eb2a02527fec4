import { searchAffiliateOrders } from '../../tiktok/shop/affiliate-orders';
import { listStatements } from '../../tiktok/shop/finance';
import { searchOrders } from '../../tiktok/shop/orders';
import { searchProducts } from '../../tiktok/shop/products';
import type { JobResult } from '../job';
import type { ShopJobEnv } from './env';
import { runPass } from './token-pass';

const DAY_SEC = 86_400;
const sec = (ms: number): number => Math.floor(ms / 1000);

/**
 * Products changed since the last pass (update_time_ge is inclusive, so the newest one is re-read). A shop
 * with more products than product search can page through is read in update-time windows.
 */
export function productsJob(env: ShopJobEnv): Promise<JobResult> {
  return runPass(env, {
    since: (high) => high,
    maxResults: env.options.productSearchCap,
    fetch: (ctx, s) =>
      searchProducts(ctx, {
        updateTimeGe: s.since ?? undefined,
        updateTimeLe: s.until === null ? undefined : s.until - 1,
        pageToken: s.pageToken,
      }),
    timeOf: (p) => sec(p.updateTime ?? 0),
    write: (items, now) => env.writers.products.write(env.accountId, env.scope, items, now),
  });
}

/**
 * Where an incremental order pass starts. Everything updated after `highWater` is new; on top of that, an
 * update TikTok indexed late can only carry a time within `overlap` of when the last pass started, so the
 * pass re-reads from there too. A shop whose newest update is older than that re-reads nothing.
 */
export function orderPassSince(highWater: number, lastPassStart: number | null, overlapSec: number): number {
  const lateFrom = (lastPassStart ?? highWater) - overlapSec;
  return Math.max(0, Math.min(highWater + 1, lateFrom));
}

/**
 * Orders by update time, oldest first. The first pass (everything in the look-back) reads by creation time
 * instead: order ids grow with it, so 100k+ rows append to the local b-trees rather than split pages all
 * over them (~2x faster ingest). Correct either way: the high-water mark is the newest update seen when the
 * pass completes, and an order updated during the pass is re-read by the next one, which starts at the
 * overlap before this pass started.
 */
export function ordersJob(env: ShopJobEnv): Promise<JobResult> {
  const { orderOverlapSec, orderLookbackDays } = env.options;
  return runPass(env, {
    since: (high, lastStart) =>
      high !== null
        ? orderPassSince(high, lastStart, orderOverlapSec)
        : orderLookbackDays !== undefined
          ? sec(env.now()) - orderLookbackDays * DAY_SEC
          : null,
    fetch: (ctx, s, firstPass) =>
      searchOrders(ctx, {
        updateTimeGe: s.since ?? undefined,
        pageToken: s.pageToken,
        sortField: firstPass ? 'create_time' : 'update_time',
      }),
    timeOf: (o) => sec(o.updateTime),
    write: (items, now) => env.writers.orders.write(env.accountId, env.scope, items, now),
  });
}

/**
 * Statements settle a few days after they are issued (PROCESSING → PAID): each pass re-reads from the oldest
 * unsettled statement, or from the newest one seen when all are settled.
 */
export function statementsJob(env: ShopJobEnv): Promise<JobResult> {
  const oldestOpen = env.db
    .prepare(
      `SELECT MIN(statement_time) FROM finance_statements WHERE account_id = ? AND shop_id = ? AND payment_status != 'PAID'`,
    )
    .pluck()
    .get(env.accountId, env.scope) as number | null;
  return runPass(env, {
    since: (high) => (oldestOpen !== null ? sec(oldestOpen) : high),
    fetch: (ctx, s) => listStatements(ctx, { statementTimeGe: s.since ?? undefined, pageToken: s.pageToken }),
    timeOf: (s) => sec(s.statementTime),
    write: (items, now) => env.writers.statements.write(env.accountId, env.scope, items, now),
  });
}

/** Longest an affiliate order is expected to stay open before its commission settles. */
const AFFILIATE_SETTLE_DAYS = 90;

/**
 * Affiliate orders can only be filtered by create time, but their status and commissions change until they
 * settle: each pass re-reads from the oldest order still open (capped), else from the newest seen.
 */
export function affiliateOrdersJob(env: ShopJobEnv): Promise<JobResult> {
  const oldestOpen = env.db
    .prepare(
      `SELECT MIN(create_time) FROM affiliate_orders WHERE account_id = ? AND shop_id = ? AND status IN ('PROCESSING', 'FROZEN')`,
    )
    .pluck()
    .get(env.accountId, env.scope) as number | null;
  return runPass(env, {
    since: (high) => {
      if (high === null) return null;
      const open = oldestOpen !== null ? sec(oldestOpen) : high;
      return Math.max(Math.min(open, high), high - AFFILIATE_SETTLE_DAYS * DAY_SEC);
    },
    fetch: (ctx, s) =>
      searchAffiliateOrders(ctx, { createTimeGe: s.since ?? undefined, pageToken: s.pageToken }),
    timeOf: (o) => sec(o.createTime),
    write: (items, now) => env.writers.affiliateOrders.write(env.accountId, env.scope, items, now),
  });
}
