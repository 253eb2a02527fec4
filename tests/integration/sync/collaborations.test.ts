import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  admin,
  connectShop,
  inviteCreators,
  shopCaller,
  startWorld,
  type SyncWorld,
} from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

let world: SyncWorld;
let cipher: string;
beforeEach(async () => {
  world = await startWorld({ scale: 'demo' });
  cipher = (await connectShop(world))[0]!.cipher;
});
afterEach(async () => world.close());

/** A signed Shop API call for the connected shop, as the app makes them. */
const call: ReturnType<typeof shopCaller> = (...args) => shopCaller(world, cipher)(...args);

/** Invites five marketplace creators (from `firstCreator` on) to a collaboration ending `days` from now. */
const createCollaboration = (days: number, nowSec: number, firstCreator: number): Promise<string> =>
  inviteCreators(call, { days, nowSec, firstCreator });

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
    // The detail's products are kept: the outreach plan knows which creator+product pairs are invited.
    const invitedProduct = world.db
      .prepare('SELECT product_id FROM collaboration_products WHERE collaboration_id = ?')
      .pluck();
    expect(invitedProduct.all(long)).toHaveLength(1);
    expect(invitedProduct.all(long)).toEqual(invitedProduct.all(short));

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

  it('a collaboration the seller removed shows as cancelling, then completed', async () => {
    const clock = z.object({ nowSec: z.number() }).parse(await admin(world.info, 'GET', '/clock'));
    const removed = await createCollaboration(30, clock.nowSec, 0);
    const kept = await createCollaboration(30, clock.nowSec, 5);
    let offsetMs = 0;
    const t = syncServiceFor(world, { limits: { shopQps: 1000 }, now: () => Date.now() + offsetMs });
    await syncAndWait(t, { resources: ['collaborations'] });
    expect(statuses().get(removed)).toBe('VALID');

    // The seller removes it (Remove Target Collaboration): TikTok winds it down as CANCELING first.
    await call(
      'DELETE',
      `/affiliate_seller/202409/target_collaborations/${removed}`,
      z.object({}).loose(),
      {},
    );
    await syncAndWait(t, { resources: ['collaborations'] });
    const run = t.service.history({ limit: 1 }).runs[0]!;
    expect(run.outcome, JSON.stringify(run.error)).toBe('ok');
    expect(statuses().get(removed)).toBe('CANCELING');
    expect(statuses().get(kept)).toBe('VALID');
    // Its creators are still read while it winds down.
    expect(
      world.db
        .prepare('SELECT COUNT(*) FROM collaboration_creators WHERE collaboration_id = ?')
        .pluck()
        .get(removed),
    ).toBe(5);

    // Once the cancellation is through it is completed, read one last time.
    await admin(world.info, 'POST', '/clock', { advanceDays: 4 });
    offsetMs = 4 * 86_400_000;
    await syncAndWait(t, { resources: ['collaborations'] });
    expect(statuses().get(removed)).toBe('COMPLETED');
    expect(statuses().get(kept)).toBe('VALID');
    await t.service.close();
  });
});
