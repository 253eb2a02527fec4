import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createWriters, type Writers } from '../../../src-main/sync/store/writers';
import type { AffiliateOrder } from '../../../src-main/tiktok/shop/affiliate-orders';
import type { Statement } from '../../../src-main/tiktok/shop/finance';
import type { Order } from '../../../src-main/tiktok/shop/orders';
import { makeOrder, memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * Many incremental syncs, each re-reading some orders with a status change (cancelled, a line refunded, moved
 * to another day), affiliate orders settling or being cancelled, statements paid: after each sync's
 * refresh, the rollups equal a from-scratch rebuild of every rollup from the raw rows. The shop is in Los
 * Angeles, so the first orders (1 January UTC) fall on 31 December there: the monthly rollups, kept by
 * taking away and adding days, span a month's end.
 */

const rollupTables: Array<[string, string]> = [
  ['order_days', 'shop_id, day, currency'],
  ['product_days', 'shop_id, day, product_id, currency'],
  ['affiliate_days', 'shop_id, day, currency'],
  ['creator_days', 'shop_id, day, creator_id, currency'],
  ['finance_days', 'shop_id, day, currency'],
  ['product_months', 'shop_id, product_id, month, currency'],
  ['creator_months', 'shop_id, creator_id, month, currency'],
];
const snapshot = (db: Database): Record<string, unknown[]> =>
  Object.fromEntries(
    rollupTables.map(([t, key]) => [
      t,
      db
        .prepare(`SELECT * FROM ${t} ORDER BY ${key}`)
        .all()
        .filter((r) =>
          Object.entries(r as object).some(
            ([k, v]) => typeof v === 'number' && v !== 0 && k !== 'creator_id',
          ),
        ),
    ]),
  );

/** A deterministic generator so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function affiliateOf(o: Order, status: string, settled: boolean): AffiliateOrder {
  return {
    orderId: `A${o.orderId}`,
    status,
    createTime: o.createTime,
    deliveryTime: null,
    skus: o.lines.map((l, i) => ({
      productId: l.productId,
      quantity: 1,
      currency: 'USD',
      priceMinor: l.salePriceMinor,
      creatorHandle: `maker${Number(o.orderId.slice(1)) % 7}`,
      contentType: 'VIDEO',
      contentId: null,
      targetCollaborationId: null,
      openCollaborationId: 'open-1',
      commissionRateBp: 1000,
      estCommissionMinor: Math.round(l.salePriceMinor / 10),
      actualCommissionMinor: settled && i === 0 ? Math.round(l.salePriceMinor / 10) : 0,
      refundedQuantity: 0,
    })),
  };
}

function statementOf(day: number, paid: boolean): Statement {
  return {
    statementId: `S${day}`,
    statementTime: Date.UTC(2026, 0, 1, 7) + day * 86_400_000,
    currency: 'USD',
    settlementMinor: 10_000 - day,
    revenueMinor: 11_000,
    feeMinor: -800,
    adjustmentMinor: paid ? -100 : 0,
    shippingCostMinor: -100,
    netSalesMinor: 11_000,
    paymentStatus: paid ? 'PAID' : 'PROCESSING',
    paymentId: paid ? `P${day}` : null,
  };
}

let db: Database;
afterEach(() => db.close());

describe('incremental rollup rebuilds', () => {
  it('equal a from-scratch rebuild after many syncs with cancellations, refunds and moves', () => {
    db = memoryDbWithAccount();
    const w: Writers = createWriters(db);
    const random = rng(11);
    const orders = new Map<number, Order>();
    const now = Date.now();
    const sync = (page: Order[], affiliate: AffiliateOrder[], statements: Statement[]): void => {
      db.transaction(() => {
        w.orders.write('acct-1', 'shop-1', page, now);
        w.affiliateOrders.write('acct-1', 'shop-1', affiliate, now);
        w.statements.write('acct-1', 'shop-1', statements, now);
      })();
      w.rollups.refreshScope('shop', 'shop-1');
    };
    // The first sync: 1,600 orders over ~8 days (US evenings included), a fifth of them affiliate; it
    // rebuilds most of January's days at once (months recounted whole), later syncs a few days each (months
    // kept by difference).
    const first = Array.from({ length: 1600 }, (_, i) => makeOrder(i));
    for (const o of first) orders.set(Number(o.orderId.slice(1)), o);
    sync(
      first,
      first.filter((_, i) => i % 5 === 0).map((o) => affiliateOf(o, 'PROCESSING', false)),
      [0, 1, 2].map((d) => statementOf(d, false)),
    );

    for (let round = 0; round < 25; round++) {
      const page: Order[] = [];
      const affiliate: AffiliateOrder[] = [];
      for (let k = 0; k < 20; k++) {
        const i = Math.floor(random() * 1620);
        const old = orders.get(i) ?? makeOrder(i);
        const r = random();
        const next: Order =
          r < 0.3
            ? { ...old, status: 'CANCELLED', updateTime: old.updateTime + 1 }
            : r < 0.6
              ? {
                  ...old,
                  lines: old.lines.map((l, j) =>
                    j === 0 ? { ...l, cancelled: true, displayStatus: 'CANCELLED' } : l,
                  ),
                }
              : r < 0.8
                ? { ...old, createTime: old.createTime + Math.round((random() - 0.5) * 86_400_000) }
                : { ...old, status: 'COMPLETED', lines: makeOrder(i).lines };
        orders.set(i, next);
        page.push(next);
        if (i % 5 === 0)
          affiliate.push(affiliateOf(next, next.status === 'CANCELLED' ? 'CANCELLED' : 'COMPLETED', r > 0.5));
      }
      sync(page, affiliate, [statementOf(round % 3, round > 10), statementOf(3 + (round % 4), false)]);
      if (round % 6 === 5) {
        const incremental = snapshot(db);
        w.rollups.rebuildAll();
        expect(snapshot(db)).toEqual(incremental);
      }
    }
    const incremental = snapshot(db);
    expect(incremental.order_days!.length).toBeGreaterThan(2);
    expect(incremental.creator_days!.length).toBeGreaterThan(5);
    expect(incremental.finance_days!.length).toBeGreaterThan(3);
    const months = (t: string): unknown[] =>
      db.prepare(`SELECT DISTINCT month FROM ${t} ORDER BY month`).pluck().all();
    expect(months('product_months')).toEqual(['2025-12', '2026-01']);
    expect(months('creator_months')).toEqual(['2025-12', '2026-01']);
    w.rollups.rebuildAll();
    expect(snapshot(db)).toEqual(incremental);
  });
});
