import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import { analyticsFilterSchema } from '../../../src-shared/analytics';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * The Affiliate page narrowed to one collaboration: attribution is per SKU (TikTok's affiliate orders name a
 * target and an open collaboration on each SKU), so an order is listed when one of its SKUs came through the
 * collaboration and only those SKUs count in its amounts and in the totals; a Creator and a collaboration
 * narrow together; the choice is saved beside the dashboard's view and survives a restart.
 */

let db: Database;
afterEach(() => db.close());

const now = Date.UTC(2026, 2, 20, 12);
const at = (d: number): number => Date.UTC(2026, 2, d, 18);

function setUp() {
  db = memoryDbWithAccount();
  db.exec(`
    INSERT INTO products (product_id, account_id, shop_id, title, status, etag, synced_at)
      VALUES ('P1', 'acct-1', 'shop-1', 'Maple candle', 'ACTIVATE', '', 0),
             ('P2', 'acct-1', 'shop-1', 'Birch soap', 'ACTIVATE', '', 0);
    INSERT INTO collaborations (collaboration_id, account_id, shop_id, name, start_time, status, etag, synced_at)
      VALUES ('T1', 'acct-1', 'shop-1', 'Spring candles', 1, 'VALID', '', 0),
             ('T9', 'acct-1', 'shop-1', 'Quiet one', 2, 'COMPLETED', '', 0);
    INSERT INTO creators (id, canonical_id, handle, first_seen_at, updated_at)
      VALUES (1, 1, 'maple', 0, 0), (2, 2, 'birch', 0, 0);
  `);
  const order = db.prepare(
    `INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, creator_handle,
       currency, gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
     VALUES (?, 'acct-1', 'shop-1', ?, ?, ?, ?, 'USD', ?, ?, ?, '', 0)`,
  );
  const sku = db.prepare(
    `INSERT INTO affiliate_order_skus (order_id, idx, product_id, quantity, currency, price_minor,
       target_collaboration_id, open_collaboration_id, est_commission_minor, actual_commission_minor)
     VALUES (?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?)`,
  );
  // A1: one SKU through target T1 (2 × 10.00), one through P2's open collaboration (5.00).
  order.run('A1', 'COMPLETED', at(3), 1, 'maple', 2_500, 250, 250);
  sku.run('A1', 0, 'P1', 2, 1_000, 'T1', 'O-P1', 200, 200);
  sku.run('A1', 1, 'P2', 1, 500, null, 'O-P2', 50, 50);
  // A2: birch, through T1 only. A3: maple, through T1 but cancelled. A4: maple, open P2 only.
  order.run('A2', 'COMPLETED', at(5), 2, 'birch', 3_000, 300, 0);
  sku.run('A2', 0, 'P1', 3, 1_000, 'T1', 'O-P1', 300, 0);
  order.run('A3', 'CANCELLED', at(6), 1, 'maple', 1_000, 100, 0);
  sku.run('A3', 0, 'P1', 1, 1_000, 'T1', 'O-P1', 100, 0);
  order.run('A4', 'COMPLETED', at(7), 1, 'maple', 700, 70, 0);
  sku.run('A4', 0, 'P2', 1, 700, null, 'O-P2', 70, 0);
  const rollups = new RollupStore(db);
  rollups.rebuildAll();
  const make = () =>
    createAnalyticsService({ db, rollups, now: () => now, syncIntervalMinutes: () => 60, localZone: 'UTC' });
  return { service: make(), make };
}

const filter = analyticsFilterSchema.parse({ range: { preset: 'last30' } });
type Service = ReturnType<typeof setUp>['service'];
const page = (service: Service, creator: number | null, kind: 'target' | 'open' | null, id = '') =>
  service.affiliateOrders(filter, 50, null, creator, kind ? { kind, id } : null);

