import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { CreatorIdentity } from '../../../src-main/creators/identity';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import { analyticsFilterSchema, type AnalyticsFilter } from '../../../src-shared/analytics';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * Creator figures count per Creator: records the CRM merged into one Creator are one row of the top
 * creators (their sums, per currency), a split separates them again, and a creator focus or the Affiliate
 * page's creator choice covers the orders of every record of the Creator. Nothing is rebuilt between the
 * merge and the reads: the rollups stay per record and the Creator is taken when they are read.
 */

let db: Database;
afterEach(() => db.close());

const now = Date.UTC(2026, 2, 20, 12);
const day = (d: number): number => Date.UTC(2026, 2, d, 18); // 11:00 in Los Angeles, same day

function setUp() {
  db = memoryDbWithAccount();
  db.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('shop-2', 'acct-1', 'UK', 'GB', 'GBP', 'c')`,
  ).run();
  const creator = db.prepare(
    `INSERT INTO creators (canonical_id, open_id, handle, nickname, first_seen_at, updated_at) VALUES (0, ?, ?, ?, ?, ?)`,
  );
  const ids = ['maple', 'maple_uk', 'birch'].map((h, i) =>
    Number(creator.run(`open-${h}`, h, `Nick ${h}`, 1_000 + i, 1_000 + i).lastInsertRowid),
  );
  db.exec('UPDATE creators SET canonical_id = id WHERE canonical_id = 0');
  const [maple, mapleUk, birch] = ids as [number, number, number];
  const order = db.prepare(
    `INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, creator_handle,
       currency, gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
     VALUES (?, 'acct-1', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0)`,
  );
  // maple: two US orders and a cancelled one; maple_uk (the same person, another record): a US order and a
  // UK one; birch: one large US order, between maple's two records alone and their sum.
  order.run('A1', 'shop-1', 'COMPLETED', day(3), maple, 'maple', 'USD', 5_000, 500, 500);
  order.run('A2', 'shop-1', 'COMPLETED', day(10), maple, 'maple', 'USD', 3_000, 300, 0);
  order.run('A3', 'shop-1', 'CANCELLED', day(11), maple, 'maple', 'USD', 9_999, 999, 0);
  order.run('A4', 'shop-1', 'COMPLETED', day(12), mapleUk, 'maple_uk', 'USD', 4_000, 400, 400);
  order.run('A5', 'shop-2', 'COMPLETED', day(12), mapleUk, 'maple_uk', 'GBP', 2_500, 250, 0);
  order.run('A6', 'shop-1', 'COMPLETED', day(14), birch, 'birch', 'USD', 10_000, 1_000, 0);
  const rollups = new RollupStore(db);
  rollups.rebuildAll();
  const service = createAnalyticsService({
    db,
    rollups,
    now: () => now,
    syncIntervalMinutes: () => 60,
    localZone: 'UTC',
  });
  return { service, identity: new CreatorIdentity(db), maple, mapleUk, birch };
}

const filter = (over: Partial<AnalyticsFilter> = {}) =>
  analyticsFilterSchema.parse({ range: { preset: 'last30' }, ...over });

type Service = ReturnType<typeof setUp>['service'];
const creatorRows = (service: Service) =>
  service.breakdown(filter(), 'creators', 20).rows.map((r) => ({
    id: r.id,
    label: r.label,
    currency: r.currency,
    gmv: r.metrics.affiliateGmv,
    orders: r.metrics.orders,
    est: r.metrics.commissionEstimated,
    actual: r.metrics.commissionActual,
  }));

describe('top creators count merged records as one Creator', () => {
  it('two records merged are one row with their sums per currency; a split separates them again', () => {
    const { service, identity, maple, mapleUk, birch } = setUp();
    const before = creatorRows(service);
    // Rows of different currencies are never ranked together: each currency's own list, GBP's first.
    expect(before).toEqual([
      {
        id: String(mapleUk),
        label: '@maple_uk',
        currency: 'GBP',
        gmv: 2_500,
        orders: 1,
        est: 250,
        actual: 0,
      },
      { id: String(birch), label: '@birch', currency: 'USD', gmv: 10_000, orders: 1, est: 1_000, actual: 0 },
      { id: String(maple), label: '@maple', currency: 'USD', gmv: 8_000, orders: 2, est: 800, actual: 500 },
      {
        id: String(mapleUk),
        label: '@maple_uk',
        currency: 'USD',
        gmv: 4_000,
        orders: 1,
        est: 400,
        actual: 400,
      },
    ]);

    expect(identity.merge(maple, mapleUk, now)).toBe(maple);
    const merged = creatorRows(service);
    // USD of both records added; the GBP order stays apart (never summed across currencies).
    expect(merged).toEqual([
      { id: String(maple), label: '@maple', currency: 'GBP', gmv: 2_500, orders: 1, est: 250, actual: 0 },
      {
        id: String(maple),
        label: '@maple',
        currency: 'USD',
        gmv: 12_000,
        orders: 3,
        est: 1_200,
        actual: 900,
      },
      { id: String(birch), label: '@birch', currency: 'USD', gmv: 10_000, orders: 1, est: 1_000, actual: 0 },
    ]);
    // The CSV export and a long list (the "every item" reading) agree.
    expect(service.breakdown(filter(), 'creators', 500).rows.map((r) => [r.id, r.currency])).toEqual(
      merged.map((r) => [r.id, r.currency]),
    );
    const csv = service.exportCsv('creators', filter(), 'day', {}).csv;
    expect(csv.trim().split('\r\n')).toHaveLength(1 + merged.length);

    identity.split(mapleUk, now + 1);
    expect(creatorRows(service)).toEqual(before);
  });

  it('a focus on a merged Creator, and the Affiliate page choice, cover the orders of both records', () => {
    const { service, identity, maple, mapleUk } = setUp();
    identity.merge(maple, mapleUk, now);
    const affiliateGmv = (f: ReturnType<typeof filter>) =>
      service
        .overview(f)
        .kpis.find((k) => k.key === 'affiliateGmv')!
        .values.map((v) => [v.currency, v.value]);
    const focus = (id: number) => filter({ focus: { kind: 'creator', id: String(id), label: '@maple' } });
    expect(affiliateGmv(focus(maple))).toEqual([
      ['GBP', 2_500],
      ['USD', 12_000],
    ]);
    // A focus saved with the other record's id (before the merge) now covers the whole Creator.
    expect(affiliateGmv(focus(mapleUk))).toEqual(affiliateGmv(focus(maple)));
    const series = service
      .timeseries(focus(maple), 'day')
      .series.find((s) => s.metric === 'affiliateGmv' && s.currency === 'USD');
    expect(series?.values.reduce((a, b) => a + b, 0)).toBe(12_000);

    const orders = service.affiliateOrders(filter(), 50, null, maple).items;
    expect(orders.map((o) => o.orderId).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(new Set(orders.map((o) => o.creatorId))).toEqual(new Set([maple]));

    identity.split(mapleUk, now + 1);
    expect(affiliateGmv(focus(maple))).toEqual([['USD', 8_000]]);
    expect(
      service
        .affiliateOrders(filter(), 50, null, maple)
        .items.map((o) => o.orderId)
        .sort(),
    ).toEqual(['A1', 'A2', 'A3']);
  });
});
