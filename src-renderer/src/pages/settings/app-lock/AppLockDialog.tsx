import { type FormEvent, type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_APP_LOCK_PASSPHRASE, MIN_APP_LOCK_PASSPHRASE } from '@shared/app-lock';
import { errorText, toAppError, useChannelMutation } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { PasswordField } from '../../../features/vault/PasswordField';

export type AppLockDialogMode = 'enable' | 'change' | 'disable';

/**
 * Turning the app lock on (a new passphrase typed twice), changing it (current, then new twice) or turning
 * it off (current). Main checks the current passphrase and counts a wrong one like a wrong unlock.
 * Passphrases stay in this dialog's state only until the answer.
 */
export function AppLockDialog(props: {
  mode: AppLockDialogMode;
  onClose: () => void;
  onDone: (mode: AppLockDialogMode) => void;
}): ReactElement {
  const { mode } = props;
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const options = { silent: true, invalidates: ['appLock:status', 'activity:list'] } as const;
  const enable = useChannelMutation('appLock:enable', options);
  const change = useChannelMutation('appLock:change', options);
  const disable = useChannelMutation('appLock:disable', options);
  const busy = enable.isPending || change.isPending || disable.isPending;
  const limits = { min: MIN_APP_LOCK_PASSPHRASE, max: MAX_APP_LOCK_PASSPHRASE };

  const needsCurrent = mode !== 'enable';
  const needsNew = mode !== 'disable';
  const currentError = needsCurrent && current.length === 0 ? t('appLock.settings.currentMissing') : null;
  const nextError = !needsNew
    ? null
    : next.length < MIN_APP_LOCK_PASSPHRASE
      ? t('appLock.settings.tooShort', limits)
      : next.length > MAX_APP_LOCK_PASSPHRASE
        ? t('appLock.settings.tooLong', limits)
        : mode === 'change' && next === current
          ? t('appLock.settings.same')
          : null;
  const mismatch = needsNew && confirm !== next ? t('appLock.settings.mismatch') : null;

  const failed = (error: unknown) => {
    setFailure(errorText(toAppError(error)));
    setCurrent('');
    setSubmitted(false);
    currentRef.current?.focus();
  };
  const done = () => props.onDone(mode);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (busy) return;
    const firstBad = currentError ? currentRef : nextError ? nextRef : mismatch ? confirmRef : null;
    if (firstBad) {
      firstBad.current?.focus();
      return;
    }
    setFailure(null);
    if (mode === 'enable') enable.mutate({ passphrase: next }, { onSuccess: done, onError: failed });
    else if (mode === 'change')
      change.mutate(
        { currentPassphrase: current, newPassphrase: next },
        { onSuccess: done, onError: failed },
      );
    else disable.mutate({ currentPassphrase: current }, { onSuccess: done, onError: failed });
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
      <form className="dialog-form app-lock-form" noValidate onSubmit={submit} aria-busy={busy}>
        {needsCurrent && (
          <PasswordField
            ref={currentRef}
            label={t('appLock.settings.current')}
            value={current}
            error={(submitted ? currentError : null) ?? failure}
            autoComplete="current-password"
            disabled={busy}
            onChange={(value) => {
              setCurrent(value);
              setFailure(null);
            }}
          />
        )}
        {needsNew && (
          <>
            <PasswordField
              ref={nextRef}
              label={t('appLock.settings.newPassphrase')}
              value={next}
              error={submitted ? nextError : null}
              hint={t('appLock.settings.hint', limits)}
              autoComplete="new-password"
              disabled={busy}
              onChange={setNext}
            />
            <PasswordField
              ref={confirmRef}
              label={t('appLock.settings.confirm')}
              value={confirm}
              error={submitted && !nextError ? mismatch : null}
              autoComplete="new-password"
              disabled={busy}
              onChange={setConfirm}
            />
          </>
        )}
        {!needsCurrent && failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
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
      </form>
    </Dialog>
  );
}
