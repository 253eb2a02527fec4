import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { orderStatuses, type OrderFilters as Filters } from '@shared/orders';
import { DateField } from '../../components/DateField';
import { FilterSelect } from '../../components/FilterSelect';
import { datePresets, presetOf, presetRange, type DatePreset } from './datePresets';

/** The Orders page's own filters, beside shop and search: what merchants look for in a queue. */
export interface OrderExtraFilters {
  status?: (typeof orderStatuses)[number];
  /** Days as typed (YYYY-MM-DD, the user's zone), both ends included. */
  fromDay?: string;
  toDay?: string;
  late?: true;
  awaitingShipment?: true;
  affiliate?: true;
  /** Orders no creator brought in (`affiliate: false` at the channel). */
  direct?: true;
  refunded?: true;
  sample?: true;
}

export const flagNames = ['late', 'awaitingShipment', 'affiliate', 'direct', 'refunded', 'sample'] as const;

/** "From creators" and "Not from creators" exclude each other: the one just ticked stays. */
export function exclusiveFlags(previous: OrderExtraFilters, next: OrderExtraFilters): OrderExtraFilters {
  if (!next.affiliate || !next.direct) return next;
  const { [previous.affiliate ? 'affiliate' : 'direct']: _dropped, ...kept } = next;
  return kept;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00`).getTime();

/** The filters as the channels take them: days become the UTC instants of the user's midnights. */
export function toQuery(f: OrderExtraFilters): Omit<Filters, 'shopId' | 'search'> {
  return {
    ...(f.status ? { status: [f.status] } : {}),
    ...(f.fromDay ? { from: dayStart(f.fromDay) } : {}),
    ...(f.toDay ? { to: dayStart(f.toDay) + 86_400_000 } : {}),
    ...Object.fromEntries(flagNames.filter((n) => n !== 'direct' && f[n]).map((n) => [n, true])),
    ...(f.direct ? { affiliate: false } : {}),
  };
}

export function OrderFilterFields(props: {
  value: OrderExtraFilters;
  onChange: (next: OrderExtraFilters) => void;
}): ReactElement {
  const { value, onChange } = props;
  const { t } = useTranslation();
  const preset = value.fromDay || value.toDay ? (presetOf(value, new Date()) ?? 'custom') : undefined;
  const set = (patch: Partial<OrderExtraFilters>) => {
    const next: OrderExtraFilters = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof OrderExtraFilters)[])
      if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  return (
    <>
      <FilterSelect
        label={t('orders.filters.status')}
        allLabel={t('orders.filters.allStatuses')}
        value={value.status}
        options={orderStatuses.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
        onChange={(status) => set({ status })}
      />
      <FilterSelect<DatePreset | 'custom'>
        label={t('orders.filters.period')}
        allLabel={t('orders.filters.anyTime')}
        value={preset}
        options={[
          ...datePresets.map((p) => ({ value: p, label: t(`orders.filters.presets.${p}`) })),
          ...(preset === 'custom'
            ? [{ value: 'custom' as const, label: t('orders.filters.presets.custom') }]
            : []),
        ]}
        onChange={(next) => {
          if (next === 'custom') return;
          set(next ? presetRange(next, new Date()) : { fromDay: undefined, toDay: undefined });
        }}
      />
      <DateField
        label={t('orders.filters.from')}
        value={value.fromDay ?? ''}
        max={value.toDay}
        onChange={(day) => set({ fromDay: day || undefined })}
      />
      <DateField
        label={t('orders.filters.to')}
        value={value.toDay ?? ''}
        min={value.fromDay}
        onChange={(day) => set({ toDay: day || undefined })}
      />
      <fieldset className="filter-flags">
        <legend className="visually-hidden">{t('orders.filters.only')}</legend>
        {flagNames.map((name) => (
          <label key={name} className="choice filter-flag">
            <input
              type="checkbox"
              checked={value[name] === true}
              onChange={(e) => set({ [name]: e.target.checked ? true : undefined })}
            />
            <span>{t(`orders.filters.${name}`)}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
