import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADS_ACCOUNT,
  connectAds,
  connectShop,
  SHOP_ACCOUNT,
  startWorld,
  type SyncWorld,
} from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

let world: SyncWorld;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => world.close());

const names = (table: 'shops' | 'advertisers', key: string): Record<string, string> =>
  Object.fromEntries(
    (
      world.db.prepare(`SELECT ${key} AS id, name FROM ${table} ORDER BY 1`).all() as Array<{
        id: string;
        name: string;
      }>
    ).map((r) => [r.id, r.name]),
  );

describe('what a grant reaches is re-read by every sync', () => {
  it('picks up a shop authorized since the last sync and syncs its orders in the same run', async () => {
    await connectShop(world);
    const remote = names('shops', 'shop_id');
    const [added, renamed] = Object.keys(remote);
    // As if the merchant authorized one shop after connecting, and renamed another in Seller Center.
    world.db.prepare('DELETE FROM shops WHERE shop_id = ?').run(added);
    world.db.prepare(`UPDATE shops SET name = 'Old name' WHERE shop_id = ?`).run(renamed);

    const t = syncServiceFor(world, { limits: { shopQps: 1000 } });
    await syncAndWait(t, { accountId: SHOP_ACCOUNT, resources: ['shops', 'orders'] });
    const run = t.service.history({ limit: 1 }).runs[0]!;
    expect(run.outcome).toBe('ok');
    expect(run.resources.find((r) => r.resource === 'shops')).toMatchObject({
      scope: SHOP_ACCOUNT,
      scopeName: 'Sandbox seller',
      inserted: 1,
      updated: 1,
      outcome: 'ok',
    });
    expect(names('shops', 'shop_id')).toEqual(remote);
    // History names each shop as it is called now.
    const orderRows = run.resources.filter((r) => r.resource === 'orders');
    expect(orderRows.map((r) => r.scopeName).sort()).toEqual(Object.values(remote).sort());
    const addedOrders = world.db.prepare('SELECT COUNT(*) FROM orders WHERE shop_id = ?').pluck().get(added);
    expect(addedOrders).toBeGreaterThan(0);
    // Progress covered the shop found on the way, not just the ones known when the run started.
    const ordersDone = t.progress.filter((p) => p.resource === 'orders').at(-1)!;
    expect(ordersDone.state).toBe('done');
    expect(ordersDone.rowsDone).toBe(world.db.prepare('SELECT COUNT(*) FROM orders').pluck().get());
    await t.service.close();
  });

  it('re-reads the advertisers of an ads Account', async () => {
    await connectAds(world);
    const remote = names('advertisers', 'advertiser_id');
    const [first] = Object.keys(remote);
    world.db.prepare(`UPDATE advertisers SET name = 'Stale' WHERE advertiser_id = ?`).run(first);
    const t = syncServiceFor(world, { limits: { shopQps: 1000, adsQps: 1000 } });
    await syncAndWait(t, { accountId: ADS_ACCOUNT, resources: ['advertisers'] });
    const run = t.service.history({ limit: 1 }).runs[0]!;
    expect(run.resources).toEqual([
      expect.objectContaining({ resource: 'advertisers', scope: ADS_ACCOUNT, inserted: 0, updated: 1 }),
    ]);
    expect(names('advertisers', 'advertiser_id')).toEqual(remote);
    await t.service.close();
  });
});
