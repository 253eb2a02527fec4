import { useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  creatorVariables,
  type Template,
  type TemplateKind,
  templateKinds,
  templateVariables,
} from '@shared/outreach';
import { errorText, useChannelMutation, useChannelQuery } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { Notice } from '../../../components/Notice';
import { SearchField } from '../../../components/SearchField';
import { useToasts } from '../../../components/Toasts';
import { useShops } from '../../../hooks/useShops';
import { type PreviewValues, TemplatePreview } from '../../../features/outreach-wizard/TemplatePreview';

interface Draft {
  name: string;
  kind: TemplateKind;
  language: Template['language'];
  /** Kept as saved: the editor writes TEXT templates; other types keep their picture or card. */
  messageType: Template['messageType'];
  body: string;
}

/**
 * One template: its name, kind, language and text with `{{variables}}` inserted from chips; the text rendered
 * live for a creator the merchant picks, with example values for what an Outreach fills in. Main refuses an
 * unknown variable (or a creator variable in an invitation) when saving; empty values and over-length show
 * in the preview and stop an Outreach before anything is queued.
 */
export function TemplateEditor(props: {
  template: Template | null;
  onSaved: (template: Template) => void;
  onClosed: () => void;
}): ReactElement {
  const { template } = props;
  const { t } = useTranslation();
  const { showToast } = useToasts();
  const id = useId();
  const body = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState<Draft>(
    template
      ? {
          name: template.name,
          kind: template.kind,
          language: template.language,
          messageType: template.messageType,
          body: template.body,
        }
      : { name: '', kind: 'message', language: 'en', messageType: 'TEXT', body: '' },
  );
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useChannelMutation('templates:save', { invalidates: ['templates:list'], silent: true });
  const remove = useChannelMutation('templates:delete', { invalidates: ['templates:list'], silent: true });
  const busy = save.isPending || remove.isPending;
  const change = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const insert = (variable: string): void => {
    const el = body.current;
    const token = `{{${variable}}}`;
    const at = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? at;
    change({ body: draft.body.slice(0, at) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const submit = async (): Promise<void> => {
    if (!draft.name.trim()) return setError(t('outreach.templates.need.name'));
    if (draft.messageType === 'TEXT' && !draft.body.trim())
      return setError(t('outreach.templates.need.body'));
    try {
      const saved = await save.mutateAsync({ ...(template ? { id: template.id } : {}), ...draft });
      showToast({ tone: 'success', message: t('outreach.templates.saved', { name: saved.name }) });
      props.onSaved(saved);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const usable = templateVariables.filter((v) => draft.kind === 'message' || !creatorVariables.includes(v));
  return (
    <section
      className="card template-editor"
      aria-label={template ? template.name : t('outreach.templates.new')}
    >
      <form
        className="template-editor-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 className="template-editor-title">{template ? template.name : t('outreach.templates.new')}</h2>
        <div className="template-editor-row">
          <label className="field-inline">
            <span className="field-label">{t('outreach.templates.name')}</span>
            <input
              className="input"
              value={draft.name}
              maxLength={100}
              onChange={(e) => change({ name: e.target.value })}
            />
          </label>
          <label className="field-inline">
            <span className="field-label">{t('outreach.templates.kindLabel')}</span>
            <select
              className="input select"
              value={draft.kind}
              onChange={(e) => change({ kind: e.target.value as TemplateKind })}
            >
              {templateKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`outreach.templates.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            <span className="field-label">{t('outreach.wizard.template.language')}</span>
            <select
              className="input select"
              value={draft.language}
              onChange={(e) => change({ language: e.target.value === 'zh-CN' ? 'zh-CN' : 'en' })}
            >
              <option value="en">{t('outreach.wizard.language.en')}</option>
              <option value="zh-CN">{t('outreach.wizard.language.zh-CN')}</option>
            </select>
          </label>
        </div>
        <p className="field-hint">{t(`outreach.templates.kindHint.${draft.kind}`)}</p>
        {draft.messageType !== 'TEXT' ? (
          <p className="field-hint">{t(`outreach.templates.typeHint.${draft.messageType}`)}</p>
        ) : (
          <>
            <label className="field-label" htmlFor={`${id}-body`}>
              {t('outreach.wizard.template.body')}
            </label>
            <textarea
              id={`${id}-body`}
              ref={body}
              className="input textarea"
              rows={6}
              lang={draft.language}
              value={draft.body}
              maxLength={10_000}
              onChange={(e) => change({ body: e.target.value })}
            />
            <div className="template-variables" role="group" aria-label={t('outreach.templates.insert')}>
              <span className="field-hint">{t('outreach.templates.insert')}</span>
              {usable.map((v) => (
                <button
                  key={v}
                  type="button"
                  className="button button-small chip-button"
                  onClick={() => insert(v)}
                >
                  {`{{${v}}}`}
                </button>
              ))}
            </div>
            <PreviewFor kind={draft.kind} body={draft.body} />
          </>
        )}
        {error && (
          <Notice tone="danger" title={t('outreach.templates.cannotSave')}>
            {error}
          </Notice>
        )}
        <div className="dialog-actions">
          {template && (
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={busy}
              onClick={() => setConfirmDelete(true)}
            >
              {t('outreach.templates.delete')}
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={props.onClosed}>
            {t('outreach.templates.close')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('outreach.templates.save')}
          </button>
        </div>
      </form>
      {confirmDelete && template && (
        <Dialog
          title={t('outreach.templates.deleteTitle', { name: template.name })}
          onClose={() => setConfirmDelete(false)}
          busy={busy}
        >
          <p>{t('outreach.templates.deleteBody')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
              {t('outreach.templates.keep')}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                remove.mutate(
                  { id: template.id },
                  {
                    onSuccess: () => {
                      setConfirmDelete(false);
                      props.onClosed();
                    },
                    onError: (err) => {
                      setConfirmDelete(false);
                      setError(errorText(err));
                    },
                  },
                )
              }
            >
              {t('outreach.templates.delete')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** The live preview: a creator found by search, a shop for {{shop_name}}, example values for the rest. */
function PreviewFor(props: { kind: TemplateKind; body: string }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const shops = useShops();
  const [search, setSearch] = useState('');
  const [creatorId, setCreatorId] = useState<number | null>(null);
  const [values, setValues] = useState<PreviewValues>({});
  const found = useChannelQuery('creators:search', {
    filter: search.trim() ? { text: search.trim() } : {},
    limit: 20,
  });
  const creators = found.data?.items ?? [];
  const chosen = creatorId ?? creators[0]?.id ?? null;
  // {{shop_name}} starts as the first connected shop's name; the merchant may type another.
  const field = (key: keyof PreviewValues, label: string, initial?: string) => (
    <label className="field-inline" key={key}>
      <span className="field-hint">{label}</span>
      <input
        className="input"
        value={values[key] ?? initial ?? ''}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
      />
    </label>
  );
  const shopName = values.shopName ?? shops.shops[0]?.name;
  const filled = Object.fromEntries(
    Object.entries({ ...values, shopName }).filter(([, v]) => v?.trim()),
  ) as PreviewValues;
  return (
    <fieldset className="wizard-choice template-preview-for">
      <legend className="field-label">{t('outreach.templates.previewLegend')}</legend>
      <div className="template-editor-row">
        <SearchField
          label={t('outreach.templates.findCreator')}
          placeholder={t('outreach.templates.findCreator')}
          value={search}
          onChange={(v) => {
            setSearch(v);
            setCreatorId(null);
          }}
        />
        <label className="field-inline">
          <span className="visually-hidden">{t('outreach.wizard.previewFor')}</span>
          <select
            id={`${id}-creator`}
            className="input select"
            aria-label={t('outreach.wizard.previewFor')}
            value={chosen ?? ''}
            onChange={(e) => setCreatorId(e.target.value ? Number(e.target.value) : null)}
          >
            {creators.length === 0 && <option value="">{t('outreach.templates.noCreator')}</option>}
            {creators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.handle ? `@${c.handle}` : (c.nickname ?? `#${c.id}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="template-editor-row">
        {field('shopName', '{{shop_name}}', shops.shops[0]?.name)}
        {field('productNames', '{{product_names}}')}
        {field('commission', '{{commission}}')}
        {field('sampleOffer', '{{sample_offer}}')}
        {field('promotionLink', '{{promotion_link}}')}
      </div>
      <TemplatePreview
        kind={props.kind}
        body={props.body}
        creatorId={chosen}
        values={filled}
        label={t('outreach.templates.previewLabel')}
      />
    </fieldset>
  );
}
