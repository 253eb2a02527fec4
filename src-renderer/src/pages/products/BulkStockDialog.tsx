import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STOCK, type ReviewChangeInput } from '@shared/catalogue';
import { useChannelMutation } from '../../api';
import { BulkForm } from './BulkForm';
import type { ReviewedBatch } from './ChangeDialog';
import { shopCount, type PickedSku } from './productRows';

export type StockMode = 'set' | 'add';

/**
 * The stock edits of a bulk change: every warehouse of every ticked SKU set to `amount`, or moved by it
 * (never below 0 nor above TikTok's maximum). TikTok's inventory update carries every warehouse of a SKU,
 * so each warehouse is named with its own new quantity.
 */
export function stockEdits(
  picked: readonly PickedSku[],
  mode: StockMode,
  amount: number,
): Extract<ReviewChangeInput, { kind: 'inventory' }>['items'] {
  const next = (quantity: number) =>
    mode === 'set' ? amount : Math.min(MAX_STOCK, Math.max(0, quantity + amount));
  return picked.flatMap(({ sku }) =>
    sku.warehouses.length === 0
      ? [{ skuId: sku.skuId, quantity: next(sku.inventory) }]
      : sku.warehouses.map((w) => ({
          skuId: sku.skuId,
          warehouseId: w.warehouseId,
          quantity: next(w.quantity),
        })),
  );
}

/** "Set stock to 50" or "add 20 / remove 5" on the ticked SKUs, then the review dialog. */
export function BulkStockDialog(props: {
  picked: readonly PickedSku[];
  onReview: (batches: ReviewedBatch[], label: string) => void;
  onClose: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<StockMode>('set');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const review = useChannelMutation('products:reviewChange');
  const number = new Intl.NumberFormat(i18n.language);

  const submit = async () => {
    const typed = text.trim();
    const amount = Number(typed);
    const valid =
      mode === 'set'
        ? /^\d{1,5}$/.test(typed) && amount <= MAX_STOCK
        : /^[+-]?\d{1,5}$/.test(typed) && amount !== 0 && Math.abs(amount) <= MAX_STOCK;
    if (!valid) {
      setError(t(mode === 'set' ? 'products.bulkStock.badSet' : 'products.bulkStock.badAdd'));
      return;
    }
    const input = { kind: 'inventory' as const, items: stockEdits(props.picked, mode, amount) };
    const result = await review.mutateAsync(input);
    const label =
      mode === 'set'
        ? t('products.bulkStock.setLabel', { count: amount })
        : `${amount > 0 ? '+' : ''}${number.format(amount)}`;
    props.onReview([{ input, review: result }], label);
  };

  return (
    <BulkForm
      title={t('products.bulkStock.title')}
      scope={t('products.bulkStock.scope', {
        count: props.picked.length,
        shops: t('products.select.shops', { count: shopCount(props.picked) }),
      })}
      before={
        <fieldset className="choice-group">
          <legend className="field-label">{t('products.bulkStock.how')}</legend>
          {(['set', 'add'] as const).map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setError(null);
                }}
              />
              <span>{t(`products.bulkStock.mode.${m}`)}</span>
            </label>
          ))}
        </fieldset>
      }
      label={t(mode === 'set' ? 'products.bulkStock.setField' : 'products.bulkStock.addField')}
      value={text}
      placeholder={mode === 'set' ? '50' : '+20'}
      hint={t(mode === 'set' ? 'products.bulkStock.setHint' : 'products.bulkStock.addHint')}
      error={error}
      onChange={(value) => {
        setText(value);
        setError(null);
      }}
      busy={review.isPending}
      canReview={props.picked.length > 0}
      onReview={() => void submit()}
      onClose={props.onClose}
    />
  );
}
