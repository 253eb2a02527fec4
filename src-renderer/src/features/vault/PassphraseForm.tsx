import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VAULT_PASSPHRASE, MIN_VAULT_PASSPHRASE } from '@shared/accounts';
import { useChannelMutation } from '../../api';
import { errorText, toAppError } from '../../api/errors';
import { PasswordField } from './PasswordField';

/**
 * Unlocks the vault with a passphrase when there is no system keychain. On first run the merchant chooses
 * it (typed twice, since a typo would lock them out); later it is checked by main, which pauses after a
 * wrong one. The passphrase lives in this component's state only until the request returns.
 */
export function PassphraseForm(props: { firstRun: boolean; onUnlocked?: () => void }): ReactElement {
  const { firstRun, onUnlocked } = props;
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  // The form shows its own refusals (a wrong passphrase is not a toast).
  const { mutateAsync: unlock } = useChannelMutation('vault:unlock', {
    silent: true,
    invalidates: ['accounts:list'],
  });
  const [failure, setFailure] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);
  const limits = { min: MIN_VAULT_PASSPHRASE, max: MAX_VAULT_PASSPHRASE };

  const lengthError =
    passphrase.length < MIN_VAULT_PASSPHRASE
      ? t('accounts.vault.passphrase.tooShort', limits)
      : passphrase.length > MAX_VAULT_PASSPHRASE
        ? t('accounts.vault.passphrase.tooLong', limits)
        : null;
  const mismatch = firstRun && confirm !== passphrase ? t('accounts.vault.passphrase.mismatch') : null;
  const passphraseError = (submitted ? lengthError : null) ?? failure;
  const confirmError = submitted && !lengthError ? mismatch : null;

  // Once the field is enabled again after a refusal, put the merchant back in it to retype.
  useEffect(() => {
    if (failure && !busy) first.current?.focus();
  }, [failure, busy]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (busy) return;
    if (lengthError || mismatch) {
      (lengthError ? first : second).current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    unlock({ passphrase }).then(
      () => {
        setPassphrase('');
        setConfirm('');
        setBusy(false);
        onUnlocked?.();
      },
      (error: unknown) => {
        const err = toAppError(error);
        const wrong = err.code === 'LOCKED' && err.details?.cause === 'wrong_key';
        setFailure(wrong ? t('accounts.vault.passphrase.wrong') : errorText(err));
        setPassphrase('');
        setConfirm('');
        setSubmitted(false);
        setBusy(false);
      },
    );
  };

  return (
    <form className="vault-passphrase-form" noValidate onSubmit={submit} aria-busy={busy}>
      <PasswordField
        ref={first}
        label={t('accounts.vault.passphrase.label')}
        value={passphrase}
        error={passphraseError}
        {...(firstRun ? { hint: t('accounts.vault.passphrase.hint', limits) } : {})}
        autoComplete={firstRun ? 'new-password' : 'current-password'}
        disabled={busy}
        onChange={(value) => {
          setPassphrase(value);
          setFailure(null);
        }}
      />
      {firstRun && (
        <PasswordField
          ref={second}
          label={t('accounts.vault.passphrase.confirmLabel')}
          value={confirm}
          error={confirmError}
          autoComplete="new-password"
          disabled={busy}
          onChange={setConfirm}
        />
      )}
      <div className="vault-passphrase-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {firstRun ? t('accounts.vault.passphrase.choose') : t('accounts.vault.passphrase.enter')}
        </button>
        <span className="muted" role="status">
          {busy ? t('accounts.vault.passphrase.busy') : ''}
        </span>
      </div>
      <p className="field-hint">{t('accounts.vault.passphrase.note')}</p>
    </form>
  );
}
