import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shopRequest } from '../../../src-main/tiktok/shop/request';
import { admin, connectShop, SHOP_ACCOUNT, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

/**
 * A permanent refusal costs one request: no retry in the HTTP core, and no second retry loop around it in
 * the sync job (errors-and-limits.md). Before, a 501 was sent 15 times per shop (5 attempts × 3 pages).
 */

let world: SyncWorld;
beforeAll(async () => {
  world = await startWorld();
  await connectShop(world);
});
afterAll(async () => world.close());
afterEach(async () => {
  await admin(world.info, 'DELETE', '/faults');
  await admin(world.info, 'DELETE', '/requests');
});

interface LogEntry {
  path: string;
  status: number;
}
const requests = async (part: string) =>
  ((await admin(world.info, 'GET', '/requests?limit=5000')) as { entries: LogEntry[] }).entries.filter((e) =>
    e.path.includes(part),
  );

describe('permanent errors', () => {
  it('a 501 fails the resource with one request per shop, and the other resources still sync', async () => {
    await admin(world.info, 'POST', '/faults', { notImplementedEveryN: 1, pathContains: '/orders/search' });
    const t = syncServiceFor(world);
    await syncAndWait(t, { resources: ['orders', 'finance_statements'] });
    const run = t.service.history({ limit: 1 }).runs[0]!;
    expect(run.outcome).toBe('partial');
    const orders = run.resources.filter((r) => r.resource === 'orders');
    expect(orders.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect(orders[0]!.error).toMatchObject({ key: 'tiktok.errors.unsupported' });
    expect(run.resources.filter((r) => r.resource === 'finance_statements').map((r) => r.outcome)).toEqual([
      'ok',
      'ok',
    ]);
    expect((await requests('/orders/search')).map((e) => e.status)).toEqual([501, 501]);
  });

  it('a retired API version (404, 36009014) is one request, failing with TikTok’s message', async () => {
    const held = world.tokens.held.get(SHOP_ACCOUNT)!;
    const cipher = world.db.prepare('SELECT cipher FROM shops LIMIT 1').pluck().get() as string;
    await expect(
      shopRequest({
        app: {
          apiBase: world.profile.shopApiBase,
          appKey: world.profile.shop.appKey,
          appSecret: world.profile.shop.appSecret,
        },
        accessToken: held.access,
        method: 'POST',
        path: '/order/202101/orders/search',
        query: { shop_cipher: cipher, page_size: 10 },
        body: {},
        data: z.unknown(),
      }),
    ).rejects.toMatchObject({
      code: 'REMOTE',
      message: expect.stringMatching(/invalid or retired.*36009014/),
    });
    expect((await requests('/orders/search')).map((e) => e.status)).toEqual([404]);
  });
});
