import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type TemplateKind, templateVariables } from '@shared/outreach';
import { useChannelQuery } from '../../api';
import { MessagePreview } from './MessagePreview';
import { TemplatePreview } from './TemplatePreview';
import { useSavedLook } from './useMessageLook';
import { promotionLinkValue } from '@shared/promotion-links';
import { commissionText, type Draft, needs, parseShopKey, type TemplateChoice } from './draft';
import { DraftField } from './DraftField';

/**
 * Step 3: the texts. Each needed template is chosen from the saved ones or written here, and previewed for
 * a creator of the audience with the problems main finds (unknown variable, empty value, too long) and the
 * sensitive words it contains, before anything can be planned.
 */
export function MessageStep(props: {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  shopName: string;
  onChecked: (kind: TemplateKind, ok: boolean) => void;
}): ReactElement {
  const { draft, update, shopName, onChecked } = props;
  const { t } = useTranslation();
  const id = useId();
  const need = needs(draft.action);
  const audienceFilter =
    draft.audience.kind === 'list'
      ? { listIds: draft.audience.listId === null ? [] : [draft.audience.listId] }
      : 'filter' in draft.audience.selection
        ? draft.audience.selection.filter
        : null;
  const ticked =
    draft.audience.kind === 'selection' && 'ids' in draft.audience.selection ? draft.audience.sample : null;
  const sample = useChannelQuery(
    'creators:search',
    { filter: audienceFilter ?? {}, limit: 50 },
    { enabled: ticked === null && audienceFilter !== null },
  );
  const creators =
    ticked ??
    (sample.data?.items ?? []).map((c) => ({
      id: c.id,
      label: c.handle ? `@${c.handle}` : (c.nickname ?? String(c.id)),
    }));
  // `{{promotion_link}}` as the Outreach will send it: the stored links; a missing one is generated when planned.
  const productIds = Object.keys(draft.products);
  const { shopId } = parseShopKey(draft.shopKey);
  const links = useChannelQuery(
    'promotionLinks:get',
    { shopId, productIds },
    { enabled: need.invitation && productIds.length > 0 && shopId !== '' },
  );
  const linkOf = new Map((links.data?.links ?? []).map((l) => [l.productId, l.link]));
  const promotionLink = need.invitation
    ? promotionLinkValue(
        productIds.map((id) => ({
          title: draft.productTitles[id] ?? id,
          link: linkOf.get(id) ?? t('outreach.wizard.linkOnPlan', { product: draft.productTitles[id] ?? id }),
        })),
      )
    : null;
  const [previewFor, setPreviewFor] = useState<number | null>(null);
  const creatorId = previewFor ?? creators[0]?.id ?? null;
  return (
    <div className="wizard-fields">
      <label className="field-label" htmlFor={`${id}-creator`}>
        {t('outreach.wizard.previewFor')}
      </label>
      <select
        id={`${id}-creator`}
        className="input select"
        value={creatorId ?? ''}
        onChange={(e) => setPreviewFor(e.target.value ? Number(e.target.value) : null)}
      >
        {creators.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <DraftField
        draft={draft}
        update={update}
        field="sampleOffer"
        label={t('outreach.wizard.sampleOffer', { variable: '{{sample_offer}}' })}
        maxLength={500}
      />
      <p className="muted field-hint">
        {t('outreach.wizard.variables', { list: templateVariables.map((v) => `{{${v}}}`).join(' ') })}
      </p>
      {(['invitation', 'message'] as const)
        .filter((k) => need[k])
        .map((kind) => (
          <TemplateField
            key={kind}
            kind={kind}
            choice={draft.templates[kind]}
            onChange={(choice) => update({ templates: { ...draft.templates, [kind]: choice } })}
            creatorId={creatorId}
            creatorLabel={creators.find((c) => c.id === creatorId)?.label ?? null}
            firstProductId={Object.keys(draft.products)[0] ?? null}
            values={{
              shopName,
              ...(Object.keys(draft.productTitles).length > 0
                ? { productNames: Object.values(draft.productTitles).join(', ') }
                : {}),
              ...(commissionText(draft) ? { commission: commissionText(draft) } : {}),
              ...(draft.sampleOffer.trim() ? { sampleOffer: draft.sampleOffer.trim() } : {}),
              ...(promotionLink ? { promotionLink } : {}),
            }}
            onChecked={(ok) => onChecked(kind, ok)}
          />
        ))}
    </div>
  );
}

function TemplateField(props: {
  kind: TemplateKind;
  choice: TemplateChoice;
  onChange: (choice: TemplateChoice) => void;
  creatorId: number | null;
  values: {
    shopName: string;
    productNames?: string;
    commission?: string;
    sampleOffer?: string;
    promotionLink?: string;
  };
  onChecked: (ok: boolean) => void;
  /** Whom the preview is for, as the list names them. */
  creatorLabel: string | null;
  /** The Outreach's first product (a product card without its own shows it). */
  firstProductId: string | null;
}): ReactElement {
  const { kind, choice, onChange, creatorId, values, onChecked } = props;
  const { t } = useTranslation();
  const id = useId();
  const templates = useChannelQuery('templates:list');
  const ofKind = (templates.data?.templates ?? []).filter((x) => x.kind === kind);
  const chosen = ofKind.find((x) => x.id === choice.templateId) ?? null;
  const body = choice.writing ? choice.body : (chosen?.body ?? '');
  const look = useSavedLook(choice.writing ? null : chosen, values, props.firstProductId);
  return (
    <fieldset className="wizard-template">
      <legend className="wizard-template-title">{t(`outreach.wizard.template.${kind}`)}</legend>
      <label className="field-label" htmlFor={`${id}-choose`}>
        {t('outreach.wizard.template.choose')}
      </label>
      <select
        id={`${id}-choose`}
        className="input select"
        value={choice.writing ? 'new' : (choice.templateId ?? '')}
        onChange={(e) =>
          e.target.value === 'new'
            ? onChange({ ...choice, writing: true, templateId: null })
            : onChange({
                ...choice,
                writing: false,
                templateId: e.target.value ? Number(e.target.value) : null,
              })
        }
      >
        <option value="">{t('outreach.wizard.template.none')}</option>
        {ofKind.map((x) => (
          <option key={x.id} value={x.id}>
            {[
              x.name,
              ...(x.messageType === 'TEXT' ? [] : [t(`outreach.templates.messageType.${x.messageType}`)]),
              t(`outreach.wizard.language.${x.language}`),
            ].join(' · ')}
          </option>
        ))}
        <option value="new">{t('outreach.wizard.template.write')}</option>
      </select>
      {choice.writing && (
        <div className="wizard-template-write">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('outreach.wizard.template.name')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={choice.name}
            maxLength={100}
            onChange={(e) => onChange({ ...choice, name: e.target.value })}
          />
          <label className="field-label" htmlFor={`${id}-language`}>
            {t('outreach.wizard.template.language')}
          </label>
          <select
            id={`${id}-language`}
            className="input select"
            value={choice.language}
            onChange={(e) => onChange({ ...choice, language: e.target.value === 'zh-CN' ? 'zh-CN' : 'en' })}
          >
            <option value="en">{t('outreach.wizard.language.en')}</option>
            <option value="zh-CN">{t('outreach.wizard.language.zh-CN')}</option>
          </select>
          <label className="field-label" htmlFor={`${id}-body`}>
            {t('outreach.wizard.template.body')}
          </label>
          <textarea
            id={`${id}-body`}
            className="input textarea"
            rows={5}
            value={choice.body}
            maxLength={10_000}
            onChange={(e) => onChange({ ...choice, body: e.target.value })}
          />
        </div>
      )}
      {look && (
        <MessagePreview
          look={look}
          shopName={values.shopName}
          creator={props.creatorLabel}
          label={t('outreach.wizard.preview', { kind: t(`outreach.wizard.template.${kind}`) })}
        />
      )}
      {/* A picture or card has no text: its empty preview still tells the step it has no problem. */}
      <TemplatePreview
        kind={kind}
        body={body}
        creatorId={creatorId}
        values={values}
        label={t('outreach.wizard.preview', { kind: t(`outreach.wizard.template.${kind}`) })}
        onChecked={onChecked}
      />
    </fieldset>
  );
}
