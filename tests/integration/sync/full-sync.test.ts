import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADS_ACCOUNT,
  connectAds,
  connectShop,
  count,
  recomputedAdDays,
  recomputedOrderDays,
  recomputedProductDays,
  SHOP_ACCOUNT,
  startWorld,
  storedAdDays,
  storedOrderDays,
  storedProductDays,
  type SyncWorld,
} from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';
import { listOrders } from '../../../src-main/orders/list';
import { listProducts } from '../../../src-main/products/list';

let world: SyncWorld;
beforeEach(async () => {
  world = await startWorld();
  await connectShop(world);
  await connectAds(world);
});
afterEach(async () => world.close());

describe('full and incremental sync against the sandbox', () => {
  it('syncs every resource of a shop and an ads account, then an incremental run finds nothing new', async () => {
    const t = syncServiceFor(world);
    const runIds = await syncAndWait(t);
    expect(runIds).toHaveLength(2);
    const history = t.service.history({ limit: 10 });
    for (const run of history.runs) {
      expect(run.outcome, JSON.stringify(run)).toBe('ok');
    }
    expect(count(world.db, 'orders')).toBe(60);
    expect(count(world.db, 'products')).toBe(12);
    expect(count(world.db, 'order_lines')).toBeGreaterThan(50);
    expect(count(world.db, 'finance_statements')).toBeGreaterThan(0);
    expect(count(world.db, 'affiliate_orders')).toBeGreaterThan(0);
    expect(count(world.db, 'creators')).toBeGreaterThan(0);
    expect(count(world.db, 'ad_campaigns')).toBeGreaterThan(0);
    expect(count(world.db, 'ads')).toBe(4);
    expect(count(world.db, 'ad_report_days')).toBeGreaterThan(100);
    expect(storedOrderDays(world.db)).toEqual(recomputedOrderDays(world.db));
    expect(storedProductDays(world.db)).toEqual(recomputedProductDays(world.db));
    expect(storedAdDays(world.db)).toEqual(recomputedAdDays(world.db));

    // Money is integer minor units, ids are text, times are epoch ms.
    const o = world.db.prepare('SELECT order_id, total_minor, create_time FROM orders LIMIT 1').get() as {
      order_id: string;
      total_minor: number;
      create_time: number;
    };
    expect(typeof o.order_id).toBe('string');
    expect(Number.isInteger(o.total_minor)).toBe(true);
    expect(o.create_time).toBeGreaterThan(1_600_000_000_000);

    const firstShop = history.runs.find((r) => r.accountId === SHOP_ACCOUNT)!;
    const orders = firstShop.resources.filter((r) => r.resource === 'orders');
    expect(orders.reduce((n, r) => n + r.inserted, 0)).toBe(60);

    // Progress events reached `done` for every resource of each account.
    for (const account of [SHOP_ACCOUNT, ADS_ACCOUNT]) {
      const last = new Map(t.progress.filter((p) => p.accountId === account).map((p) => [p.resource, p]));
      for (const p of last.values()) expect(p.state, p.resource).toBe('done');
    }
    const ordersDone = t.progress.filter((p) => p.resource === 'orders').at(-1)!;
    expect(ordersDone).toMatchObject({ rowsDone: 60, total: 60, etaMs: 0 });

    await syncAndWait(t);
    const again = t.service.history({ limit: 2 }).runs;
    for (const run of again) {
      expect(run.outcome).toBe('ok');
      const inserted = run.resources
        .filter((r) => r.resource !== 'ad_report_days')
        .reduce((n, r) => n + r.inserted, 0);
      expect(inserted, JSON.stringify(run.resources)).toBe(0);
      expect(
        run.resources.filter((r) => r.resource !== 'ad_report_days').reduce((n, r) => n + r.updated, 0),
      ).toBe(0);
    }
    expect(count(world.db, 'orders')).toBe(60);
    expect(storedAdDays(world.db)).toEqual(recomputedAdDays(world.db));
    expect(count(world.db, 'conversations')).toBeGreaterThan(0);
    expect(count(world.db, 'messages')).toBeGreaterThan(0);

    // The network goes away: the merchant still sees every order and product; a sync says offline.
    await world.sandbox.close();
    expect(listOrders(world.db, { limit: 100 }, Date.now()).items).toHaveLength(60);
    expect(listProducts(world.db, { limit: 100 }).total).toBe(12);
    // Sorted lists page by keyset in either direction: every row once, in order.
    const titles: string[] = [];
    for (let cursor: string | undefined, i = 0; i < 10; i++) {
      const page = listProducts(world.db, {
        limit: 5,
        sort: { by: 'title', desc: false },
        ...(cursor ? { cursor } : {}),
      });
      titles.push(...page.items.map((p) => p.title));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(titles).toHaveLength(12);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const oldestFirst: number[] = [];
    for (let cursor: string | undefined, i = 0; i < 20; i++) {
      const page = listOrders(
        world.db,
        {
          limit: 7,
          sort: { by: 'created', desc: false },
          ...(cursor ? { cursor } : {}),
        },
        Date.now(),
      );
      oldestFirst.push(...page.items.map((o) => o.createTime));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(oldestFirst).toHaveLength(60);
    expect(oldestFirst).toEqual([...oldestFirst].sort((a, b) => a - b));
    await syncAndWait(t, { accountId: SHOP_ACCOUNT });
    expect(t.service.history({ limit: 1 }).runs[0]).toMatchObject({ outcome: 'failed' });
    expect(t.service.status().accounts.find((a) => a.accountId === SHOP_ACCOUNT)).toMatchObject({
      state: 'offline',
    });
    expect(count(world.db, 'orders')).toBe(60);
    await t.service.close();
  });
});
