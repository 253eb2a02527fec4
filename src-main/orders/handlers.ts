import type { ordersSlice } from '@shared/channels/orders';
import type { Database } from '../db/connection';
import type { HandlersFor } from '../ipc/router';
import { orderDetail } from './detail';
import { listOrders, summariseOrders } from './list';
import type { OrdersService } from './orders-service';

export function ordersHandlers(
  db: Database,
  orders: OrdersService,
  now: () => number,
): HandlersFor<typeof ordersSlice> {
  return {
    'orders:list': (input) => listOrders(db, input, now()),
    'orders:summary': (input) => summariseOrders(db, input, now()),
    'orders:detail': (input) => orderDetail(db, input.orderId, now()),
    'orders:refresh': (input) => orders.refresh(input.orderId),
    'orders:export': (input) => orders.export(input),
    'orders:views': () => orders.views(),
    'orders:saveView': (input) => orders.saveView(input),
    'orders:deleteView': (input) => orders.deleteView(input),
  };
}
