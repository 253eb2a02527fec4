import type { productsSlice } from '@shared/channels/products';
import type { Database } from '../db/connection';
import type { HandlersFor } from '../ipc/router';
import { listProducts } from '../sync/queries';

export function productsHandlers(db: Database): HandlersFor<typeof productsSlice> {
  return { 'products:list': (input) => listProducts(db, input) };
}
