import Papa from 'papaparse';
import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { createWriters } from '../../../src-main/sync/store/writers';
import { analyticsFilterSchema } from '../../../src-shared/analytics';
import { makeOrder, memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
afterEach(() => db.close());

it('analytics CSV: a shop name that is a formula stays text, amounts stay numbers', () => {
  db = memoryDbWithAccount();
  db.prepare(
    `UPDATE shops SET name = '=HYPERLINK("http://evil.example","Moss")' WHERE shop_id = 'shop-1'`,
  ).run();
  const w = createWriters(db);
  db.transaction(() =>
    w.orders.write(
      'acct-1',
      'shop-1',
      Array.from({ length: 10 }, (_, i) => makeOrder(i)),
      0,
    ),
  )();
  w.rollups.refreshScope('shop', 'shop-1');
  const service = createAnalyticsService({
    db,
    rollups: w.rollups,
    now: () => Date.UTC(2026, 0, 2),
    syncIntervalMinutes: () => 60,
    localZone: 'UTC',
  });
  const filter = analyticsFilterSchema.parse({
    range: { preset: 'custom', from: '2025-12-31', to: '2025-12-31' },
  });
  const out = service.exportCsv('shops', filter, 'day', {});
  const rows = Papa.parse<Record<string, string>>(out.csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows).toHaveLength(1);
  expect(rows[0]!.label).toBe(`'=HYPERLINK("http://evil.example","Moss")`);
  expect(rows[0]!.gmv).toMatch(/^\d+\.\d{2}$/);
});
