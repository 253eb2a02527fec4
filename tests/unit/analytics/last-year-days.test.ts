import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { createWriters } from '../../../src-main/sync/store/writers';
import { analyticsFilterSchema, type Timeseries } from '../../../src-shared/analytics';
import { makeOrder, memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * Issue 12: "Last year" at day grain draws the year before under each day. Bucket i of the comparison line
 * must be the same calendar day a year earlier, also after 29 February when either year is a leap year (by
 * position, every day after it paired with its neighbour). Each day of 2023–2025 gets its own number of
 * orders (1–3, neighbours always differ), placed at the shop's local noon, so a wrong pairing shows as a
 * wrong count.
 */

let db: Database | undefined;
afterEach(() => db?.close());

const shops = [
  // Noon in Los Angeles is 20:00 UTC in winter, 19:00 in summer: 20:00 UTC is always that local day.
  { zone: 'Los Angeles', region: 'US', utcHourOfLocalNoon: 20 },
  // London: GMT in winter, BST in summer.
  { zone: 'London', region: 'GB', utcHourOfLocalNoon: 12 },
];

const ordersOn = (day: string): number => {
  const start = Date.UTC(Number(day.slice(0, 4)), 0, 1);
  const ordinal = Math.round((Date.parse(`${day}T00:00:00Z`) - start) / 86_400_000);
  return 1 + (ordinal % 3);
};

function everyDay(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(fromYear, 0, 1); t < Date.UTC(toYear + 1, 0, 1); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function lastYearByDay(shop: (typeof shops)[number], now: number): Timeseries {
  db = memoryDbWithAccount();
  db.prepare(`UPDATE shops SET region = ? WHERE shop_id = 'shop-1'`).run(shop.region);
  const w = createWriters(db);
  let n = 0;
  const orders = everyDay(2023, 2025).flatMap((day) =>
    Array.from({ length: ordersOn(day) }, () => {
      const at = Date.parse(`${day}T${String(shop.utcHourOfLocalNoon).padStart(2, '0')}:00:00Z`) + n * 1000;
      n += 1;
      return makeOrder(n, { createTime: at, paidTime: at, updateTime: at });
    }),
  );
  db.transaction(() => w.orders.write('acct-1', 'shop-1', orders, 0))();
  w.rollups.refreshScope('shop', 'shop-1');
  const service = createAnalyticsService({
    db,
    rollups: w.rollups,
    now: () => now,
    syncIntervalMinutes: () => 60,
    localZone: 'UTC',
  });
  return service.timeseries(analyticsFilterSchema.parse({ range: { preset: 'lastYear' } }), 'day');
}

describe.each(shops)('Last year by day in $zone', (shop) => {
  it('pairs 2025 with 2024 (a leap year) day by day; 29 February 2024 counts with 28 February', () => {
    const t = lastYearByDay(shop, Date.UTC(2026, 5, 15, 12));
    expect(t.period).toMatchObject({ from: '2025-01-01', previousFrom: '2024-01-01' });
    const orders = t.series.find((s) => s.metric === 'orders')!;
    expect(t.buckets).toHaveLength(365);
    expect(t.previousBuckets).toHaveLength(365);
    t.buckets.forEach((day, i) => {
      const before = `2024${day.slice(4)}`;
      expect(t.previousBuckets[i], day).toBe(before);
      expect(orders.values[i], day).toBe(ordersOn(day));
      const folded = day.endsWith('-02-28') ? ordersOn('2024-02-29') : 0;
      expect(orders.previous[i], day).toBe(ordersOn(before) + folded);
    });
    // Nothing of 2024 is lost: the line adds up to the year's orders.
    const total = everyDay(2024, 2024).reduce((sum, d) => sum + ordersOn(d), 0);
    expect(orders.previous.reduce((sum: number, v) => sum + (v ?? 0), 0)).toBe(total);
  });

  it('pairs 2024 (a leap year) with 2023 day by day; 29 February 2024 has no pair', () => {
    const t = lastYearByDay(shop, Date.UTC(2025, 5, 15, 12));
    expect(t.period).toMatchObject({ from: '2024-01-01', previousFrom: '2023-01-01' });
    const orders = t.series.find((s) => s.metric === 'orders')!;
    expect(t.buckets).toHaveLength(366);
    expect(t.previousBuckets).toHaveLength(366);
    t.buckets.forEach((day, i) => {
      expect(orders.values[i], day).toBe(ordersOn(day));
      if (day === '2024-02-29') {
        expect(t.previousBuckets[i]).toBeNull();
        expect(orders.previous[i]).toBeNull();
        return;
      }
      const before = `2023${day.slice(4)}`;
      expect(t.previousBuckets[i], day).toBe(before);
      expect(orders.previous[i], day).toBe(ordersOn(before));
    });
  });
});
