import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSchema } from '@shared/settings';

const { minValue: min, maxValue: max } = settingsSchema.shape.syncIntervalMinutes;
const debounceMs = 600;

function parse(draft: string): number | null {
  if (!/^\s*\d+\s*$/.test(draft)) return null;
  const value = Number(draft);
  return min !== null && max !== null && value >= min && value <= max ? value : null;
}

/** Saves while typing pauses or on leaving the field, and never sends a value the contract would reject. */
export function SyncIntervalField(props: { value: number; onSave: (value: number) => void }): ReactElement {
  const { value, onSave } = props;
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  const timer = useRef<number | undefined>(undefined);

  // A new saved value (ours or from another window) replaces the draft unless the draft already says it.
  if (shownValue !== value) {
    setShownValue(value);
    if (parse(draft) !== value) setDraft(String(value));
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const parsed = parse(draft);
  const invalid = parsed === null;

  const commit = (next: number | null) => {
    window.clearTimeout(timer.current);
    if (next !== null && next !== value) onSave(next);
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('settings.syncInterval.label')}
      </label>
      <input
        id={id}
        className="input input-number"
        type="number"
        inputMode="numeric"
        min={min ?? undefined}
        max={max ?? undefined}
        step={1}
        value={draft}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint ${id}-error`}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          window.clearTimeout(timer.current);
          const nextValue = parse(next);
          if (nextValue !== null) timer.current = window.setTimeout(() => commit(nextValue), debounceMs);
        }}
        onBlur={() => commit(parsed)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(parsed);
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('settings.syncInterval.hint', { min, max })}
      </p>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {invalid ? t('settings.syncInterval.invalid', { min, max }) : ''}
      </p>
    </div>
  );
}
