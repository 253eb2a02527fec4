import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AffiliateChoice, AnalyticsFilter, exportTables, SourceKind } from '@shared/analytics';
import { useChannelQuery } from '../../api';
import { InfiniteScroll } from '../../components/InfiniteScroll';
import { AnalyticsFilters } from './AnalyticsFilters';
import { Freshness } from './Freshness';
import { ZoneLine } from './ZoneLine';
import { useExport } from './useExport';

const refreshOn = ['sync:statusChanged', 'accounts:changed'] as const;

/**
 * The top of the Ads, Finance and Affiliate pages: their filters, extra controls, "Export CSV", and when the
 * page's source last synced for the selected shops or advertisers (with the banner when that is older than
 * the sync interval).
 */
export function PageToolbar(props: {
  filter: AnalyticsFilter | null;
  onChange: (f: AnalyticsFilter) => void;
  table: (typeof exportTables)[number];
  source: SourceKind;
  showShops?: boolean;
  showAdvertisers?: boolean;
  /** The Affiliate page's creator and collaboration, which its export follows too. */
  affiliate?: AffiliateChoice;
  /** The page's own filters: more columns of the filters' grid, shown with them once the filter is loaded. */
  children?: ReactNode;
}): ReactElement {
  const { filter, onChange, table, source, showShops = true, showAdvertisers = true, children } = props;
  const { affiliate } = props;
  const { t } = useTranslation();
  const scopes = useChannelQuery('analytics:scopes', undefined, { invalidateOn: refreshOn });
  const fresh = useChannelQuery(
    'analytics:freshness',
    { filter: filter ?? { range: { preset: 'last30' } }, sources: [source] },
    { invalidateOn: refreshOn, enabled: filter !== null },
  );
  const exporter = useExport();
  return (
    <>
      <div className="toolbar dashboard-toolbar">
        {filter && (
          <AnalyticsFilters
            filter={filter}
            onChange={onChange}
            scopes={scopes.data?.scopes ?? []}
            showShops={showShops}
            showAdvertisers={showAdvertisers}
          >
            {children}
          </AnalyticsFilters>
        )}
        {filter && (
          <button
            type="button"
            className="button toolbar-end"
            onClick={() => exporter.csv({ table, filter, headings: {}, ...(affiliate ? { affiliate } : {}) })}
          >
            {t('analytics.chart.exportCsv')}
          </button>
        )}
      </div>
      {filter && fresh.data && (
        <div className="dashboard-meta">
          <ZoneLine
            scopes={scopes.data?.scopes ?? []}
            filter={filter}
            only={source === 'ads' ? 'advertiser' : 'shop'}
          />
          <Freshness freshness={fresh.data} />
        </div>
      )}
    </>
  );
}

/**
 * Under a paged table: "nothing in this period" once loaded empty, and while pages remain, the next one as
 * the last rows come into view (no "Show more" button, as in every other list).
 */
export function ListFooter(props: {
  list: { loading: boolean; busy: boolean; hasMore: boolean; items: unknown[]; loadMore: () => void };
  empty: string;
  loadingMore: string;
}): ReactElement {
  const { list, empty, loadingMore } = props;
  return (
    <>
      {!list.loading && list.items.length === 0 && <p className="muted table-empty">{empty}</p>}
      <InfiniteScroll
        hasMore={list.hasMore}
        busy={list.busy}
        onMore={list.loadMore}
        loadingText={loadingMore}
      />
    </>
  );
}
