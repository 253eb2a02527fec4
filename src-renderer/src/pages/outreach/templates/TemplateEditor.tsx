import { useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  creatorVariables,
  type MessageType,
  messageTypes,
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
import { type MessageLook, MessagePreview } from '../../../features/outreach-wizard/MessagePreview';
import { useCardProduct } from '../../../features/outreach-wizard/useMessageLook';
import { CardProductPicker } from './CardProductPicker';
import { ImagePicker, type PickedImage, savedImage } from './ImagePicker';

interface Draft {
  name: string;
  kind: TemplateKind;
  language: Template['language'];
  messageType: MessageType;
  /** The text of a TEXT message (kept while another type is tried, sent only for TEXT). */
  body: string;
  /** A new picture for an IMAGE message; null keeps the saved one. */
  image: PickedImage | null;
  /** A PRODUCT_CARD's own product; null: the Outreach's first. */
  productId: string | null;
}

/**
 * One template: its name, kind, language and, for a message, its type (docs/outreach.md "Message types"):
 * a text with `{{variables}}` inserted from chips, a picture, a product card or a collaboration card. The
 * message is previewed live as the chosen creator would see it — the text rendered with example values for
 * what an Outreach fills in, the picture, or the card. Main refuses an unknown variable (or a creator
 * variable in an invitation) and a picture TikTok would not take when saving; empty values and over-length
 * show in the preview and stop an Outreach before anything is queued.
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
          image: null,
          productId: template.productId,
        }
      : {
          name: '',
          kind: 'message',
          language: 'en',
          messageType: 'TEXT',
          body: '',
          image: null,
          productId: null,
        },
  );
  const saved = useChannelQuery(
    'templates:image',
    { id: template?.id ?? 0 },
    { enabled: template?.image != null },
  );
  const shownImage = draft.image
    ? draft.image
    : template?.image
      ? savedImage(template.image, saved.data?.data)
      : null;
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
    const type = draft.messageType;
    if (!draft.name.trim()) return setError(t('outreach.templates.need.name'));
    if (type === 'TEXT' && !draft.body.trim()) return setError(t('outreach.templates.need.body'));
    if (type === 'IMAGE' && !shownImage) return setError(t('outreach.templates.need.image'));
    try {
      const saved = await save.mutateAsync({
        ...(template ? { id: template.id } : {}),
        name: draft.name,
        kind: draft.kind,
        language: draft.language,
        messageType: type,
        body: type === 'TEXT' ? draft.body : '',
        ...(type === 'IMAGE' && draft.image
          ? { image: { fileName: draft.image.fileName, data: draft.image.data } }
          : {}),
        ...(type === 'PRODUCT_CARD' ? { productId: draft.productId } : {}),
      });
      showToast({
        tone: 'success',
        message: { key: 'outreach.templates.saved', params: { name: saved.name } },
      });
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
              // An invitation is always text.
              onChange={(e) => {
                const kind = e.target.value as TemplateKind;
                change(kind === 'invitation' ? { kind, messageType: 'TEXT' } : { kind });
              }}
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
        {draft.kind === 'message' && (
          <fieldset className="message-type-choice">
            <legend className="field-label">{t('outreach.templates.messageTypeLabel')}</legend>
            <div className="message-type-options">
              {messageTypes.map((type) => (
                <label key={type} className="radio-line">
                  <input
                    type="radio"
                    name={`${id}-type`}
                    value={type}
                    checked={draft.messageType === type}
                    onChange={() => change({ messageType: type })}
                  />
                  <span>{t(`outreach.templates.messageType.${type}`)}</span>
                </label>
              ))}
            </div>
            <p className="field-hint">{t(`outreach.templates.typeHint.${draft.messageType}`)}</p>
          </fieldset>
        )}
        {draft.messageType === 'IMAGE' && (
          <ImagePicker shown={shownImage} onPick={(image) => change({ image })} />
        )}
        {draft.messageType === 'PRODUCT_CARD' && (
          <CardProductPicker productId={draft.productId} onChange={(productId) => change({ productId })} />
        )}
        {draft.messageType === 'TEXT' && (
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
          </>
        )}
        <PreviewFor
          kind={draft.kind}
          body={draft.messageType === 'TEXT' ? draft.body : ''}
          type={draft.messageType}
          image={shownImage}
          productId={draft.productId}
        />
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

/**
 * The live preview: a creator found by search, a shop for {{shop_name}}, example values for the rest; a text
 * rendered by main, or the picture or card drawn as the creator sees it.
 */
function PreviewFor(props: {
  kind: TemplateKind;
  body: string;
  type: MessageType;
  image: { fileName: string; src: string | null; width: number; height: number } | null;
  productId: string | null;
}): ReactElement {
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
  const chosenCreator = creators.find((c) => c.id === chosen);
  const product = useCardProduct(props.type === 'PRODUCT_CARD' ? props.productId : null);
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
  // A product card comes from the product's shop; anything else from the first connected shop until typed.
  const shopName =
    values.shopName ??
    (props.type === 'PRODUCT_CARD' ? product?.shopName : undefined) ??
    shops.shops[0]?.name;
  const filled = Object.fromEntries(
    Object.entries({ ...values, shopName }).filter(([, v]) => v?.trim()),
  ) as PreviewValues;
  const look: MessageLook | null =
    props.type === 'IMAGE'
      ? {
          type: 'IMAGE',
          src: props.image?.src ?? null,
          fileName: props.image?.fileName ?? '',
          width: props.image?.width ?? null,
          height: props.image?.height ?? null,
        }
      : props.type === 'PRODUCT_CARD'
        ? { type: 'PRODUCT_CARD', product: props.productId === null ? null : product }
        : props.type === 'TARGET_COLLABORATION_CARD'
          ? {
              type: 'TARGET_COLLABORATION_CARD',
              productNames: filled.productNames ?? null,
              commission: filled.commission ?? null,
            }
          : null;
  // Which example values the message shows: all for a text, the invitation's facts for its card.
  const fields: Array<keyof PreviewValues> =
    props.type === 'TEXT'
      ? ['shopName', 'productNames', 'commission', 'sampleOffer', 'promotionLink']
      : props.type === 'TARGET_COLLABORATION_CARD'
        ? ['shopName', 'productNames', 'commission']
        : ['shopName'];
  const labels: Record<keyof PreviewValues, string> = {
    shopName: '{{shop_name}}',
    productNames: '{{product_names}}',
    commission: '{{commission}}',
    sampleOffer: '{{sample_offer}}',
    promotionLink: '{{promotion_link}}',
  };
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
        {fields.map((key) => field(key, labels[key], key === 'shopName' ? shopName : undefined))}
      </div>
      {look === null ? (
        <TemplatePreview
          kind={props.kind}
          body={props.body}
          creatorId={chosen}
          values={filled}
          label={t('outreach.templates.previewLabel')}
        />
      ) : (
        <MessagePreview
          look={look}
          shopName={shopName ?? ''}
          creator={
            chosenCreator
              ? chosenCreator.handle
                ? `@${chosenCreator.handle}`
                : (chosenCreator.nickname ?? null)
              : null
          }
          label={t('outreach.templates.previewLabel')}
        />
      )}
    </fieldset>
  );
}
