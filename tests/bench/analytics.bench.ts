import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Database, openDatabase } from '../../src-main/db/connection';
import { createAnalyticsService } from '../../src-main/analytics/service';
import { generateDataset } from '../../src-main/sandbox/data/generator';
import { RollupStore } from '../../src-main/sync/store/rollups';
import { analyticsFilterSchema, type AnalyticsFilter } from '../../src-shared/analytics';
import { makeTempDir } from '../helpers/tmp';
import { loadBenchData } from './analytics-data';
import { percentile, type Report } from './report';

/**
 * Dashboard figures over the `bench` dataset (1M orders, ≥100k ad report rows; ARCHITECTURE §12): the
 * overview for 90 and 365 days, the top products and creators (one in twenty creator records merged into
 * the Creator before it, read per Creator), the same overview summed from raw orders (the
 * yardstick the rollups exist to beat), and a rebuild of every rollup from the raw rows.
 */
function load(db: Database): { loaded: ReturnType<typeof loadBenchData>; endTime: number } {
  const ds = generateDataset({ scale: 'bench', seed: 20_240_917 });
  return { loaded: loadBenchData(db, ds), endTime: ds.endTime };
}

export async function benchAnalytics(report: Report): Promise<void> {
  const tmp = makeTempDir('shopmesh-bench-analytics-');
  const db = openDatabase(join(tmp.dir, 'shopmesh.db'));
  try {
    let t = performance.now();
    // The generated dataset (hundreds of MB of columns) is only needed to load the raw rows: nothing below
    // keeps it, so the collector frees it before the timings rather than during them.
    const { loaded, endTime } = load(db);
    report(
      'analytics.load.orders',
      loaded.orders,
      `orders (${loaded.lines} lines, ${loaded.adRows} ad report rows)`,
    );
    report('analytics.load.ms', Math.round(performance.now() - t), 'ms (dataset + raw rows, not a budget)');

    const rollups = new RollupStore(db);
    t = performance.now();
    const days = rollups.rebuildAll();
    report(
      'analytics.rebuild.ms',
      Math.round(performance.now() - t),
      `ms (every rollup from the raw rows, ${days} scope-days)`,
    );
    db.exec('ANALYZE');

    const service = createAnalyticsService({
      db,
      rollups,
      now: () => (endTime - 1) * 1000,
      syncIntervalMinutes: () => 60,
    });
    const p95 = (fn: () => void, runs = 40): number => {
      for (let i = 0; i < 3; i++) fn();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        fn();
        times.push(performance.now() - s);
      }
      return percentile(
        times.sort((a, b) => a - b),
        95,
      );
    };
    const f = (input: AnalyticsFilter) => analyticsFilterSchema.parse(input);
    const last90 = f({ range: { preset: 'last90' } });
    const last365 = f({ range: { preset: 'last365' } });
    report(
      'analytics.overview.90d.p95.ms',
      p95(() => service.overview(last90)),
      'ms (goal < 50)',
    );
    report(
      'analytics.overview.365d.p95.ms',
      p95(() => service.overview(last365)),
      'ms (goal < 100)',
    );
    report(
      'analytics.breakdown.products.90d.p95.ms',
      p95(() => service.breakdown(last90, 'products', 20)),
      'ms (top 20 products with spark lines; goal < 50)',
    );
    report(
      'analytics.breakdown.products.365d.p95.ms',
      p95(() => service.breakdown(last365, 'products', 20)),
      'ms (top 20 products over a year)',
    );
    report(
      'analytics.breakdown.creators.90d.p95.ms',
      p95(() => service.breakdown(last90, 'creators', 20)),
      "ms (top 20 of ~90k creators with affiliate orders: the Dashboard's top creators, the Affiliate page's Creator list)",
    );
    report(
      'analytics.breakdown.creators.200.90d.p95.ms',
      p95(() => service.breakdown(last90, 'creators', 200), 10),
      'ms (200 creators: every Creator summed and ranked in SQL)',
    );
    report(
      'analytics.breakdown.creators.100.90d.p95.ms',
      p95(() => service.breakdown(last90, 'creators', 100), 10),
      'ms (top 100 creators: more than 50, so every Creator ranked in SQL)',
    );
    report(
      'analytics.breakdown.products.1000.90d.p95.ms',
      p95(() => service.breakdown(last90, 'products', 1000), 10),
      'ms (the products CSV export: every product ranked in SQL)',
    );
    report(
      'analytics.breakdown.shops.90d.p95.ms',
      p95(() => service.breakdown(last90, 'shops', 20)),
      'ms (every shop, the best rows of each currency)',
    );
    report(
      'analytics.breakdown.campaigns.90d.p95.ms',
      p95(() => service.breakdown(last90, 'campaigns', 20)),
      'ms (top 20 ad campaigns, the best rows of each currency)',
    );
    // GBP converted into USD: each currency's top 20, then the union ranked by the converted figure.
    service.setRate({ currency: 'GBP', reportingCurrency: 'USD', rate: '1.27', asOf: '2026-01-01' });
    const converted90 = f({ range: { preset: 'last90' }, reportingCurrency: 'USD' });
    report(
      'analytics.breakdown.products.converted.90d.p95.ms',
      p95(() => service.breakdown(converted90, 'products', 20)),
      'ms (top 20 products in USD, GBP converted)',
    );
    const top = service.breakdown(last90, 'creators', 1).rows[0];
    if (top) {
      const focus = f({
        range: { preset: 'last90' },
        focus: { kind: 'creator', id: top.id, label: top.label },
      });
      report(
        'analytics.overview.creatorFocus.90d.p95.ms',
        p95(() => service.overview(focus)),
        'ms (the overview narrowed to the top Creator, its records together)',
      );
    }
    report(
      'analytics.timeseries.90d.p95.ms',
      p95(() => service.timeseries(last90, 'day')),
      'ms',
    );

    // The yardstick: the same period and previous period summed from the raw orders.
    const period = service.overview(last90).period;
    const naive = db.prepare(`
      SELECT currency, create_time >= @from AS current, SUM(status != 'CANCELLED') AS orders,
        SUM(status = 'CANCELLED') AS cancelled, SUM(CASE WHEN status != 'CANCELLED' THEN units END) AS units,
        SUM(CASE WHEN status != 'CANCELLED' THEN total_minor END) AS gmv,
        SUM(CASE WHEN status != 'CANCELLED' THEN refund_minor END) AS refunds
      FROM orders WHERE shop_id IN (SELECT shop_id FROM shops) AND create_time >= @prev AND create_time < @to
      GROUP BY currency, current`);
    const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
    const range = { prev: ms(period.previousFrom), from: ms(period.from), to: ms(period.to) + 86_400_000 };
    report(
      'analytics.naive.90d.p95.ms',
      p95(() => naive.all(range), 10),
      'ms (same totals from raw orders)',
    );
  } finally {
    db.close();
    tmp.cleanup();
  }
}
