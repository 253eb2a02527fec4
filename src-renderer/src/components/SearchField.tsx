import { useId, type ReactElement } from 'react';
import { Icon } from './Icon';

/**
 * A list's search box: a visually hidden label for screen readers, the placeholder for sighted readers. The
 * box is never narrower than its placeholder in the current language: a hidden copy of the placeholder
 * shares its grid cell and sets the width.
 */
export function SearchField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}): ReactElement {
  const { label, placeholder, value, onChange } = props;
  const id = useId();
  return (
    <div className="search-field">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <span className="search-sizer" aria-hidden="true">
        {placeholder}
      </span>
      <Icon name="search" size={16} />
      <input
        id={id}
        className="input search-input"
        type="search"
        value={value}
        placeholder={placeholder}
        maxLength={200}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
