import { useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import { Icon } from './Icon';

export interface ComboboxOption {
  id: number | string;
  label: string;
  /** A second, quieter line (region, followers…). */
  detail?: string;
}

/**
 * A text box that filters a list of options it shows below (WAI-ARIA combobox with a listbox popup): the
 * caller searches with what is typed; Down/Up move through the options (focus stays in the box,
 * `aria-activedescendant` names the active one), Enter picks it, Escape closes the list first and only then
 * lets the dialog around it close. The options are the caller's, so any search (FTS in main) can feed it.
 */
export function Combobox(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly ComboboxOption[];
  onPick: (option: ComboboxOption) => void;
  /** Shown in place of the options while they are on their way, or when none match. */
  status: ReactNode;
  autoFocus?: boolean;
  /**
   * A picker over a list the caller already holds: the list opens on focus before anything is typed, and
   * the box's text (the current choice) is selected so that typing replaces it.
   */
  picker?: boolean;
  /** Under the options while they show (e.g. how many more match than are listed). */
  footer?: ReactNode;
  /** When focus leaves the box (a picker puts its current choice back). */
  onBlur?: () => void;
  className?: string;
  disabled?: boolean;
}): ReactElement {
  const { label, placeholder, value, onChange, options, onPick, status, picker = false } = props;
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const current = options.length === 0 ? -1 : Math.min(active, options.length - 1);
  const optionId = (i: number): string => `${id}-opt-${i}`;
  const expanded = open && (picker || value.trim() !== '');
  // Arrow keys move through a list taller than its box: the active option scrolls into view.
  useEffect(() => {
    if (expanded && current >= 0)
      document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expanded, current]);
  const openList = (input: HTMLInputElement): void => {
    setOpen(true);
    if (picker) {
      setActive(0);
      input.select();
    }
  };
  const pick = (o: ComboboxOption): void => {
    setOpen(false);
    onPick(o);
  };
  return (
    <div className={props.className ? `combobox ${props.className}` : 'combobox'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="search-field">
        <Icon name="search" size={16} />
        <input
          id={id}
          className="input search-input"
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && current >= 0 ? optionId(current) : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          autoFocus={props.autoFocus}
          disabled={props.disabled}
          // Inside a Dialog opening now: showModal() would move focus away; the Dialog gives it back here.
          data-autofocus={props.autoFocus ? '' : undefined}
          placeholder={placeholder}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onBlur={() => {
            setOpen(false);
            props.onBlur?.();
          }}
          onFocus={(e) => openList(e.target)}
          // Focus stays in the box after a pick: a click on it opens the list again as a first focus does.
          onClick={(e) => {
            if (!open) openList(e.currentTarget);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (!expanded) return setOpen(true);
              if (options.length === 0) return;
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((current + step + options.length) % options.length);
            } else if (e.key === 'Home' && expanded && options.length > 0 && e.ctrlKey) {
              e.preventDefault();
              setActive(0);
            } else if (e.key === 'End' && expanded && options.length > 0 && e.ctrlKey) {
              e.preventDefault();
              setActive(options.length - 1);
            } else if (e.key === 'Enter') {
              const o = options[current];
              if (expanded && o) {
                e.preventDefault();
                pick(o);
              }
            } else if (e.key === 'Escape' && expanded) {
              // Close the list, not the dialog around it.
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
      </div>
      <div className="combobox-popup" hidden={!expanded}>
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="combobox-list"
          hidden={options.length === 0}
        >
          {options.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className="combobox-option"
              // Before the input's blur, which would close the list under the pointer.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(o)}
            >
              <span className="combobox-option-label">{o.label}</span>
              {o.detail && <span className="combobox-option-detail muted">{o.detail}</span>}
            </li>
          ))}
        </ul>
        {options.length === 0 ? (
          <p className="combobox-status muted" role="status">
            {status}
          </p>
        ) : (
          props.footer && <p className="combobox-footer muted">{props.footer}</p>
        )}
      </div>
    </div>
  );
}
