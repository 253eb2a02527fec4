import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings, type SettingsPatch } from '@shared/settings';
import { useChannelMutation, useChannelQuery } from '../../../api';
import { LoadFailed } from '../../../components/LoadFailed';
import { boundsOf, IntegerField } from '../IntegerField';

const rules = ['activityRetentionDays', 'accountDataRetentionDays', 'financeRetentionYears'] as const;

/** The retention rules (each a setting) and what the last run deleted, as counts. */
export function RetentionFields(props: {
  settings: Settings;
  save: (patch: SettingsPatch) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const status = useChannelQuery(
    'privacy:retention',
    {},
    {
      invalidateOn: ['accounts:changed', 'settings:changed', 'activity:added'],
    },
  );
  const run = useChannelMutation('privacy:runRetention', { invalidates: ['privacy:retention'] });
  const date = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(at));
  const time = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  const last = status.data?.lastRun;
  return (
    <>
      <h3 className="settings-subtitle">{t('privacy.retention.title')}</h3>
      <p className="muted">{t('privacy.retention.intro')}</p>
      {rules.map((rule) => {
        const bounds = boundsOf(settingsSchema.shape[rule]);
        return (
          <IntegerField
            key={rule}
            label={t(`privacy.retention.${rule}.label`)}
            hint={t(`privacy.retention.${rule}.hint`)}
            invalid={t(`privacy.retention.${rule}.invalid`, bounds)}
            {...bounds}
            value={props.settings[rule]}
            onSave={(value) => props.save({ [rule]: value })}
          />
        );
      })}
      {status.error ? (
        <LoadFailed
          title={t('privacy.retention.loadFailed')}
          error={status.error}
          onRetry={() => void status.refetch()}
          compact
        />
      ) : (
        <div className="privacy-status" aria-live="polite">
          <p>
            {last
              ? t('privacy.retention.lastRun', {
                  at: time(last.at),
                  activity: last.activityEntries,
                  accounts: last.accounts,
                  finance: last.financeRecords,
                })
              : t('privacy.retention.notRunYet')}
          </p>
          {(status.data?.scheduled ?? []).length > 0 && (
            <ul className="privacy-scheduled" aria-label={t('privacy.retention.scheduledLabel')}>
              {status.data?.scheduled.map((s) => (
                <li key={s.accountId}>
                  {t('privacy.retention.scheduled', { name: s.name, date: date(s.dataDeletionAt) })}
                </li>
              ))}
            </ul>
          )}
          {(status.data?.financeKept ?? 0) > 0 && (
            <p className="muted">
              {t('privacy.retention.financeKept', { count: status.data?.financeKept ?? 0 })}
            </p>
          )}
          <button type="button" className="button" disabled={run.isPending} onClick={() => run.mutate({})}>
            {t('privacy.retention.runNow')}
          </button>
        </div>
      )}
    </>
  );
}
