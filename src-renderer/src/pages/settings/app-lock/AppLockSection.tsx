import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '@shared/settings';
import { useChannelMutation, useChannelQuery } from '../../../api';
import { Icon } from '../../../components/Icon';
import { SettingsSection } from '../SettingsSection';
import { AppLockDialog, type AppLockDialogMode } from './AppLockDialog';

/** Idle times Settings offers (seconds); a value set through the API that is not one of them is shown too. */
const idleChoices = [60, 5 * 60, 10 * 60, 15 * 60, 30 * 60, 60 * 60, 4 * 60 * 60];

function useIdleLabel(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) =>
    seconds % 3600 === 0
      ? t('appLock.settings.idleHours', { count: seconds / 3600 })
      : seconds % 60 === 0
        ? t('appLock.settings.idleMinutes', { count: seconds / 60 })
        : t('appLock.settings.idleSeconds', { count: seconds });
}

/** Settings → App lock: turn on, pick the idle time, lock now, change the passphrase, turn off. */
export function AppLockSection(props: {
  idleSeconds: number;
  save: (patch: SettingsPatch) => void;
}): ReactElement {
  const { t } = useTranslation();
  const idleId = useId();
  const idleLabel = useIdleLabel();
  const status = useChannelQuery('appLock:status', undefined, {
    updateOn: { 'appLock:changed': (next) => next },
  });
  const lockNow = useChannelMutation('appLock:lock');
  const [dialog, setDialog] = useState<AppLockDialogMode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const enabled = status.data?.enabled === true;
  const choices = idleChoices.includes(props.idleSeconds)
    ? idleChoices
    : [...idleChoices, props.idleSeconds].sort((a, b) => a - b);

  const done = (mode: AppLockDialogMode) => {
    setDialog(null);
    setNotice(
      mode === 'enable'
        ? t('appLock.settings.turnedOn')
        : mode === 'change'
          ? t('appLock.settings.changed')
          : t('appLock.settings.turnedOff'),
    );
  };

  return (
    <SettingsSection title={t('appLock.settings.title')} description={t('appLock.settings.description')}>
      <p className="app-lock-state">
        <Icon name="lock" size={16} />
        {enabled ? t('appLock.settings.statusOn') : t('appLock.settings.statusOff')}
      </p>
      {enabled && (
        <div className="field">
          <label className="field-label" htmlFor={idleId}>
            {t('appLock.settings.idle')}
          </label>
          <select
            id={idleId}
            className="input select"
            value={props.idleSeconds}
            aria-describedby={`${idleId}-hint`}
            onChange={(event) => props.save({ appLockIdleSeconds: Number(event.target.value) })}
          >
            {choices.map((seconds) => (
              <option key={seconds} value={seconds}>
                {idleLabel(seconds)}
              </option>
            ))}
          </select>
          <p id={`${idleId}-hint`} className="field-hint">
            {t('appLock.settings.idleHint')}
          </p>
        </div>
      )}
      <div className="app-lock-actions">
        {enabled ? (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={lockNow.isPending}
              onClick={() => lockNow.mutate({})}
            >
              {t('appLock.settings.lockNow')}
            </button>
            <button type="button" className="button" onClick={() => setDialog('change')}>
              {t('appLock.settings.change')}
            </button>
            <button type="button" className="button button-danger" onClick={() => setDialog('disable')}>
              {t('appLock.settings.turnOff')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={!status.data}
            onClick={() => setDialog('enable')}
          >
            {t('appLock.settings.turnOn')}
          </button>
        )}
        <span className="muted" role="status">
          {notice ?? ''}
        </span>
      </div>
      {dialog && <AppLockDialog mode={dialog} onClose={() => setDialog(null)} onDone={done} />}
    </SettingsSection>
  );
}
