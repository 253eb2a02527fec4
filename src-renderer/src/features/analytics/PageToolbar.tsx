import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter, exportTables } from '@shared/analytics';
import { useChannelQuery } from '../../api';
import { AnalyticsFilters } from './AnalyticsFilters';
import { useExport } from './useExport';

const refreshOn = ['sync:statusChanged', 'accounts:changed'] as const;

/** The top of the Ads, Finance and Affiliate pages: their filters, extra controls, and "Export CSV". */
export function PageToolbar(props: {
  filter: AnalyticsFilter | null;
  onChange: (f: AnalyticsFilter) => void;
  table: (typeof exportTables)[number];
  showShops?: boolean;
  showAdvertisers?: boolean;
  children?: ReactNode;
}): ReactElement {
  const { filter, onChange, table, showShops = true, showAdvertisers = true, children } = props;
  const { t } = useTranslation();
  const scopes = useChannelQuery('analytics:scopes', undefined, { invalidateOn: refreshOn });
  const exporter = useExport();
  return (
    <div className="dashboard-toolbar">
      {filter && (
        <AnalyticsFilters
          filter={filter}
          onChange={onChange}
          scopes={scopes.data?.scopes ?? []}
          showShops={showShops}
          showAdvertisers={showAdvertisers}
        />
      )}
      {children}
      {filter && (
        <button
          type="button"
          className="button button-small"
          onClick={() => exporter.csv({ table, filter, headings: {} })}
        >
          {t('analytics.chart.exportCsv')}
        </button>
      )}
    </div>
  );
}

/** Under a paged table: "nothing in this period" once loaded empty, and "Show more" while pages remain. */
export function ListFooter(props: {
  list: { loading: boolean; busy: boolean; hasMore: boolean; items: unknown[]; loadMore: () => void };
  empty: string;
  more: string;
}): ReactElement {
  const { list, empty, more } = props;
  return (
    <>
      {!list.loading && list.items.length === 0 && <p className="muted table-empty">{empty}</p>}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={list.loadMore} disabled={list.busy}>
            {more}
          </button>
        </div>
      )}
    </>
  );
}
