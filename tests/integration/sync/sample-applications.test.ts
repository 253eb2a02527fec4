import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shopRequest } from '../../../src-main/tiktok/shop/request';
import { admin, connectShop, SHOP_ACCOUNT, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

let world: SyncWorld;
let shopId: string;
let cipher: string;
beforeEach(async () => {
  world = await startWorld({ scale: 'demo' });
  ({ id: shopId, cipher } = (await connectShop(world))[0]!);
  await admin(world.info, 'POST', '/config', { shopAccessTtlSec: 90 * 86_400 });
});
afterEach(async () => world.close());

interface Row {
  application_id: string;
  shop_id: string;
  status: string;
  fulfillment_status: string | null;
  creator_id: number | null;
  delivered_at: number | null;
  content_due_at: number | null;
  first_content_at: number | null;
}

const rows = (): Map<string, Row> =>
  new Map(
    (world.db.prepare('SELECT * FROM sample_applications').all() as Row[]).map((r) => [r.application_id, r]),
  );

/** The seller acting in Seller Center, outside ShopMesh. */
async function sellerReview(applicationId: string, body: unknown): Promise<void> {
  await shopRequest({
    app: {
      apiBase: world.profile.shopApiBase,
      appKey: world.profile.shop.appKey,
      appSecret: world.profile.shop.appSecret,
    },
    accessToken: await world.tokens.accessToken(SHOP_ACCOUNT),
    method: 'POST',
    path: `/affiliate_seller/202507/sample_applications/${applicationId}/review`,
    query: { shop_cipher: cipher },
    body,
    data: z.object({}).loose(),
  });
}

async function sandboxCount(): Promise<number> {
  const state = z
    .object({ counts: z.object({ sampleApplications: z.number() }) })
    .parse(await admin(world.info, 'GET', '/state'));
  return state.counts.sampleApplications;
}

describe('sample applications sync', () => {
  it('reads every application of every shop with its creator, then follows the open ones as time passes', async () => {
    let offsetMs = 0;
    const t = syncServiceFor(world, { limits: { shopQps: 1000 }, now: () => Date.now() + offsetMs });
    await syncAndWait(t, { resources: ['sample_applications'] });
    const run = t.service.history({ limit: 1 }).runs[0]!;
    expect(run.outcome, JSON.stringify(run.error)).toBe('ok');
    const first = rows();
    expect(first.size).toBe(await sandboxCount());
    expect([...first.values()].every((r) => r.creator_id !== null)).toBe(true);
    // Posts are read with their application: every completed one has its content time.
    const completed = [...first.values()].filter((r) => r.status === 'COMPLETED');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((r) => r.first_content_at !== null)).toBe(true);
    const contents = world.db.prepare('SELECT count(*) FROM sample_contents').pluck().get() as number;
    expect(contents).toBeGreaterThanOrEqual(completed.length);
    // Received parcels get a content deadline 14 days after the sync saw them arrive.
    const waiting = [...first.values()].filter((r) => r.status === 'CONTENT_PENDING');
    expect(waiting.every((r) => r.content_due_at === (r.delivered_at ?? 0) + 14 * 86_400_000)).toBe(true);

    // A quiet re-sync reads only the open statuses and changes nothing.
    await syncAndWait(t, { resources: ['sample_applications'] });
    const quiet = t.service.history({ limit: 1 }).runs[0]!;
    expect(quiet.outcome).toBe('ok');
    expect(quiet.resources.reduce((n, r) => n + r.inserted + r.updated, 0)).toBe(0);

    // Rejected in Seller Center meanwhile: no open-status search returns it, so it is looked up by its
    // creator and product and stored as it ended (the daily full pass is not due yet).
    const rejected = [...first.values()].find((r) => r.status === 'PENDING' && r.shop_id === shopId)!;
    await sellerReview(rejected.application_id, { review_result: 'REJECT', reject_reason: 'NOT_MATCH' });
    await syncAndWait(t, { resources: ['sample_applications'] });
    expect(rows().get(rejected.application_id)?.status).toBe('REJECT_CANCELLED');

    // Eight days on, every application that waited for review has expired; the sync learns it even
    // though none of the open-status searches returns them any more.
    const pending = [...first.values()].filter((r) => r.status === 'PENDING');
    expect(pending.length).toBeGreaterThan(0);
    await admin(world.info, 'POST', '/clock', { advanceDays: 8 });
    offsetMs = 8 * 86_400_000;
    await syncAndWait(t, { resources: ['sample_applications'] });
    const after = t.service.history({ limit: 1 }).runs[0]!;
    expect(after.outcome, JSON.stringify(after.error)).toBe('ok');
    const later = rows();
    for (const p of pending.filter((x) => x !== rejected))
      expect(later.get(p.application_id)?.status).toBe('OVERDUE_CANCELLED');
    await t.service.close();
  });
});
