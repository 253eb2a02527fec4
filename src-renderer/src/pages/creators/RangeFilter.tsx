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
 * A "from … up to …" pair of number fields for one filtered figure, kept together when the bar wraps.
 * `scale` turns the stored unit into what the merchant types (cents → dollars, basis points → percent).
 * A "from" above the "up to" is named under the pair; the search leaves that range out until it is fixed.
 */
export function RangeFilter(props: {
  minLabel: string;
  maxLabel: string;
  value: Bounds | undefined;
  onChange: (value: Bounds | undefined) => void;
  scale?: number;
  step?: number;
  max?: number;
}): ReactElement {
  const { minLabel, maxLabel, value, onChange, scale = 1, step, max } = props;
  const { t } = useTranslation();
  const errorId = useId();
  const shown = (n: number | undefined): number | undefined => (n === undefined ? undefined : n / scale);
  const stored = (n: number | undefined): number | undefined => {
    if (n === undefined) return undefined;
    const capped = max === undefined ? n : Math.min(max, n);
    return Math.round(capped * scale);
  };
  const inverted = value?.min !== undefined && value.max !== undefined && value.min > value.max;
  return (
    <span className="range-filter">
      <NumberField
        label={minLabel}
        value={shown(value?.min)}
        step={step}
        max={max}
        errorId={inverted ? errorId : undefined}
        onChange={(v) => onChange(bounds(stored(v), value?.max))}
      />
      <NumberField
        label={maxLabel}
        value={shown(value?.max)}
        step={step}
        max={max}
        errorId={inverted ? errorId : undefined}
        onChange={(v) => onChange(bounds(value?.min, stored(v)))}
      />
      {inverted && (
        <span id={errorId} className="field-error range-filter-error" role="alert">
          {t('creators.filters.inverted', { min: minLabel, max: maxLabel })}
        </span>
      )}
    </span>
  );
}
