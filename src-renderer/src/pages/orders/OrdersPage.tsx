import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { orderExportColumns, orderSortColumns, type OrderView } from '@shared/orders';
import { cursorPaging, useChannelList, useChannelMutation, useChannelQuery } from '../../api';
import { SyncedListPage } from '../../features/lists/SyncedListPage';
import { useListFilters } from '../../features/lists/useListFilters';
import { formatMoney } from '../../format/money';
import { useShops } from '../../hooks/useShops';
import { OrderDrawer } from './OrderDrawer';
import { exclusiveFlags, OrderFilterFields, toQuery, type OrderExtraFilters } from './OrderFilters';
import { SavedViews } from './SavedViews';
import { fromView, toView } from './viewFilters';
import { useOrderColumns } from './orderColumns';
import './orders.css';
import { downloadCsv } from '../../features/lists/downloadCsv';

const pageSize = 100;
const sortable = ['created', 'total'];
const isSortColumn = (by: string): by is (typeof orderSortColumns)[number] =>
  (orderSortColumns as readonly string[]).includes(by);
const orderId = (order: OrderView) => order.orderId;

export function OrdersPage(): ReactElement {
  const { t, i18n } = useTranslation();
  const shops = useShops();
  const filters = useListFilters({ by: 'created', desc: true });
  const [extra, setExtra] = useState<OrderExtraFilters>({});
  const [viewId, setViewId] = useState<string | null>(null);
  const query = {
    ...(filters.shopId ? { shopId: filters.shopId } : {}),
    ...(filters.query ? { search: filters.query } : {}),
    ...toQuery(extra),
  };
  const sort =
    filters.sort && isSortColumn(filters.sort.by)
      ? { sort: { by: filters.sort.by, desc: filters.sort.desc } }
      : {};
  const list = useChannelList(
    'orders:list',
    { limit: pageSize, ...query, ...sort },
    { ...cursorPaging, items: (page) => page.items, getId: orderId },
  );
  // Pages are not counted (instant on big shops); the filtered view's count and totals come from orders:summary.
  const summary = useChannelQuery('orders:summary', query);
  const counted = { ...list, total: summary.data?.count ?? null };
  const columns = useOrderColumns(shops.shopName, shops.shopZone, filters.query);
  const exporter = useChannelMutation('orders:export', {
    onSuccess: (result) => downloadCsv(result.fileName, result.csv),
  });
  const headers = Object.fromEntries(orderExportColumns.map((c) => [c, t(`orders.export.headers.${c}`)]));
  const totals = summary.data?.totals ?? [];

  return (
    <SyncedListPage
      kind="orders"
      icon="orders"
      list={counted}
      filters={filters}
      shops={shops}
      columns={columns}
      sortable={sortable}
      getRowId={orderId}
      className="orders-table"
      extraFiltered={Object.keys(extra).length > 0}
      extraFilters={
        <>
          <OrderFilterFields
            value={extra}
            onChange={(next) => setExtra((previous) => exclusiveFlags(previous, next))}
          />
          <SavedViews
            current={toView({
              shopId: filters.shopId,
              search: filters.search,
              extra,
              sort: sort.sort ?? null,
            })}
            selectedId={viewId}
            onApply={(view) => {
              setViewId(view?.id ?? null);
              if (!view) return;
              const next = fromView(view);
              filters.setShopId(next.shopId);
              filters.setSearch(next.search);
              filters.setSort(next.sort);
              setExtra(next.extra);
            }}
          />
          <button
            type="button"
            className="button"
            disabled={exporter.isPending || (summary.data?.count ?? 0) === 0}
            onClick={() => exporter.mutate({ ...query, ...sort, headers })}
          >
            {exporter.isPending ? t('orders.export.busy') : t('orders.export.button')}
          </button>
          {totals.length > 0 && (
            <p className="list-count order-totals" aria-label={t('orders.totals.label')}>
              {totals
                .map((row) =>
                  t('orders.totals.row', { total: formatMoney(row.total, i18n.language), count: row.orders }),
                )
                .join(' · ')}
            </p>
          )}
        </>
      }
      renderDetail={(order, close, returnFocus) => (
        <OrderDrawer
          order={order}
          shopName={shops.shopName(order.shopId)}
          shopZone={shops.shopZone(order.shopId)}
          onClose={close}
          returnFocus={returnFocus}
        />
      )}
    />
  );
}
