import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishOf } from '../../../src-shared/texts';
import { searchProducts } from '../../../src-main/tiktok/shop/products';
import {
  admin,
  connectShop,
  count,
  SHOP_ACCOUNT,
  startWorld,
  type SyncWorld,
} from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

let world: SyncWorld;
let shops: Awaited<ReturnType<typeof connectShop>>;
beforeEach(async () => {
  // The demo catalogue has a few hundred products; the sandbox's search cap is lowered to 40 so a shop has
  // more products than one search can page through, as a 10,000+ product shop has on TikTok.
  world = await startWorld({ scale: 'demo' });
  shops = await connectShop(world);
  await admin(world.info, 'POST', '/config', { productSearchCap: 40 });
});
afterEach(async () => world.close());

/** What the sandbox holds: each shop's total_count of an unfiltered search. */
async function remoteProductCount(): Promise<number> {
  const token = await world.tokens.accessToken(SHOP_ACCOUNT);
  let n = 0;
  for (const s of shops) {
    const page = await searchProducts(
      {
        app: {
          apiBase: world.profile.shopApiBase,
          appKey: world.profile.shop.appKey,
          appSecret: world.profile.shop.appSecret,
        },
        accessToken: token,
        cipher: s.cipher,
      },
      { pageSize: 1 },
    );
    n += page.totalCount ?? 0;
  }
  return n;
}

describe('a catalogue larger than product search can page through', () => {
  it('is read in update-time windows, completely, and a plain paged read fails loudly instead', async () => {
    const total = await remoteProductCount();
    expect(total).toBeGreaterThan(40 * shops.length);

    // Without windows the search runs into the cap: the job fails with TikTok's message, nothing is skipped
    // silently and reported as done.
    const naive = syncServiceFor(world, { jobOptions: { productSearchCap: 1_000_000 } });
    await syncAndWait(naive, { resources: ['products'] });
    const failed = naive.service.history({ limit: 1 }).runs[0]!;
    expect(failed.outcome).toBe('failed');
    expect(englishOf(failed.error!)).toMatch(/cannot return more than 40 results/);
    await naive.service.close();

    const t = syncServiceFor(world, { jobOptions: { productSearchCap: 40 }, limits: { shopQps: 1000 } });
    await syncAndWait(t, { resources: ['products'] });
    expect(t.service.history({ limit: 1 }).runs[0]!.outcome).toBe('ok');
    expect(count(world.db, 'products')).toBe(total);
    // Progress counted against the whole catalogue, not the first window.
    const done = t.progress.filter((p) => p.resource === 'products' && p.state === 'done');
    expect(done.reduce((n, p) => n + p.rowsDone, 0)).toBeGreaterThanOrEqual(total);
    expect(done.reduce((n, p) => n + (p.total ?? 0), 0)).toBe(total);

    // The next pass starts from the newest update seen: nothing new, nothing rewritten.
    await syncAndWait(t, { resources: ['products'] });
    const again = t.service.history({ limit: 1 }).runs[0]!;
    expect(again.outcome).toBe('ok');
    expect(again.resources.reduce((n, r) => n + r.inserted + r.updated, 0)).toBe(0);
    await t.service.close();
  });
});
