import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';
import { fractionDigits, minorToDecimal } from '../../format/money';
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
  const id = useId();
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
    <Dialog title={t('products.bulk.title')} onClose={props.onClose} busy={review.isPending}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="muted">
          {t('products.bulk.scope', {
            count: skus.length,
            shops: t('products.select.shops', { count: shops }),
          })}
        </p>
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {t('products.bulk.percent')}
          </label>
          <input
            id={id}
            className="input input-number"
            value={text}
            placeholder="+5"
            inputMode="decimal"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
          />
          <span className="field-hint" id={`${id}-hint`}>
            {t('products.bulk.hint')}
          </span>
          {error && (
            <span className="field-error" id={`${id}-error`}>
              {error}
            </span>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('products.change.cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={skus.length === 0 || review.isPending}
          >
            {t('products.sku.review')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
