import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api';
import { SearchField } from '../../components/SearchField';
import { commissionBp, type Draft, maxProducts } from './draft';
import { DraftField } from './DraftField';

/**
 * Step 2 (invitations): up to 100 of the shop's synced products, each with its target commission (at least
 * 10.00%, sent as integer hundredths), the free-sample rule and the seller's contact email.
 */
export function ProductsStep(props: {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  shopId: string;
}): ReactElement {
  const { draft, update, shopId } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const products = useChannelQuery('products:list', {
    shopId,
    status: 'ACTIVATE',
    limit: 100,
    ...(search.trim() ? { search: search.trim() } : {}),
  });
  const chosen = Object.keys(draft.products).length;
  const toggle = (productId: string, title: string, on: boolean): void => {
    const products = { ...draft.products };
    const productTitles = { ...draft.productTitles };
    if (on) {
      if (chosen >= maxProducts) return;
      products[productId] = '15';
      productTitles[productId] = title;
    } else {
      delete products[productId];
      delete productTitles[productId];
    }
    update({ products, productTitles });
  };
  return (
    <div className="wizard-fields">
      <SearchField
        label={t('outreach.wizard.searchProducts')}
        placeholder={t('outreach.wizard.searchProducts')}
        value={search}
        onChange={setSearch}
      />
      <p className="muted field-hint" role="status">
        {t('outreach.wizard.productsChosen', { count: chosen, max: maxProducts })}
      </p>
      <div className="wizard-table-scroll">
        <table className="wizard-table">
          <caption className="visually-hidden">{t('outreach.wizard.productsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outreach.wizard.product')}</th>
              <th scope="col">{t('outreach.wizard.commission')}</th>
            </tr>
          </thead>
          <tbody>
            {(products.data?.items ?? []).map((p) => {
              const rate = draft.products[p.productId];
              const on = rate !== undefined;
              const bp = on ? commissionBp(rate) : null;
              const invalid = on && (bp === null || bp < 1_000 || bp > 8_000);
              return (
                <tr key={p.productId}>
                  <td>
                    <label className="checkbox-line">
                      <input
                        type="checkbox"
                        checked={on}
                        disabled={!on && chosen >= maxProducts}
                        onChange={(e) => toggle(p.productId, p.title, e.target.checked)}
                      />
                      <span className="cell-text">{p.title}</span>
                    </label>
                  </td>
                  <td>
                    {on && (
                      <span className="commission-field">
                        <input
                          className="input input-number"
                          inputMode="decimal"
                          aria-label={t('outreach.wizard.commissionFor', { title: p.title })}
                          aria-invalid={invalid}
                          value={rate}
                          onChange={(e) =>
                            update({ products: { ...draft.products, [p.productId]: e.target.value } })
                          }
                        />
                        <span aria-hidden="true">%</span>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {products.data && products.data.items.length === 0 && (
          <p className="muted">{t('outreach.wizard.noProducts')}</p>
        )}
      </div>
      <p className="muted field-hint">{t('outreach.wizard.commissionHint')}</p>
      <fieldset className="wizard-choice">
        <legend className="field-label">{t('outreach.wizard.freeSample')}</legend>
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={draft.hasFreeSample}
            onChange={(e) => update({ hasFreeSample: e.target.checked, approvalExempt: false })}
          />
          {t('outreach.wizard.offerSample')}
        </label>
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={draft.approvalExempt}
            disabled={!draft.hasFreeSample}
            onChange={(e) => update({ approvalExempt: e.target.checked })}
          />
          {t('outreach.wizard.approvalExempt')}
        </label>
      </fieldset>
      <DraftField
        draft={draft}
        update={update}
        field="sellerEmail"
        label={t('outreach.wizard.sellerEmail')}
        type="email"
      />
    </div>
  );
}
