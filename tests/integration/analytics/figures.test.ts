import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAnalyticsService, type AnalyticsService } from '../../../src-main/analytics/service';
import { orderFlag, orderStatuses, type Dataset } from '../../../src-main/sandbox/data/dataset';
import { DAY, generateDataset } from '../../../src-main/sandbox/data/generator';
import { lineCount, orderLine, orderTotals } from '../../../src-main/sandbox/data/orders';
import { hash } from '../../../src-main/sandbox/data/rng';
import { adDay } from '../../../src-main/sandbox/ads/report';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import { toMinorUnits } from '../../../src-main/core/money';
import { analyticsFilterSchema, type AnalyticsFilter, type Kpi } from '../../../src-shared/analytics';
import { admin, connectAds, connectShop, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

/**
 * Every dashboard figure against sums computed here from the sandbox's own generated dataset (not from the
 * database): per shop-local day, with a US evening, a DST change, refunds, cancellations, both currencies,
 * the order without lines, affiliate orders and ad spend.
 */

const zones = ['America/Los_Angeles', 'Europe/London'];
const localDay = (sec: number, zone: string): string =>
  new Date(sec * 1000).toLocaleDateString('en-CA', { timeZone: zone });

interface Day {
  orders: number;
  cancellations: number;
  units: number;
  gmv: number;
  refunds: number;
  orderIds: number[];
}

/** Per shop index, per shop-local day: what the dashboard must show. */
function expectedDays(ds: Dataset): Array<Map<string, Day>> {
  const out = ds.shops.map(() => new Map<string, Day>());
  for (let i = 0; i < ds.orders.count; i++) {
    const shop = ds.orders.shop[i] ?? 0;
    const flags = ds.orders.flags[i] ?? 0;
    const day = localDay(ds.orders.createTime[i] ?? 0, zones[shop]!);
    let d = out[shop]!.get(day);
    if (!d)
      out[shop]!.set(day, (d = { orders: 0, cancellations: 0, units: 0, gmv: 0, refunds: 0, orderIds: [] }));
    d.orderIds.push(i);
    if (orderStatuses[ds.orders.status[i] ?? 0] === 'CANCELLED') {
      d.cancellations++;
      continue;
    }
    const n = lineCount(ds, i, flags);
    const refunded = (flags & orderFlag.refund) !== 0 && n > 0;
    d.orders++;
    d.gmv += orderTotals(ds, i, shop, flags).total;
    d.units += n - (refunded ? 1 : 0);
    if (refunded) {
      const l = orderLine(ds, i, shop, 0);
      d.refunds += l.originalCents - l.sellerDiscountCents - l.platformDiscountCents;
    }
  }
  return out;
}

let world: SyncWorld;
let ds: Dataset;
let expected: Array<Map<string, Day>>;
let analytics: AnalyticsService;
let shopIds: string[];
let emptyOrderIndex: number;

beforeAll(async () => {
  world = await startWorld({ scale: 'demo' });
  const shops = await connectShop(world);
  await connectAds(world);
  await syncAndWait(syncServiceFor(world));
  const state = z
    .object({ seed: z.number(), dataEnd: z.number() })
    .parse(await admin(world.info, 'GET', '/state'));
  ds = generateDataset({ scale: 'demo', seed: state.seed, nowSec: state.dataEnd + 1 });
  expected = expectedDays(ds);
  emptyOrderIndex = ds.emptyOrderIndex;
  shopIds = ds.shops.map((s) => s.id);
  expect(shops.map((s) => s.id).sort()).toEqual([...shopIds].sort());
  analytics = createAnalyticsService({
    db: world.db,
    rollups: new RollupStore(world.db),
    now: () => (state.dataEnd - 1) * 1000,
    syncIntervalMinutes: () => 60,
    localZone: 'UTC',
  });
}, 120_000);
afterAll(async () => world?.close());

const kpi = (filter: AnalyticsFilter, key: Kpi['key']): Kpi => {
  const k = analytics.overview(analyticsFilterSchema.parse(filter)).kpis.find((x) => x.key === key);
  if (!k) throw new Error(`no ${key}`);
  return k;
};
const oneDay = (shop: number, day: string): AnalyticsFilter => ({
  range: { preset: 'custom', from: day, to: day },
  shopIds: [shopIds[shop]!],
});

/** Every day of the data in any shop's calendar, with a day to spare on each side. */
const wholeRange = (): AnalyticsFilter => ({
  range: {
    preset: 'custom',
    from: new Date((ds.startTime - DAY) * 1000).toISOString().slice(0, 10),
    to: new Date((ds.endTime + DAY) * 1000).toISOString().slice(0, 10),
  },
});

function expectDay(shop: number, day: string): void {
  const e = expected[shop]!.get(day) ?? { orders: 0, cancellations: 0, units: 0, gmv: 0, refunds: 0 };
  const currency = ds.shops[shop]!.currency;
  const f = oneDay(shop, day);
  const money = (key: Kpi['key']) => kpi(f, key).values.find((v) => v.currency === currency)?.value ?? 0;
  expect(
    {
      gmv: money('gmv'),
      refunds: money('refunds'),
      orders: kpi(f, 'orders').values[0]?.value,
      units: kpi(f, 'units').values[0]?.value,
      cancellations: kpi(f, 'cancellations').values[0]?.value,
    },
    `${ds.shops[shop]!.region} ${day}`,
  ).toEqual({
    gmv: e.gmv,
    refunds: e.refunds,
    orders: e.orders,
    units: e.units,
    cancellations: e.cancellations,
  });
}

describe('dashboard figures equal sums from the sandbox dataset', () => {
  it('puts a US evening on the shop-local day, on both sides of its midnight', () => {
    const us = expected[0]!;
    // A local day holding orders already on the next UTC day (evening in Los Angeles).
    const evening = [...us.entries()].find(([day, d]) =>
      d.orderIds.some(
        (i) => new Date((ds.orders.createTime[i] ?? 0) * 1000).toISOString().slice(0, 10) > day,
      ),
    );
    expect(evening, 'the dataset has US evening orders').toBeDefined();
    const [day] = evening!;
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expectDay(0, day);
    expectDay(0, next);
    expectDay(1, day);
    expectDay(1, next);
  });

  it('counts the days around a DST change in each shop’s zone', () => {
    for (const [shop, zone] of zones.entries()) {
      const offset = (sec: number) =>
        new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).format(sec * 1000);
      let change: number | null = null;
      for (let t = ds.startTime; t < ds.endTime - DAY && change === null; t += DAY)
        if (offset(t) !== offset(t + DAY))
          for (let h = t; h < t + DAY && change === null; h += 3600)
            if (offset(h) !== offset(h + 3600)) change = h + 3600;
      expect(change, `a DST change of ${zone} within the data`).not.toBeNull();
      const day = localDay(change!, zone);
      expect((expected[shop]!.get(day)?.orderIds.length ?? 0) > 0).toBe(true);
      for (const d of [-1, 0, 1])
        expectDay(shop, new Date(Date.parse(`${day}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('keeps the order without lines, refunds and cancellations, per currency over the whole range', () => {
    const emptyDay = localDay(ds.orders.createTime[emptyOrderIndex] ?? 0, zones[0]!);
    expect(lineCount(ds, emptyOrderIndex, ds.orders.flags[emptyOrderIndex] ?? 0)).toBe(0);
    expectDay(0, emptyDay);

    const all = wholeRange();
    const gmv = kpi(all, 'gmv');
    const sum = (shop: number, k: keyof Omit<Day, 'orderIds'>) =>
      [...expected[shop]!.values()].reduce((n, d) => n + d[k], 0);
    expect(gmv.values.map((v) => [v.currency, v.value])).toEqual([
      ['GBP', sum(1, 'gmv')],
      ['USD', sum(0, 'gmv')],
    ]);
    expect(kpi(all, 'refunds').values.map((v) => v.value)).toEqual([sum(1, 'refunds'), sum(0, 'refunds')]);
    expect(sum(0, 'refunds')).toBeGreaterThan(0);
    expect(kpi(all, 'cancellations').values[0]?.value).toBe(
      sum(0, 'cancellations') + sum(1, 'cancellations'),
    );
    expect(kpi(all, 'orders').values[0]?.value).toBe(sum(0, 'orders') + sum(1, 'orders'));
    // No silent mixing: the converted figure exists only with a rate, and says which.
    expect(kpi({ ...all, reportingCurrency: 'USD' }, 'gmv').converted).toMatchObject({
      value: null,
      missing: ['GBP'],
    });
    analytics.setRate({ currency: 'GBP', reportingCurrency: 'USD', rate: '1.25', asOf: '2024-06-01' });
    expect(kpi({ ...all, reportingCurrency: 'USD' }, 'gmv').converted).toEqual(
      expect.objectContaining({
        currency: 'USD',
        value: sum(0, 'gmv') + Math.round(sum(1, 'gmv') * 1.25),
        rates: [{ currency: 'GBP', rate: '1.25', asOf: '2024-06-01' }],
        missing: [],
      }),
    );
  });

  it('sums affiliate GMV and estimated commission per currency', () => {
    const gmv = [0, 0];
    const commission = [0, 0];
    for (let i = 0; i < ds.orders.count; i++) {
      const flags = ds.orders.flags[i] ?? 0;
      if (!(flags & orderFlag.affiliate) || orderStatuses[ds.orders.status[i] ?? 0] === 'CANCELLED') continue;
      const shop = ds.orders.shop[i] ?? 0;
      const rate = 1_000 + (hash(ds.seed, 96, i) % 16) * 100;
      for (let l = 0; l < lineCount(ds, i, flags); l++) {
        const line = orderLine(ds, i, shop, l);
        const base = line.originalCents - line.sellerDiscountCents;
        gmv[shop]! += base;
        commission[shop]! += Math.round((base * rate) / 10_000);
      }
    }
    const all = wholeRange();
    expect(kpi(all, 'affiliateGmv').values.map((v) => v.value)).toEqual([gmv[1], gmv[0]]);
    expect(kpi(all, 'commissionEstimated').values.map((v) => v.value)).toEqual([
      commission[1],
      commission[0],
    ]);
  });

  it('narrows the Affiliate page to one open collaboration: its product’s SKUs, summed from the dataset', () => {
    // TikTok names the open collaboration per SKU; the sandbox's are one per product (its public offer).
    const filter = analyticsFilterSchema.parse({ ...wholeRange(), shopIds: [shopIds[0]!] });
    const offered = analytics.collaborations(filter).items.filter((c) => c.kind === 'open');
    expect(offered.length).toBeGreaterThan(1);
    const product = ds.products.findIndex((p) => p.title === offered[0]!.productTitle && p.shopIndex === 0);
    expect(product).toBeGreaterThanOrEqual(0);
    let orders = 0;
    let gmv = 0;
    let commission = 0;
    for (let i = 0; i < ds.orders.count; i++) {
      const flags = ds.orders.flags[i] ?? 0;
      if ((ds.orders.shop[i] ?? 0) !== 0 || !(flags & orderFlag.affiliate)) continue;
      if (orderStatuses[ds.orders.status[i] ?? 0] === 'CANCELLED') continue;
      const rate = 1_000 + (hash(ds.seed, 96, i) % 16) * 100;
      let mine = false;
      for (let l = 0; l < lineCount(ds, i, flags); l++) {
        const line = orderLine(ds, i, 0, l);
        if (line.productIndex !== product) continue;
        const base = line.originalCents - line.sellerDiscountCents;
        mine = true;
        gmv += base;
        commission += Math.round((base * rate) / 10_000);
      }
      if (mine) orders++;
    }
    expect(orders).toBeGreaterThan(0);
    const page = analytics.affiliateOrders(filter, 500, null, null, { kind: 'open', id: offered[0]!.id });
    expect(page.totals).toEqual([
      {
        currency: ds.shops[0]!.currency,
        orders,
        gmvMinor: gmv,
        estCommissionMinor: commission,
        actualCommissionMinor: expect.any(Number) as number,
      },
    ]);
    expect(page.items.filter((o) => o.status !== 'CANCELLED')).toHaveLength(Math.min(orders, 500));
  });

  it('ranks the top products of a period across months by their sales summed from the dataset', () => {
    // 100 days ending two weeks before the data ends: whole months in the middle, part months at both ends.
    const to = localDay(ds.endTime - 14 * DAY, zones[0]!);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 99 * DAY * 1000).toISOString().slice(0, 10);
    const sums = new Map<string, { id: string; currency: string; gmv: number; units: number }>();
    for (let i = 0; i < ds.orders.count; i++) {
      if (orderStatuses[ds.orders.status[i] ?? 0] === 'CANCELLED') continue;
      const shop = ds.orders.shop[i] ?? 0;
      const day = localDay(ds.orders.createTime[i] ?? 0, zones[shop]!);
      if (day < from || day > to) continue;
      const flags = ds.orders.flags[i] ?? 0;
      const n = lineCount(ds, i, flags);
      const refunded = (flags & orderFlag.refund) !== 0 && n > 0;
      for (let l = refunded ? 1 : 0; l < n; l++) {
        const line = orderLine(ds, i, shop, l);
        const id = ds.products[line.productIndex]!.id;
        const s = sums.get(id) ?? { id, currency: ds.shops[shop]!.currency, gmv: 0, units: 0 };
        s.gmv += line.originalCents - line.sellerDiscountCents - line.platformDiscountCents;
        s.units++;
        sums.set(id, s);
      }
    }
    // The shops keep two currencies: each currency is its own list (never ranked against the other).
    const currencies = [...new Set([...sums.values()].map((s) => s.currency))].sort();
    expect(currencies.length).toBeGreaterThan(1);
    const expectedTop = currencies.flatMap((c) =>
      [...sums.values()]
        .filter((s) => s.currency === c)
        .sort((a, b) => b.gmv - a.gmv || (a.id < b.id ? -1 : 1))
        .slice(0, 25),
    );
    const got = analytics.breakdown(
      analyticsFilterSchema.parse({ range: { preset: 'custom', from, to } }),
      'products',
      25,
    );
    expect(
      got.rows.map((r) => ({ id: r.id, currency: r.currency, gmv: r.metrics.gmv, units: r.metrics.units })),
    ).toEqual(expectedTop);
    expect(got.rows[0]?.spark.reduce((a, b) => a + b, 0)).toBe(expectedTop[0]?.gmv);
  });

  it('sums ad spend, conversions, ROAS and CPA per advertiser day and per campaign as the Marketing API served them', () => {
    const adv = ds.ads.advertisers[0]!;
    expect(adv.timezone).toBe('Etc/GMT+8');
    const served = servedAdDays(ds, adv.index);
    // The last 30 report days the sync read, and the same days summed per campaign, here from the dataset.
    const days = [...served.keys()].sort().slice(-40, -10);
    const filter = analyticsFilterSchema.parse({
      range: { preset: 'custom', from: days[0]!, to: days.at(-1)! },
    });
    const perCampaign = new Map<string, AdSums>();
    for (const day of days) for (const [campaign, s] of served.get(day)!) addAdSums(perCampaign, campaign, s);
    const total = [...perCampaign.values()].reduce((t, s) => plusAdSums(t, s), noAdSums());
    expect(total.conversions).toBeGreaterThan(0);

    const one = (key: Kpi['key'], f: AnalyticsFilter = filter) => {
      const values = kpi(f, key).values;
      expect(values.map((v) => v.currency)).toEqual([adv.currency]);
      return values[0]!.value;
    };
    expect(one('adSpend')).toBe(total.spend);
    expect(one('roas')).toBeCloseTo(total.value / total.spend, 12);
    expect(one('cpa')).toBe(Math.round(total.spend / total.conversions));

    // Each report day stays the advertiser's day it was served for (never moved into a shop's zone or UTC):
    // a one-day period holds exactly that day's rows, at both ends of the range and in between.
    for (const day of [days[0]!, days[14]!, days.at(-1)!]) {
      const daySums = [...served.get(day)!.values()].reduce((t, s) => plusAdSums(t, s), noAdSums());
      const f = { range: { preset: 'custom' as const, from: day, to: day } };
      expect({ day, spend: one('adSpend', f), cpa: one('cpa', f) }).toEqual({
        day,
        spend: daySums.spend,
        cpa: daySums.conversions === 0 ? null : Math.round(daySums.spend / daySums.conversions),
      });
    }

    // The Ad campaigns breakdown: every campaign with its own spend, conversions, ROAS and CPA, by spend.
    const campaignIds = new Map(ds.ads.campaigns.map((c) => [c.index, c.id]));
    const expectedRows = [...perCampaign.entries()]
      .map(([id, s]) => ({
        id,
        currency: adv.currency,
        spend: s.spend,
        conversions: s.conversions,
        conversionValue: s.value,
        roas: s.spend === 0 ? null : s.value / s.spend,
        cpa: s.conversions === 0 ? null : Math.round(s.spend / s.conversions),
      }))
      .sort((x, y) => y.spend - x.spend || (x.id < y.id ? -1 : 1));
    expect(expectedRows.length).toBeGreaterThan(1);
    expect(expectedRows.every((r) => [...campaignIds.values()].includes(r.id))).toBe(true);
    const got = analytics.breakdown(filter, 'campaigns', 100).rows.map((r) => ({
      id: r.id,
      currency: r.currency,
      spend: r.metrics.spend,
      conversions: r.metrics.conversions,
      conversionValue: r.metrics.conversionValue,
      roas: r.metrics.roas,
      cpa: r.metrics.cpa,
    }));
    expect(got).toHaveLength(expectedRows.length);
    got.forEach((row, i) => {
      const e = expectedRows[i]!;
      expect({ ...row, roas: null }).toEqual({ ...e, roas: null });
      if (e.roas === null) expect(row.roas).toBeNull();
      else expect(row.roas).toBeCloseTo(e.roas, 12);
    });
  });
});

interface AdSums {
  spend: number;
  conversions: number;
  value: number;
}
const noAdSums = (): AdSums => ({ spend: 0, conversions: 0, value: 0 });
const plusAdSums = (a: AdSums, b: AdSums): AdSums => ({
  spend: a.spend + b.spend,
  conversions: a.conversions + b.conversions,
  value: a.value + b.value,
});
function addAdSums(into: Map<string, AdSums>, key: string, s: AdSums): void {
  into.set(key, plusAdSums(into.get(key) ?? noAdSums(), s));
}

/**
 * What the Marketing API served for one advertiser, per report day and campaign: a row per ad and day where
 * the ad was seen (the report leaves out days with no impressions), money as sent (three decimals) in the
 * advertiser's currency. TikTok reports `stat_time_day` in the advertiser's own time zone; the sandbox's day
 * d is the advertiser's d-th calendar day of data, labelled with its date, so the key here is that label and
 * no shop's zone is involved.
 */
function servedAdDays(data: Dataset, advertiser: number): Map<string, Map<string, AdSums>> {
  const currency = data.ads.advertisers[advertiser]!.currency;
  const out = new Map<string, Map<string, AdSums>>();
  for (const ad of data.ads.ads.filter((a) => a.advertiserIndex === advertiser)) {
    const campaign = data.ads.campaigns[ad.campaignIndex]!.id;
    for (let d = 0; d < data.spec.days; d++) {
      const b = adDay(data, ad, d);
      if (!b || b.impressions === 0) continue;
      const day = new Date((data.startTime + d * DAY) * 1000).toISOString().slice(0, 10);
      let byCampaign = out.get(day);
      if (!byCampaign) out.set(day, (byCampaign = new Map()));
      addAdSums(byCampaign, campaign, {
        spend: toMinorUnits(b.spend.toFixed(3), currency),
        conversions: b.conversions,
        value: toMinorUnits(b.value.toFixed(3), currency),
      });
    }
  }
  return out;
}
