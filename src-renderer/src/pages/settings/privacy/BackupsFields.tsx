import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/privacy';
import { settingsSchema, type Settings, type SettingsPatch } from '@shared/settings';
import { useChannelMutation, useChannelQuery } from '../../../api';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatBytes } from '../../../features/recovery/formatBytes';
import { RestoreBackupDialog } from '../../../features/recovery/RestoreBackupDialog';
import { boundsOf, IntegerField } from '../IntegerField';

/** Daily backups: how many are kept, the list with sizes, back up now, restore one. */
export function BackupsFields(props: {
  settings: Settings;
  save: (patch: SettingsPatch) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const backups = useChannelQuery('privacy:backups', {}, { invalidateOn: ['settings:changed'] });
  const now = useChannelMutation('privacy:backupNow', { invalidates: ['privacy:backups'] });
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const bounds = boundsOf(settingsSchema.shape.backupsKept);
  const when = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  const items = backups.data?.items ?? [];
  return (
    <>
      <h3 className="settings-subtitle">{t('privacy.backups.title')}</h3>
      <p className="muted">{t('privacy.backups.intro')}</p>
      <IntegerField
        label={t('privacy.backups.kept.label')}
        hint={t('privacy.backups.kept.hint')}
        invalid={t('privacy.backups.kept.invalid', bounds)}
        {...bounds}
        value={props.settings.backupsKept}
        onSave={(backupsKept) => props.save({ backupsKept })}
      />
      {backups.error ? (
        <LoadFailed
          title={t('privacy.backups.loadFailed')}
          error={backups.error}
          onRetry={() => void backups.refetch()}
          compact
        />
      ) : (
        <div className="privacy-status">
          {items.length === 0 ? (
            <p className="muted">{t('privacy.backups.none')}</p>
          ) : (
            <table className="table backups-table">
              <caption className="visually-hidden">{t('privacy.backups.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('privacy.backups.when')}</th>
                  <th scope="col" className="col-num">
                    {t('privacy.backups.size')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('privacy.backups.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((b) => (
                  <tr key={b.name}>
                    <td>
                      {when(b.createdAt)}
                      {b.beforeRestore && (
                        <span className="muted"> · {t('privacy.backups.beforeRestore')}</span>
                      )}
                    </td>
                    <td className="col-num">{formatBytes(b.sizeBytes, i18n.language)}</td>
                    <td>
                      {b.restorable ? (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('privacy.backups.restore', { when: when(b.createdAt) })}
                          onClick={() => setChosen(b)}
                        >
                          {t('privacy.backups.restoreConfirm')}
                        </button>
                      ) : (
                        <span className="muted">{t('privacy.backups.notRestorable')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">
            {t('privacy.backups.total', {
              size: formatBytes(backups.data?.totalBytes ?? 0, i18n.language),
              folder: backups.data?.folder ?? '',
            })}
          </p>
          <button type="button" className="button" disabled={now.isPending} onClick={() => now.mutate({})}>
            {t('privacy.backups.now')}
          </button>
        </div>
      )}
      {chosen && <RestoreBackupDialog backup={chosen} onClose={() => setChosen(null)} />}
    </>
  );
}
