import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { outreachActionSchema } from '@shared/outreach';
import { useChannelQuery } from '../../api';
import { type Draft, shopKey, type ShopOption } from './draft';
import { DraftField } from './DraftField';

/** Step 1: the Outreach's name, the shop it sends from, who it reaches and what it does. */
export function AudienceStep(props: {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  shops: readonly ShopOption[];
}): ReactElement {
  const { draft, update, shops } = props;
  const { t, i18n } = useTranslation();
  const lists = useChannelQuery('lists:list');
  const id = useId();
  const number = new Intl.NumberFormat(i18n.language);
  const audience = draft.audience;
  return (
    <div className="wizard-fields">
      <DraftField
        draft={draft}
        update={update}
        field="name"
        label={t('outreach.wizard.name')}
        maxLength={100}
        required
        autoFocus
      />
      <label className="field-label" htmlFor={`${id}-shop`}>
        {t('outreach.wizard.shop')}
      </label>
      <select
        id={`${id}-shop`}
        className="input select"
        value={draft.shopKey}
        required
        onChange={(e) => update({ shopKey: e.target.value, products: {}, productTitles: {} })}
      >
        <option value="">{t('outreach.wizard.chooseShop')}</option>
        {shops.map((s) => (
          <option key={shopKey(s.accountId, s.shopId)} value={shopKey(s.accountId, s.shopId)}>
            {`${s.name} (${s.region})`}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor={`${id}-creators`}>
        {t('outreach.wizard.creators')}
      </label>
      {audience.kind === 'selection' ? (
        <p id={`${id}-creators`} className="wizard-readout">
          {t('outreach.wizard.selection', {
            count: audience.count,
            formatted: number.format(audience.count),
          })}
        </p>
      ) : (
        <>
          <select
            id={`${id}-creators`}
            className="input select"
            value={audience.listId ?? ''}
            required
            onChange={(e) =>
              update({ audience: { kind: 'list', listId: e.target.value ? Number(e.target.value) : null } })
            }
          >
            <option value="">{t('outreach.wizard.chooseList')}</option>
            {(['static', 'dynamic'] as const).map((kind) => (
              <optgroup key={kind} label={t(`outreach.wizard.listKind.${kind}`)}>
                {(lists.data?.items ?? [])
                  .filter((l) => l.kind === kind)
                  .map((l) => (
                    <option key={l.id} value={l.id}>
                      {t('outreach.wizard.listOption', {
                        name: l.name,
                        count: l.size,
                        formatted: number.format(l.size),
                      })}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <p className="muted field-hint">{t('outreach.wizard.listHint')}</p>
        </>
      )}
      <fieldset className="wizard-choice">
        <legend className="field-label">{t('outreach.wizard.action')}</legend>
        {outreachActionSchema.options.map((a) => (
          <label key={a} className="radio-line">
            <input
              type="radio"
              name={`${id}-action`}
              value={a}
              checked={draft.action === a}
              onChange={() => update({ action: a })}
            />
            {t(`outreach.wizard.actions.${a}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
