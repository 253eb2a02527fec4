import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { createWriters } from '../../../src-main/sync/store/writers';
import { analyticsFilterSchema, type Kpi } from '../../../src-shared/analytics';
import { makeOrder, memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
let stamp = 1_000;
afterEach(() => db.close());

/** Orders 0–9 of makeOrder fall on 2025-12-31 in Los Angeles (the first ones of 2026-01-01 UTC). */
const day = { range: { preset: 'custom' as const, from: '2025-12-31', to: '2025-12-31' } };

function setup() {
  db = memoryDbWithAccount();
  const w = createWriters(db);
  const orders = Array.from({ length: 10 }, (_, i) => makeOrder(i));
  db.transaction(() => w.orders.write('acct-1', 'shop-1', orders, 0))();
  w.rollups.refreshScope('shop', 'shop-1');
  const service = createAnalyticsService({
    db,
    rollups: w.rollups,
    now: () => Date.UTC(2026, 0, 2),
    syncIntervalMinutes: () => 60,
    localZone: 'UTC',
  });
  const net = (): Kpi =>
    service.overview(analyticsFilterSchema.parse(day)).kpis.find((k) => k.key === 'netContribution')!;
  const setCost = (sku: string, cost: number | null, shipping: number | null) =>
    db
      .prepare(
        `INSERT INTO product_costs (sku_id, product_id, shop_id, account_id, currency, cost_minor, shipping_cost_minor,
           source, updated_at) VALUES (?, ?, 'shop-1', 'acct-1', 'USD', ?, ?, 'manual', ?)
         ON CONFLICT (sku_id) DO UPDATE SET cost_minor = excluded.cost_minor, updated_at = excluded.updated_at`,
      )
      .run(sku, `P${sku.slice(1)}`, cost, shipping, (stamp += 1));
  return { orders, net, setCost };
}

describe('net contribution', () => {
  it('has no figure until costs are entered, then subtracts them and says how many units they cover', () => {
    const { orders, net, setCost } = setup();
    expect(net()).toMatchObject({ unavailable: 'costsNotEntered', values: [] });

    const lines = orders.flatMap((o) => o.lines);
    const gmv = orders.reduce((n, o) => n + o.totalMinor, 0);
    setCost('S0', 300, 50);
    const costedLines = lines.filter((l) => l.skuId === 'S0');
    expect(costedLines.length).toBeGreaterThan(0);
    let k = net();
    expect(k.unavailable).toBeNull();
    expect(k.coverage).toEqual({ costed: costedLines.length, units: lines.length });
    expect(k.values).toEqual([
      expect.objectContaining({ currency: 'USD', value: gmv - costedLines.length * 350 }),
    ]);

    // A changed cost is picked up on the next read.
    setCost('S0', 1000, 50);
    k = net();
    expect(k.values[0]?.value).toBe(gmv - costedLines.length * 1050);
  });
});
