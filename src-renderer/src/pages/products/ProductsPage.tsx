import { useState, type ReactElement } from 'react';
import type { ProductView } from '@shared/sync';
import { api } from '../../api';
import { useShops } from '../../hooks/useShops';
import { mainContent, SyncedListPage } from '../synced/SyncedListPage';
import { useSyncedList, type SyncedListQuery } from '../synced/useSyncedList';
import { ProductDetailDialog } from './ProductDetailDialog';
import { ProductsTable } from './ProductsTable';

const fetchProducts = (query: SyncedListQuery) => api.invoke('products:list', query);
const productId = (product: ProductView) => product.productId;

export function ProductsPage(): ReactElement {
  const shops = useShops();
  const list = useSyncedList(fetchProducts, productId);
  const [open, setOpen] = useState<ProductView | null>(null);
  return (
    <>
      <SyncedListPage kind="products" list={list} shops={shops}>
        <ProductsTable
          products={list.items}
          total={list.total ?? list.items.length}
          busy={list.loading}
          shopName={shops.shopName}
          onOpen={setOpen}
          onNearEnd={list.loadMore}
        />
      </SyncedListPage>
      {open && (
        <ProductDetailDialog
          product={open}
          shopName={shops.shopName(open.shopId)}
          onClose={() => setOpen(null)}
          returnFocus={mainContent}
        />
      )}
    </>
  );
}
