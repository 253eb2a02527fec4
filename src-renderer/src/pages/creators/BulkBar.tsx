import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAction, CreatorList, CreatorSelection } from '@shared/creator-lists';
import { creatorStages, type CreatorStage } from '@shared/creators';
import { useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';
import type { Audience } from '../../features/outreach-wizard/draft';
import { OutreachWizard } from '../../features/outreach-wizard/OutreachWizard';
import { type ToastText, useToasts } from '../../components/Toasts';
import { creatorReads } from './creatorReads';
import { downloadText } from './download';

type Form = 'tag' | 'list' | 'stage' | 'block' | null;

/** Actions on the ticked creators, however many: main applies them to the selection (ids or filter). */
export function BulkBar(props: {
  count: number;
  selection: () => CreatorSelection;
  lists: readonly CreatorList[];
  onDone: () => void;
  /** Ticked creators this page has loaded (the outreach wizard previews its texts for them). */
  sample: () => Array<{ id: number; label: string }>;
}): ReactElement {
  const { count, selection, lists, onDone, sample } = props;
  const [outreach, setOutreach] = useState<Audience | null>(null);
  const { t, i18n } = useTranslation();
  const { showToast } = useToasts();
  const showSuccess = (message: ToastText): void => showToast({ tone: 'success', message });
  const [form, setForm] = useState<Form>(null);
  const [value, setValue] = useState('');
  const fieldId = useId();
  const number = new Intl.NumberFormat(i18n.language);
  const staticLists = lists.filter((l) => l.kind === 'static');
  const close = (): void => {
    setForm(null);
    setValue('');
  };

  const bulk = useChannelMutation('creators:bulk', {
    invalidates: creatorReads,
    onSuccess: (r) => {
      showSuccess({ key: 'creators.bulk.done', params: { count: r.changed } });
      close();
      onDone();
    },
  });
  const createList = useChannelMutation('lists:create', { invalidates: ['lists:list'] });
  const exportCsv = useChannelMutation('creators:export', {
    onSuccess: (r) => {
      downloadText(r.fileName, r.csv, 'text/csv;charset=utf-8');
      showSuccess({ key: 'creators.bulk.exported', params: { count: r.rows } });
    },
  });
  const busy = bulk.isPending || createList.isPending || exportCsv.isPending;
  const run = (action: BulkAction): void => bulk.mutate({ selection: selection(), action });

  const addToList = (): void => {
    const existing = staticLists.find((l) => String(l.id) === value);
    if (existing) return run({ kind: 'addToList', listId: existing.id });
    createList.mutate(
      { name: value.trim(), kind: 'static' },
      { onSuccess: (created) => run({ kind: 'addToList', listId: created.id }) },
    );
  };

  const submit = (): void => {
    if (form === 'tag') run({ kind: 'addTag', tag: value.trim() });
    else if (form === 'list') addToList();
    else if (form === 'stage') run({ kind: 'setStage', stage: value as Exclude<CreatorStage, 'blocked'> });
    else if (form === 'block') run({ kind: 'block', reason: value.trim() });
  };

  return (
    <div className="bulk-bar" role="region" aria-label={t('creators.bulk.label')}>
      <span className="bulk-count">
        {t('creators.bulk.selected', { count, formatted: number.format(count) })}
      </span>
      <button type="button" className="button button-small" onClick={() => setForm('tag')}>
        {t('creators.bulk.tag')}
      </button>
      <button type="button" className="button button-small" onClick={() => setForm('list')}>
        {t('creators.bulk.addToList')}
      </button>
      <button type="button" className="button button-small" onClick={() => setForm('stage')}>
        {t('creators.bulk.setStage')}
      </button>
      <button
        type="button"
        className="button button-small button-danger-quiet"
        onClick={() => setForm('block')}
      >
        {t('creators.bulk.block')}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => exportCsv.mutate({ selection: selection(), includeContacts: false })}
      >
        {t('creators.bulk.export')}
      </button>
      <button
        type="button"
        className="button button-small button-primary"
        onClick={() => setOutreach({ kind: 'selection', selection: selection(), count, sample: sample() })}
      >
        {t('creators.bulk.startOutreach')}
      </button>
      {outreach && <OutreachWizard audience={outreach} onClose={() => setOutreach(null)} />}
      {form && (
        <Dialog title={t(`creators.bulk.${form}Title`, { count })} onClose={() => setForm(null)} busy={busy}>
          <form
            className="bulk-form"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <label className="field-label" htmlFor={fieldId}>
              {t(`creators.bulk.${form}Field`)}
            </label>
            {form === 'stage' ? (
              <select
                id={fieldId}
                className="input select"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                required
              >
                <option value="" />
                {creatorStages
                  .filter((s) => s !== 'blocked')
                  .map((s) => (
                    <option key={s} value={s}>
                      {t(`creators.stage.${s}`)}
                    </option>
                  ))}
              </select>
            ) : form === 'list' ? (
              <>
                <input
                  id={fieldId}
                  className="input"
                  list={`${fieldId}-lists`}
                  value={staticLists.find((l) => String(l.id) === value)?.name ?? value}
                  onChange={(e) => {
                    const match = staticLists.find((l) => l.name === e.target.value);
                    setValue(match ? String(match.id) : e.target.value);
                  }}
                  maxLength={80}
                  required
                />
                <datalist id={`${fieldId}-lists`}>
                  {staticLists.map((l) => (
                    <option key={l.id} value={l.name} />
                  ))}
                </datalist>
                <p className="muted field-hint">{t('creators.bulk.listHint')}</p>
              </>
            ) : (
              <input
                id={fieldId}
                className="input"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                maxLength={form === 'tag' ? 40 : 500}
                required
              />
            )}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setForm(null)} disabled={busy}>
                {t('creators.bulk.cancel')}
              </button>
              <button
                type="submit"
                className={`button ${form === 'block' ? 'button-danger' : 'button-primary'}`}
                disabled={busy}
              >
                {t(`creators.bulk.${form}Submit`, { count })}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
