import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { contactKinds, type ContactKind } from '@shared/creator-contacts';
import { useChannelMutation, useChannelQuery } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import './creator-sources.css';

/**
 * A creator's private contacts for the creator detail: masked until the user reveals one (each reveal is
 * logged), editable, and cleared per kind. Plain values live only in this component's state.
 */
export function ContactsSection({ creatorId }: { creatorId: number }): ReactElement {
  const { t } = useTranslation();
  const base = useId();
  const view = useChannelQuery('creators:contacts', { creatorId }, { invalidateOn: ['accounts:changed'] });
  const [revealed, setRevealed] = useState<Partial<Record<ContactKind, string>>>({});
  const [editing, setEditing] = useState<ContactKind | null>(null);
  const [draft, setDraft] = useState('');
  const reveal = useChannelMutation('creators:revealContact', {
    onSuccess: (r) => setRevealed((old) => ({ ...old, [r.kind]: r.value })),
  });
  const save = useChannelMutation('creators:setContacts', {
    silent: true,
    invalidates: ['creators:contacts', 'creators:search', 'creators:get'],
    onSuccess: (_view, input) => {
      setEditing(null);
      setRevealed((old) => {
        const next = { ...old };
        for (const k of Object.keys(input.contacts) as ContactKind[]) delete next[k];
        return next;
      });
    },
  });
  const clear = useChannelMutation('creators:clearContacts', {
    invalidates: ['creators:contacts', 'creators:search', 'creators:get'],
    onSuccess: (_view, input) =>
      setRevealed((old) => {
        const next = { ...old };
        for (const k of input.kinds ?? contactKinds) delete next[k];
        return next;
      }),
  });

  if (view.error)
    return (
      <LoadFailed compact title={t('creatorContacts.failed')} error={view.error} onRetry={view.refetch} />
    );
  const items = new Map((view.data?.items ?? []).map((i) => [i.kind, i.masked]));
  const locked = view.data?.locked ?? false;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (editing && draft.trim()) save.mutate({ creatorId, contacts: { [editing]: draft.trim() } });
  };

  return (
    <section className="creator-contacts" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="detail-heading">
        {t('creatorContacts.title')}
      </h3>
      {locked && <p className="muted">{t('creatorContacts.locked')}</p>}
      <dl className="detail-facts">
        {contactKinds.map((kind) => {
          const has = items.has(kind);
          const shown = revealed[kind];
          const name = t(`creatorContacts.kinds.${kind}`);
          return (
            <div key={kind}>
              <dt>{name}</dt>
              <dd className="creator-contact">
                {editing === kind ? (
                  <form className="creator-contact-edit" onSubmit={submit}>
                    <label className="visually-hidden" htmlFor={`${base}-${kind}`}>
                      {name}
                    </label>
                    <input
                      id={`${base}-${kind}`}
                      className="input"
                      value={draft}
                      autoFocus
                      aria-invalid={save.isError || undefined}
                      aria-describedby={`${base}-${kind}-error`}
                      onChange={(e) => setDraft(e.target.value)}
                    />
                    <button type="submit" className="button button-primary" disabled={save.isPending}>
                      {t('creatorContacts.save')}
                    </button>
                    <button type="button" className="button" onClick={() => setEditing(null)}>
                      {t('creatorContacts.cancel')}
                    </button>
                    <span id={`${base}-${kind}-error`} className="field-error">
                      {save.isError ? t(`creatorContacts.invalid.${kind}`) : ''}
                    </span>
                  </form>
                ) : (
                  <>
                    <span className={shown ? 'creator-contact-value' : 'creator-contact-value muted'}>
                      {shown ?? (has ? (items.get(kind) ?? t('creatorContacts.hidden')) : '—')}
                    </span>
                    {has && !shown && !locked && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('creatorContacts.revealNamed', { kind: name })}
                        onClick={() => reveal.mutate({ creatorId, kind })}
                      >
                        {t('creatorContacts.reveal')}
                      </button>
                    )}
                    {shown && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('creatorContacts.hideNamed', { kind: name })}
                        onClick={() => setRevealed((old) => ({ ...old, [kind]: undefined }))}
                      >
                        {t('creatorContacts.hide')}
                      </button>
                    )}
                    {!locked && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t(has ? 'creatorContacts.changeNamed' : 'creatorContacts.addNamed', {
                          kind: name,
                        })}
                        onClick={() => {
                          save.reset();
                          setDraft('');
                          setEditing(kind);
                        }}
                      >
                        {has ? t('creatorContacts.change') : t('creatorContacts.add')}
                      </button>
                    )}
                    {has && (
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        aria-label={t('creatorContacts.clearNamed', { kind: name })}
                        disabled={clear.isPending}
                        onClick={() => clear.mutate({ creatorId, kinds: [kind] })}
                      >
                        {t('creatorContacts.clear')}
                      </button>
                    )}
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
