import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { resolvePeriod } from '../../../src-main/analytics/period';
import { createAnalyticsService } from '../../../src-main/analytics/service';
import { RollupStore } from '../../../src-main/sync/store/rollups';
import { viewSchema } from '../../../src-shared/analytics';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

/**
 * "Last year" (issue 11's "Done when": the merchant opens the dashboard for the last year): the calendar year
 * before the one "today" is in, in the reference zone, compared with the calendar year before that.
 */

const LA = 'America/Los_Angeles';
const London = 'Europe/London';
const lastYear = { preset: 'lastYear' } as const;

describe('the Last year preset', () => {
  it('is the year before today’s in each zone, across New Year’s midnight', () => {
    // 05:00 UTC on January 1, 2027: still New Year's Eve 2026 in Los Angeles, already 2027 in London.
    const at = Date.UTC(2027, 0, 1, 5);
    expect(resolvePeriod(lastYear, at, LA)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      days: 365,
      previousFrom: '2024-01-01',
      previousTo: '2024-12-31',
      referenceZone: LA,
    });
    expect(resolvePeriod(lastYear, at, London)).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      days: 365,
      previousFrom: '2025-01-01',
      previousTo: '2025-12-31',
    });
  });

  it('turns at each zone’s own midnight, not at UTC’s', () => {
    // The last instant of 2025 and the first of 2026 in Los Angeles (UTC−8 in winter).
    const laNewYear = Date.UTC(2026, 0, 1, 8);
    expect(resolvePeriod(lastYear, laNewYear - 1, LA)).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(resolvePeriod(lastYear, laNewYear, LA)).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    // London keeps GMT in winter: its New Year is UTC's.
    const londonNewYear = Date.UTC(2026, 0, 1);
    expect(resolvePeriod(lastYear, londonNewYear - 1, London)).toMatchObject({ from: '2024-01-01' });
    expect(resolvePeriod(lastYear, londonNewYear, London)).toMatchObject({ from: '2025-01-01' });
  });

  it('compares a leap year and the year after one with the whole calendar year before', () => {
    // 2024 has 366 days; the 365 days before 2025 would start on January 2, 2024.
    const in2026 = Date.UTC(2026, 5, 15, 12);
    expect(resolvePeriod(lastYear, in2026, LA)).toMatchObject({
      from: '2025-01-01',
      days: 365,
      previousFrom: '2024-01-01',
      previousTo: '2024-12-31',
    });
    const in2025 = Date.UTC(2025, 5, 15, 12);
    expect(resolvePeriod(lastYear, in2025, London)).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      days: 366,
      previousFrom: '2023-01-01',
      previousTo: '2023-12-31',
    });
  });

  it('leaves Last 365 days compared with the 365 days before', () => {
    expect(resolvePeriod({ preset: 'last365' }, Date.UTC(2026, 0, 1, 5), LA)).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      previousFrom: '2024-01-02',
      previousTo: '2024-12-31',
    });
  });
});

let db: Database | undefined;
afterEach(() => db?.close());

describe('the saved dashboard view', () => {
  it('keeps Last year across a restart', () => {
    db = memoryDbWithAccount();
    const open = () =>
      createAnalyticsService({
        db: db!,
        rollups: new RollupStore(db!),
        now: () => Date.UTC(2026, 11, 6, 12),
        syncIntervalMinutes: () => 20,
        localZone: 'UTC',
      });
    open().saveView(viewSchema.parse({ filter: { range: lastYear } }));
    expect(open().view().filter.range).toEqual(lastYear);
  });
});
