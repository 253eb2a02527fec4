import type { ReactElement } from 'react';
import { productSortColumns, type ProductView } from '@shared/catalogue';
import { cursorPaging, useChannelList } from '../../api';
import { SyncedListPage } from '../../features/lists/SyncedListPage';
import { useListFilters } from '../../features/lists/useListFilters';
import { useShops } from '../../hooks/useShops';
import { ProductDetailDialog } from './ProductDetailDialog';
import { useProductColumns } from './productColumns';

const pageSize = 100;
const sortable = ['title', 'price', 'inventory', 'updated'];
const isSortColumn = (by: string): by is (typeof productSortColumns)[number] =>
  (productSortColumns as readonly string[]).includes(by);
const productId = (product: ProductView) => product.productId;

export function ProductsPage(): ReactElement {
  const shops = useShops();
  const filters = useListFilters(null);
  const list = useChannelList(
    'products:list',
    {
      limit: pageSize,
      ...(filters.shopId ? { shopId: filters.shopId } : {}),
      ...(filters.query ? { search: filters.query } : {}),
      ...(filters.sort && isSortColumn(filters.sort.by)
        ? { sort: { by: filters.sort.by, desc: filters.sort.desc } }
        : {}),
    },
    { ...cursorPaging, items: (page) => page.items, getId: productId },
  );
  const columns = useProductColumns(shops.shopName);
  return (
    <SyncedListPage
      kind="products"
      icon="products"
      list={list}
      filters={filters}
      shops={shops}
      columns={columns}
      sortable={sortable}
      getRowId={productId}
      className="products-table"
      renderDetail={(product, close, returnFocus) => (
        <ProductDetailDialog
          product={product}
          shopName={shops.shopName(product.shopId)}
          onClose={close}
          returnFocus={returnFocus}
        />
      )}
    />
  );
}
