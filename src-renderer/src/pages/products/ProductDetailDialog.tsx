import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '@shared/catalogue';
import { useChannelMutation, useChannelQuery } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Facts } from '../../components/Facts';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../format/time';
import { ChangeDialog, type ReviewedBatch } from './ChangeDialog';
import { ProductPictures } from './ProductPictures';
import { priceRange } from './productText';
import { PromotionLink } from './PromotionLink';
import { ProductStatusBadge } from './productStatus';
import { CostsEditor, PriceHistory } from './ProductSections';
import { SkuEditor } from './SkuEditor';

/**
 * One product: its synced facts, its SKUs (price and stock per warehouse, editable), what each unit costs,
 * its price history, and "Refresh from TikTok" (re-reads the product now, with its images and attributes).
 */
export function ProductDetailDialog(props: {
  product: ProductView;
  shopName: string;
  shopNameOf: (shopId: string) => string;
  /** The low-stock threshold (Settings). */
  lowStockBelow: number;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { shopName, onClose, returnFocus } = props;
  // The row as listed, then as main has it now (a done change updates it).
  const detail = useChannelQuery(
    'products:detail',
    { productId: props.product.productId, lowStockBelow: props.lowStockBelow },
    { invalidateOn: ['products:changeUpdated'] },
  );
  const { t, i18n } = useTranslation();
  const { showToast } = useToasts();
  const refreshed = ['products:list', 'products:detail', 'products:image'] as const;
  const refresh = useChannelMutation('products:refresh', {
    invalidates: refreshed,
    onSuccess: () => showToast({ tone: 'success', message: { key: 'products.detail.refreshed' } }),
  });
  // A refresh stores the product; the detail is asked again (and follows later edits too).
  const data = detail.data;
  // Pictures come with Get Product, which the sync does not call: a product never read is read once, quietly,
  // when its dialog opens (offline, the pictures' place says so).
  const readPictures = useChannelMutation('products:refresh', { invalidates: refreshed, silent: true });
  const asked = useRef(false);
  const neverRead = data !== undefined && data.mediaFetchedAt === null;
  useEffect(() => {
    if (!neverRead || asked.current) return;
    asked.current = true;
    readPictures.mutate({ productId: props.product.productId, lowStockBelow: props.lowStockBelow });
  }, [neverRead, readPictures, props.product.productId, props.lowStockBelow]);
  const readFailed = readPictures.isError || refresh.isError;
  const pictureState =
    (data === undefined && detail.isPending) || (neverRead && (refresh.isPending || !readFailed))
      ? 'reading'
      : neverRead || data === undefined
        ? 'notRead'
        : 'read';
  const product = data?.product ?? props.product;
  const language = i18n.language;
  const [review, setReview] = useState<ReviewedBatch[] | null>(null);
  const number = new Intl.NumberFormat(language);
  const when = (at: number | null) =>
    at === null ? '—' : <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, language)}</time>;
  const facts: [string, ReactElement | string][] = [
    [t('products.detail.id'), <span className="mono">{product.productId}</span>],
    [t('products.columns.shop'), shopName],
    [t('products.columns.status'), <ProductStatusBadge status={product.status} />],
    [t('products.columns.price'), priceRange(product, language)],
    [t('products.columns.inventory'), number.format(product.inventory)],
    [t('products.columns.skus'), number.format(product.skuCount)],
    [t('products.detail.created'), when(product.createTime)],
    [t('products.columns.updated'), when(product.updateTime)],
    [t('products.detail.fetched'), when(data?.mediaFetchedAt ?? null)],
  ];
  return (
    <Dialog title={product.title} onClose={onClose} returnFocus={returnFocus} className="detail-dialog">
      <div className="drawer-actions">
        <button
          type="button"
          className="button button-small"
          disabled={refresh.isPending || readPictures.isPending}
          onClick={() => refresh.mutate({ productId: product.productId, lowStockBelow: props.lowStockBelow })}
        >
          {refresh.isPending ? t('products.detail.refreshing') : t('products.detail.refresh')}
        </button>
      </div>
      <div className="product-overview">
        <ProductPictures
          productId={product.productId}
          title={product.title}
          images={data?.images ?? []}
          state={pictureState}
          readError={readPictures.error ?? refresh.error ?? detail.error ?? null}
        />
        <Facts facts={facts} />
      </div>
      <PromotionLink shopId={product.shopId} productId={product.productId} />
      <h3 className="section-heading">{t('products.sku.heading')}</h3>
      <SkuEditor product={product} onReview={setReview} />
      <h3 className="section-heading">{t('products.costs.heading')}</h3>
      <CostsEditor product={product} />
      <h3 className="section-heading">{t('products.history.heading')}</h3>
      <PriceHistory product={product} history={data?.priceHistory ?? []} />
      {review && (
        <ChangeDialog batches={review} shopName={props.shopNameOf} onClose={() => setReview(null)} />
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('orders.detail.close')}
        </button>
      </div>
    </Dialog>
  );
}
