import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { advertiserToday } from '../../../src-main/sync/jobs/ads';
import { orderPassSince } from '../../../src-main/sync/jobs/shop-searches';
import { RunProgress } from '../../../src-main/sync/progress';
import { AdReportWriter } from '../../../src-main/sync/store/ads';
import { CursorStore } from '../../../src-main/sync/store/cursors';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import type { AdReportDay } from '../../../src-main/tiktok/ads/reports';
import type { SyncProgress } from '../../../src-shared/sync';
import { recomputedAdDays, storedAdDays } from '../../helpers/sync-fixtures';
import { memoryDbWithAccount } from '../../helpers/sync-rows';
import { z } from 'zod';

describe('orderPassSince', () => {
  it('re-reads the overlap window when updates are recent', () => {
    expect(orderPassSince(10_000, 10_050, 600)).toBe(9_450);
  });
  it('re-reads nothing old when the newest update predates the last pass by more than the overlap', () => {
    expect(orderPassSince(10_000, 50_000, 600)).toBe(10_001);
  });
  it('falls back to the high-water mark when the pass start is unknown', () => {
    expect(orderPassSince(10_000, null, 600)).toBe(9_400);
  });
});

describe('advertiserToday', () => {
  const t = Date.UTC(2026, 2, 1, 3, 0); // 03:00 UTC on 1 March
  it('uses the advertiser time zone', () => {
    expect(advertiserToday(t, 'America/Los_Angeles')).toBe('2026-02-28');
    expect(advertiserToday(t, 'Asia/Tokyo')).toBe('2026-03-01');
  });
  it('falls back to UTC for a missing or unknown zone', () => {
    expect(advertiserToday(t, null)).toBe('2026-03-01');
    expect(advertiserToday(t, 'Mars/Olympus')).toBe('2026-03-01');
  });
});

describe('RunProgress', () => {
  it('sums scopes, estimates an ETA from the totals and throttles page events', () => {
    let now = 0;
    const events: SyncProgress[] = [];
    const p = new RunProgress(
      'a',
      'r',
      ['orders'],
      ['s1', 's2'],
      (e) => events.push(e),
      () => now,
    );
    p.start('orders', 's1');
    p.start('orders', 's2');
    now = 1_000;
    p.update('orders', 's1', { pages: 1, rows: 100, total: 400 });
    p.update('orders', 's2', { pages: 1, rows: 100, total: 400 }); // within 100 ms: throttled
    expect(events.at(-1)).toMatchObject({ rowsDone: 100, total: null, state: 'running' });
    now = 2_000;
    p.update('orders', 's2', { pages: 2, rows: 200, total: 400 });
    // 300 of 800 rows in 2 s → 500 rows left ≈ 3.3 s
    expect(events.at(-1)).toMatchObject({ pagesDone: 3, rowsDone: 300, total: 800, etaMs: 3_333 });
    p.end('orders', 's1', 'done');
    p.end('orders', 's2', 'cancelled');
    expect(events.at(-1)).toMatchObject({ state: 'cancelled', etaMs: null });
  });

  it('tracks shops for the Account, then waits on the shops that job found', () => {
    const p = new RunProgress(
      'acct',
      'r',
      ['shops', 'orders'],
      ['s1'],
      () => undefined,
      () => 0,
    );
    p.start('shops', 'acct');
    p.update('shops', 'acct', { pages: 1, rows: 2, total: 2 });
    p.end('shops', 'acct', 'done');
    // The job found a second shop (and s1 is still there).
    p.setScopes(['s1', 's2']);
    p.start('orders', 's1');
    p.update('orders', 's1', { pages: 1, rows: 100, total: 100 });
    p.end('orders', 's1', 'done');
    const [shops, orders] = p.snapshot();
    expect(shops).toMatchObject({ resource: 'shops', rowsDone: 2, total: 2, state: 'done' });
    // s2 has not run yet: the resource is not done, and its total is not known.
    expect(orders).toMatchObject({ resource: 'orders', rowsDone: 100, total: null, state: 'running' });
    p.start('orders', 's2');
    p.end('orders', 's2', 'done');
    expect(p.snapshot()[1]).toMatchObject({ state: 'done' });
  });
});

describe('ad report writer', () => {
  let db: Database;
  beforeEach(() => (db = memoryDbWithAccount()));
  afterEach(() => db.close());

  const row = (ad: string, day: string, spend: number, clicks = 5): AdReportDay => ({
    adId: ad,
    day,
    campaignId: 'c',
    adgroupId: 'g',
    spendMinor: spend,
    impressions: 1000,
    clicks,
    reach: 900,
    conversions: 1,
    conversionValueMinor: 2500,
  });

  it('keeps ad_days equal to the sum of its rows when late figures replace early ones', () => {
    const rollups = new RollupStore(db);
    const w = new AdReportWriter(db, rollups);
    const write = (rows: AdReportDay[]) => db.transaction(() => w.write('acct-1', 'adv', 'USD', rows, 0))();
    expect(
      write([row('a1', '2026-01-01', 100), row('a2', '2026-01-01', 50), row('a1', '2026-01-02', 70)]),
    ).toEqual({
      inserted: 3,
      updated: 0,
    });
    expect(write([row('a1', '2026-01-01', 100)])).toEqual({ inserted: 0, updated: 0 });
    expect(write([row('a1', '2026-01-01', 130, 9), row('a1', '2026-01-03', 10)])).toEqual({
      inserted: 1,
      updated: 1,
    });
    rollups.refresh('ads', 'adv');
    expect(storedAdDays(db)).toEqual(recomputedAdDays(db));
    expect(db.prepare(`SELECT spend_minor FROM ad_days WHERE day = '2026-01-01'`).pluck().get()).toBe(180);
  });
});

describe('cursor store', () => {
  it('starts afresh when a stored cursor has an unexpected shape', () => {
    const db = memoryDbWithAccount();
    const c = new CursorStore(db);
    const schema = z.object({ highWater: z.number() });
    c.save('acct-1', 's', 'orders', { highWater: 5 }, 1);
    expect(c.load('acct-1', 's', 'orders', schema)).toEqual({ highWater: 5 });
    c.save('acct-1', 's', 'orders', { something: 'else' }, 2);
    expect(c.load('acct-1', 's', 'orders', schema)).toBeNull();
    expect(c.load('acct-1', 's', 'products', schema)).toBeNull();
    db.close();
  });
});
