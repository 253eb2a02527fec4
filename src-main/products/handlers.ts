import type { productsSlice } from '@shared/channels/products';
import type { Catalogue } from '../catalogue/catalogue';
import type { Database } from '../db/connection';
import type { HandlersFor } from '../ipc/router';
import { productDetail, refreshProduct } from './detail';
import type { ProductImages } from './images';
import { listProducts } from './list';

export function productsHandlers(
  db: Database,
  catalogue: Catalogue,
  images: ProductImages,
): HandlersFor<typeof productsSlice> {
  return {
    'products:list': (input) => listProducts(db, input),
    'products:costs': (input) => ({ items: catalogue.costs.list(input) }),
    'products:setCosts': (input) => catalogue.costs.set(input),
    'products:importCosts': (input) => catalogue.costCsv.import(input),
    'products:exportCosts': (input) => catalogue.costCsv.export(input.shopId, catalogue.now()),
    'products:reviewChange': (input) => catalogue.edits.review(input),
    'products:updatePrices': (input) => catalogue.edits.updatePrices(input),
    'products:updateInventory': (input) => catalogue.edits.updateInventory(input),
    'products:change': (input) => catalogue.edits.change(input),
    'products:changes': (input) => catalogue.edits.changes(input),
    'products:undoChange': (input) => catalogue.edits.undo(input),
    'products:detail': (input) => productDetail(db, input.productId, input.lowStockBelow),
    'products:image': (input) => images.image(input),
    'products:refresh': (input) =>
      refreshProduct({ db, api: catalogue.api, now: catalogue.now }, input.productId, input.lowStockBelow),
  };
}
