import { type FormEvent, type ReactElement, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';

/** The translation keys one passphrase form uses (the vault's and the app lock's have their own words). */
export interface PassphraseKeys {
  current: string;
  next: string;
  confirm: string;
  /** These three take `{{min}}` and `{{max}}`. */
  hint: string;
  tooShort: string;
  tooLong: string;
  currentMissing: string;
  same: string;
  mismatch: string;
}

/** What main refused: beside the current passphrase (a wrong one) or for the whole form. */
export interface PassphraseRefusal {
  text: string;
  atCurrent: boolean;
}

/**
 * A form that sets, changes or checks a passphrase: the current one (to change or turn off) and/or the new
 * one typed twice, since a typo would lock the merchant out. It checks before main sees anything (current
 * present; new within the limits, not the current one, typed alike) and focuses the first wrong field.
 * `onSubmit` sends to the caller's channel and answers null when main accepted (every field is cleared) or
 * the refusal (the current passphrase is cleared for retyping). Passphrases stay in this form's state only
 * until main answers. The vault's "Change passphrase" and the app lock's dialog are this form.
 */
export function PassphraseChangeForm(props: {
  needsCurrent: boolean;
  needsNew: boolean;
  limits: { min: number; max: number };
  keys: PassphraseKeys;
  busy: boolean;
  onSubmit: (passphrases: { current: string; next: string }) => Promise<PassphraseRefusal | null>;
  /** Called on every keystroke, e.g. to drop a "saved" note. */
  onEdit?: () => void;
  className: string;
  /** The submit button and whatever goes beside it. */
  children: ReactNode;
}): ReactElement {
  const { needsCurrent, needsNew, limits, keys, busy, onEdit } = props;
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<PassphraseRefusal | null>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const currentError = needsCurrent && current.length === 0 ? t(keys.currentMissing) : null;
  const nextError = !needsNew
    ? null
    : next.length < limits.min
      ? t(keys.tooShort, limits)
      : next.length > limits.max
        ? t(keys.tooLong, limits)
        : needsCurrent && next === current
          ? t(keys.same)
          : null;
  const mismatch = needsNew && confirm !== next ? t(keys.mismatch) : null;

  // Once the field is enabled again after a refusal, put the merchant back in it to retype.
  useEffect(() => {
    if (refusal?.atCurrent && !busy) currentRef.current?.focus();
  }, [refusal, busy]);

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setRefusal(null);
    onEdit?.();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (busy) return;
    const firstBad = currentError ? currentRef : nextError ? nextRef : mismatch ? confirmRef : null;
    if (firstBad) {
      firstBad.current?.focus();
      return;
    }
    setRefusal(null);
    void props.onSubmit({ current, next }).then((refused) => {
      setCurrent('');
      setSubmitted(false);
      setRefusal(refused);
      if (refused) return;
      setNext('');
      setConfirm('');
    });
  };

  return (
    <form className={props.className} noValidate onSubmit={submit} aria-busy={busy}>
      {needsCurrent && (
        <PasswordField
          ref={currentRef}
          label={t(keys.current)}
          value={current}
          error={(submitted ? currentError : null) ?? (refusal?.atCurrent ? refusal.text : null)}
          autoComplete="current-password"
          disabled={busy}
          onChange={edit(setCurrent)}
        />
      )}
      {needsNew && (
        <>
          <PasswordField
            ref={nextRef}
            label={t(keys.next)}
            value={next}
            error={submitted ? nextError : null}
            hint={t(keys.hint, limits)}
            autoComplete="new-password"
            disabled={busy}
            onChange={edit(setNext)}
          />
          <PasswordField
            ref={confirmRef}
            label={t(keys.confirm)}
            value={confirm}
            error={submitted && !nextError ? mismatch : null}
            autoComplete="new-password"
            disabled={busy}
            onChange={edit(setConfirm)}
          />
        </>
      )}
      {refusal && !refusal.atCurrent && (
        <p className="field-error" role="alert">
          {refusal.text}
        </p>
      )}
      {props.children}
    </form>
  );
}
