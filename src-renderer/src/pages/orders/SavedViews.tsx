import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedOrderView } from '@shared/orders';
import { errorText, useChannelMutation, useChannelQuery } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useToasts } from '../../components/Toasts';
import type { OrderViewFilters } from './viewFilters';

/**
 * The Orders page's saved views: pick one to apply its filters and sort, save what is on screen under a name
 * (the name of the view in use replaces it), delete the one in use. Kept in the database by main.
 */
export function SavedViews(props: {
  current: OrderViewFilters;
  selectedId: string | null;
  onApply: (view: SavedOrderView | null) => void;
}): ReactElement {
  const { current, selectedId, onApply } = props;
  const { t } = useTranslation();
  const { showToast } = useToasts();
  const selectId = useId();
  const views = useChannelQuery('orders:views');
  const items = views.data?.items ?? [];
  const selected = items.find((v) => v.id === selectedId) ?? null;
  const [naming, setNaming] = useState(false);
  const remove = useChannelMutation('orders:deleteView', {
    invalidates: ['orders:views'],
    onSuccess: () => {
      onApply(null);
      showToast({
        tone: 'success',
        message: { key: 'orders.views.deleted', params: { name: selected?.name ?? '' } },
      });
    },
  });
  return (
    <div className="saved-views">
      <div className="field field-inline">
        <label className="field-label" htmlFor={selectId}>
          {t('orders.views.label')}
        </label>
        <select
          id={selectId}
          className="input select"
          value={selected?.id ?? ''}
          onChange={(e) => onApply(items.find((v) => v.id === e.target.value) ?? null)}
        >
          <option value="">{items.length === 0 ? t('orders.views.none') : t('orders.views.choose')}</option>
          {items.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button" onClick={() => setNaming(true)}>
        {t('orders.views.save')}
      </button>
      {selected && (
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ id: selected.id })}
        >
          {t('orders.views.delete')}
        </button>
      )}
      {naming && (
        <SaveViewDialog
          current={current}
          selected={selected}
          onClose={() => setNaming(false)}
          onSaved={(view) => {
            setNaming(false);
            onApply(view);
          }}
        />
      )}
    </div>
  );
}

function SaveViewDialog(props: {
  current: OrderViewFilters;
  selected: SavedOrderView | null;
  onClose: () => void;
  onSaved: (view: SavedOrderView) => void;
}): ReactElement {
  const { current, selected, onClose, onSaved } = props;
  const { t } = useTranslation();
  const { showToast } = useToasts();
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState(selected?.name ?? '');
  const save = useChannelMutation('orders:saveView', {
    invalidates: ['orders:views'],
    silent: true,
    onSuccess: (view) => {
      showToast({ tone: 'success', message: { key: 'orders.views.saved', params: { name: view.name } } });
      onSaved(view);
    },
  });
  const trimmed = name.trim();
  // Saving under the name of the view in use replaces that view's filters.
  const replacing = selected !== null && trimmed.toLowerCase() === selected.name.toLowerCase();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (trimmed === '') return;
    save.mutate({ ...(replacing ? { id: selected.id } : {}), name: trimmed, filters: current });
  };
  return (
    <Dialog title={t('orders.views.saveTitle')} onClose={onClose} busy={save.isPending}>
      <form onSubmit={submit} className="save-view-form">
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            {t('orders.views.name')}
          </label>
          <input
            id={nameId}
            className="input"
            value={name}
            maxLength={60}
            autoFocus
            aria-invalid={save.isError}
            aria-describedby={save.isError ? errorId : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {save.isError ? (
            <p id={errorId} className="field-error" role="alert">
              {errorText(save.error)}
            </p>
          ) : (
            <p className="field-hint">{replacing ? t('orders.views.replaces') : t('orders.views.hint')}</p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('orders.views.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={trimmed === '' || save.isPending}>
            {t('orders.views.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
