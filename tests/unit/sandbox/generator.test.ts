import { describe, expect, it } from 'vitest';
import { creatorFlag, orderFlag, orderStatuses } from '../../../src-main/sandbox/data/dataset';
import { generateDataset } from '../../../src-main/sandbox/data/generator';
import { orderTotals } from '../../../src-main/sandbox/data/orders';
import { adDay } from '../../../src-main/sandbox/ads/report';

const now = Date.UTC(2025, 5, 15, 12) / 1000;

describe('generateDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateDataset({ scale: 'tiny', seed: 1, nowSec: now });
    const b = generateDataset({ scale: 'tiny', seed: 1, nowSec: now });
    const c = generateDataset({ scale: 'tiny', seed: 2, nowSec: now });
    expect(a.products).toEqual(b.products);
    expect([...a.orders.createTime]).toEqual([...b.orders.createTime]);
    expect(a.creators.usernames).toEqual(b.creators.usernames);
    expect([...a.orders.createTime]).not.toEqual([...c.orders.createTime]);
  });

  it('demo scale: 2 shops (US/USD, GB/GBP), 300 products, 20k orders over 180 days, 2k creators', () => {
    const ds = generateDataset({ scale: 'demo', seed: 3, nowSec: now });
    expect(ds.shops.map((s) => `${s.region}/${s.currency}`)).toEqual(['US/USD', 'GB/GBP']);
    expect(ds.products).toHaveLength(300);
    expect(ds.orders.count).toBe(20_000);
    expect(ds.creators.count).toBe(2_000);
    expect(ds.endTime - ds.startTime).toBe(180 * 86_400);
    const times = ds.orders.createTime;
    for (let i = 1; i < times.length; i++) expect(times[i]! >= times[i - 1]!).toBe(true);
    expect(times[0]! >= ds.startTime && times[times.length - 1]! < ds.endTime).toBe(true);
  });

  it('has a realistic status mix: mostly completed, some cancelled, recent orders still moving', () => {
    const ds = generateDataset({ scale: 'demo', seed: 3, nowSec: now });
    const count = (s: string) => ds.orders.status.filter((x) => orderStatuses[x] === s).length;
    expect(count('COMPLETED') / ds.orders.count).toBeGreaterThan(0.7);
    expect(count('CANCELLED') / ds.orders.count).toBeGreaterThan(0.03);
    expect(count('AWAITING_SHIPMENT')).toBeGreaterThan(0);
    expect(count('UNPAID')).toBeGreaterThan(0);
    const refunds = ds.orders.flags.filter((f) => f & orderFlag.refund).length;
    expect(refunds).toBeGreaterThan(0);
  });

  it('keeps orders stuck past their ship-by time in the previous calendar quarter, whatever the day, most from creators', () => {
    const awaiting = orderStatuses.indexOf('AWAITING_SHIPMENT');
    for (const at of [
      Date.UTC(2026, 0, 1, 12),
      Date.UTC(2026, 2, 31, 23),
      Date.UTC(2026, 6, 15, 3),
      Date.UTC(2026, 11, 6, 5),
    ]) {
      for (const scale of ['tiny', 'demo'] as const) {
        const ds = generateDataset({ scale, seed: 1, nowSec: at / 1000 });
        const month = new Date(at).getUTCMonth();
        const year = new Date(at).getUTCFullYear();
        const from = Date.UTC(year, month - (month % 3) - 3, 1) / 1000;
        const to = Date.UTC(year, month - (month % 3), 1) / 1000;
        const late = [...ds.orders.createTime.keys()].filter((i) => {
          const t = ds.orders.createTime[i]!;
          // The sandbox's ship-by time (rts_sla_time) is 3 days after creation.
          return ds.orders.status[i] === awaiting && t >= from && t < to && t + 3 * 86_400 < at / 1000;
        });
        const fromCreators = late.filter((i) => ds.orders.flags[i]! & orderFlag.affiliate);
        expect(fromCreators.length, `${scale} ${new Date(at).toISOString()}`).toBeGreaterThanOrEqual(2);
        expect(late.length).toBeGreaterThan(fromCreators.length);
      }
    }
  });

  it('weekends sell more than Mondays (weekday seasonality)', () => {
    const ds = generateDataset({ scale: 'demo', seed: 3, nowSec: now });
    const byDow = new Array<number>(7).fill(0);
    for (const t of ds.orders.createTime) byDow[new Date(t * 1000).getUTCDay()]! += 1;
    expect(byDow[6]!).toBeGreaterThan(byDow[1]!);
  });

  it('indexes: per-shop create and update orders are sorted and cover every order once', () => {
    const ds = generateDataset({ scale: 'demo', seed: 5, nowSec: now });
    const total = ds.orders.byCreate.reduce((n, a) => n + a.length, 0);
    expect(total).toBe(ds.orders.count);
    for (const arr of ds.orders.byUpdate) {
      for (let k = 1; k < arr.length; k++)
        expect(ds.orders.updateTime[arr[k]!]! >= ds.orders.updateTime[arr[k - 1]!]!).toBe(true);
    }
  });

  it('contains hostile-but-valid values and an empty order', () => {
    const ds = generateDataset({ scale: 'tiny', seed: 9, nowSec: now });
    expect(ds.creators.nicknames.some((n) => n.includes('<script>'))).toBe(true);
    expect(ds.products.some((p) => /[\u3000-\u9fff]|\p{Extended_Pictographic}/u.test(p.title))).toBe(true);
    expect(ds.products.every((p) => BigInt(p.id) > 2n ** 53n)).toBe(true);
    expect(ds.orders.flags[ds.emptyOrderIndex]! & orderFlag.empty).toBeTruthy();
    expect(
      orderTotals(
        ds,
        ds.emptyOrderIndex,
        ds.orders.shop[ds.emptyOrderIndex]!,
        ds.orders.flags[ds.emptyOrderIndex]!,
      ).total,
    ).toBe(0);
    expect(ds.creators.flags.some((f) => f & creatorFlag.privacy)).toBe(true);
  });

  it('daily totals agree with the orders they summarise', () => {
    const ds = generateDataset({ scale: 'tiny', seed: 4, nowSec: now });
    const counted = ds.dailyOrders.reduce((n, d) => n + d.reduce((a, b) => a + b, 0), 0);
    const expected = [...ds.orders.status].filter(
      (s) => orderStatuses[s] !== 'UNPAID' && orderStatuses[s] !== 'CANCELLED',
    ).length;
    expect(counted).toBe(expected);
  });

  it('tiny scale: every advertiser with ads reports some ad conversions, never more than its clicks', () => {
    // A few orders a day split over several ads used to round to zero conversions everywhere, so the tiny
    // sandbox showed no ROAS or CPA at all.
    const ds = generateDataset({ scale: 'tiny', seed: 1, nowSec: now });
    const perAdvertiser = new Map<number, number>();
    for (const ad of ds.ads.ads) {
      for (let d = 0; d < ds.spec.days; d++) {
        const b = adDay(ds, ad, d);
        if (!b) continue;
        expect(b.conversions).toBeLessThanOrEqual(b.clicks);
        perAdvertiser.set(ad.advertiserIndex, (perAdvertiser.get(ad.advertiserIndex) ?? 0) + b.conversions);
      }
    }
    expect(perAdvertiser.size).toBe(new Set(ds.ads.ads.map((a) => a.advertiserIndex)).size);
    expect(perAdvertiser.size).toBeGreaterThan(0);
    for (const total of perAdvertiser.values()) expect(total).toBeGreaterThan(0);
  });

  it('sizes ad spend to the sales ads bring: a return on ad spend a merchant could see, at every scale', () => {
    // A budget alone made the 60-order tiny shop spend $150k for $257 of ad sales: ROAS 0.00, CPA $38k.
    for (const scale of ['tiny', 'demo'] as const) {
      const ds = generateDataset({ scale, seed: 1, nowSec: now });
      let spend = 0;
      let value = 0;
      for (const ad of ds.ads.ads)
        for (let d = 0; d < ds.spec.days; d++) {
          const b = adDay(ds, ad, d);
          if (!b) continue;
          expect(b.clicks).toBeLessThanOrEqual(b.impressions);
          spend += b.spend;
          value += b.value;
        }
      expect(value / spend, scale).toBeGreaterThan(1);
      expect(value / spend, scale).toBeLessThan(5);
    }
  });
});
