import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AnalyticsFilter,
  BreakdownKind,
  DashboardView,
  Focus,
  SeriesMetric,
  SourceKind,
} from '@shared/analytics';
import { useChannelQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { AnalyticsFilters } from '../../features/analytics/AnalyticsFilters';
import { formatDay } from '../../features/analytics/format';
import { Freshness, useSourceSynced } from '../../features/analytics/Freshness';
import { useChartPalette } from '../../features/analytics/palette';
import { useExport } from '../../features/analytics/useExport';
import { ZoneLine } from '../../features/analytics/ZoneLine';
import { Breakdowns } from './Breakdowns';
import { DefinitionsDialog } from './DefinitionsDialog';
import { KpiGrid } from './KpiGrid';
import { TrendChart } from './TrendChart';
import { useDashboardView } from './useDashboardView';

const refreshOn = ['sync:statusChanged', 'accounts:changed'] as const;
/**
 * Creator figures add up the records of one Creator when they are read (docs/analytics.md "Merged
 * Creators"): a merge or split in the CRM, or the sync's identity rules, change the top creators and a
 * creator focus with no sync of orders, so those answers are asked again on `creators:changed`.
 */
const creatorRefreshOn = [...refreshOn, 'creators:changed'] as const;

export function DashboardPage(): ReactElement {
  const { t } = useTranslation();
  const { view, setView, error, retry } = useDashboardView();
  if (error) return <LoadFailed title={t('analytics.loadFailed')} error={error} onRetry={retry} />;
  if (!view) return <DashboardSkeleton />;
  return <Dashboard view={view} setView={setView} />;
}

function DashboardSkeleton(): ReactElement {
  return (
    <div className="dashboard" aria-busy="true">
      <div className="kpi-grid">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="card kpi-card skeleton skeleton-card" />
        ))}
      </div>
      <div className="card skeleton skeleton-chart" />
    </div>
  );
}

function Dashboard({
  view,
  setView,
}: {
  view: DashboardView;
  setView: (v: DashboardView) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const palette = useChartPalette();
  const exporter = useExport();
  const synced = useSourceSynced();
  const [kind, setKind] = useState<BreakdownKind>('products');
  const [explain, setExplain] = useState<string | null>(null);
  const filter = view.filter;
  const scopes = useChannelQuery('analytics:scopes', undefined, { invalidateOn: refreshOn });
  const rates = useChannelQuery('analytics:rates', undefined, { invalidateOn: refreshOn });
  const byCreator = filter.focus?.kind === 'creator' ? creatorRefreshOn : refreshOn;
  const overview = useChannelQuery('analytics:overview', { filter }, { invalidateOn: byCreator });
  const series = useChannelQuery(
    'analytics:timeseries',
    { filter, grain: view.grain },
    { invalidateOn: byCreator },
  );
  const breakdown = useChannelQuery(
    'analytics:breakdown',
    { filter, kind, limit: 20 },
    { invalidateOn: kind === 'creators' || filter.focus?.kind === 'creator' ? creatorRefreshOn : refreshOn },
  );
  const setFilter = (f: AnalyticsFilter) =>
    setView({
      ...view,
      filter: { shopIds: [], advertiserIds: [], focus: null, reportingCurrency: null, ...f },
    });
  const setFocus = (focus: Focus | null) => setFilter({ ...filter, focus });

  const o = overview.data;
  const syncedOf = (source: SourceKind): string | null => {
    const f = o?.freshness.sources.find((s) => s.source === source);
    return f ? synced(f) : null;
  };
  const currencies = [
    ...new Set([
      ...(rates.data?.currencies ?? []),
      ...(rates.data?.rates.map((r) => r.reportingCurrency) ?? []),
    ]),
  ].sort();
  return (
    <div className="dashboard">
      <div className="toolbar dashboard-toolbar">
        <AnalyticsFilters
          filter={filter}
          onChange={setFilter}
          scopes={scopes.data?.scopes ?? []}
          currencies={currencies}
        />
      </div>
      {/* Under the filters, not among them: a chip of its own width would leave a filter alone on a row. */}
      {filter.focus && (
        <div className="focus-chip" role="status">
          <span>{t('analytics.filters.focus', { label: filter.focus.label })}</span>
          <button type="button" className="button button-small button-quiet" onClick={() => setFocus(null)}>
            {t('analytics.filters.clearFocus')}
          </button>
        </div>
      )}
      {overview.error ? (
        <LoadFailed
          title={t('analytics.loadFailed')}
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      ) : !o ? (
        <DashboardSkeleton />
      ) : o.empty ? (
        <EmptyState icon="dashboard" title={t('analytics.empty.title')} body={t('analytics.empty.body')} />
      ) : (
        <>
          <div className="dashboard-meta">
            <p className="muted">
              {t('analytics.period', {
                from: formatDay(o.period.from, i18n.language),
                to: formatDay(o.period.to, i18n.language),
                previousFrom: formatDay(o.period.previousFrom, i18n.language),
                previousTo: formatDay(o.period.previousTo, i18n.language),
              })}
            </p>
            <ZoneLine scopes={o.scopes} filter={filter} />
            <Freshness freshness={o.freshness} />
          </div>
          <KpiGrid
            kpis={o.kpis}
            busy={overview.isFetching}
            colorOf={(i) => palette.colors[i % palette.colors.length] ?? '#0072b2'}
            syncedOf={(k) => syncedOf(k.source)}
            onExplain={(k) => setExplain(k.key)}
          />
          {series.error ? (
            <LoadFailed
              title={t('analytics.loadFailed')}
              error={series.error}
              onRetry={() => void series.refetch()}
              compact
            />
          ) : series.data ? (
            <TrendChart
              data={series.data}
              grain={view.grain}
              onGrain={(grain) => setView({ ...view, grain })}
              hidden={view.hiddenSeries}
              onToggle={(m: SeriesMetric) =>
                setView({
                  ...view,
                  hiddenSeries: view.hiddenSeries.includes(m)
                    ? view.hiddenSeries.filter((x) => x !== m)
                    : [...view.hiddenSeries, m],
                })
              }
              onExportCsv={() =>
                exporter.csv({ table: 'timeseries', filter, grain: view.grain, headings: {} })
              }
              onExportPng={(svg, legend) =>
                exporter.png(svg, `shopmesh-trend-${o.period.from}-to-${o.period.to}.png`, legend)
              }
            />
          ) : (
            <div className="card skeleton skeleton-chart" aria-busy="true" />
          )}
          <Breakdowns
            kind={kind}
            onKind={setKind}
            data={breakdown.data}
            loading={breakdown.isLoading}
            error={breakdown.error}
            onRetry={() => void breakdown.refetch()}
            focus={filter.focus ?? null}
            onFocus={setFocus}
            onExport={() => exporter.csv({ table: kind, filter, headings: {} })}
          />
        </>
      )}
      {explain && <DefinitionsDialog kpi={explain} onClose={() => setExplain(null)} />}
    </div>
  );
}
