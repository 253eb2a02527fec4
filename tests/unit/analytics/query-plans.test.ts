import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { exportTables, type AnalyticsFilter } from '../../../src-shared/analytics';
import { analyticsFilterSchema } from '../../../src-shared/analytics';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * The dashboards read rollups only: every statement the analytics service prepares, for every channel and
 * filter shape, is explained, and a full scan of a raw table fails the test. Creator figures take each
 * record's Creator as they read (creator-groups.ts): that too is a lookup, never a scan of `creators`.
 */

const rawTables = ['orders', 'order_lines', 'ad_report_days', 'creators'];
/** Partial indexes that hold only a few rows of their table (migration 026: the merged creator records). */
const partialIndexes = ['creators_merged_groups'];
const scanOfRaw = (detail: string): boolean =>
  !partialIndexes.some((i) => detail.endsWith(`INDEX ${i}`)) &&
  rawTables.some((t) => new RegExp(`^SCAN ${t}\\b`).test(detail) || detail.startsWith(`SCAN ${t} `));

/** The plan SQLite picks; parameters are unknown at prepare time, so binding nulls does not change it. */
function plan(db: Database, sql: string): string[] {
  const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
  const positional = new Array<null>((sql.match(/\?(?!\d)/g) ?? []).length).fill(null);
  const numbered = new Set([...sql.matchAll(/\?(\d+)/g)].map((m) => m[1])).size;
  const args: unknown[] = [...positional, ...new Array<null>(numbered).fill(null)];
  if (Object.keys(named).length > 0) args.push(named);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map(
    (r) => r.detail,
  );
}

let db: Database;
afterEach(() => db.close());

function recordingDb(real: Database, seen: Set<string>): Database {
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'prepare')
        return (sql: string) => {
          seen.add(sql);
          return target.prepare(sql);
        };
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('analytics query plans', () => {
  it('the check itself flags a scan of raw orders (the naive overview)', () => {
    db = memoryDbWithAccount();
    const naive = plan(
      db,
      "SELECT SUM(total_minor) FROM orders WHERE create_time >= 0 AND status != 'CANCELLED'",
    );
    expect(naive.some(scanOfRaw)).toBe(true);
  });

  it('no dashboard, Ads, Finance or Affiliate query scans orders, order_lines or ad_report_days', () => {
    db = memoryDbWithAccount();
    const seen = new Set<string>();
    const service = createAnalyticsService({
      db: recordingDb(db, seen),
      rollups: new RollupStore(db),
      now: () => Date.UTC(2024, 5, 15, 12),
      syncIntervalMinutes: () => 60,
      localZone: 'UTC',
    });
    db.prepare(
      `INSERT INTO advertisers (advertiser_id, account_id, name, currency, timezone) VALUES ('adv', 'acct-1', 'Ads', 'USD', 'UTC')`,
    ).run();
    // A row in each per-item rollup, so the breakdowns go on to their second reads (exact sums, spark lines).
    db.exec(`
      INSERT INTO product_days (shop_id, product_id, day, currency, account_id, units, gross_minor)
        VALUES ('shop-1', 'P1', '2024-06-10', 'USD', 'acct-1', 1, 100);
      INSERT INTO product_months (shop_id, product_id, month, currency, account_id, days, units, gross_minor)
        VALUES ('shop-1', 'P1', '2024-06', 'USD', 'acct-1', 1, 1, 100);
      INSERT INTO creator_days (shop_id, day, creator_id, currency, account_id, orders, gmv_minor)
        VALUES ('shop-1', '2024-06-10', 5, 'USD', 'acct-1', 1, 100);
      INSERT INTO creator_months (shop_id, creator_id, month, currency, account_id, days, orders, gmv_minor)
        VALUES ('shop-1', 5, '2024-06', 'USD', 'acct-1', 1, 1, 100);
      INSERT INTO creators (id, canonical_id, merged_into, handle, first_seen_at, updated_at)
        VALUES (4, 4, NULL, 'kept', 0, 0), (5, 4, 4, 'merged', 0, 0);
      INSERT INTO ad_campaign_days (advertiser_id, day, campaign_id, currency, account_id, spend_minor)
        VALUES ('adv', '2024-06-10', 'C1', 'USD', 'acct-1', 100);
    `);
    const filters: AnalyticsFilter[] = [
      { range: { preset: 'last90' } },
      { range: { preset: 'last365' }, reportingCurrency: 'EUR' },
      { range: { preset: 'yesterday' }, shopIds: ['shop-1'], advertiserIds: ['adv'] },
      { range: { preset: 'last30' }, focus: { kind: 'product', id: 'P1', label: 'P1' } },
      { range: { preset: 'last30' }, focus: { kind: 'creator', id: '5', label: '@c' } },
      { range: { preset: 'last30' }, focus: { kind: 'campaign', id: 'C1', label: 'C1' } },
    ];
    for (const input of filters) {
      const f = analyticsFilterSchema.parse(input);
      service.overview(f);
      for (const grain of ['day', 'week', 'month'] as const) service.timeseries(f, grain);
      for (const kind of ['shops', 'products', 'creators', 'campaigns'] as const)
        service.breakdown(f, kind, 20);
      service.adsTree(f);
      service.statements(f, 50, null);
      service.affiliateOrders(f, 50, null, null);
      service.affiliateOrders(f, 50, null, 5);
      service.affiliateOrders(f, 50, null, 5, { kind: 'target', id: 'T1' });
      service.affiliateOrders(f, 50, null, null, { kind: 'open', id: 'O1' });
      service.collaborations(f);
      for (const table of exportTables) service.exportCsv(table, f, 'week', {});
    }
    expect(seen.size).toBeGreaterThan(15);
    for (const read of [
      'product_months_rank',
      'FROM product_months',
      'product_days_product',
      'creator_months_rank',
    ])
      expect(
        [...seen].some((sql) => sql.includes(read)),
        read,
      ).toBe(true);
    for (const sql of seen) {
      const details = plan(db, sql);
      expect(details.filter(scanOfRaw), `${sql}\n${details.join('\n')}`).toEqual([]);
    }
  });
});
