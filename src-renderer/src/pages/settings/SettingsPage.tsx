import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  languages,
  settingsSchema,
  themes,
  type Language,
  type SettingsPatch,
  type Theme,
} from '@shared/settings';
import { api } from '../../api';
import { Icon } from '../../components/Icon';
import { RatesSection } from '../../features/analytics/RatesSection';
import { ChangePassphraseForm } from '../../features/vault/ChangePassphraseForm';
import { useAccounts } from '../../hooks/useAccounts';
import { useSettings } from '../../settings/SettingsProvider';
import { AppLockSection } from './app-lock/AppLockSection';
import { SettingsSection } from './SettingsSection';
import { boundsOf, IntegerField } from './IntegerField';
import { OutreachLimitsSection } from './outreach/OutreachLimitsSection';
import { PrivacySection } from './privacy/PrivacySection';
import { TikTokConnectionSection } from './tiktok/TikTokConnectionSection';
import { useSaveStatus } from './useSaveStatus';

/** Language names are shown in their own language, so anyone can find theirs. */
const languageNames: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

function Toggle(props: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactElement {
  const id = useId();
  return (
    <div className="field field-toggle">
      <input
        id={id}
        className="toggle"
        type="checkbox"
        checked={props.checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <div>
        <label className="field-label" htmlFor={id}>
          {props.label}
        </label>
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      </div>
    </div>
  );
}

export function SettingsPage(): ReactElement {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const { status, track } = useSaveStatus();
  const languageId = useId();
  const themeId = useId();
  const vault = useAccounts().data?.vault;

  const save = (patch: SettingsPatch) => track(update(patch));
  const interval = boundsOf(settingsSchema.shape.syncIntervalMinutes);
  const lowStock = boundsOf(settingsSchema.shape.lowStockThreshold);

  return (
    <div className="page settings-page">
      <div className="toolbar page-toolbar">
        <p className="muted">{t('settings.intro')}</p>
        <p role="status" className={`save-status save-status-${status}`}>
          {status === 'saved' && <Icon name="check" size={16} />}
          {status === 'saving' ? t('settings.saving') : status === 'saved' ? t('settings.saved') : ''}
        </p>
      </div>

      <SettingsSection
        title={t('settings.appearance.title')}
        description={t('settings.appearance.description')}
      >
        <div className="field">
          <label className="field-label" htmlFor={languageId}>
            {t('settings.language.label')}
          </label>
          <select
            id={languageId}
            className="input select"
            value={settings.language}
            onChange={(event) => save({ language: event.target.value as Language })}
          >
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {languageNames[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={themeId}>
            {t('settings.theme.label')}
          </label>
          <select
            id={themeId}
            className="input select"
            value={settings.theme}
            onChange={(event) => save({ theme: event.target.value as Theme })}
          >
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings.theme.${theme}`)}
              </option>
            ))}
          </select>
        </div>
      </SettingsSection>

      <SettingsSection title={t('settings.sync.title')} description={t('settings.sync.description')}>
        <IntegerField
          label={t('settings.syncInterval.label')}
          hint={t('settings.syncInterval.hint', interval)}
          invalid={t('settings.syncInterval.invalid', interval)}
          {...interval}
          value={settings.syncIntervalMinutes}
          onSave={(syncIntervalMinutes) => save({ syncIntervalMinutes })}
        />
      </SettingsSection>

      <SettingsSection
        title={t('settings.catalogue.title')}
        description={t('settings.catalogue.description')}
      >
        <IntegerField
          label={t('settings.lowStock.label')}
          hint={t('settings.lowStock.hint')}
          invalid={t('settings.lowStock.invalid', lowStock)}
          {...lowStock}
          value={settings.lowStockThreshold}
          onSave={(lowStockThreshold) => save({ lowStockThreshold })}
        />
      </SettingsSection>

      {/* Close to tray and launch at login mean something only in the desktop app, not in a browser tab. */}
      {api.transport === 'electron' && (
        <SettingsSection title={t('settings.startup.title')} description={t('settings.startup.description')}>
          <Toggle
            label={t('settings.closeToTray.label')}
            hint={t('settings.closeToTray.hint')}
            checked={settings.closeToTray}
            onChange={(closeToTray) => save({ closeToTray })}
          />
          <Toggle
            label={t('settings.launchAtLogin.label')}
            hint={t('settings.launchAtLogin.hint')}
            checked={settings.launchAtLogin}
            onChange={(launchAtLogin) => save({ launchAtLogin })}
          />
        </SettingsSection>
      )}

      <OutreachLimitsSection
        shops={settings.outreachShops}
        cooldownDays={settings.outreachCooldownDays}
        save={save}
      />

      <RatesSection />

      <PrivacySection settings={settings} save={save} />
      <AppLockSection idleSeconds={settings.appLockIdleSeconds} save={save} />
      {/* Only a key kept in vault.json has a passphrase; a keychain-held key has nothing to change. */}
      {vault?.state === 'unlocked' && vault.keyStore === 'passphrase' && (
        <SettingsSection
          title={t('settings.passphrase.title')}
          description={t('settings.passphrase.description')}
        >
          <ChangePassphraseForm />
        </SettingsSection>
      )}

      <TikTokConnectionSection track={track} />
    </div>
  );
}
