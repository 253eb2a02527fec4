import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VAULT_PASSPHRASE, MIN_VAULT_PASSPHRASE } from '@shared/accounts';
import { useChannelMutation } from '../../api';
import { errorText, toAppError } from '../../api/errors';
import { Icon } from '../../components/Icon';
import { PasswordField } from './PasswordField';

/**
 * Settings' "Change passphrase" for the passphrase-protected key store: the current passphrase (checked by
 * main, which changes nothing and pauses when it is wrong) and the new one typed twice, since a typo would
 * lock the merchant out at the next start. Passphrases stay in this form's state only until the reply.
 */
export function ChangePassphraseForm(): ReactElement {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<{ field: 'current' | 'form'; text: string } | null>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  // The form shows its own refusals (a wrong passphrase is not a toast).
  const { mutateAsync: change } = useChannelMutation('vault:changePassphrase', {
    silent: true,
    invalidates: ['accounts:list', 'activity:list'],
  });
  const limits = { min: MIN_VAULT_PASSPHRASE, max: MAX_VAULT_PASSPHRASE };

  const currentError = current.length === 0 ? t('settings.passphrase.currentMissing') : null;
  const nextError =
    next.length < MIN_VAULT_PASSPHRASE
      ? t('accounts.vault.passphrase.tooShort', limits)
      : next.length > MAX_VAULT_PASSPHRASE
        ? t('accounts.vault.passphrase.tooLong', limits)
        : next === current
          ? t('settings.passphrase.same')
          : null;
  const mismatch = confirm !== next ? t('accounts.vault.passphrase.mismatch') : null;

  useEffect(() => {
    if (failure?.field === 'current' && !busy) currentRef.current?.focus();
  }, [failure, busy]);

  const edited = () => {
    setFailure(null);
    setDone(false);
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
    setBusy(true);
    edited();
    change({ currentPassphrase: current, newPassphrase: next }).then(
      () => {
        setCurrent('');
        setNext('');
        setConfirm('');
        setSubmitted(false);
        setBusy(false);
        setDone(true);
      },
      (error: unknown) => {
        const err = toAppError(error);
        const wrong = err.details?.vault === 'wrong_passphrase';
        setFailure({ field: wrong ? 'current' : 'form', text: errorText(err) });
        setCurrent('');
        setSubmitted(false);
        setBusy(false);
      },
    );
  };

  return (
    <form className="vault-passphrase-form" noValidate onSubmit={submit} aria-busy={busy}>
      <PasswordField
        ref={currentRef}
        label={t('settings.passphrase.current')}
        value={current}
        error={(submitted ? currentError : null) ?? (failure?.field === 'current' ? failure.text : null)}
        autoComplete="current-password"
        disabled={busy}
        onChange={(value) => {
          setCurrent(value);
          edited();
        }}
      />
      <PasswordField
        ref={nextRef}
        label={t('settings.passphrase.new')}
        value={next}
        error={submitted ? nextError : null}
        hint={t('accounts.vault.passphrase.hint', limits)}
        autoComplete="new-password"
        disabled={busy}
        onChange={(value) => {
          setNext(value);
          edited();
        }}
      />
      <PasswordField
        ref={confirmRef}
        label={t('settings.passphrase.confirm')}
        value={confirm}
        error={submitted && !nextError ? mismatch : null}
        autoComplete="new-password"
        disabled={busy}
        onChange={(value) => {
          setConfirm(value);
          edited();
        }}
      />
      {failure?.field === 'form' && (
        <p className="field-error" role="alert">
          {failure.text}
        </p>
      )}
      <div className="vault-passphrase-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('settings.passphrase.submit')}
        </button>
        <span className={done ? 'save-status save-status-saved' : 'muted'} role="status">
          {done && <Icon name="check" size={16} />}
          {busy ? t('settings.passphrase.busy') : done ? t('settings.passphrase.done') : ''}
        </span>
      </div>
    </form>
  );
}
