import { useEffect, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowData } from '@tanstack/react-table';
import type { KeysetList } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import type { IconName } from '../../components/Icon';
import { SearchField } from '../../components/SearchField';
import type { ShopsState } from '../../hooks/useShops';
import { DataFreshness } from '../sync/DataFreshness';
import { useShopFreshness } from '../sync/useShopFreshness';
import { ListPage, type ListColumns } from './ListPage';
import { NothingSynced } from './NothingSynced';
import type { ListFiltersState } from './useListFilters';

/**
 * A list of shop data synced from TikTok (orders, products, …): `ListPage` with a shop filter and search,
 * "n of m" and how fresh the data is, and an empty state that offers to sync (or to connect a shop).
 * Texts come from `<kind>.*` in the page's catalogue (search, searchPlaceholder, count, loading, tableLabel,
 * tableHint, emptySynced, emptySyncing, noMatch.*, failed.title) and `empty.<kind>.*`.
 */
export function SyncedListPage<T extends RowData>(props: {
  kind: string;
  icon: IconName;
  list: KeysetList<T>;
  filters: ListFiltersState;
  shops: ShopsState;
  columns: ListColumns<T>;
  getRowId: (item: T) => string;
  sortable?: readonly string[];
  /** More filters after shop and search (e.g. a status). */
  extraFilters?: ReactNode;
  /** More filters are set than shop and search. */
  extraFiltered?: boolean;
  renderDetail?: (item: T, close: () => void, returnFocus: () => HTMLElement | null) => ReactNode;
  className?: string;
  /** What "n of m" counts when rows are not one per entity (a product opened into its SKUs). */
  count?: { shown: number; total: number | null };
}): ReactElement {
  const { kind, icon, list, filters, shops } = props;
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const accounts = shops.accounts ?? [];
  const shown = props.count?.shown ?? list.items.length;
  const total = (props.count ? props.count.total : list.total) ?? shown;

  // An empty list fills itself once a sync lands; a list with rows offers "Show new data" instead.
  const { lastSuccessAt } = useShopFreshness(accounts, filters.shopId);
  const { loading, loadedAt, reload } = list;
  const staleEmpty =
    total === 0 && !loading && lastSuccessAt !== null && loadedAt !== null && lastSuccessAt > loadedAt;
  useEffect(() => {
    if (staleEmpty) reload();
  }, [staleEmpty, reload]);

  return (
    <ListPage
      list={list}
      columns={props.columns}
      getRowId={props.getRowId}
      label={t(`${kind}.tableLabel`)}
      hint={t(`${kind}.tableHint`)}
      failedTitle={t(`${kind}.failed.title`)}
      loadingText={t(`${kind}.loading`)}
      filtered={filters.filtered || Boolean(props.extraFiltered)}
      sort={filters.sort}
      onSortChange={filters.setSort}
      sortable={props.sortable}
      renderDetail={props.renderDetail}
      className={props.className}
      toolbar={
        <>
          <FilterSelect
            label={t('lists.shop')}
            allLabel={t('lists.allShops')}
            value={filters.shopId}
            options={shops.shops.map((shop) => ({ value: shop.shopId, label: shop.name }))}
            onChange={filters.setShopId}
          />
          <SearchField
            label={t(`${kind}.search`)}
            placeholder={t(`${kind}.searchPlaceholder`)}
            value={filters.search}
            onChange={filters.setSearch}
          />
          {props.extraFilters}
        </>
      }
      meta={
        <>
          {/* A list that is not counted (yet) says nothing rather than "100 of 100" while more rows exist. */}
          {shown > 0 && ((props.count ? props.count.total : list.total) !== null || !list.hasMore) && (
            <p className="list-count" role="status">
              {t(`${kind}.count`, { shown: number.format(shown), total: number.format(total) })}
            </p>
          )}
          <DataFreshness accounts={accounts} shopId={filters.shopId} loadedAt={loadedAt} onRefresh={reload} />
        </>
      }
      empty={<NothingSynced kind={kind} icon={icon} shops={shops} />}
      noMatch={
        <EmptyState
          icon="search"
          title={t(`${kind}.noMatch.title`)}
          body={
            // The hint names what is actually narrowing the list.
            filters.query && filters.shopId
              ? t('lists.noMatch.both', { query: filters.query })
              : filters.query
                ? t('lists.noMatch.search', { query: filters.query })
                : filters.shopId
                  ? t('lists.noMatch.shop')
                  : t(`${kind}.noMatch.body`)
          }
        />
      }
    />
  );
}
