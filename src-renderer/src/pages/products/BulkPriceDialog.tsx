import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api';
import { fractionDigits, minorToDecimal } from '../../format/money';
import { BulkForm } from './BulkForm';
import type { ReviewedBatch } from './ChangeDialog';
import { shopCount, type PickedSku } from './productRows';

const percentPattern = /^[+-]?\d{1,3}(\.\d{1,2})?$/;

/** The new price of a SKU after `percent`, rounded half away from zero to the currency's minor unit. */
export function adjusted(amountMinor: number, percent: number): number {
  return Math.round((amountMinor * (100 + percent)) / 100);
}

/**
 * "+5% on these 40 SKUs in two shops": one percentage applied to every ticked SKU that has a price, then
 * the same review dialog as a single edit (which shows what TikTok would refuse, such as a product that
 * is not live).
 */
export function BulkPriceDialog(props: {
  picked: readonly PickedSku[];
  onReview: (batches: ReviewedBatch[], label: string) => void;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const review = useChannelMutation('products:reviewChange');
  const skus = props.picked.flatMap(({ sku }) => (sku.price ? [{ ...sku, price: sku.price }] : []));
  const shops = shopCount(props.picked.filter(({ sku }) => sku.price !== null));

  const submit = async () => {
    const typed = text.trim().replace(/%$/, '');
    const percent = Number(typed);
    if (!percentPattern.test(typed) || percent <= -100 || percent === 0) {
      setError(t('products.bulk.badPercent'));
      return;
    }
    const items = skus.map((s) => ({
      skuId: s.skuId,
      price: minorToDecimal(adjusted(s.price.amountMinor, percent), fractionDigits(s.price.currency)),
    }));
    const input = { kind: 'price' as const, items };
    const result = await review.mutateAsync(input);
    props.onReview([{ input, review: result }], `${percent > 0 ? '+' : ''}${typed}%`);
  };

  return (
    <BulkForm
      title={t('products.bulk.title')}
      scope={t('products.bulk.scope', {
        count: skus.length,
        shops: t('products.select.shops', { count: shops }),
      })}
      label={t('products.bulk.percent')}
      value={text}
      placeholder="+5"
      hint={t('products.bulk.hint')}
      error={error}
      onChange={(value) => {
        setText(value);
        setError(null);
      }}
      busy={review.isPending}
      canReview={skus.length > 0}
      onReview={() => void submit()}
      onClose={props.onClose}
    />
  );
}
