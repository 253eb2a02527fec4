import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import {
  type AffiliateChoice,
  affiliateChoiceSchema,
  type BreakdownKind,
  type CollaborationRef,
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
import { listAffiliateOrders, listCollaborations } from './affiliate';
import { listStatements } from './statements';
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

  /**
   * The saved views: one JSON row holding the dashboard's view, with the Affiliate page's choice under
   * `affiliate` (each saved without losing the other). Unreadable text counts as nothing saved.
   */
  const stored = (): { view?: unknown; affiliate?: unknown } => {
    const text = o.db.prepare('SELECT view FROM analytics_view WHERE id = 1').pluck().get() as
      string | undefined;
    if (!text) return {};
    try {
      const json = JSON.parse(text) as unknown;
      if (typeof json !== 'object' || json === null) return {};
      const { affiliate, ...view } = json as Record<string, unknown>;
      return { view, affiliate };
    } catch {
      return {};
    }
  };
  const store = (v: { view: unknown; affiliate: unknown }): void => {
    o.db
      .prepare(
        'INSERT INTO analytics_view (id, view) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET view = excluded.view',
      )
      .run(JSON.stringify({ ...(v.view as object), ...(v.affiliate ? { affiliate: v.affiliate } : {}) }));
  };
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
      collaboration: CollaborationRef | null = null,
    ) => listAffiliateOrders(deps, q(filter), limit, cursor, creatorId, collaboration),
    collaborations: (filter: ParsedAnalyticsFilter) => ({ items: listCollaborations(deps, q(filter)) }),
    freshness: (filter: ParsedAnalyticsFilter, sources?: SourceKind[]) => {
      const query = q(filter);
      return freshness(o.db, query.shopIds, query.advertiserIds, o.now(), o.syncIntervalMinutes(), sources);
    },
    exportCsv: (
      table: Parameters<typeof exportCsv>[2],
      filter: ParsedAnalyticsFilter,
      grain: Grain,
      headings: Record<string, string>,
      affiliate: AffiliateChoice = { creatorId: null, collaboration: null },
    ) => exportCsv(deps, q(filter), table, grain, headings, affiliate),
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
      const parsed = viewSchema.safeParse(stored().view);
      return parsed.success ? parsed.data : defaultView;
    },
    saveView: (view: DashboardView): DashboardView => {
      const clean = viewSchema.parse(view);
      store({ view: clean, affiliate: stored().affiliate });
      return clean;
    },
    /** The Affiliate page's creator and collaboration, saved beside the dashboard's view. */
    affiliateView: (): AffiliateChoice => {
      const parsed = affiliateChoiceSchema.safeParse(stored().affiliate);
      return parsed.success ? parsed.data : affiliateChoiceSchema.parse({});
    },
    saveAffiliateView: (choice: AffiliateChoice): AffiliateChoice => {
      const clean = affiliateChoiceSchema.parse(choice);
      const current = stored();
      store({ view: current.view ?? defaultView, affiliate: clean });
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
