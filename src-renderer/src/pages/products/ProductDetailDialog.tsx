import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '@shared/catalogue';
import { useChannelQuery } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../format/time';
import { ChangeDialog, type ReviewedBatch } from './ChangeDialog';
import { priceRange } from './productText';
import { PromotionLink } from './PromotionLink';
import { ProductStatusBadge } from './productStatus';
import { SkuEditor } from './SkuEditor';

/** One product's synced facts. */
export function ProductDetailDialog(props: {
  product: ProductView;
  shopName: string;
  shopNameOf: (shopId: string) => string;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { shopName, onClose, returnFocus } = props;
  // The row as listed, then as main has it now (a done change updates it).
  const detail = useChannelQuery(
    'products:detail',
    { productId: props.product.productId },
    { invalidateOn: ['products:changeUpdated'] },
  );
  const product = detail.data?.product ?? props.product;
  const { t, i18n } = useTranslation();
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
  ];
  return (
    <Dialog title={product.title} onClose={onClose} returnFocus={returnFocus} className="detail-dialog">
      <dl className="detail-facts detail-facts-wide">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <PromotionLink shopId={product.shopId} productId={product.productId} />
      <h3 className="section-heading">{t('products.sku.heading')}</h3>
      <SkuEditor product={product} onReview={setReview} />
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
