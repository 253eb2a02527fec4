import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/privacy';
import { useChannelMutation, useChannelQuery } from '../../api';
import { useFirstPaintDone } from '../../api/firstPaint';
import { Dialog } from '../../components/Dialog';
import { formatBytes } from './formatBytes';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import './recovery.css';

/**
 * Shown over the app when the database could not be opened at start-up: the bad file is kept, and the
 * merchant chooses between restoring a backup and starting fresh. Nothing is decided for them.
 *
 * Mounted once the first screen is painted: its reads wait for that anyway (a start that needs recovery opens
 * on no data, so waiting costs it nothing), and mounted with the shell its two query observers, mutation and
 * translation hook were built in the window's first render for nothing (docs/creators.md).
 */
export function RecoveryScreen(): ReactElement | null {
  return useFirstPaintDone() ? <Recovery /> : null;
}

function Recovery(): ReactElement | null {
  const { t, i18n } = useTranslation();
  const recovery = useChannelQuery('privacy:recovery', undefined, { deferred: true });
  const backups = useChannelQuery('privacy:backups', undefined, { deferred: true });
  const fresh = useChannelMutation('privacy:startFresh', { invalidates: ['privacy:recovery'] });
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  // Closing decides nothing: the screen comes back at the next start until the merchant chooses.
  const [later, setLater] = useState(false);
  const state = recovery.data;
  if (!state || later) return null;
  const restorable = (backups.data?.items ?? []).filter((b) => b.restorable);
  const when = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  if (chosen) return <RestoreBackupDialog backup={chosen} recovering onClose={() => setChosen(null)} />;
  return (
    <Dialog title={t(`privacy.recovery.title.${state.cause}`)} onClose={() => setLater(true)}>
      <div className="dialog-form recovery">
        <p>{t(`privacy.recovery.body.${state.cause}`)}</p>
        <p className="muted">{t('privacy.recovery.kept', { file: state.keptFile })}</p>
        <h3 className="settings-subtitle">{t('privacy.recovery.backupsTitle')}</h3>
        {restorable.length === 0 ? (
          <p className="muted">{t('privacy.recovery.noBackups')}</p>
        ) : (
          <ul className="recovery-backups" aria-label={t('privacy.recovery.backupsTitle')}>
            {restorable.map((b) => (
              <li key={b.name}>
                <span>
                  {when(b.createdAt)} · {formatBytes(b.sizeBytes, i18n.language)}
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('privacy.recovery.restore', { when: when(b.createdAt) })}
                  onClick={() => setChosen(b)}
                >
                  {t('privacy.backups.restoreConfirm')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="button button-danger"
            disabled={fresh.isPending}
            onClick={() => fresh.mutate({})}
          >
            {t('privacy.recovery.startFresh')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
