import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from './NumberField';

export interface Bounds {
  min?: number;
  max?: number;
}

/** Both ends of one range, or none when both are empty ("no filter"). */
export const bounds = (min: number | undefined, max: number | undefined): Bounds | undefined =>
  min === undefined && max === undefined
    ? undefined
    : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };

/**
 * One filtered figure as a row of the "More filters" grid: its name, then "from … – … up to" (each box named
 * in full for screen readers: "Followers from"). `scale` turns the stored unit into what the merchant types
 * (cents → dollars, basis points → percent). A "from" above the "up to" is named under the row; the search
 * leaves that range out until it is fixed.
 */
export function RangeFilter(props: {
  name: string;
  minLabel: string;
  maxLabel: string;
  value: Bounds | undefined;
  onChange: (value: Bounds | undefined) => void;
  scale?: number;
  step?: number;
  max?: number;
}): ReactElement {
  const { name, minLabel, maxLabel, value, onChange, scale = 1, step, max } = props;
  const { t } = useTranslation();
  const nameId = useId();
  const errorId = useId();
  const shown = (n: number | undefined): number | undefined => (n === undefined ? undefined : n / scale);
  const stored = (n: number | undefined): number | undefined => {
    if (n === undefined) return undefined;
    const capped = max === undefined ? n : Math.min(max, n);
    return Math.round(capped * scale);
  };
  const inverted = value?.min !== undefined && value.max !== undefined && value.min > value.max;
  const end = { step, max, hideLabel: true, className: 'range-filter-end' };
  return (
    <div className="range-filter" role="group" aria-labelledby={nameId}>
      <span id={nameId} className="field-label">
        {name}
      </span>
      <NumberField
        {...end}
        label={minLabel}
        placeholder={t('creators.filters.from')}
        value={shown(value?.min)}
        errorId={inverted ? errorId : undefined}
        onChange={(v) => onChange(bounds(stored(v), value?.max))}
      />
      <span className="muted" aria-hidden="true">
        –
      </span>
      <NumberField
        {...end}
        label={maxLabel}
        placeholder={t('creators.filters.upTo')}
        value={shown(value?.max)}
        errorId={inverted ? errorId : undefined}
        onChange={(v) => onChange(bounds(value?.min, stored(v)))}
      />
      {inverted && (
        <span id={errorId} className="field-error range-filter-error" role="alert">
          {t('creators.filters.inverted', { min: minLabel, max: maxLabel })}
        </span>
      )}
    </div>
  );
}