describe('the Affiliate page by collaboration', () => {
  it('lists the orders with a SKU through the collaboration and counts only those SKUs', () => {
    const { service } = setUp();
    const t1 = page(service, null, 'target', 'T1');
    expect(t1.items.map((o) => [o.orderId, o.gmvMinor, o.estCommissionMinor, o.collaborationName])).toEqual([
      ['A3', 1_000, 100, 'Spring candles'],
      ['A2', 3_000, 300, 'Spring candles'],
      ['A1', 2_000, 200, 'Spring candles'],
    ]);
    // The cancelled order is listed with its status but adds nothing.
    expect(t1.totals).toEqual([
      { currency: 'USD', orders: 2, gmvMinor: 5_000, estCommissionMinor: 500, actualCommissionMinor: 200 },
    ]);
    const openP2 = page(service, null, 'open', 'O-P2');
    expect(openP2.items.map((o) => [o.orderId, o.gmvMinor])).toEqual([
      ['A4', 700],
      ['A1', 500],
    ]);
    expect(openP2.totals[0]).toMatchObject({ orders: 2, gmvMinor: 1_200, estCommissionMinor: 120 });
    // A target id is not an open one: nothing.
    expect(page(service, null, 'open', 'T1').items).toEqual([]);
    // Without a collaboration the totals come from the rollups and cover every SKU.
    expect(page(service, null, null).totals).toEqual([
      { currency: 'USD', orders: 3, gmvMinor: 6_200, estCommissionMinor: 620, actualCommissionMinor: 250 },
    ]);
  });

  it('names the collaboration of every row: a target one by its name, an open one by its product', () => {
    const { service } = setUp();
    const named = (rows: ReturnType<typeof page>['items']) =>
      rows.map((o) => [
        o.orderId,
        o.collaborationKind,
        o.collaborationId,
        o.collaborationName,
        o.collaborationProduct,
      ]);
    // Unnarrowed, a row names its first SKU's collaboration, a target one before an open one.
    expect(named(page(service, null, null).items)).toEqual([
      ['A4', 'open', 'O-P2', null, 'Birch soap'],
      ['A3', 'target', 'T1', 'Spring candles', null],
      ['A2', 'target', 'T1', 'Spring candles', null],
      ['A1', 'target', 'T1', 'Spring candles', null],
    ]);
    // Narrowed to an open collaboration, every row names its product (A1 came through it on its second SKU).
    expect(named(page(service, null, 'open', 'O-P2').items)).toEqual([
      ['A4', 'open', 'O-P2', null, 'Birch soap'],
      ['A1', 'open', 'O-P2', null, 'Birch soap'],
    ]);
    expect(named(page(service, null, 'target', 'T1').items)[0]).toEqual([
      'A3',
      'target',
      'T1',
      'Spring candles',
      null,
    ]);
  });

  it('narrows by Creator and collaboration together, and in the CSV export', () => {
    const { service } = setUp();
    const mapleT1 = page(service, 1, 'target', 'T1');
    expect(mapleT1.items.map((o) => o.orderId)).toEqual(['A3', 'A1']);
    expect(mapleT1.totals[0]).toMatchObject({ orders: 1, gmvMinor: 2_000 });
    expect(page(service, 1, null).totals[0]).toMatchObject({ orders: 2, gmvMinor: 3_200 });
    const csv = service.exportCsv(
      'affiliateOrders',
      filter,
      'day',
      {},
      {
        creatorId: 1,
        collaboration: { kind: 'target', id: 'T1' },
      },
    ).csv;
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('A3');
    expect(lines[2]).toContain('20.00');
  });

  it('offers the synced target collaborations and the open ones orders came through, named by product', () => {
    const { service } = setUp();
    expect(service.collaborations(filter).items).toEqual([
      {
        kind: 'target',
        id: 'T9',
        name: 'Quiet one',
        productTitle: null,
        shopId: 'shop-1',
        status: 'COMPLETED',
      },
      {
        kind: 'target',
        id: 'T1',
        name: 'Spring candles',
        productTitle: null,
        shopId: 'shop-1',
        status: 'VALID',
      },
      { kind: 'open', id: 'O-P2', name: null, productTitle: 'Birch soap', shopId: 'shop-1', status: null },
      { kind: 'open', id: 'O-P1', name: null, productTitle: 'Maple candle', shopId: 'shop-1', status: null },
    ]);
  });

  it('keeps the choice across a restart, beside the dashboard view, each saved without losing the other', () => {
    const { service, make } = setUp();
    expect(service.affiliateView()).toEqual({ creatorId: null, collaboration: null });
    const choice = { creatorId: 1, collaboration: { kind: 'open' as const, id: 'O-P2' } };
    service.saveAffiliateView(choice);
    const view = service.view();
    service.saveView({ ...view, grain: 'week' });
    const restarted = make();
    expect(restarted.affiliateView()).toEqual(choice);
    expect(restarted.view().grain).toBe('week');
    restarted.saveAffiliateView({ creatorId: null, collaboration: null });
    expect(make().view().grain).toBe('week');
    expect(make().affiliateView()).toEqual({ creatorId: null, collaboration: null });
  });
});
