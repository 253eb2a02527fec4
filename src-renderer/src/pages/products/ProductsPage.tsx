import { useCallback, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { productSortColumns, type Change } from '@shared/catalogue';
import { cursorPaging, useChannelList, useChannelMutation, useChannelQuery } from '../../api';
import { SyncedListPage } from '../../features/lists/SyncedListPage';
import { useListFilters } from '../../features/lists/useListFilters';
import { useShops } from '../../hooks/useShops';
import { useSettings } from '../../settings/SettingsProvider';
import { BulkPriceDialog } from './BulkPriceDialog';
import { BulkStockDialog } from './BulkStockDialog';
import { ChangeDialog, type ReviewedBatch } from './ChangeDialog';
import { CostsCsvDialog } from './CostsCsvDialog';
import { ProductDetailDialog } from './ProductDetailDialog';
import { ProductFilterFields, salesDays, type ProductExtraFilters } from './ProductFilters';
import { useProductColumns } from './productColumns';
import {
  clickTick,
  loadedTicks,
  pickedSkus,
  productRows,
  rowId,
  tickAll,
  type ProductRow,
  type Selection,
} from './productRows';
import { SelectionBar } from './SelectionBar';
import './products.css';

const pageSize = 100;
const sortable = ['title', 'price', 'inventory', 'updated'];
const isSortColumn = (by: string): by is (typeof productSortColumns)[number] =>
  (productSortColumns as readonly string[]).includes(by);

export function ProductsPage(): ReactElement {
  const shops = useShops();
  const filters = useListFilters(null);
  const { settings } = useSettings();
  const [extra, setExtra] = useState<ProductExtraFilters>({ salesPeriod: 30 });
  const lowStockBelow = settings.lowStockThreshold;
  const list = useChannelList(
    'products:list',
    {
      limit: pageSize,
      lowStockBelow,
      ...salesDays(extra.salesPeriod, new Date()),
      ...(extra.status ? { status: extra.status } : {}),
      ...(extra.lowStock ? { lowStock: true as const } : {}),
      ...(filters.shopId ? { shopId: filters.shopId } : {}),
      ...(filters.query ? { search: filters.query } : {}),
      ...(filters.sort && isSortColumn(filters.sort.by)
        ? { sort: { by: filters.sort.by, desc: filters.sort.desc } }
        : {}),
    },
    {
      ...cursorPaging,
      items: (page) => page.items,
      getId: (product) => product.productId,
      invalidateOn: ['products:changeUpdated'],
    },
  );
  const { t } = useTranslation();

  // Products open into their SKUs; boxes tick SKUs (a product's box ticks all of its SKUs).
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<Selection>(new Map());
  const anchor = useRef<number | null>(null);
  const rows = useMemo(() => productRows(list.items, expanded), [list.items, expanded]);
  const picked = useMemo(() => pickedSkus(list.items, selected), [list.items, selected]);
  const onTick = useCallback(
    (index: number, shift: boolean) => {
      setSelected((current) => clickTick(rows, current, index, anchor.current, shift));
      anchor.current = index;
    },
    [rows],
  );
  const onTickAll = useCallback(() => {
    setSelected((current) => tickAll(list.items, current));
    anchor.current = null;
  }, [list.items]);
  const onExpand = useCallback((productId: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(productId)) next.add(productId);
      return next;
    });
  }, []);
  const columns = useProductColumns(shops.shopName, {
    selected,
    allTicked: loadedTicks(list.items, selected),
    onTick,
    onTickAll,
    expanded,
    onExpand,
  });

  const [bulk, setBulk] = useState<'price' | 'stock' | null>(null);
  const [costsCsv, setCostsCsv] = useState(false);
  const [review, setReview] = useState<{ batches: ReviewedBatch[]; label?: string } | null>(null);
  const [undone, setUndone] = useState<Change | null>(null);
  const latest = useChannelQuery(
    'products:changes',
    { limit: 1 },
    { invalidateOn: ['products:changeUpdated'] },
  );
  const last = latest.data?.items[0];
  const undo = useChannelMutation('products:undoChange', { onSuccess: setUndone });
  const toReview = (batches: ReviewedBatch[], label: string) => {
    setBulk(null);
    setReview({ batches, label });
  };
  const toolbar = (
    <>
      <ProductFilterFields value={extra} onChange={setExtra} lowStockBelow={lowStockBelow} />
      <button type="button" className="button" onClick={() => setCostsCsv(true)}>
        {t('products.costsCsv.open')}
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
      {picked.length > 0 && (
        <SelectionBar
          picked={picked}
          onPrice={() => setBulk('price')}
          onStock={() => setBulk('stock')}
          onClear={() => {
            setSelected(new Map());
            anchor.current = null;
          }}
        />
      )}
    </>
  );
  return (
    <>
      {bulk === 'price' && (
        <BulkPriceDialog picked={picked} onClose={() => setBulk(null)} onReview={toReview} />
      )}
      {bulk === 'stock' && (
        <BulkStockDialog picked={picked} onClose={() => setBulk(null)} onReview={toReview} />
      )}
      {costsCsv && (
        <CostsCsvDialog
          {...(filters.shopId ? { shopId: filters.shopId } : {})}
          onClose={() => setCostsCsv(false)}
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
      <SyncedListPage<ProductRow>
        extraFilters={toolbar}
        extraFiltered={Boolean(extra.status || extra.lowStock)}
        kind="products"
        icon="products"
        list={{
          ...list,
          items: rows,
          total: list.total === null ? null : list.total + rows.length - list.items.length,
        }}
        count={{ shown: list.items.length, total: list.total }}
        filters={filters}
        shops={shops}
        columns={columns}
        sortable={sortable}
        getRowId={rowId}
        className="products-table"
        renderDetail={(row, close, returnFocus) => (
          <ProductDetailDialog
            product={row.product}
            shopName={shops.shopName(row.product.shopId)}
            shopNameOf={shops.shopName}
            lowStockBelow={lowStockBelow}
            onClose={close}
            returnFocus={returnFocus}
          />
        )}
      />
    </>
  );
}
