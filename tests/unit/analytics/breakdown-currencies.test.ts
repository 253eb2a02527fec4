import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { createWriters } from '../../../src-main/sync/store/writers';
import { analyticsFilterSchema, type BreakdownKind } from '../../../src-shared/analytics';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
afterEach(() => db.close());

const range = { preset: 'custom' as const, from: '2026-11-01', to: '2026-11-30' };
/** product → [shop, currency, GMV in minor units] */
const products: Record<string, [string, string, number]> = {
  P1: ['shop-1', 'USD', 1_950_000],
  P2: ['shop-1', 'USD', 1_630_000],
  P3: ['shop-2', 'GBP', 1_892_399],
};
const rate = '1.27';

function setup() {
  db = memoryDbWithAccount();
  db.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('shop-2', 'acct-1', 'UK', 'GB', 'GBP', 'c')`,
  ).run();
  for (const [id, [shop, currency, gmv]] of Object.entries(products)) {
    db.prepare(
      `INSERT INTO product_days (shop_id, product_id, day, currency, account_id, units, gross_minor)
       VALUES (?, ?, '2026-11-10', ?, 'acct-1', 3, ?)`,
    ).run(shop, id, currency, gmv);
    db.prepare(
      `INSERT INTO product_months (shop_id, product_id, month, currency, account_id, days, units, gross_minor)
       VALUES (?, ?, '2026-11', ?, 'acct-1', 1, 3, ?)`,
    ).run(shop, id, currency, gmv);
    db.prepare(
      `INSERT INTO order_days (shop_id, day, currency, account_id, orders, units, gross_minor)
       VALUES (?, '2026-11-10', ?, 'acct-1', 1, 3, ?)
       ON CONFLICT (shop_id, day, currency) DO UPDATE SET orders = orders + 1, units = units + 3,
         gross_minor = gross_minor + excluded.gross_minor`,
    ).run(shop, currency, gmv);
  }
  const service = createAnalyticsService({
    db,
    rollups: createWriters(db).rollups,
    now: () => Date.UTC(2026, 11, 6),
    syncIntervalMinutes: () => 60,
    localZone: 'UTC',
  });
  const breakdown = (kind: BreakdownKind, limit: number, reportingCurrency?: string) =>
    service.breakdown(
      analyticsFilterSchema.parse({ range, ...(reportingCurrency ? { reportingCurrency } : {}) }),
      kind,
      limit,
    );
  return { service, breakdown };
}

/** What the test expects a GBP amount to be in USD: the rate applied to the whole figure, rounded once. */
const toUsd = (minor: number) => Math.round(minor * Number(rate));

describe('breakdowns over two currencies', () => {
  it('ranks by the converted amount when a reporting currency is chosen, and labels converted rows', () => {
    const { service, breakdown } = setup();
    service.setRate({ currency: 'GBP', reportingCurrency: 'USD', rate, asOf: '2026-12-05' });
    const expected = Object.entries(products)
      .map(([id, [, currency, gmv]]) => ({ id, currency, gmv: currency === 'GBP' ? toUsd(gmv) : gmv }))
      .sort((a, b) => b.gmv - a.gmv);

    const top = breakdown('products', 3, 'USD');
    expect(top.rows.map((r) => [r.id, r.currency, r.metrics.gmv])).toEqual(
      expected.map((e) => [e.id, 'USD', e.gmv]),
    );
    expect(top.rows.map((r) => r.convertedFrom ?? null)).toEqual(
      expected.map((e) => (e.currency === 'USD' ? null : e.currency)),
    );
    expect(top.rates).toEqual([{ currency: 'GBP', rate, asOf: '2026-12-05' }]);
    // The best row by converted amount is found even when its raw amount would not make the top.
    expect(breakdown('products', 1, 'USD').rows.map((r) => r.id)).toEqual([expected[0]?.id]);

    const shops = breakdown('shops', 2, 'USD');
    const gbpShop = toUsd(products.P3![2]);
    const usdShop = products.P1![2] + products.P2![2];
    expect(shops.rows.map((r) => [r.id, r.metrics.gmv])).toEqual(
      [
        ['shop-1', usdShop],
        ['shop-2', gbpShop],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
  });

  it('keeps a currency with no rate apart, after the converted rows, and names it missing', () => {
    const { breakdown } = setup();
    const top = breakdown('products', 3, 'USD');
    expect(top.rows.map((r) => [r.id, r.currency, r.convertedFrom ?? null])).toEqual([
      ['P1', 'USD', null],
      ['P2', 'USD', null],
      ['P3', 'GBP', null],
    ]);
    expect(top.missingRates).toEqual(['GBP']);
  });

  it('with each currency apart, ranks rows within their currency only, each currency its own best', () => {
    const { breakdown } = setup();
    const top = breakdown('products', 1);
    expect(top.rows.map((r) => [r.currency, r.id])).toEqual([
      ['GBP', 'P3'],
      ['USD', 'P1'],
    ]);
    const all = breakdown('products', 3);
    expect(all.rows.map((r) => r.id)).toEqual(['P3', 'P1', 'P2']);
  });

  it('ranks the rows a one-currency shop holds in a second currency apart, for products, creators and shops', () => {
    const { service, breakdown } = setup();
    // The US shop (USD) sold one product in GBP: its figure, larger than any USD one, is not comparable.
    const gbpInUsShop = 2_500_000;
    db.prepare(
      `INSERT INTO product_days (shop_id, product_id, day, currency, account_id, units, gross_minor)
       VALUES ('shop-1', 'P4', '2026-11-12', 'GBP', 'acct-1', 1, ?)`,
    ).run(gbpInUsShop);
    db.prepare(
      `INSERT INTO product_months (shop_id, product_id, month, currency, account_id, days, units, gross_minor)
       VALUES ('shop-1', 'P4', '2026-11', 'GBP', 'acct-1', 1, 1, ?)`,
    ).run(gbpInUsShop);
    db.prepare(
      `INSERT INTO order_days (shop_id, day, currency, account_id, orders, units, gross_minor)
       VALUES ('shop-1', '2026-11-12', 'GBP', 'acct-1', 1, 1, ?)`,
    ).run(gbpInUsShop);
    const usShop = (kind: BreakdownKind, limit: number, reportingCurrency?: string) =>
      service.breakdown(
        analyticsFilterSchema.parse({
          range,
          shopIds: ['shop-1'],
          ...(reportingCurrency ? { reportingCurrency } : {}),
        }),
        kind,
        limit,
      );

    // Only USD shops chosen, no reporting currency: still each currency its own best.
    expect(usShop('products', 1).rows.map((r) => [r.currency, r.id, r.metrics.gmv])).toEqual([
      ['GBP', 'P4', gbpInUsShop],
      ['USD', 'P1', products.P1![2]],
    ]);
    expect(usShop('shops', 1).rows.map((r) => [r.currency, r.id, r.metrics.gmv])).toEqual([
      ['GBP', 'shop-1', gbpInUsShop],
      ['USD', 'shop-1', products.P1![2] + products.P2![2]],
    ]);
    const creator = db.prepare(
      `INSERT INTO creator_days (shop_id, day, creator_id, currency, account_id, orders, gmv_minor)
       VALUES ('shop-1', '2026-11-12', ?, ?, 'acct-1', 1, ?)`,
    );
    const creatorMonth = db.prepare(
      `INSERT INTO creator_months (shop_id, creator_id, month, currency, account_id, days, orders, gmv_minor)
       VALUES ('shop-1', ?, '2026-11', ?, 'acct-1', 1, 1, ?)`,
    );
    for (const [id, currency, gmv] of [
      [7, 'USD', 1_000],
      [8, 'GBP', 5_000],
      [9, 'USD', 800],
    ] as const) {
      creator.run(id, currency, gmv);
      creatorMonth.run(id, currency, gmv);
    }
    expect(usShop('creators', 1).rows.map((r) => [r.currency, r.id, r.metrics.affiliateGmv])).toEqual([
      ['GBP', '8', 5_000],
      ['USD', '7', 1_000],
    ]);
    // With a rate, the GBP row ranks by its converted figure among the USD ones.
    service.setRate({ currency: 'GBP', reportingCurrency: 'USD', rate, asOf: '2026-12-05' });
    expect(
      usShop('products', 2, 'USD').rows.map((r) => [r.id, r.metrics.gmv, r.convertedFrom ?? null]),
    ).toEqual([
      ['P4', toUsd(gbpInUsShop), 'GBP'],
      ['P1', products.P1![2], null],
    ]);
    // Every shop: the GBP shop's product and the US shop's GBP product are ranked against each other.
    expect(breakdown('products', 2).rows.map((r) => [r.currency, r.id])).toEqual([
      ['GBP', 'P4'],
      ['GBP', 'P3'],
      ['USD', 'P1'],
      ['USD', 'P2'],
    ]);
  });

  it('converts a trend bucket as the card converts its total: each currency summed, converted, rounded once', () => {
    const { service } = setup();
    // Three days of 1p each: converted day by day at 1.5 they would round to 2 + 2 + 2.
    for (const day of ['2026-11-11', '2026-11-12', '2026-11-13'])
      db.prepare(
        `INSERT INTO order_days (shop_id, day, currency, account_id, orders, units, gross_minor)
         VALUES ('shop-2', ?, 'GBP', 'acct-1', 1, 1, 1)`,
      ).run(day);
    service.setRate({ currency: 'GBP', reportingCurrency: 'USD', rate: '1.5', asOf: '2026-12-05' });
    const filter = analyticsFilterSchema.parse({ range, reportingCurrency: 'USD' });
    const gbp = products.P3![2] + 3;
    const usd = products.P1![2] + products.P2![2];
    const expected = usd + Math.round(gbp * 1.5);

    const card = service.overview(filter).kpis.find((k) => k.key === 'gmv');
    const trend = service.timeseries(filter, 'month').series.find((x) => x.metric === 'gmv');
    expect(card?.converted?.value).toBe(expected);
    expect(trend).toMatchObject({ currency: 'USD', converted: true });
    expect(trend?.values).toEqual([expected]);
  });
});
