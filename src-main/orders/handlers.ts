import type { ordersSlice } from '@shared/channels/orders';
import type { Database } from '../db/connection';
import type { HandlersFor } from '../ipc/router';
import { listOrders } from '../sync/queries';

export function ordersHandlers(db: Database): HandlersFor<typeof ordersSlice> {
  return { 'orders:list': (input) => listOrders(db, input) };
}
