import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, connectAds, startWorld, type SyncWorld } from '../../helpers/sync-fixtures';
import { syncAndWait, syncServiceFor } from '../../helpers/sync-service';

/**
 * API for Business counts requests per app per second and answers 40100 past the limit. The app's bucket
 * must stay within it in every one-second window, its first burst included, so a sync never draws a 40100
 * from its own pace; a 40100 that still comes is handled like a 429.
 */

let world: SyncWorld;
beforeAll(async () => {
  world = await startWorld();
  await connectAds(world);
});
afterAll(async () => world.close());

interface LogEntry {
  family: string;
  path: string;
  code: string | number | null;
  fault: string | null;
}
const adsLog = async () =>
  ((await admin(world.info, 'GET', '/requests?limit=5000')) as { entries: LogEntry[] }).entries.filter(
    (e) => e.family === 'ads',
  );

describe('ads pacing', () => {
  it('a sync at TikTok’s default limit (10/s) never draws a 40100', async () => {
    await admin(world.info, 'DELETE', '/requests');
    // A year of report windows: enough calls that an over-eager first second would show.
    const t = syncServiceFor(world, { limits: { adsQps: 10 }, jobOptions: { adReportLookbackDays: 365 } });
    await syncAndWait(t);
    expect(t.service.history({ limit: 1 }).runs[0]!.outcome).toBe('ok');
    const log = await adsLog();
    expect(log.filter((e) => e.path.includes('/report/integrated/get/')).length).toBeGreaterThan(12);
    expect(log.filter((e) => e.code === 40100)).toEqual([]);
  });

  it('a 40100 is backed off and retried like a 429: the run completes', async () => {
    await admin(world.info, 'DELETE', '/requests');
    await admin(world.info, 'POST', '/faults', { rateLimitEveryN: 4, families: ['ads'] });
    try {
      const t = syncServiceFor(world);
      await syncAndWait(t);
      expect(t.service.history({ limit: 1 }).runs[0]!.outcome).toBe('ok');
      expect((await adsLog()).filter((e) => e.code === 40100).length).toBeGreaterThan(0);
    } finally {
      await admin(world.info, 'DELETE', '/faults');
    }
  });
});
