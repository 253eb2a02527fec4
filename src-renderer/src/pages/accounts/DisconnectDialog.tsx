import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/accounts';
import { useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';

type DeleteData = 'scheduled' | 'now';

export interface Disconnected {
  name: string;
  dataDeletionAt: number | null;
}

const choices: DeleteData[] = ['scheduled', 'now'];

/** Asks what happens to the synced data, then disconnects; the 90-day default follows the privacy policy. */
export function DisconnectDialog(props: {
  account: Account;
  onClose: () => void;
  onDone: (result: Disconnected) => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { account, onClose, onDone, returnFocus } = props;
  const { t } = useTranslation();
  const [deleteData, setDeleteData] = useState<DeleteData>('scheduled');
  const mutation = useChannelMutation('accounts:disconnect', {
    onSuccess: ({ dataDeletionAt }) => onDone({ name, dataDeletionAt }),
  });
  const busy = mutation.isPending;
  const name = account.displayName;
  const id = useId();

  const disconnect = (): void => mutation.mutate({ accountId: account.id, deleteData });

  return (
    <Dialog
      title={t('accounts.disconnect.title', { name })}
      onClose={onClose}
      busy={busy}
      returnFocus={returnFocus}
    >
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) disconnect();
        }}
      >
        <p className="muted">{t('accounts.disconnect.body')}</p>
        <fieldset className="choice-group" disabled={busy}>
          <legend className="field-label">{t('accounts.disconnect.dataLegend')}</legend>
          {choices.map((choice) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name={`${id}-delete-data`}
                value={choice}
                checked={deleteData === choice}
                onChange={() => setDeleteData(choice)}
                aria-labelledby={`${id}-${choice}-label`}
                aria-describedby={`${id}-${choice}-hint`}
              />
              <span className="choice-text">
                <span id={`${id}-${choice}-label`} className="choice-label">
                  {t(`accounts.disconnect.${choice}`)}
                </span>
                <span id={`${id}-${choice}-hint`} className="field-hint">
                  {t(`accounts.disconnect.${choice}Hint`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('accounts.disconnect.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={busy} aria-busy={busy}>
            {t('accounts.disconnect.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
