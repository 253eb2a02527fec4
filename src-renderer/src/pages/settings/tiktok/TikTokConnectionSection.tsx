import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProfileState, type ProfileUpdateInput, selectableProfiles } from '@shared/profile';
import { LoadFailed } from '../../../components/LoadFailed';
import { translateText } from '../../../api';
import { Notice } from '../../../components/Notice';
import { SettingsSection } from '../SettingsSection';
import { PortField, SecretField, TextField } from './CredentialFields';
import {
  draftFromState,
  invalidPorts,
  parsePort,
  type ProfileDraft,
  type SecretField as SecretName,
  updateFromDraft,
} from './draft';
import { useProfileState } from './useProfileState';
import './tiktok.css';

type Group = 'shop' | 'ads' | 'identity';

/** Settings → TikTok connection: sandbox or the merchant's own TikTok app, applied at the next start. */
export function TikTokConnectionSection(props: { track: (save: Promise<boolean>) => void }): ReactElement {
  const { t } = useTranslation();
  const { query, save } = useProfileState();
  const state = query.data;
  return (
    <SettingsSection title={t('settings.tiktok.title')} description={t('settings.tiktok.description')}>
      {state ? (
        <ConnectionForm state={state} save={save} track={props.track} />
      ) : query.isError ? (
        <LoadFailed
          compact
          title={t('settings.tiktok.loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <p className="muted">{t('settings.tiktok.loading')}</p>
      )}
    </SettingsSection>
  );
}

function ConnectionForm(props: {
  state: ProfileState;
  save: (input: ProfileUpdateInput) => Promise<ProfileState | null>;
  track: (save: Promise<boolean>) => void;
}): ReactElement {
  const { state, save, track } = props;
  const { t } = useTranslation();
  const radioName = useId();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromState(state));
  const [replacing, setReplacing] = useState<ReadonlySet<SecretName>>(new Set());
  const [saving, setSaving] = useState(false);
  const badPorts = invalidPorts(draft);

  const set = <G extends Group>(group: G, key: keyof ProfileDraft[G], value: string) =>
    setDraft((d) => ({ ...d, [group]: { ...d[group], [key]: value } }));
  const setReplacingField = (field: SecretName, on: boolean) =>
    setReplacing((current) => {
      const next = new Set(current);
      if (on) next.add(field);
      else next.delete(field);
      return next;
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (badPorts.length > 0) {
      event.currentTarget.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    track(
      save(updateFromDraft(draft))
        .then((next) => {
          if (!next) return false;
          // Typed secrets are gone from the form once stored: from now on they show as "Saved".
          setDraft(draftFromState(next));
          setReplacing(new Set());
          return true;
        })
        .finally(() => setSaving(false)),
    );
  };

  const redirectUrl = (port: string, path: string) =>
    `http://127.0.0.1:${parsePort(port) ?? port}/callback/${path}`;
  const label = (field: string) => t(`settings.tiktok.field.${field}`);
  const secret = (field: SecretName, group: Group, key: string, saved: boolean) => (
    <SecretField
      label={label(field)}
      value={(draft[group] as Record<string, string>)[key] ?? ''}
      saved={saved}
      replacing={replacing.has(field)}
      onReplacingChange={(on) => setReplacingField(field, on)}
      onChange={(value) => set(group, key as keyof ProfileDraft[Group], value)}
    />
  );

  return (
    <form className="settings-section-fields" noValidate onSubmit={submit}>
      {state.fileProblem && (
        <Notice tone="danger" title={t('settings.tiktok.fileProblem')}>
          <p>{translateText(state.fileProblem)}</p>
        </Notice>
      )}
      {state.restartRequired && (
        <Notice tone="warning" title={t('settings.tiktok.restart.title')}>
          <p>{t('settings.tiktok.restart.body')}</p>
        </Notice>
      )}
      {state.vaultLocked && (
        <Notice tone="warning" title={t('settings.tiktok.vaultLocked.title')}>
          <p>{t('settings.tiktok.vaultLocked.body')}</p>
        </Notice>
      )}
      {state.overriddenByEnv && <p className="field-hint">{t('settings.tiktok.envOverride')}</p>}

      <fieldset className="tiktok-choice">
        <legend>{t('settings.tiktok.choice')}</legend>
        {selectableProfiles.map((name) => (
          <div key={name} className="field field-toggle">
            <input
              id={`${radioName}-${name}`}
              type="radio"
              name={radioName}
              value={name}
              checked={draft.selected === name}
              aria-describedby={`${radioName}-${name}-hint`}
              onChange={() => setDraft((d) => ({ ...d, selected: name }))}
            />
            <div>
              <label className="field-label" htmlFor={`${radioName}-${name}`}>
                {t(`settings.tiktok.${name}.label`)}
              </label>
              <p id={`${radioName}-${name}-hint`} className="field-hint">
                {t(`settings.tiktok.${name}.hint`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>

      {draft.selected === 'production' && (
        <>
          <div className="tiktok-keys-explained">
            <p>{t('settings.tiktok.keysExplained.what')}</p>
            <p>{t('settings.tiktok.keysExplained.where')}</p>
          </div>
          <fieldset className="tiktok-group">
            <legend>{t('settings.tiktok.group.shop')}</legend>
            <TextField
              label={label('shop.appKey')}
              value={draft.shop.appKey}
              onChange={(v) => set('shop', 'appKey', v)}
            />
            {secret('shop.appSecret', 'shop', 'appSecret', state.production.shop.hasAppSecret)}
            <TextField
              label={label('shop.serviceId')}
              value={draft.shop.serviceId}
              onChange={(v) => set('shop', 'serviceId', v)}
            />
            <PortField
              label={label('shop.redirectPort')}
              value={draft.shop.redirectPort}
              invalid={badPorts.includes('shop.redirectPort')}
              redirectUrl={redirectUrl(draft.shop.redirectPort, 'shop')}
              onChange={(v) => set('shop', 'redirectPort', v)}
            />
          </fieldset>
          <fieldset className="tiktok-group">
            <legend>{t('settings.tiktok.group.ads')}</legend>
            <TextField
              label={label('ads.appId')}
              value={draft.ads.appId}
              onChange={(v) => set('ads', 'appId', v)}
            />
            {secret('ads.secret', 'ads', 'secret', state.production.ads.hasSecret)}
            <PortField
              label={label('ads.redirectPort')}
              value={draft.ads.redirectPort}
              invalid={badPorts.includes('ads.redirectPort')}
              redirectUrl={redirectUrl(draft.ads.redirectPort, 'ads')}
              onChange={(v) => set('ads', 'redirectPort', v)}
            />
          </fieldset>
          <fieldset className="tiktok-group">
            <legend>{t('settings.tiktok.group.identity')}</legend>
            <TextField
              label={label('identity.clientKey')}
              value={draft.identity.clientKey}
              onChange={(v) => set('identity', 'clientKey', v)}
            />
            {secret(
              'identity.clientSecret',
              'identity',
              'clientSecret',
              state.production.identity.hasClientSecret,
            )}
          </fieldset>
          <div className="tiktok-missing">
            {state.missingFields.length > 0 ? (
              <>
                <p>{t('settings.tiktok.missing')}</p>
                <ul aria-label={t('settings.tiktok.missing')}>
                  {state.missingFields.map((field) => (
                    <li key={field}>{label(field)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="field-hint">{t('settings.tiktok.complete')}</p>
            )}
          </div>
        </>
      )}

      <div className="tiktok-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('settings.tiktok.save')}
        </button>
      </div>
    </form>
  );
}
