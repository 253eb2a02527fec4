import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { productSortColumns, type ProductView } from '@shared/catalogue';
import { cursorPaging, useChannelList, useChannelMutation, useChannelQuery } from '../../api';
import { SyncedListPage } from '../../features/lists/SyncedListPage';
import { useListFilters } from '../../features/lists/useListFilters';
import { useShops } from '../../hooks/useShops';
import type { Change } from '@shared/catalogue';
import { BulkPriceDialog } from './BulkPriceDialog';
import { ChangeDialog, type ReviewedBatch } from './ChangeDialog';
import { ProductDetailDialog } from './ProductDetailDialog';
import { useProductColumns } from './productColumns';
import './products.css';

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
    {
      ...cursorPaging,
      items: (page) => page.items,
      getId: productId,
      invalidateOn: ['products:changeUpdated'],
    },
  );
  const columns = useProductColumns(shops.shopName);
  const { t } = useTranslation();
  const [bulk, setBulk] = useState(false);
  const [review, setReview] = useState<{ batches: ReviewedBatch[]; label?: string } | null>(null);
  const [undone, setUndone] = useState<Change | null>(null);
  const latest = useChannelQuery(
    'products:changes',
    { limit: 1 },
    { invalidateOn: ['products:changeUpdated'] },
  );
  const last = latest.data?.items[0];
  const undo = useChannelMutation('products:undoChange', { onSuccess: setUndone });
  const actions = (
    <div className="row-actions">
      <button
        type="button"
        className="button"
        onClick={() => setBulk(true)}
        disabled={list.items.length === 0}
      >
        {t('products.bulk.open')}
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={!last?.canUndo || undo.isPending}
        title={last?.canUndo ? t('products.undo.hint', { count: last.counts.done ?? 0 }) : undefined}
        onClick={() => last && undo.mutate({ changeId: last.id })}
      >
        {t('products.undo.button')}
      </button>
    </div>
  );
  return (
    <>
      {bulk && (
        <BulkPriceDialog
          products={list.items}
          onClose={() => setBulk(false)}
          onReview={(batches, label) => {
            setBulk(false);
            setReview({ batches, label });
          }}
        />
      )}
      {review && (
        <ChangeDialog
          batches={review.batches}
          {...(review.label ? { label: review.label } : {})}
          shopName={shops.shopName}
          onClose={() => setReview(null)}
        />
      )}
      {undone && (
        <ChangeDialog
          batches={[]}
          sent={[undone]}
          shopName={shops.shopName}
          onClose={() => setUndone(null)}
        />
      )}
      <SyncedListPage
        extraFilters={actions}
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
            shopNameOf={shops.shopName}
            onClose={close}
            returnFocus={returnFocus}
          />
        )}
      />
    </>
  );
}
