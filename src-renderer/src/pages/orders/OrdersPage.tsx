import type { ReactElement } from 'react';
import { orderSortColumns, type OrderView } from '@shared/sync';
import { cursorPaging, useChannelList } from '../../api';
import { SyncedListPage } from '../../features/lists/SyncedListPage';
import { useListFilters } from '../../features/lists/useListFilters';
import { useShops } from '../../hooks/useShops';
import { OrderDetailDialog } from './OrderDetailDialog';
import { useOrderColumns } from './orderColumns';

const pageSize = 100;
const sortable = ['created'];
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
  const columns = useOrderColumns(shops.shopName);
  return (
    <SyncedListPage
      kind="orders"
      icon="orders"
      list={list}
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
