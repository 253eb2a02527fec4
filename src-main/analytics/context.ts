import type { Database } from 'better-sqlite3';
import type { ParsedAnalyticsFilter, Period } from '@shared/analytics';
import { bucketsOf, sparkGrain } from './period';
import { resolvePeriod } from './period';
import type { CostWatcher } from './costs';
import type { RateStore } from './rates';
import type { RollupReader } from './rollup-reads';
import { selectScopes, type SelectedScopes } from './scopes';

/** What every analytics query needs; built once by the service. */
export interface AnalyticsDeps {
  db: Database;
  reader: RollupReader;
  rates: RateStore;
  costs: CostWatcher;
  now: () => number;
  /** The user's own zone: presets use it when the selected shops keep different calendars. */
  localZone: string;
  syncIntervalMinutes: () => number;
}

/** One request: the filter resolved to scopes, days and spark buckets. */
export interface Query {
  filter: ParsedAnalyticsFilter;
  scopes: SelectedScopes;
  period: Period;
  shopIds: string[];
  advertiserIds: string[];
  spark: { count: number; index: (day: string) => number };
}

export function resolveQuery(deps: AnalyticsDeps, filter: ParsedAnalyticsFilter): Query {
  const scopes = selectScopes(deps.db, filter, deps.localZone);
  const period = resolvePeriod(filter.range, deps.now(), scopes.referenceZone);
  const b = bucketsOf(period.from, period.to, sparkGrain(period.days));
  return {
    filter,
    scopes,
    period,
    shopIds: scopes.shops.map((s) => s.id),
    advertiserIds: scopes.advertisers.map((s) => s.id),
    spark: { count: b.starts.length, index: b.index },
  };
}
