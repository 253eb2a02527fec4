import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorFilter } from '@shared/creators';
import { useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useToasts } from '../../components/Toasts';

/**
 * Saves the current search and filters as a dynamic list: its members are whoever matches when it is used
 * (outreach, export), so new creators from the next sync join it. A list filter cannot be saved inside one.
 */
export function SaveListButton({ filter }: { filter: CreatorFilter }): ReactElement | null {
  const { t } = useTranslation();
  const { showToast } = useToasts();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const fieldId = useId();
  const create = useChannelMutation('lists:create', {
    invalidates: ['lists:list'],
    onSuccess: (list) => {
      showToast({
        tone: 'success',
        message: { key: 'creators.saveList.saved', params: { name: list.name } },
      });
      setOpen(false);
      setName('');
    },
  });
  const { listIds, ...saved } = filter;
  if (Object.keys(saved).length === 0) return null;
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('creators.saveList.open')}
      </button>
      {open && (
        <Dialog title={t('creators.saveList.title')} onClose={() => setOpen(false)} busy={create.isPending}>
          <form
            className="bulk-form"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ name: name.trim(), kind: 'dynamic', filter: saved });
            }}
          >
            <label className="field-label" htmlFor={fieldId}>
              {t('creators.saveList.name')}
            </label>
            <input
              id={fieldId}
              className="input"
              value={name}
              maxLength={80}
              required
              onChange={(e) => setName(e.target.value)}
            />
            <p className="muted field-hint">
              {listIds ? t('creators.saveList.withoutLists') : t('creators.saveList.hint')}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('creators.bulk.cancel')}
              </button>
              <button
                type="submit"
                className="button button-primary"
                disabled={create.isPending || !name.trim()}
              >
                {t('creators.saveList.submit')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
