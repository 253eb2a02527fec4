import type { ReactElement } from 'react';
import { orderSortColumns, type OrderView } from '@shared/orders';
import { cursorPaging, useChannelList, useChannelQuery } from '../../api';
import { SyncedListPage } from '../../features/lists/SyncedListPage';
import { useListFilters } from '../../features/lists/useListFilters';
import { useShops } from '../../hooks/useShops';
import { OrderDetailDialog } from './OrderDetailDialog';
import { useOrderColumns } from './orderColumns';

const pageSize = 100;
const sortable = ['created', 'total'];
const isSortColumn = (by: string): by is (typeof orderSortColumns)[number] =>
  (orderSortColumns as readonly string[]).includes(by);
const orderId = (order: OrderView) => order.orderId;

export function OrdersPage(): ReactElement {
  const shops = useShops();
  const filters = useListFilters({ by: 'created', desc: true });
  const list = useChannelList(
    'orders:list',
    {
      limit: pageSize,
      ...(filters.shopId ? { shopId: filters.shopId } : {}),
      ...(filters.query ? { search: filters.query } : {}),
      ...(filters.sort && isSortColumn(filters.sort.by)
        ? { sort: { by: filters.sort.by, desc: filters.sort.desc } }
        : {}),
    },
    { ...cursorPaging, items: (page) => page.items, getId: orderId },
  );
  // Pages are not counted (instant on big shops); the filtered view's count comes from orders:summary.
  const summary = useChannelQuery('orders:summary', {
    ...(filters.shopId ? { shopId: filters.shopId } : {}),
    ...(filters.query ? { search: filters.query } : {}),
  });
  const counted = { ...list, total: summary.data?.count ?? null };
  const columns = useOrderColumns(shops.shopName);
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
      renderDetail={(order, close, returnFocus) => (
        <OrderDetailDialog
          order={order}
          shopName={shops.shopName(order.shopId)}
          onClose={close}
          returnFocus={returnFocus}
        />
      )}
    />
  );
}
