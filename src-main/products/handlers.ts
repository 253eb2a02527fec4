import type { productsSlice } from '@shared/channels/products';
import type { Catalogue } from '../catalogue/catalogue';
import type { Database } from '../db/connection';
import type { HandlersFor } from '../ipc/router';
import { listProducts } from '../sync/queries';

export function productsHandlers(db: Database, catalogue: Catalogue): HandlersFor<typeof productsSlice> {
  return {
    'products:list': (input) => listProducts(db, input),
    'products:costs': (input) => ({ items: catalogue.costs.list(input) }),
    'products:setCosts': (input) => catalogue.costs.set(input),
    'products:importCosts': (input) => catalogue.costCsv.import(input),
    'products:exportCosts': (input) => catalogue.costCsv.export(input.shopId, catalogue.now()),
  };
}
