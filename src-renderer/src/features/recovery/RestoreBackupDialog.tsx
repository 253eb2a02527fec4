import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/privacy';
import { useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';

/** Confirms a restore; on success the page starts again over the restored data. */
export function RestoreBackupDialog(props: {
  backup: BackupInfo;
  /** In a recovery the current database is the empty stand-in: nothing of it is worth mentioning. */
  recovering?: boolean;
  onClose: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const restore = useChannelMutation('privacy:restoreBackup', {
    onSuccess: () => window.location.reload(),
  });
  const busy = restore.isPending;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(props.backup.createdAt),
  );
  return (
    <Dialog title={t('privacy.backups.restoreTitle', { when })} onClose={props.onClose} busy={busy}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) restore.mutate({ name: props.backup.name });
        }}
      >
        <p>{t(props.recovering ? 'privacy.backups.restoreBodyRecovery' : 'privacy.backups.restoreBody')}</p>
        {busy && (
          <p role="status" className="muted">
            {t('privacy.backups.restoring')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose} disabled={busy}>
            {t('privacy.backups.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {t('privacy.backups.restoreConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
