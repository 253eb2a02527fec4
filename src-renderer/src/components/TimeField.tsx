import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** "09:30" → "9:30 AM" / "09:30": a wall time as the app's language writes it. */
export function formatWallTime(hhmm: string, language: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, h ?? 0, m ?? 0),
  );
}

/**
 * A time of day (HH:mm) chosen from a list in `step`-minute steps, written as the app's language writes times
 * ("9:30 PM" / "21:30"); the native <input type=time> follows the browser's locale instead. A value off the
 * steps (an older draft) stays listed.
 */
export function TimeField(props: {
  label: string;
  value: string;
  onChange: (hhmm: string) => void;
  step?: number;
  /** The label is read by assistive technology only (the field sits in a sentence that names it). */
  hideLabel?: boolean;
  disabled?: boolean;
}): ReactElement {
  const { label, value, onChange, step = 30, hideLabel = false, disabled = false } = props;
  const { i18n } = useTranslation();
  const id = useId();
  const times: string[] = [];
  for (let minute = 0; minute < 24 * 60; minute += step)
    times.push(`${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
  if (value && !times.includes(value)) {
    times.push(value);
    times.sort();
  }
  return (
    <span className="field field-inline time-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <select
        id={id}
        className="input select time-field-select"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {times.map((time) => (
          <option key={time} value={time}>
            {formatWallTime(time, i18n.language)}
          </option>
        ))}
      </select>
    </span>
  );
}
