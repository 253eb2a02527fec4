import { useId, type ReactElement } from 'react';

/** A labelled "narrow this list" select whose empty value means "all" (shop, event type, Account). */
export function FilterSelect<V extends string>(props: {
  label: string;
  allLabel: string;
  value: V | undefined;
  options: readonly { value: V; label: string }[];
  onChange: (value: V | undefined) => void;
  /** Added to the field's classes, for a page that sizes one menu apart from the others. */
  className?: string;
}): ReactElement {
  const { label, allLabel, value, options, onChange, className } = props;
  const id = useId();
  return (
    <div className={className ? `field field-inline ${className}` : 'field field-inline'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input select"
        value={value ?? ''}
        onChange={(event) => onChange((event.target.value || undefined) as V | undefined)}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
