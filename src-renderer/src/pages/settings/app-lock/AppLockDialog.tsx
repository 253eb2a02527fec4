import { type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_APP_LOCK_PASSPHRASE, MIN_APP_LOCK_PASSPHRASE } from '@shared/app-lock';
import { errorText, toAppError, useChannelMutation } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { PassphraseChangeForm, type PassphraseKeys } from '../../../features/vault/PassphraseChangeForm';

export type AppLockDialogMode = 'enable' | 'change' | 'disable';

const keys: PassphraseKeys = {
  current: 'appLock.settings.current',
  next: 'appLock.settings.newPassphrase',
  confirm: 'appLock.settings.confirm',
  hint: 'appLock.settings.hint',
  tooShort: 'appLock.settings.tooShort',
  tooLong: 'appLock.settings.tooLong',
  currentMissing: 'appLock.settings.currentMissing',
  same: 'appLock.settings.same',
  mismatch: 'appLock.settings.mismatch',
};
const limits = { min: MIN_APP_LOCK_PASSPHRASE, max: MAX_APP_LOCK_PASSPHRASE };

/**
 * Turning the app lock on (a new passphrase typed twice), changing it (current, then new twice) or turning
 * it off (current). Main checks the current passphrase and counts a wrong one like a wrong unlock. The
 * fields and their checks are the vault passphrase form's (`PassphraseChangeForm`) over the app lock's
 * channels and words.
 */
export function AppLockDialog(props: {
  mode: AppLockDialogMode;
  onClose: () => void;
  onDone: (mode: AppLockDialogMode) => void;
}): ReactElement {
  const { mode } = props;
  const { t } = useTranslation();
  const options = { silent: true, invalidates: ['appLock:status', 'activity:list'] } as const;
  const enable = useChannelMutation('appLock:enable', options);
  const change = useChannelMutation('appLock:change', options);
  const disable = useChannelMutation('appLock:disable', options);
  const busy = enable.isPending || change.isPending || disable.isPending;
  const needsCurrent = mode !== 'enable';

  const submit = async ({ current, next }: { current: string; next: string }) => {
    try {
      if (mode === 'enable') await enable.mutateAsync({ passphrase: next });
      else if (mode === 'change')
        await change.mutateAsync({ currentPassphrase: current, newPassphrase: next });
      else await disable.mutateAsync({ currentPassphrase: current });
    } catch (error) {
      // Shown beside the current passphrase when there is one: that is what main refused.
      return { text: errorText(toAppError(error)), atCurrent: needsCurrent };
    }
    props.onDone(mode);
    return null;
  };

  const title =
    mode === 'enable'
      ? t('appLock.settings.turnOnTitle')
      : mode === 'change'
        ? t('appLock.settings.changeTitle')
        : t('appLock.settings.turnOffTitle');
  const action =
    mode === 'enable'
      ? t('appLock.settings.turnOn')
      : mode === 'change'
        ? t('appLock.settings.change')
        : t('appLock.settings.turnOff');

  return (
    <Dialog title={title} onClose={props.onClose} busy={busy}>
      <PassphraseChangeForm
        className="dialog-form app-lock-form"
        needsCurrent={needsCurrent}
        needsNew={mode !== 'disable'}
        limits={limits}
        keys={keys}
        busy={busy}
        onSubmit={submit}
      >
        <div className="dialog-actions">
          <button type="button" className="button" disabled={busy} onClick={props.onClose}>
            {t('appLock.settings.cancel')}
          </button>
          <button
            type="submit"
            className={mode === 'disable' ? 'button button-danger' : 'button button-primary'}
            disabled={busy}
          >
            {busy ? t('appLock.settings.busy') : action}
          </button>
        </div>
      </PassphraseChangeForm>
    </Dialog>
  );
}
