import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../components/FilterSelect';
import { productStatuses } from './productStatus';

export const salesPeriods = [7, 30, 90] as const;
export type SalesPeriod = (typeof salesPeriods)[number];

/** The Products page's own filters, beside shop and search. */
export interface ProductExtraFilters {
  /** TikTok's listing status. */
  status?: string;
  /** Only products with a SKU under the low-stock threshold (Settings). */
  lowStock?: true;
  /** Units sold and GMV over the last n days, today included. */
  salesPeriod?: SalesPeriod;
}

const dayText = (date: Date): string => date.toLocaleDateString('en-CA');

/** The days `products:list` sums sales over: the last n days up to today, in the user's calendar. */
export function salesDays(
  period: SalesPeriod | undefined,
  now: Date,
): { salesFrom?: string; salesTo?: string } {
  if (!period) return {};
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - period + 1);
  return { salesFrom: dayText(from), salesTo: dayText(now) };
}

export function ProductFilterFields(props: {
  value: ProductExtraFilters;
  onChange: (next: ProductExtraFilters) => void;
  lowStockBelow: number;
}): ReactElement {
  const { value, onChange } = props;
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<ProductExtraFilters>) => {
    const next: ProductExtraFilters = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof ProductExtraFilters)[])
      if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  return (
    <>
      <FilterSelect
        label={t('products.filters.status')}
        allLabel={t('products.filters.allStatuses')}
        value={value.status}
        options={productStatuses.map((s) => ({ value: s, label: t(`products.status.${s}`) }))}
        onChange={(status) => set({ status })}
      />
      <FilterSelect<`${SalesPeriod}`>
        label={t('products.filters.sales')}
        allLabel={t('products.filters.noSales')}
        value={value.salesPeriod ? `${value.salesPeriod}` : undefined}
        options={salesPeriods.map((days) => ({
          value: `${days}`,
          label: t('products.filters.lastDays', { count: days }),
        }))}
        onChange={(days) => set({ salesPeriod: days ? (Number(days) as SalesPeriod) : undefined })}
      />
      <label className="choice filter-flag">
        <input
          type="checkbox"
          checked={value.lowStock === true}
          onChange={(e) => set({ lowStock: e.target.checked ? true : undefined })}
        />
        <span>
          {t('products.filters.lowStock', {
            threshold: new Intl.NumberFormat(i18n.language).format(props.lowStockBelow),
          })}
        </span>
      </label>
    </>
  );
}
