import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { contactKinds, type ContactKind } from '@shared/creator-contacts';
import { errorText, useChannelMutation } from '../../api';
import { Notice } from '../../components/Notice';

type Field = 'handle' | 'nickname' | 'region' | 'followers' | ContactKind;
const fields: readonly Field[] = ['handle', 'nickname', 'region', 'followers', ...contactKinds];
const empty = Object.fromEntries(fields.map((f) => [f, ''])) as Record<Field, string>;

/** One creator typed in by hand; private contacts are sealed by the Vault as they are saved. */
export function AddCreatorForm(): ReactElement {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState(empty);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const add = useChannelMutation('creators:add', {
    silent: true,
    invalidates: ['creators:search', 'creators:count'],
    onSuccess: () => {
      setValues(empty);
      setInvalid(new Set());
    },
  });
  const set = (f: Field, v: string) => setValues((old) => ({ ...old, [f]: v }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = (f: Field) => values[f].trim() || undefined;
    const followers = values.followers.trim();
    const contacts = Object.fromEntries(
      contactKinds.flatMap((k) => (text(k) ? [[k, text(k)]] : [])),
    ) as Partial<Record<ContactKind, string>>;
    const problems = new Set<string>();
    if (!text('handle')) problems.add('handle');
    if (followers && !/^\d+$/.test(followers)) problems.add('followers');
    setInvalid(problems);
    if (problems.size > 0) return;
    add.mutate({
      handle: text('handle'),
      nickname: text('nickname'),
      region: text('region'),
      followers: followers ? Number(followers) : undefined,
      contacts: Object.keys(contacts).length > 0 ? contacts : undefined,
    });
  };

  // The main process names which fields it refused (VALIDATION issues carry the field as `path`).
  const refused = new Set(
    (add.error?.details?.issues ?? []).map((i) => String(i.path).split('.').at(-1) ?? ''),
  );
  const isInvalid = (f: Field) => invalid.has(f) || refused.has(f);
  return (
    <form className="card discover-form" onSubmit={submit} noValidate aria-label={t('discover.add.label')}>
      <p className="muted">{t('discover.add.intro')}</p>
      <div className="discover-grid">
        {fields.map((f) => (
          <div className="field" key={f}>
            <label className="field-label" htmlFor={`${base}-${f}`}>
              {t(`discover.add.fields.${f}`)}
            </label>
            <input
              id={`${base}-${f}`}
              className="input"
              value={values[f]}
              inputMode={f === 'followers' ? 'numeric' : undefined}
              type={f === 'email' ? 'email' : 'text'}
              aria-invalid={isInvalid(f) || undefined}
              aria-describedby={`${base}-${f}-hint`}
              onChange={(e) => set(f, e.target.value)}
            />
            <span id={`${base}-${f}-hint`} className={isInvalid(f) ? 'field-error' : 'field-hint'}>
              {isInvalid(f)
                ? t(`discover.add.invalid.${f}`)
                : t(`discover.add.hints.${f}`, { defaultValue: '' })}
            </span>
          </div>
        ))}
      </div>
      {add.data && (
        <Notice
          tone="success"
          title={add.data.created ? t('discover.add.created') : t('discover.add.merged')}
          onDismiss={() => add.reset()}
        />
      )}
      {add.error && refused.size === 0 && (
        <Notice tone="danger" title={t('discover.add.failed')} onDismiss={() => add.reset()}>
          <p>{errorText(add.error)}</p>
        </Notice>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {t('discover.add.submit')}
        </button>
      </div>
    </form>
  );
}
