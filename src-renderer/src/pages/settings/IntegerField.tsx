import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Field } from '../../components/Field';

const debounceMs = 600;

function parse(draft: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(draft)) return null;
  const value = Number(draft);
  return value >= min && value <= max ? value : null;
}

/**
 * A whole-number setting: saves while typing pauses or on leaving the field, and never sends a value the
 * contract would reject (its bounds come from the settings schema).
 */
export function IntegerField(props: {
  label: string;
  hint: string;
  invalid: string;
  min: number;
  max: number;
  value: number;
  onSave: (value: number) => void;
}): ReactElement {
  const { value, onSave, min, max } = props;
  const [draft, setDraft] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  const timer = useRef<number | undefined>(undefined);

  // A new saved value (ours or from another window) replaces the draft unless the draft already says it.
  if (shownValue !== value) {
    setShownValue(value);
    if (parse(draft, min, max) !== value) setDraft(String(value));
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const parsed = parse(draft, min, max);
  const invalid = parsed === null;

  const commit = (next: number | null) => {
    window.clearTimeout(timer.current);
    if (next !== null && next !== value) onSave(next);
  };

  return (
    <Field label={props.label} hint={props.hint} error={invalid ? props.invalid : null}>
      {(control) => (
        <input
          id={control.id}
          className="input input-number"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={draft}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          onChange={(event) => {
            const next = event.target.value;
            setDraft(next);
            window.clearTimeout(timer.current);
            const nextValue = parse(next, min, max);
            if (nextValue !== null) timer.current = window.setTimeout(() => commit(nextValue), debounceMs);
          }}
          onBlur={() => commit(parsed)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(parsed);
          }}
        />
      )}
    </Field>
  );
}

/** The bounds of an integer field of the settings schema. */
export function boundsOf(schema: { minValue: number | null; maxValue: number | null }): {
  min: number;
  max: number;
} {
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}
