import { useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { portRange } from './draft';

/** A key or id: plain text, never autocompleted or spell-checked (it is not prose). */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}): ReactElement {
  return (
    <Field label={props.label}>
      {({ id }) => (
        <input
          id={id}
          className="input tiktok-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export function PortField(props: {
  label: string;
  value: string;
  invalid: boolean;
  /** The redirect URL this port makes, which the user must register with TikTok. */
  redirectUrl: string;
  onChange: (value: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <Field
      label={props.label}
      hint={t('settings.tiktok.redirectHint', { url: props.redirectUrl })}
      error={props.invalid ? t('settings.tiktok.portInvalid', portRange) : null}
    >
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="input input-number"
          type="number"
          inputMode="numeric"
          min={portRange.min}
          max={portRange.max}
          step={1}
          value={props.value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A write-only secret. Once saved it is never sent back, so the field shows "Saved" instead of a value
 * and stays read-only until the user chooses Replace; an empty field keeps the saved secret.
 */
export function SecretField(props: {
  label: string;
  value: string;
  saved: boolean;
  replacing: boolean;
  onReplacingChange: (replacing: boolean) => void;
  onChange: (value: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const locked = props.saved && !props.replacing;
  return (
    <Field label={props.label} hint={props.saved ? t('settings.tiktok.secretHint') : undefined}>
      {({ id, describedBy }) => (
        <div className="tiktok-secret-row">
          <input
            ref={input}
            id={id}
            className="input tiktok-input"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            readOnly={locked}
            placeholder={locked ? t('settings.tiktok.secretSaved') : ''}
            value={locked ? '' : props.value}
            aria-describedby={describedBy}
            onChange={(event) => props.onChange(event.target.value)}
          />
          {props.saved && (
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={t(locked ? 'settings.tiktok.replaceLabel' : 'settings.tiktok.keepLabel', {
                field: props.label,
              })}
              onClick={() => {
                props.onReplacingChange(locked);
                if (locked) requestAnimationFrame(() => input.current?.focus());
                else props.onChange('');
              }}
            >
              {t(locked ? 'settings.tiktok.replace' : 'settings.tiktok.keep')}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
