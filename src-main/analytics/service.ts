import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import {
  type BreakdownKind,
  type DashboardView,
  type Grain,
  type ParsedAnalyticsFilter,
  type Rate,
  type SourceKind,
  viewSchema,
} from '@shared/analytics';
import type { RollupStore } from '../sync/store/rollups';
import { buildAdsTree } from './ads-tree';
import { buildBreakdown } from './breakdown';
import { type AnalyticsDeps, resolveQuery } from './context';
import { exportCsv } from './export';
import { CostWatcher } from './costs';
import { freshness } from './freshness';
import { buildOverview } from './overview';
import { RateStore } from './rates';
import { RollupReader } from './rollup-reads';
import { listScopes } from './scopes';
import { listAffiliateOrders, listStatements } from './statements';
import { buildTimeseries } from './timeseries';

export interface AnalyticsOptions {
  db: Database;
  rollups: RollupStore;
  now: () => number;
  syncIntervalMinutes: () => number;
  localZone?: string;
}

const defaultView: DashboardView = viewSchema.parse({ filter: { range: { preset: 'last30' } } });

/** The dashboards' queries over the rollups, the user's rates and the saved dashboard view. */
export function createAnalyticsService(o: AnalyticsOptions) {
  const deps: AnalyticsDeps = {
    db: o.db,
    reader: new RollupReader(o.db),
    rates: new RateStore(o.db, o.now),
    costs: new CostWatcher(o.db, o.rollups),
    now: o.now,
    localZone: o.localZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    syncIntervalMinutes: o.syncIntervalMinutes,
  };
  const q = (filter: ParsedAnalyticsFilter) => resolveQuery(deps, filter);
  const currencies = (): string[] =>
    o.db
      .prepare(
        'SELECT currency FROM shops UNION SELECT currency FROM advertisers WHERE currency IS NOT NULL ORDER BY 1',
      )
      .pluck()
      .all() as string[];

  return {
    scopes: () => ({ scopes: listScopes(o.db) }),
    overview: (filter: ParsedAnalyticsFilter) => buildOverview(deps, q(filter)),
    timeseries: (filter: ParsedAnalyticsFilter, grain: Grain) => buildTimeseries(deps, q(filter), grain),
    breakdown: (filter: ParsedAnalyticsFilter, kind: BreakdownKind, limit: number) =>
      buildBreakdown(deps, q(filter), kind, limit),
    adsTree: (filter: ParsedAnalyticsFilter) => buildAdsTree(deps, q(filter)),
    statements: (filter: ParsedAnalyticsFilter, limit: number, cursor: string | null) =>
      listStatements(deps, q(filter), limit, cursor),
    affiliateOrders: (
      filter: ParsedAnalyticsFilter,
      limit: number,
      cursor: string | null,
      creatorId: number | null,
    ) => listAffiliateOrders(deps, q(filter), limit, cursor, creatorId),
    freshness: (filter: ParsedAnalyticsFilter, sources?: SourceKind[]) => {
      const query = q(filter);
      return freshness(o.db, query.shopIds, query.advertiserIds, o.now(), o.syncIntervalMinutes(), sources);
    },
    exportCsv: (
      table: Parameters<typeof exportCsv>[2],
      filter: ParsedAnalyticsFilter,
      grain: Grain,
      headings: Record<string, string>,
    ) => exportCsv(deps, q(filter), table, grain, headings),
    rates: () => ({ rates: deps.rates.list(), currencies: currencies() }),
    setRate: (rate: Rate) => {
      deps.rates.set(rate);
      return { rates: deps.rates.list(), currencies: currencies() };
    },
    deleteRate: (currency: string, reportingCurrency: string) => {
      deps.rates.delete(currency, reportingCurrency);
      return { rates: deps.rates.list(), currencies: currencies() };
    },
    /** The saved view; a stored one that no longer parses (an older shape) falls back to the default. */
    view: (): DashboardView => {
      const text = o.db.prepare('SELECT view FROM analytics_view WHERE id = 1').pluck().get() as
        string | undefined;
      if (!text) return defaultView;
      try {
        const parsed = viewSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : defaultView;
      } catch {
        return defaultView;
      }
    },
    saveView: (view: DashboardView): DashboardView => {
      const clean = viewSchema.parse(view);
      o.db
        .prepare(
          'INSERT INTO analytics_view (id, view) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET view = excluded.view',
        )
        .run(JSON.stringify(clean));
      return clean;
    },
    rebuild: () => {
      const t = performance.now();
      const days = o.rollups.rebuildAll();
      return { days, ms: Math.round(performance.now() - t) };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
