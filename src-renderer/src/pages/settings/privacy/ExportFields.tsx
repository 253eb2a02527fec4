import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '@shared/privacy';
import { useChannelMutation, useMainEvent } from '../../../api';
import { formatBytes } from '../../../features/recovery/formatBytes';

/** "Export my data": one zip in the data folder, with progress; contacts only when ticked. */
export function ExportFields(): ReactElement {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [contacts, setContacts] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const run = useChannelMutation('privacy:export', { onSuccess: () => setProgress(null) });
  useMainEvent('privacy:exportProgress', setProgress, run.isPending);
  const done = run.data;
  return (
    <>
      <h3 className="settings-subtitle">{t('privacy.export.title')}</h3>
      <p className="muted">{t('privacy.export.intro')}</p>
      <div className="field field-toggle">
        <input
          id={id}
          type="checkbox"
          className="toggle"
          checked={contacts}
          disabled={run.isPending}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setContacts(event.target.checked)}
        />
        <div>
          <label className="field-label" htmlFor={id}>
            {t('privacy.export.contacts')}
          </label>
          <p id={`${id}-hint`} className="field-hint">
            {t('privacy.export.contactsHint')}
          </p>
        </div>
      </div>
      <div className="privacy-status">
        <button
          type="button"
          className="button"
          disabled={run.isPending}
          aria-busy={run.isPending}
          onClick={() => run.mutate({ includeContacts: contacts })}
        >
          {t('privacy.export.run')}
        </button>
        {run.isPending && (
          <>
            <progress
              className="privacy-progress"
              aria-label={t('privacy.export.progressLabel')}
              max={progress?.tables ?? 1}
              value={progress ? progress.tableIndex : 0}
            />
            <p role="status" className="muted">
              {progress
                ? t('privacy.export.progress', {
                    table: progress.table,
                    done: progress.tableIndex + 1,
                    total: progress.tables,
                  })
                : t('privacy.export.starting')}
            </p>
          </>
        )}
        {done && !run.isPending && (
          <p role="status">
            {t('privacy.export.done', {
              name: done.name,
              size: formatBytes(done.sizeBytes, i18n.language),
              path: done.path,
            })}
          </p>
        )}
      </div>
    </>
  );
}
