import { type ReactElement, type Ref, useId } from 'react';

/** A labelled password input with its hint and its own error line (announced politely). */
export function PasswordField({
  ref,
  ...props
}: {
  label: string;
  value: string;
  error: string | null;
  hint?: string;
  autoComplete: 'new-password' | 'current-password';
  disabled: boolean;
  ref?: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
}): ReactElement {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        ref={ref}
        id={id}
        className="input vault-passphrase-input"
        type="password"
        autoComplete={props.autoComplete}
        spellCheck={false}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error !== null}
        aria-describedby={`${props.hint ? `${id}-hint ` : ''}${id}-error`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {props.error ?? ''}
      </p>
    </div>
  );
}
