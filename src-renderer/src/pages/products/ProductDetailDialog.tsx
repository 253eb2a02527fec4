import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '@shared/catalogue';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../format/time';
import { priceRange } from './productText';
import { ProductStatusBadge } from './productStatus';

/** One product's synced facts. */
export function ProductDetailDialog(props: {
  product: ProductView;
  shopName: string;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { product, shopName, onClose, returnFocus } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
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
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('orders.detail.close')}
        </button>
      </div>
    </Dialog>
  );
}
