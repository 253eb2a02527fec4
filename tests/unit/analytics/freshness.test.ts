import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import { analyticsFilterSchema } from '../../../src-shared/analytics';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * `analytics:freshness` (the Ads, Finance and Affiliate pages): each source's last successful sync over the
 * selected scopes, the oldest of them, and "stale" judged on the sources asked for only.
 */

let db: Database | undefined;
afterEach(() => db?.close());

const minute = 60_000;
const now = Date.UTC(2026, 5, 15, 12);

function run(
  id: string,
  finishedAt: number,
  resources: Array<[scope: string, resource: string, outcome: string]>,
) {
  db!
    .prepare(
      `INSERT INTO sync_runs (id, account_id, trigger, resources, started_at, finished_at, outcome)
       VALUES (?, 'acct-1', 'manual', '[]', ?, ?, 'ok')`,
    )
    .run(id, finishedAt - minute, finishedAt);
  const resource = db!.prepare(
    'INSERT INTO sync_run_resources (run_id, scope, resource, outcome) VALUES (?, ?, ?, ?)',
  );
  for (const [scope, name, outcome] of resources) resource.run(id, scope, name, outcome);
}

describe('analytics freshness', () => {
  it('tells each source’s last successful sync, and judges staleness on the sources asked for', () => {
    db = memoryDbWithAccount();
    db.prepare(
      `INSERT INTO advertisers (advertiser_id, account_id, name, currency, timezone) VALUES ('adv', 'acct-1', 'Ads', 'USD', 'UTC')`,
    ).run();
    run('r1', now - 30 * minute, [
      ['shop-1', 'finance_statements', 'ok'],
      ['shop-1', 'orders', 'ok'],
      ['adv', 'ad_report_days', 'ok'],
    ]);
    // A later run whose finance part failed: finance stays as fresh as the run before.
    run('r2', now - 5 * minute, [
      ['shop-1', 'finance_statements', 'failed'],
      ['shop-1', 'orders', 'ok'],
    ]);
    const service = createAnalyticsService({
      db,
      rollups: new RollupStore(db),
      now: () => now,
      syncIntervalMinutes: () => 20,
      localZone: 'UTC',
    });
    const filter = analyticsFilterSchema.parse({ range: { preset: 'last30' } });

    expect(service.freshness(filter, ['finance'])).toEqual({
      sources: [{ source: 'finance', lastSyncedAt: now - 30 * minute }],
      syncIntervalMinutes: 20,
      stale: true,
    });
    expect(service.freshness(filter, ['orders'])).toEqual({
      sources: [{ source: 'orders', lastSyncedAt: now - 5 * minute }],
      syncIntervalMinutes: 20,
      stale: false,
    });
    // Affiliate orders never synced here: the page says so ("never synced"), with no time to compare.
    expect(service.freshness(filter, ['affiliate']).sources).toEqual([
      { source: 'affiliate', lastSyncedAt: null },
    ]);
    const all = service.freshness(filter);
    expect(all.sources.map((s) => s.source)).toEqual(['orders', 'affiliate', 'finance', 'ads']);
    expect(all.stale).toBe(true);
  });
});
