import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
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
import { tsSyncWorker } from '../../helpers/sync-worker';
import { until } from '../../helpers/until';

/**
 * The sync worker (src-main/sync/worker): SyncRuns executed on their own thread with their own database
 * connection, tokens asked of this thread, progress replayed here. The results must be the inline engine's.
 */

let world: SyncWorld;
beforeEach(async () => {
  world = await startWorld();
  await connectShop(world);
});
afterEach(async () => world.close());

describe('sync worker', () => {
  it('syncs a shop and an ads Account on its own thread, with progress and rollups like the inline engine', async () => {
    await connectAds(world);
    const t = syncServiceFor(world, { worker: tsSyncWorker });
    const runIds = await syncAndWait(t);
    expect(runIds).toHaveLength(2);
    const history = t.service.history({ limit: 10 });
    for (const run of history.runs) expect(run.outcome, JSON.stringify(run)).toBe('ok');
    // Every resource row was written by the worker's connection and is read back on this one.
    const shopRun = history.runs.find((r) => r.accountId === SHOP_ACCOUNT)!;
    expect(shopRun.resources.find((r) => r.resource === 'orders')?.pages).toBeGreaterThan(0);
    expect(history.runs.find((r) => r.accountId === ADS_ACCOUNT)?.resources.length).toBeGreaterThan(0);
    expect(count(world.db, 'orders')).toBe(60);
    expect(count(world.db, 'ads')).toBe(4);
    expect(storedOrderDays(world.db)).toEqual(recomputedOrderDays(world.db));
    expect(storedProductDays(world.db)).toEqual(recomputedProductDays(world.db));
    expect(storedAdDays(world.db)).toEqual(recomputedAdDays(world.db));
    // Progress crossed the thread boundary and ended where the run ended.
    const orders = t.progress.filter((p) => p.resource === 'orders');
    expect(orders.at(-1)).toMatchObject({ state: 'done', rowsDone: 60 });
    expect(t.service.status().accounts.every((a) => a.state === 'idle')).toBe(true);
    await t.service.close();
  });

  it.runIf(process.platform === 'linux')(
    'runs at a lower CPU priority than the thread that answers IPC (Linux)',
    async () => {
      // Each thread's nice value (field 19 of /proc/self/task/<tid>/stat).
      const niceOfThreads = (): number[] =>
        readdirSync('/proc/self/task').map((tid) => {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        });
      const lowered = Math.min(19, getPriority() + 10);
      const before = niceOfThreads().filter((n) => n === lowered).length;
      const t = syncServiceFor(world, { worker: tsSyncWorker });
      await syncAndWait(t);
      // The worker stays up between runs: its thread is the one 10 steps nicer than the process.
      expect(niceOfThreads().filter((n) => n === lowered)).toHaveLength(before + 1);
      await t.service.close();
    },
  );

  it('asks this thread for tokens: an expired one is refreshed here and the run goes on', async () => {
    await admin(world.info, 'POST', '/tokens/expire', { provider: 'shop', which: 'access' });
    const t = syncServiceFor(world, { worker: tsSyncWorker });
    await syncAndWait(t, { resources: ['orders'] });
    expect(world.tokens.reports).toEqual([{ accountId: SHOP_ACCOUNT, kind: 'expired' }]);
    expect(t.service.history({ limit: 1 }).runs[0]?.outcome).toBe('ok');
    expect(count(world.db, 'orders')).toBe(60);
    await t.service.close();
  });

  it('a cancel reaches the worker between pages', async () => {
    // Enough order pages (demo scale) to cancel after the first.
    await world.close();
    world = await startWorld({ scale: 'demo' });
    await connectShop(world);
    await admin(world.info, 'POST', '/faults', { latencyMs: 150, pathContains: '/orders/search' });
    const t = syncServiceFor(world, { worker: tsSyncWorker, jobOptions: { orderLookbackDays: 180 } });
    const { started } = await t.service.run({ resources: ['orders'] });
    await until(() => t.progress.some((p) => p.resource === 'orders' && p.pagesDone > 0));
    expect((await t.service.cancel()).cancelled).toEqual(started);
    await t.service.whenIdle(started);
    expect(t.service.history({ limit: 1 }).runs[0]?.outcome).toBe('cancelled');
    expect(count(world.db, 'orders')).toBeGreaterThan(0);
    expect(count(world.db, 'orders')).toBeLessThan(20_000);
    await t.service.close();
  });

  it('a worker that cannot start fails its run, not the service', async () => {
    const t = syncServiceFor(world, {
      worker: { url: pathToFileURL('/nonexistent/shopmesh-sync-worker.js') },
    });
    await syncAndWait(t, { resources: ['orders'] });
    const run = t.service.history({ limit: 1 }).runs[0];
    expect(run?.outcome).toBe('failed');
    expect(run?.error).toEqual({ key: 'sync.errors.workerStopped', params: {} });
    expect(t.service.status().accounts[0]?.state).toBe('error');
    await t.service.close();
  });
});
