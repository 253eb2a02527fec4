import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorDetail } from '@shared/creator-detail';
import { useChannelMutation } from '../../api';
import { formatDateTime } from '../../format/time';
import { creatorReads } from './creatorReads';

type Note = CreatorDetail['notes'][number];

/** The merchant's notes on a creator: write one, change or delete each (deleting asks first). */
export function NotesSection(props: { creatorId: number; notes: Note[]; disabled: boolean }): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const id = useId();
  const add = useChannelMutation('creators:addNote', {
    invalidates: creatorReads,
    onSuccess: () => setValue(''),
  });
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('creators.detail.notes')}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) add.mutate({ creatorId: props.creatorId, body: value.trim() });
        }}
      >
        <label className="visually-hidden" htmlFor={id}>
          {t('creators.detail.newNote')}
        </label>
        <textarea
          id={id}
          className="input"
          rows={2}
          maxLength={10_000}
          value={value}
          placeholder={t('creators.detail.newNote')}
          onChange={(e) => setValue(e.target.value)}
        />
        <button
          type="submit"
          className="button button-small"
          disabled={props.disabled || add.isPending || !value.trim()}
        >
          {t('creators.detail.addNote')}
        </button>
      </form>
      <ul className="plain-list notes">
        {props.notes.map((n) => (
          <NoteItem key={n.id} note={n} disabled={props.disabled} />
        ))}
      </ul>
    </section>
  );
}

function NoteItem({ note, disabled }: { note: Note; disabled: boolean }): ReactElement {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [draft, setDraft] = useState(note.body);
  const id = useId();
  const edit = useChannelMutation('creators:editNote', {
    invalidates: creatorReads,
    onSuccess: () => setMode('view'),
  });
  const remove = useChannelMutation('creators:deleteNote', { invalidates: creatorReads });
  const busy = disabled || edit.isPending || remove.isPending;
  const edited = note.updatedAt > note.createdAt;
  return (
    <li className="note">
      {mode === 'edit' ? (
        <form
          className="note-edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) edit.mutate({ noteId: note.id, body: draft.trim() });
          }}
        >
          <label className="visually-hidden" htmlFor={id}>
            {t('creators.notes.editLabel')}
          </label>
          <textarea
            id={id}
            className="input"
            rows={3}
            maxLength={10_000}
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="note-actions">
            <button
              type="submit"
              className="button button-small button-primary"
              disabled={busy || !draft.trim()}
            >
              {t('creators.notes.save')}
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={busy}
              onClick={() => {
                setDraft(note.body);
                setMode('view');
              }}
            >
              {t('creators.notes.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="note-body">{note.body}</p>
      )}
      <div className="note-meta">
        <time className="muted" dateTime={new Date(note.createdAt).toISOString()}>
          {formatDateTime(note.createdAt, i18n.language)}
          {edited &&
            ` · ${t('creators.notes.edited', { date: formatDateTime(note.updatedAt, i18n.language) })}`}
        </time>
        {mode === 'view' && (
          <span className="note-actions">
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={busy}
              aria-label={t('creators.notes.editNamed', {
                date: formatDateTime(note.createdAt, i18n.language),
              })}
              onClick={() => {
                setDraft(note.body);
                setMode('edit');
              }}
            >
              {t('creators.notes.edit')}
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={busy}
              aria-label={t('creators.notes.deleteNamed', {
                date: formatDateTime(note.createdAt, i18n.language),
              })}
              onClick={() => setMode('delete')}
            >
              {t('creators.notes.delete')}
            </button>
          </span>
        )}
        {mode === 'delete' && (
          <span className="note-actions" role="group" aria-label={t('creators.notes.confirmDelete')}>
            <span>{t('creators.notes.confirmDelete')}</span>
            <button
              type="button"
              className="button button-small button-danger"
              disabled={busy}
              onClick={() => remove.mutate({ noteId: note.id })}
            >
              {t('creators.notes.deleteConfirm')}
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={busy}
              onClick={() => setMode('view')}
            >
              {t('creators.notes.keep')}
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
