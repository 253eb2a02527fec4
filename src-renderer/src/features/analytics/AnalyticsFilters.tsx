import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rangePresets, type AnalyticsFilter, type AnalyticsScope } from '@shared/analytics';
import { DateField } from '../../components/DateField';
import { formatZoneLabel } from './format';

type Preset = (typeof rangePresets)[number] | 'custom';

/**
 * Period, shops, advertisers and (optionally) reporting currency: the filters of every analytics page, with
 * a page's own (`children`, e.g. the Affiliate page's Creator and collaboration). They are laid out as one
 * grid of equal columns, labels above their boxes (analytics.css), so the bar reads as one row whatever the
 * language; a custom period's From, To and Apply take the row under it, in the same columns.
 */
export function AnalyticsFilters(props: {
  filter: AnalyticsFilter;
  onChange: (next: AnalyticsFilter) => void;
  scopes: AnalyticsScope[];
  /** Currencies the user can report in (those with data); omitted on pages that list raw amounts. */
  currencies?: string[];
  showAdvertisers?: boolean;
  showShops?: boolean;
  children?: ReactNode;
}): ReactElement {
  const { filter, onChange, scopes, currencies, showAdvertisers = true, showShops = true, children } = props;
  const { t } = useTranslation();
  const shops = scopes.filter((s) => s.type === 'shop');
  const advertisers = scopes.filter((s) => s.type === 'advertiser');
  return (
    <div className="analytics-filters" role="group" aria-label={t('analytics.filters.label')}>
      <PeriodField filter={filter} onChange={onChange} zone={reportZone(filter, scopes)} />
      {showShops && shops.length > 0 && (
        <ScopePicker
          label={t('analytics.filters.shops')}
          all={t('analytics.filters.allShops')}
          options={shops}
          selected={filter.shopIds ?? []}
          onChange={(shopIds) => onChange({ ...filter, shopIds })}
        />
      )}
      {showAdvertisers && advertisers.length > 0 && (
        <ScopePicker
          label={t('analytics.filters.advertisers')}
          all={t('analytics.filters.allAdvertisers')}
          options={advertisers}
          selected={filter.advertiserIds ?? []}
          onChange={(advertiserIds) => onChange({ ...filter, advertiserIds })}
        />
      )}
      {currencies && currencies.length > 0 && (
        <label className="field field-inline">
          <span className="field-label">{t('analytics.filters.currency')}</span>
          <select
            className="input select"
            value={filter.reportingCurrency ?? ''}
            onChange={(e) => onChange({ ...filter, reportingCurrency: e.target.value || null })}
          >
            <option value="">{t('analytics.filters.perCurrency')}</option>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {t('analytics.filters.convertTo', { currency: c })}
              </option>
            ))}
          </select>
        </label>
      )}
      {children}
    </div>
  );
}

/**
 * The zone whose "today" a custom period's calendar marks: the one zone of the chosen shops (all shops when
 * none is chosen; advertisers when there is no shop), as main takes presets in (analytics/scopes.ts); the
 * user's own when they differ.
 */
function reportZone(filter: AnalyticsFilter, scopes: AnalyticsScope[]): string | undefined {
  const pick = (type: AnalyticsScope['type'], ids: string[] = []) => {
    const ofType = scopes.filter((s) => s.type === type);
    const chosen = ofType.filter((s) => ids.includes(s.id));
    return chosen.length > 0 ? chosen : ofType;
  };
  const shops = pick('shop', filter.shopIds);
  const zones = new Set(
    (shops.length > 0 ? shops : pick('advertiser', filter.advertiserIds)).map((s) => s.zone),
  );
  return zones.size === 1 ? [...zones][0] : undefined;
}

function PeriodField({
  filter,
  onChange,
  zone,
}: {
  filter: AnalyticsFilter;
  onChange: (next: AnalyticsFilter) => void;
  zone: string | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const range = filter.range;
  const [from, setFrom] = useState(range.preset === 'custom' ? range.from : '');
  const [to, setTo] = useState(range.preset === 'custom' ? range.to : '');
  const [custom, setCustom] = useState(range.preset === 'custom');
  const preset: Preset = custom ? 'custom' : range.preset;
  const valid = from !== '' && to !== '' && from <= to;
  return (
    <div className="period-field">
      <label className="field field-inline">
        <span className="field-label">{t('analytics.filters.period')}</span>
        <select
          className="input select"
          value={preset}
          onChange={(e) => {
            const value = e.target.value as Preset;
            if (value === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            onChange({ ...filter, range: { preset: value } });
          }}
        >
          {[...rangePresets, 'custom' as const].map((p) => (
            <option key={p} value={p}>
              {t(`analytics.filters.presets.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {custom && (
        <form
          className="custom-range"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange({ ...filter, range: { preset: 'custom', from, to } });
          }}
        >
          <DateField
            label={t('analytics.filters.from')}
            value={from}
            max={to || undefined}
            zone={zone}
            onChange={setFrom}
          />
          <DateField
            label={t('analytics.filters.to')}
            value={to}
            min={from || undefined}
            zone={zone}
            onChange={setTo}
          />
          <button type="submit" className="button button-small" disabled={!valid}>
            {t('analytics.filters.apply')}
          </button>
        </form>
      )}
    </div>
  );
}

/** A multi-select as a disclosure of checkboxes: every option reachable with Tab and Space. */
function ScopePicker(props: {
  label: string;
  all: string;
  options: AnalyticsScope[];
  selected: string[];
  onChange: (ids: string[]) => void;
}): ReactElement {
  const { label, all, options, selected, onChange } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const summary =
    selected.length === 0
      ? all
      : selected.length === 1
        ? (options.find((o) => o.id === selected[0])?.name ?? all)
        : t('analytics.filters.nSelected', { count: selected.length });
  return (
    <div className="field field-inline">
      <span className="field-label" aria-hidden="true">
        {label}
      </span>
      <details className="scope-picker">
        <summary className="input select" aria-label={`${label}: ${summary}`}>
          <span className="scope-picker-text" title={summary}>
            {summary}
          </span>
        </summary>
        <fieldset className="scope-picker-panel" aria-labelledby={id}>
          <legend id={id} className="field-label">
            {label}
          </legend>
          <label className="choice">
            <input type="checkbox" checked={selected.length === 0} onChange={() => onChange([])} />
            <span>{all}</span>
          </label>
          {options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="checkbox"
                checked={selected.includes(o.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, o.id] : selected.filter((x) => x !== o.id))
                }
              />
              <span>
                {o.name}
                <span className="muted">
                  {' '}
                  · {o.region ?? o.currency ?? ''} · {formatZoneLabel(o.zone, i18n.language)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
