import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../src-main/db/connection';
import { silentLogger } from '../../src-main/log/logger';
import { createSyncService } from '../../src-main/sync/service';
import { OrderWriter } from '../../src-main/sync/store/orders';
import { RollupStore } from '../../src-main/sync/store/rollups';
import type { Order } from '../../src-main/tiktok/shop/orders';
import { makeOrder, memoryDbWithAccount } from '../helpers/sync-rows';
import { makeTempDir } from '../helpers/tmp';
import { lookbackDaysFor, withBenchWorld } from './sandbox-process';

type Report = (name: string, value: number, unit: string) => void;

/**
 * Sync figures for `npm run bench` (ARCHITECTURE §12):
 *  - ingest: orders/s of the sync writer (change check, upsert, lines, then the order_days + product_days rebuild) vs a
 *    bare prepared INSERT of the same order and line rows, same page size and transactions, same run;
 *  - a full sync of ≥100k orders from the `bench` sandbox running in its own process (as `npm run sandbox`
 *    does), with its QPS limit lifted and the client's limiter raised to match (TikTok's real 50 QPS per
 *    shop would by itself cap two shops at ~100 pages/s);
 *  - an incremental sync with nothing new right after it.
 */
export async function benchSync(report: Report): Promise<void> {
  // SYNC_BENCH_SKIP_INGEST / SYNC_BENCH_INGEST_ONLY run one half (for profiling).
  if (!process.env.SYNC_BENCH_SKIP_INGEST) benchIngest(report);
  if (!process.env.SYNC_BENCH_INGEST_ONLY) await benchFullSync(report);
}

