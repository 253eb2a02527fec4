import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail, ProductView } from '@shared/catalogue';
import { errorText, useChannelMutation } from '../../api';
import { useToasts } from '../../components/Toasts';
import { fractionDigits, formatMoney, minorToDecimal } from '../../format/money';
import { formatDate, formatDateTime } from '../../format/time';
import { SkuTableForm } from './SkuTableForm';

/** Each SKU's prices over time, newest first: what the sync saw and what ShopMesh set. */
export function PriceHistory(props: {
  product: ProductView;
  history: ProductDetail['priceHistory'];
}): ReactElement {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const name = (skuId: string) => props.product.skus.find((s) => s.skuId === skuId)?.sellerSku ?? skuId;
  const rows = props.history.flatMap((h) => h.points.map((p) => ({ ...p, skuId: h.skuId })));
  rows.sort((a, b) => b.at - a.at);
  if (rows.length === 0) return <p className="muted">{t('products.history.none')}</p>;
  return (
    <div className="table-scroll detail-table-scroll">
      <table className="table price-history">
        <thead>
          <tr>
            <th scope="col">{t('products.history.when')}</th>
            <th scope="col">{t('products.change.sku')}</th>
            <th scope="col" className="col-num">
              {t('products.columns.price')}
            </th>
            <th scope="col">{t('products.history.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.skuId}:${row.at}:${row.source}`}>
              <td>
                <time dateTime={new Date(row.at).toISOString()} title={formatDateTime(row.at, language)}>
                  {formatDate(row.at, language)}
                </time>
              </td>
              <td className="mono">{name(row.skuId)}</td>
              <td className="col-num">{formatMoney(row.price, language)}</td>
              <td>{t(`products.history.${row.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const amountText = (money: ProductView['skus'][number]['cost']) =>
  money ? minorToDecimal(money.amountMinor, fractionDigits(money.currency)) : '';

/**
 * What one unit of each SKU costs the merchant (goods and shipping), in the shop's currency: used by the
 * dashboards' net contribution and profit per creator. Main checks every amount before writing any.
 */
export function CostsEditor(props: { product: ProductView }): ReactElement {
  const { product } = props;
  const { t } = useTranslation();
  const { showToast } = useToasts();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const save = useChannelMutation('products:setCosts', {
    silent: true,
    invalidates: ['products:list', 'products:detail'],
    onSuccess: (result) => {
      setTyped({});
      showToast({
        tone: 'success',
        message: { key: 'products.costs.saved', params: { count: result.changed } },
      });
    },
  });
  const currency = product.skus.find((s) => s.price)?.price?.currency ?? '';
  const key = (skuId: string, field: 'cost' | 'shippingCost') => `${skuId}|${field}`;
  const valueOf = (sku: ProductView['skus'][number], field: 'cost' | 'shippingCost') =>
    typed[key(sku.skuId, field)] ?? amountText(sku[field]);
  const items = product.skus.flatMap((sku) => {
    const entry: { skuId: string; cost?: string | null; shippingCost?: string | null } = { skuId: sku.skuId };
    for (const field of ['cost', 'shippingCost'] as const) {
      const text = typed[key(sku.skuId, field)];
      if (text === undefined || text.trim() === amountText(sku[field])) continue;
      entry[field] = text.trim() === '' ? null : text.trim();
    }
    return Object.keys(entry).length > 1 ? [entry] : [];
  });
  return (
    <SkuTableForm
      columns={[
        t('products.change.sku'),
        t('products.costs.cost', { currency }),
        t('products.costs.shippingCost', { currency }),
      ]}
      submitLabel={t('products.costs.save')}
      submitDisabled={items.length === 0 || save.isPending}
      onSubmit={() => save.mutate({ items })}
      after={
        <>
          {save.error && (
            <p className="field-error" role="alert">
              {errorText(save.error)}
            </p>
          )}
          <p className="field-hint">{t('products.costs.hint')}</p>
        </>
      }
    >
      {product.skus.map((sku) => {
        const name = sku.sellerSku ?? sku.skuId;
        return (
          <tr key={sku.skuId}>
            <td className="mono">{name}</td>
            {(['cost', 'shippingCost'] as const).map((field) => (
              <td key={field}>
                <input
                  className="input input-number"
                  aria-label={t(`products.costs.${field}Of`, { sku: name })}
                  inputMode="decimal"
                  value={valueOf(sku, field)}
                  placeholder="—"
                  onChange={(event) => {
                    setTyped((current) => ({
                      ...current,
                      [key(sku.skuId, field)]: event.target.value,
                    }));
                    save.reset();
                  }}
                />
              </td>
            ))}
          </tr>
        );
      })}
    </SkuTableForm>
  );
}
