import { useState, type ReactElement } from 'react';
import type { OrderView } from '@shared/sync';
import { api } from '../../api';
import { useShops } from '../../hooks/useShops';
import { mainContent, SyncedListPage } from '../synced/SyncedListPage';
import { useSyncedList, type SyncedListQuery } from '../synced/useSyncedList';
import { OrderDetailDialog } from './OrderDetailDialog';
import { OrdersTable } from './OrdersTable';

const fetchOrders = (query: SyncedListQuery) => api.invoke('orders:list', query);
const orderId = (order: OrderView) => order.orderId;

export function OrdersPage(): ReactElement {
  const shops = useShops();
  const list = useSyncedList(fetchOrders, orderId);
  const [open, setOpen] = useState<OrderView | null>(null);
  return (
    <>
      <SyncedListPage kind="orders" list={list} shops={shops}>
        <OrdersTable
          orders={list.items}
          total={list.total ?? list.items.length}
          busy={list.loading}
          shopName={shops.shopName}
          onOpen={setOpen}
          onNearEnd={list.loadMore}
        />
      </SyncedListPage>
      {open && (
        <OrderDetailDialog
          order={open}
          shopName={shops.shopName(open.shopId)}
          onClose={() => setOpen(null)}
          returnFocus={mainContent}
        />
      )}
    </>
  );
}