function bareInsert(db: Database): (orders: readonly Order[]) => void {
  const o = db.prepare(`
    INSERT INTO orders (order_id, account_id, shop_id, status, currency, create_time, update_time, paid_time,
      buyer_user_id, shipping_type, tracking_number, cancel_reason, total_minor, sub_total_minor,
      original_total_minor, shipping_fee_minor, seller_discount_minor, platform_discount_minor, tax_minor, units,
      refund_minor, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const l = db.prepare(`
    INSERT INTO order_lines (line_id, order_id, product_id, product_name, sku_id, sku_name, seller_sku, currency,
      original_price_minor, sale_price_minor, seller_discount_minor, platform_discount_minor, display_status,
      package_status, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (orders) => {
    for (const x of orders) {
      o.run(
        x.orderId,
        'acct-1',
        'shop-1',
        x.status,
        x.currency,
        x.createTime,
        x.updateTime,
        x.paidTime,
        x.buyerUserId,
        x.shippingType,
        x.trackingNumber,
        x.cancelReason,
        x.totalMinor,
        x.subTotalMinor,
        x.originalTotalMinor,
        x.shippingFeeMinor,
        x.sellerDiscountMinor,
        x.platformDiscountMinor,
        x.taxMinor,
        x.lines.length,
        0,
        0,
      );
      for (const y of x.lines) {
        l.run(
          y.lineId,
          x.orderId,
          y.productId,
          y.productName,
          y.skuId,
          y.skuName,
          y.sellerSku,
          y.currency,
          y.originalPriceMinor,
          y.salePriceMinor,
          y.sellerDiscountMinor,
          y.platformDiscountMinor,
          y.displayStatus,
          y.packageStatus,
          0,
        );
      }
    }
  };
}

function fileDb(): { db: Database; cleanup: () => void } {
  const tmp = makeTempDir('shopmesh-bench-');
  const db = openDatabase(join(tmp.dir, 'shopmesh.db'));
  const mem = memoryDbWithAccount();
  const acct = mem.prepare('SELECT * FROM accounts').get() as Record<string, unknown>;
  mem.close();
  db.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
     VALUES (@id, @provider, @status, @remote_id, @display_name, @connected_at, @updated_at)`,
  ).run(acct);
  return { db, cleanup: () => (db.close(), tmp.cleanup()) };
}

function benchIngest(report: Report): void {
  const n = 20_000;
  // Ids increase with creation time, like TikTok's snowflake-style ids (and the sandbox's).
  const orders = Array.from({ length: n }, (_, i) => makeOrder(i));
  const pages: Order[][] = [];
  for (let i = 0; i < n; i += 100) pages.push(orders.slice(i, i + 100));
  const time = (write: (page: readonly Order[], db: Database) => void, finish?: () => void): number => {
    const { db, cleanup } = fileDb();
    const t = performance.now();
    for (const p of pages) db.transaction(() => write(p, db))();
    finish?.();
    const ms = performance.now() - t;
    cleanup();
    return (n * 1000) / ms;
  };
  // Paired rounds, each side into a fresh database file: the host's noise hits both sides of a pair
  // alike, so the median of the per-round ratios is steadier than a ratio of separate bests.
  const bare: number[] = [];
  const writer: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 7; round++) {
    let insert: ((o: readonly Order[]) => void) | null = null;
    const b = time((p, db) => (insert ??= bareInsert(db))(p));
    let w: OrderWriter | null = null;
    let rollups: RollupStore | null = null;
    const x = time(
      (p, db) => (w ??= new OrderWriter(db, (rollups = new RollupStore(db)))).write('acct-1', 'shop-1', p, 0),
      // The writer's share of the rollups: rebuilding the days its pages marked dirty.
      () => rollups?.refreshAll(),
    );
    bare.push(b);
    writer.push(x);
    ratios.push(x / b);
  }
  const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
  report('sync.ingest.bareInsert', median(bare), 'orders/s (orders + lines, median of 7)');
  report(
    'sync.ingest.writer',
    median(writer),
    'orders/s (change check, upsert, lines, dirty days; then order_days + product_days rebuilt)',
  );
  report('sync.ingest.ratio', median(ratios), 'x (median of paired rounds; goal >= 0.5)');
}

async function benchFullSync(report: Report): Promise<void> {
  await withBenchWorld(async ({ sandbox, db, profile, tokens }) => {
    // The smallest look-back (whole days) that covers at least 100k orders across the shops.
    const days = await lookbackDaysFor(sandbox.info, 100_000);
    const service = createSyncService({
      db,
      tokenSource: tokens,
      profile,
      logger: silentLogger(),
      emit: () => undefined,
      limits: { shopQps: 100_000 },
      jobOptions: { orderLookbackDays: days },
    });
    const sandboxCpu0 = sandbox.cpuMs();
    const cpu0 = process.cpuUsage();
    let t = performance.now();
    const r = await service.run({ resources: ['orders'] });
    await service.whenIdle(r.started);
    const fullMs = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const sandboxCpu = sandbox.cpuMs() - sandboxCpu0;
    const synced = db.prepare('SELECT COUNT(*) FROM orders').pluck().get() as number;
    const outcome = service.history({ limit: 1 }).runs[0]?.outcome;
    report('sync.full.orders', synced, `orders (${days} days of the bench dataset, outcome ${outcome})`);
    report('sync.full.ms', fullMs, 'ms (goal < 10000; sandbox in a child process)');
    report('sync.full.ordersPerSec', (synced * 1000) / fullMs, 'orders/s');
    // CPU time of each side during the full sync: on a busy host the wall time swings, these much less.
    report('sync.full.clientCpuMs', (cpu.user + cpu.system) / 1000, 'ms (user + system, this process)');
    if (sandboxCpu0 >= 0) report('sync.full.sandboxCpuMs', sandboxCpu, 'ms (user + system, sandbox process)');

    t = performance.now();
    const again = await service.run({ resources: ['orders'] });
    await service.whenIdle(again.started);
    report('sync.incremental.nothingNew.ms', performance.now() - t, 'ms (goal < 200)');
    const inc = service.history({ limit: 1 }).runs[0];
    report(
      'sync.incremental.nothingNew.rowsWritten',
      inc?.resources.reduce((n, x) => n + x.inserted + x.updated, 0) ?? -1,
      'rows',
    );
    await service.close();
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printReport } = await import('./report');
  await benchSync(printReport);
}
