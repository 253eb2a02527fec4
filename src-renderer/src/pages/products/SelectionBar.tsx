import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { shopCount, type PickedSku } from './productRows';

/** What the ticked SKUs can have done to them together: "12 SKUs in 2 shops selected". */
export function SelectionBar(props: {
  picked: readonly PickedSku[];
  onPrice: () => void;
  onStock: () => void;
  onClear: () => void;
}): ReactElement {
  const { picked } = props;
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const shops = shopCount(picked);
  return (
    <div className="bulk-bar selection-bar" role="toolbar" aria-label={t('products.select.bar')}>
      <span className="bulk-count" role="status">
        {t('products.select.count', {
          count: picked.length,
          skus: number.format(picked.length),
          shops: t('products.select.shops', { count: shops }),
        })}
      </span>
      <button type="button" className="button" onClick={props.onPrice}>
        {t('products.select.price')}
      </button>
      <button type="button" className="button" onClick={props.onStock}>
        {t('products.select.stock')}
      </button>
      <button type="button" className="button button-quiet" onClick={props.onClear}>
        {t('products.select.clear')}
      </button>
    </div>
  );
}
