import { useMemo, type MouseEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { ProductSkuView } from '@shared/catalogue';
import type { PlainTable } from '../../components/tableFeatures';
import { Icon } from '../../components/Icon';
import type { ListColumns } from '../../features/lists/ListPage';
import { DayCell, TextCell } from '../../features/lists/cells';
import { formatMoney } from '../../format/money';
import { priceRange } from './productText';
import { ProductStatusBadge } from './productStatus';
import { tickState, type ProductRow, type Selection } from './productRows';

const helper = createColumnHelper<PlainTable, ProductRow>();

/** What the table's boxes and expanders act on (state lives in the page). */
export interface ProductTableState {
  selected: Selection;
  /** Every loaded SKU is ticked / some are. */
  allTicked: 'all' | 'some' | 'none';
  onTick: (index: number, shift: boolean) => void;
  onTickAll: () => void;
  expanded: ReadonlySet<string>;
  onExpand: (productId: string) => void;
}

/** A box whose third state ("some of this product's SKUs") is shown as indeterminate. */
function TickBox(props: {
  label: string;
  state: 'all' | 'some' | 'none';
  onClick: (event: MouseEvent<HTMLInputElement>) => void;
}): ReactElement {
  return (
    <input
      type="checkbox"
      className="row-tick"
      aria-label={props.label}
      checked={props.state === 'all'}
      ref={(box) => {
        if (box) box.indeterminate = props.state === 'some';
      }}
      // A row opens its product on click and on Enter/Space; ticking must not. Space on the box ticks it
      // (the browser turns it into a click, which carries Shift for a range).
      onClick={(event) => {
        event.stopPropagation();
        props.onClick(event);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') event.stopPropagation();
      }}
      onChange={() => undefined}
    />
  );
}

/** A low-stock mark that fits a number cell: the warning sign, named for screen readers and on hover. */
function LowStockFlag(props: { label: string }): ReactElement {
  return (
    <span className="low-stock-flag" title={props.label}>
      <Icon name="alert" size={14} />
      <span className="visually-hidden">{props.label}</span>
    </span>
  );
}

/** Stock per warehouse: "179", or "191 + 153" with each warehouse named on hover. */
function StockCell(props: { sku: ProductSkuView; language: string }): ReactElement {
  const { sku, language } = props;
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(language);
  const text =
    sku.warehouses.length > 1
      ? sku.warehouses.map((w) => number.format(w.quantity)).join(' + ')
      : number.format(sku.inventory);
  const title = sku.warehouses
    .map((w) => t('products.sku.inWarehouse', { warehouse: w.warehouseId, count: w.quantity }))
    .join('\n');
  return (
    <span className="sku-stock" title={title || undefined}>
      {text}
      {sku.lowStock && <LowStockFlag label={t('products.sku.lowStock')} />}
    </span>
  );
}

/** The Products table's columns: a box per row, products that open into their SKUs, sales of the period. */
export function useProductColumns(
  shopName: (shopId: string) => string,
  state: ProductTableState,
): ListColumns<ProductRow> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { selected, allTicked, onTick, onTickAll, expanded, onExpand } = state;

  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const skuName = (sku: ProductSkuView) => sku.sellerSku ?? sku.skuId;
    return helper.columns([
      helper.display({
        id: 'select',
        header: () => (
          <TickBox label={t('products.select.all')} state={allTicked} onClick={() => onTickAll()} />
        ),
        cell: (info) => {
          const row = info.row.original;
          const label =
            row.kind === 'sku'
              ? t('products.select.sku', { sku: skuName(row.sku), product: row.product.title })
              : t('products.select.product', { product: row.product.title });
          return (
            <TickBox
              label={label}
              state={tickState(row, selected)}
              onClick={(event) => onTick(info.row.index, event.shiftKey)}
            />
          );
        },
      }),
      helper.display({
        id: 'title',
        header: () => t('products.columns.title'),
        cell: (info) => {
          const row = info.row.original;
          if (row.kind === 'sku')
            return (
              <span className="sku-row-name mono" title={row.sku.skuId}>
                {skuName(row.sku)}
              </span>
            );
          const open = expanded.has(row.product.productId);
          return (
            <span className="product-name">
              <button
                type="button"
                className="expand-button"
                aria-expanded={open}
                aria-label={t(open ? 'products.expand.hide' : 'products.expand.show', {
                  product: row.product.title,
                  count: row.product.skuCount,
                })}
                title={t('products.expand.count', { count: row.product.skuCount })}
                disabled={row.product.skus.length === 0}
                onClick={(event) => {
                  event.stopPropagation();
                  onExpand(row.product.productId);
                }}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') event.stopPropagation();
                }}
              >
                <Icon name="chevron" size={14} />
                <span className="expand-count">{number.format(row.product.skuCount)}</span>
              </button>
              <TextCell text={row.product.title} />
            </span>
          );
        },
      }),
      helper.display({
        id: 'shop',
        header: () => t('products.columns.shop'),
        cell: (info) => <TextCell text={shopName(info.row.original.product.shopId)} />,
      }),
      helper.display({
        id: 'status',
        header: () => t('products.columns.status'),
        cell: (info) => {
          const row = info.row.original;
          return row.kind === 'product' ? <ProductStatusBadge status={row.product.status} /> : null;
        },
      }),
      helper.display({
        id: 'price',
        header: () => t('products.columns.price'),
        cell: (info) => {
          const row = info.row.original;
          if (row.kind === 'product') return priceRange(row.product, language);
          return row.sku.price ? formatMoney(row.sku.price, language) : '—';
        },
      }),
      helper.display({
        id: 'inventory',
        header: () => t('products.columns.inventory'),
        cell: (info) => {
          const row = info.row.original;
          if (row.kind === 'sku') return <StockCell sku={row.sku} language={language} />;
          return (
            <span className="sku-stock">
              {number.format(row.product.inventory)}
              {row.product.lowStockSkus > 0 && (
                <LowStockFlag label={t('products.lowStockSkus', { count: row.product.lowStockSkus })} />
              )}
            </span>
          );
        },
      }),
      helper.display({
        id: 'sales',
        header: () => t('products.columns.sales'),
        cell: (info) => {
          const row = info.row.original;
          if (row.kind === 'sku') return null;
          const sales = row.product.sales;
          if (!sales) return '—';
          return (
            <span title={t('products.sales.units', { count: sales.units })}>
              {formatMoney(sales.gmv, language)}
              <span className="muted"> · {number.format(sales.units)}</span>
            </span>
          );
        },
      }),
      helper.display({
        id: 'updated',
        header: () => t('products.columns.updated'),
        cell: (info) => {
          const row = info.row.original;
          return row.kind === 'product' ? <DayCell at={row.product.updateTime} language={language} /> : null;
        },
      }),
    ]);
  }, [t, language, shopName, selected, allTicked, onTick, onTickAll, expanded, onExpand]);
}
