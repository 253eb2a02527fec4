import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shopRequest } from '../../../src-main/tiktok/shop/request';
import { admin, connectShop, SHOP_ACCOUNT, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

let world: SyncWorld;
let cipher: string;
beforeEach(async () => {
  world = await startWorld({ scale: 'demo' });
  cipher = (await connectShop(world))[0]!.cipher;
});
afterEach(async () => world.close());

/** A signed Shop API call for the connected shop, as the app makes them. */
async function call<S extends z.ZodType>(
  method: 'GET' | 'POST',
  path: string,
  data: S,
  body?: unknown,
  query: Record<string, string> = {},
): Promise<z.output<S>> {
  return shopRequest({
    app: {
      apiBase: world.profile.shopApiBase,
      appKey: world.profile.shop.appKey,
      appSecret: world.profile.shop.appSecret,
    },
    accessToken: await world.tokens.accessToken(SHOP_ACCOUNT),
    method,
    path,
    query: { ...query, shop_cipher: cipher },
    body,
    data,
  });
}

/** Invites five marketplace creators (from `firstCreator` on) to a collaboration ending `days` from now. */
async function createCollaboration(days: number, nowSec: number, firstCreator: number): Promise<string> {
  const creators = await call(
    'POST',
    '/affiliate_seller/202508/marketplace_creators/search',
    z.object({ creators: z.array(z.object({ creator_open_id: z.string() })) }),
    {},
    { page_size: '12' },
  );
  const products = await call(
    'POST',
    '/product/202309/products/search',
    z.object({ products: z.array(z.object({ id: z.string() })) }),
    { status: 'ACTIVATE' },
    { page_size: '1' },
  );
  const created = await call(
    'POST',
    '/affiliate_seller/202508/target_collaborations',
    z.object({ target_collaboration: z.object({ id: z.string() }) }),
    {
      name: `Ends in ${days} days`,
      message: 'We would love to work with you',
      end_time: String(nowSec + days * 86_400),
      products: [{ id: products.products[0]!.id, target_commission_rate: 1500 }],
      creator_user_open_ids: creators.creators
        .slice(firstCreator, firstCreator + 5)
        .map((c) => c.creator_open_id),
      seller_contact_info: { email: 'team@example.com' },
      free_sample_rule: { has_free_sample: false, is_sample_approval_exempt: false },
    },
  );
  return created.target_collaboration.id;
}

const statuses = (): Map<string, string> =>
  new Map(
    (
      world.db.prepare('SELECT collaboration_id, status FROM collaborations').all() as Array<{
        collaboration_id: string;
        status: string;
      }>
    ).map((r) => [r.collaboration_id, r.status]),
  );

describe('target collaborations over time', () => {
  it('reads a collaboration that expired since the last sync once more, as completed', async () => {
    const clock = z.object({ nowSec: z.number() }).parse(await admin(world.info, 'GET', '/clock'));
    const short = await createCollaboration(3, clock.nowSec, 0);
    const long = await createCollaboration(30, clock.nowSec, 5);
    // The app's clock moves with the sandbox's, as a real computer's does with TikTok's.
    let offsetMs = 0;
    const t = syncServiceFor(world, { limits: { shopQps: 1000 }, now: () => Date.now() + offsetMs });
    await syncAndWait(t, { resources: ['collaborations'] });
    expect(statuses().get(short)).toBe('VALID');
    expect(statuses().get(long)).toBe('VALID');

    // Four days later the short one has expired: it drops out of the VALID search TikTok answers.
    await admin(world.info, 'POST', '/clock', { advanceDays: 4 });
    offsetMs = 4 * 86_400_000;
    await syncAndWait(t, { resources: ['collaborations'] });
    const run = t.service.history({ limit: 1 }).runs[0]!;
    expect(run.outcome, JSON.stringify(run.error)).toBe('ok');
    expect(statuses().get(short)).toBe('COMPLETED');
    expect(statuses().get(long)).toBe('VALID');
    expect(run.resources.reduce((n, r) => n + r.updated, 0)).toBeGreaterThanOrEqual(1);

    // Completed, it is not read again: the next sync changes nothing.
    await syncAndWait(t, { resources: ['collaborations'] });
    const quiet = t.service.history({ limit: 1 }).runs[0]!;
    expect(statuses().get(short)).toBe('COMPLETED');
    expect(quiet.resources.reduce((n, r) => n + r.inserted, 0)).toBe(0);
    await t.service.close();
  });
});
