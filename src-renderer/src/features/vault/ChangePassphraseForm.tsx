import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VAULT_PASSPHRASE, MIN_VAULT_PASSPHRASE } from '@shared/accounts';
import { useChannelMutation } from '../../api';
import { errorText, toAppError } from '../../api/errors';
import { Icon } from '../../components/Icon';
import { PassphraseChangeForm, type PassphraseKeys } from './PassphraseChangeForm';

const keys: PassphraseKeys = {
  current: 'settings.passphrase.current',
  next: 'settings.passphrase.new',
  confirm: 'settings.passphrase.confirm',
  hint: 'accounts.vault.passphrase.hint',
  tooShort: 'accounts.vault.passphrase.tooShort',
  tooLong: 'accounts.vault.passphrase.tooLong',
  currentMissing: 'settings.passphrase.currentMissing',
  same: 'settings.passphrase.same',
  mismatch: 'accounts.vault.passphrase.mismatch',
};
const limits = { min: MIN_VAULT_PASSPHRASE, max: MAX_VAULT_PASSPHRASE };

/**
 * Settings' "Change passphrase" for the passphrase-protected key store: the current passphrase (checked by
 * main, which changes nothing and pauses when it is wrong) and the new one typed twice.
 */
export function ChangePassphraseForm(): ReactElement {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  // The form shows its own refusals (a wrong passphrase is not a toast).
  const { mutateAsync: change } = useChannelMutation('vault:changePassphrase', {
    silent: true,
    invalidates: ['accounts:list', 'activity:list'],
  });

  const submit = async (passphrases: { current: string; next: string }) => {
    setBusy(true);
    setDone(false);
    try {
      await change({ currentPassphrase: passphrases.current, newPassphrase: passphrases.next });
      setDone(true);
      return null;
    } catch (error) {
      const err = toAppError(error);
      return { text: errorText(err), atCurrent: err.details?.vault === 'wrong_passphrase' };
    } finally {
      setBusy(false);
    }
  };

  return (
    <PassphraseChangeForm
      className="vault-passphrase-form"
      needsCurrent
      needsNew
      limits={limits}
      keys={keys}
      busy={busy}
      onSubmit={submit}
      onEdit={() => setDone(false)}
    >
      <div className="vault-passphrase-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('settings.passphrase.submit')}
        </button>
        <span className={done ? 'save-status save-status-saved' : 'muted'} role="status">
          {done && <Icon name="check" size={16} />}
          {busy ? t('settings.passphrase.busy') : done ? t('settings.passphrase.done') : ''}
        </span>
      </div>
    </PassphraseChangeForm>
  );
}
