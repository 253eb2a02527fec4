import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppLockStatus } from '@shared/app-lock';
import { errorText, toAppError, useChannelMutation } from '../../api';
import { Icon } from '../../components/Icon';
import { applyLanguage } from '../../i18n';
import { applyTheme } from '../../settings/theme';
import { PasswordField } from '../vault/PasswordField';
import './app-lock.css';

/** Seconds left until `at`, ticking every second; 0 when there is nothing to wait for. */
function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null || at <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The only thing on screen while the app is locked: one passphrase field. It takes language and theme from
 * the lock's status (settings cannot be read while locked). The passphrase stays in this form's state only
 * until the answer; a wrong one shows main's message and a countdown to the next attempt.
 */
export function LockScreen({ status }: { status: AppLockStatus }): ReactElement {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The wait comes with the failed answer and with main's event; the later of the two counts.
  const [answeredRetryAt, setRetryAt] = useState<number | null>(null);
  const retryAt = Math.max(status.retryAt ?? 0, answeredRetryAt ?? 0) || null;
  const input = useRef<HTMLInputElement>(null);
  const unlock = useChannelMutation('appLock:unlock', { silent: true });
  const wait = useSecondsUntil(retryAt);

  useEffect(() => {
    void applyLanguage(status.language);
  }, [status.language]);
  useEffect(() => applyTheme(status.theme), [status.theme]);
  useEffect(() => {
    if (!unlock.isPending) input.current?.focus();
  }, [unlock.isPending, wait]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unlock.isPending || wait > 0) return;
    if (passphrase.length === 0) {
      setError(t('appLock.screen.missing'));
      input.current?.focus();
      return;
    }
    setError(null);
    unlock.mutate(
      { passphrase },
      {
        onError: (err) => {
          const appError = toAppError(err);
          const at = appError.details?.retryAt;
          setRetryAt(typeof at === 'number' ? at : null);
          setError(errorText(appError));
          setPassphrase('');
        },
        onSuccess: () => setPassphrase(''),
      },
    );
  };

  return (
    <main className="splash app-lock-screen">
      <form className="card app-lock-card" noValidate onSubmit={submit} aria-busy={unlock.isPending}>
        <span className="state-icon app-lock-icon" aria-hidden="true">
          <Icon name="lock" size={24} />
        </span>
        <h1>{t('appLock.screen.title')}</h1>
        <p className="muted">{t('appLock.screen.body')}</p>
        <PasswordField
          ref={input}
          label={t('appLock.screen.passphrase')}
          value={passphrase}
          error={error}
          autoComplete="current-password"
          disabled={unlock.isPending}
          onChange={(value) => {
            setPassphrase(value);
            setError(null);
          }}
        />
        <p className="muted app-lock-wait" role="status">
          {wait > 0 ? t('appLock.screen.waitFor', { count: wait }) : ''}
        </p>
        <button type="submit" className="button button-primary" disabled={unlock.isPending || wait > 0}>
          {unlock.isPending ? t('appLock.screen.unlocking') : t('appLock.screen.unlock')}
        </button>
      </form>
    </main>
  );
}
