import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView, ReviewChangeInput } from '@shared/catalogue';
import { useChannelMutation } from '../../api';
import { fractionDigits, formatMoney, minorToDecimal } from '../../format/money';
import type { ReviewedBatch } from './ChangeDialog';
import { reasonText, valueRefusals } from './changeText';
import { SkuTableForm } from './SkuTableForm';

const stockKey = (skuId: string, warehouseId: string) => `${skuId}|${warehouseId}`;

/**
 * A product's SKUs with their price and stock per warehouse as editable fields. "Review changes" asks main
 * what would be sent; a value that can never be sent (not a number, too many decimals, stock out of range)
 * is shown under its field and nothing goes further; otherwise the review dialog opens.
 */
export function SkuEditor(props: {
  product: ProductView;
  onReview: (batches: ReviewedBatch[]) => void;
}): ReactElement {
  const { product, onReview } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = new Intl.NumberFormat(language);
  const priceText = (skuId: string) => {
    const price = product.skus.find((s) => s.skuId === skuId)?.price;
    return price ? minorToDecimal(price.amountMinor, fractionDigits(price.currency)) : '';
  };
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [stock, setStock] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const review = useChannelMutation('products:reviewChange');

  const edits = (): ReviewChangeInput[] => {
    const priceItems = product.skus
      .filter((s) => prices[s.skuId] !== undefined && prices[s.skuId] !== priceText(s.skuId))
      .map((s) => ({ skuId: s.skuId, price: prices[s.skuId]!.trim() }));
    const stockItems = product.skus.flatMap((s) =>
      s.warehouses
        .filter((w) => {
          const typed = stock[stockKey(s.skuId, w.warehouseId)];
          return typed !== undefined && typed.trim() !== String(w.quantity);
        })
        .map((w) => {
          const typed = stock[stockKey(s.skuId, w.warehouseId)]!.trim();
          // Anything but a whole number goes to main as -1, which it refuses with its stock-range text.
          const quantity = /^\d+$/.test(typed) ? Number(typed) : -1;
          return { skuId: s.skuId, warehouseId: w.warehouseId, quantity };
        }),
    );
    const out: ReviewChangeInput[] = [];
    if (priceItems.length) out.push({ kind: 'price', items: priceItems });
    if (stockItems.length) out.push({ kind: 'inventory', items: stockItems });
    return out;
  };

  const pending = edits();
  const submit = async () => {
    const batches: ReviewedBatch[] = [];
    const found: Record<string, string> = {};
    for (const input of pending) {
      const result = await review.mutateAsync(input);
      batches.push({ input, review: result });
      for (const item of result.items) {
        if (!item.refusal || !valueRefusals.has(item.refusal.reason)) continue;
        const text = reasonText(t, item.refusal);
        if (input.kind === 'price') found[item.skuId] = text;
        else
          for (const edit of input.items)
            if (edit.skuId === item.skuId) found[stockKey(edit.skuId, edit.warehouseId ?? '')] = text;
      }
    }
    setErrors(found);
    if (Object.keys(found).length === 0) onReview(batches);
  };

  const field = (key: string, label: string, value: string, onChange: (v: string) => void) => {
    const error = errors[key];
    const errorId = `sku-error-${key.replace(/\W/g, '-')}`;
    return (
      <div className="sku-field">
        <input
          className="input input-number"
          aria-label={label}
          value={value}
          inputMode="decimal"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            onChange(event.target.value);
            if (error) setErrors(({ [key]: _gone, ...rest }) => rest);
          }}
        />
        {error && (
          <span className="field-error" id={errorId}>
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <SkuTableForm
      columns={[
        t('products.change.sku'),
        t('products.columns.price'),
        t('products.sku.stock'),
        t('products.sku.cost'),
      ]}
      submitLabel={t('products.sku.review')}
      submitDisabled={pending.length === 0 || review.isPending}
      primary
      onSubmit={() => void submit()}
    >
      {product.skus.map((sku) => {
        const name = sku.sellerSku ?? sku.skuId;
        return (
          <tr key={sku.skuId}>
            <td>
              <span className="mono">{name}</span>
              {sku.lowStock && <span className="badge badge-tone-warning">{t('products.sku.lowStock')}</span>}
            </td>
            <td>
              {sku.price
                ? field(
                    sku.skuId,
                    t('products.sku.priceOf', { sku: name, currency: sku.price.currency }),
                    prices[sku.skuId] ?? priceText(sku.skuId),
                    (v) => setPrices((p) => ({ ...p, [sku.skuId]: v })),
                  )
                : '—'}
            </td>
            <td>
              {sku.warehouses.map((w) => {
                const key = stockKey(sku.skuId, w.warehouseId);
                return (
                  <div key={w.warehouseId} className="sku-warehouse">
                    {sku.warehouses.length > 1 && <span className="muted mono">{w.warehouseId}</span>}
                    {field(
                      key,
                      t('products.sku.stockOf', { sku: name, warehouse: w.warehouseId }),
                      stock[key] ?? String(w.quantity),
                      (v) => setStock((s) => ({ ...s, [key]: v })),
                    )}
                  </div>
                );
              })}
              {sku.warehouses.length === 0 && number.format(sku.inventory)}
            </td>
            <td className="col-num">{sku.cost ? formatMoney(sku.cost, language) : '—'}</td>
          </tr>
        );
      })}
    </SkuTableForm>
  );
}
