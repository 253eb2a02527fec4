import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseConfirmation } from '@shared/privacy';
import { useChannelMutation } from '../../../api';
import { Dialog } from '../../../components/Dialog';

/** "Delete all my data": a typed confirmation, then the app starts again from its first run. */
export function EraseAll(): ReactElement {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <h3 className="settings-subtitle">{t('privacy.erase.title')}</h3>
      <p className="muted">{t('privacy.erase.intro')}</p>
      <div>
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          {t('privacy.erase.open')}
        </button>
      </div>
      {open && <EraseDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function EraseDialog(props: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const erase = useChannelMutation('privacy:eraseAll', {
    // Everything cached in this page describes data that no longer exists: start the page again.
    onSuccess: () => {
      window.location.hash = '';
      window.location.reload();
    },
  });
  const busy = erase.isPending;
  const confirmed = typed.trim() === eraseConfirmation;
  return (
    <Dialog title={t('privacy.erase.dialogTitle')} onClose={props.onClose} busy={busy}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !busy) erase.mutate({ confirmation: eraseConfirmation });
        }}
      >
        <p>{t('privacy.erase.what')}</p>
        <ul className="privacy-erase-list">
          {(['database', 'settings', 'keys', 'logs', 'backups', 'tiktok'] as const).map((k) => (
            <li key={k}>{t(`privacy.erase.item.${k}`)}</li>
          ))}
        </ul>
        <p className="muted">{t('privacy.erase.noShopRevoke')}</p>
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {t('privacy.erase.typeLabel', { word: eraseConfirmation })}
          </label>
          <input
            id={id}
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            disabled={busy}
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        {busy && (
          <p role="status" className="muted">
            {t('privacy.erase.working')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose} disabled={busy}>
            {t('privacy.erase.cancel')}
          </button>
          <button
            type="submit"
            className="button button-danger"
            disabled={!confirmed || busy}
            aria-busy={busy}
          >
            {t('privacy.erase.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
