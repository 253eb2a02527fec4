import { performance } from 'node:perf_hooks';
import { silentLogger } from '../../src-main/log/logger';
import { createSyncService } from '../../src-main/sync/service';
import type { SyncResource } from '../../src-shared/sync';
import type { Report } from './report';
import { withBenchWorld } from './sandbox-process';

/**
 * `npm run bench -- sync1m` (ARCHITECTURE §12: cost grows linearly with the work): a first sync of the whole
 * `bench` dataset — 1M orders, then its ~180k affiliate orders — from the sandbox in its own process, limits
 * lifted as in the `sync` group. Besides the rates, the client's CPU per 100k orders at the start and at the
 * end of the orders pass: on a shared host the wall time swings with the load, the CPU per order much less,
 * and a cost that grows faster than the data shows as a last-100k figure above the first.
 */
export async function benchSync1M(report: Report): Promise<void> {
  await withBenchWorld(async ({ sandbox, db, profile, tokens }) => {
    // Client CPU (ms) when the orders pass reached each multiple of 100k rows.
    const cpuAt: number[] = [];
    const cpuNow = (): number => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    const service = createSyncService({
      db,
      tokenSource: tokens,
      profile,
      logger: silentLogger(),
      limits: { shopQps: 100_000 },
      emit: (event, payload) => {
        if (event !== 'sync:progress' || !('rowsDone' in payload) || payload.resource !== 'orders') return;
        while (payload.rowsDone >= (cpuAt.length + 1) * 100_000) cpuAt.push(cpuNow());
      },
    });

    const pass = async (resources: SyncResource[]) => {
      const cpu0 = cpuNow();
      const sandboxCpu0 = sandbox.cpuMs();
      const t = performance.now();
      const r = await service.run({ resources });
      await service.whenIdle(r.started);
      return {
        ms: performance.now() - t,
        cpuMs: cpuNow() - cpu0,
        sandboxCpuMs: sandbox.cpuMs() - sandboxCpu0,
        cpu0,
        outcome: service.history({ limit: 1 }).runs[0]?.outcome,
      };
    };

    const orders = await pass(['orders']);
    const synced = db.prepare('SELECT COUNT(*) FROM orders').pluck().get() as number;
    report('sync.full1M.orders', synced, `orders (the whole bench dataset, outcome ${orders.outcome})`);
    report('sync.full1M.ms', orders.ms, 'ms (sandbox in a child process)');
    report(
      'sync.full1M.ordersPerSec',
      (synced * 1000) / orders.ms,
      'orders/s (goal >= 2/3 of sync.full.ordersPerSec)',
    );
    report('sync.full1M.clientCpuMs', orders.cpuMs, 'ms (user + system, this process)');
    report('sync.full1M.sandboxCpuMs', orders.sandboxCpuMs, 'ms (user + system, sandbox process)');
    const marks = [orders.cpu0, ...cpuAt];
    if (marks.length >= 11) {
      report('sync.full1M.cpuMsPer100k.first', marks[1]! - marks[0]!, 'ms (client CPU for orders 0-100k)');
      report('sync.full1M.cpuMsPer100k.last', marks[10]! - marks[9]!, 'ms (client CPU for orders 900k-1M)');
    }

    const affiliate = await pass(['affiliate_orders']);
    const affiliateRows = db.prepare('SELECT COUNT(*) FROM affiliate_orders').pluck().get() as number;
    report('sync.full1M.affiliateOrders', affiliateRows, `affiliate orders (outcome ${affiliate.outcome})`);
    report('sync.full1M.affiliateOrdersPerSec', (affiliateRows * 1000) / affiliate.ms, 'affiliate orders/s');
    report('sync.full1M.affiliateClientCpuMs', affiliate.cpuMs, 'ms (user + system, this process)');
    await service.close();
  });
}
