import { useId, type ReactElement } from 'react';

/**
 * A labelled number the user types (a filter bound, a rule's figure): never negative, whole unless a `step`
 * below 1 is given; an empty box gives `undefined` ("no bound").
 */
export function NumberField(props: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  step?: number;
  max?: number;
  /** The label is for screen readers only (the column header says it). */
  hideLabel?: boolean;
  className?: string;
  /** A hint inside the empty box (which end of a range it is), never a value. */
  placeholder?: string;
  /** The id of the message saying why the figure cannot be used, shown next to the field. */
  errorId?: string;
}): ReactElement {
  const {
    label,
    value,
    onChange,
    step = 1,
    max,
    hideLabel = false,
    className = 'field field-inline',
    errorId,
    placeholder,
  } = props;
  const id = useId();
  return (
    <span className={className}>
      <label className={hideLabel ? 'visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input-number"
        type="number"
        min={0}
        max={max}
        step={step}
        inputMode={step < 1 ? 'decimal' : 'numeric'}
        value={value ?? ''}
        placeholder={placeholder}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(event) => {
          if (event.target.value === '') return onChange(undefined);
          const typed = Number(event.target.value);
          if (!Number.isFinite(typed) || typed < 0) return;
          onChange(step < 1 ? typed : Math.floor(typed));
        }}
      />
    </span>
  );
}
