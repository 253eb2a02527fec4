import { type ReactElement, type Ref } from 'react';
import { Field } from '../../components/Field';

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
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          ref={ref}
          id={control.id}
          className="input vault-passphrase-input"
          type="password"
          autoComplete={props.autoComplete}
          spellCheck={false}
          value={props.value}
          disabled={props.disabled}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
