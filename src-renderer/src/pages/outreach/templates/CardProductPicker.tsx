import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api';
import { Combobox, type ComboboxOption } from '../../../components/Combobox';
import { useDebounced } from '../../../hooks/useDebounced';
import { useShops } from '../../../hooks/useShops';
import { useCardProduct } from '../../../features/outreach-wizard/useMessageLook';

/**
 * Which product a PRODUCT_CARD shows: the Outreach's first product (chosen in each Outreach), or one product
 * of the synced catalogue found by search — a combobox, as a shop may list thousands. A chosen product ties
 * the template to its shop: an Outreach of another shop refuses it.
 */
export function CardProductPicker(props: {
  productId: string | null;
  onChange: (productId: string | null) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const shops = useShops();
  const [mode, setMode] = useState<'first' | 'chosen'>(props.productId === null ? 'first' : 'chosen');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 200);
  const found = useChannelQuery(
    'products:list',
    { search: query, status: 'ACTIVATE', limit: 20 },
    { enabled: mode === 'chosen' && query !== '' },
  );
  const chosen = useCardProduct(props.productId);
  const options: ComboboxOption[] = (found.data?.items ?? []).map((p) => ({
    id: p.productId,
    label: p.title,
    detail: shops.shopName(p.shopId),
  }));
  const choose = (next: 'first' | 'chosen'): void => {
    setMode(next);
    if (next === 'first') props.onChange(null);
  };
  return (
    <fieldset className="wizard-choice card-product-picker">
      <legend className="field-label">{t('outreach.templates.cardProduct.legend')}</legend>
      <label className="radio-line">
        <input type="radio" name={`${id}-mode`} checked={mode === 'first'} onChange={() => choose('first')} />
        <span>{t('outreach.templates.cardProduct.first')}</span>
      </label>
      <label className="radio-line">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={mode === 'chosen'}
          onChange={() => choose('chosen')}
        />
        <span>{t('outreach.templates.cardProduct.chosen')}</span>
      </label>
      {mode === 'chosen' && (
        <div className="card-product-search">
          <Combobox
            label={t('outreach.templates.cardProduct.search')}
            placeholder={t('outreach.templates.cardProduct.placeholder')}
            value={search}
            onChange={setSearch}
            options={options}
            onPick={(o) => {
              props.onChange(String(o.id));
              setSearch('');
            }}
            status={
              found.isFetching || query !== search.trim()
                ? t('outreach.templates.cardProduct.searching')
                : t('outreach.templates.cardProduct.noMatch')
            }
          />
          <p className="field-hint" role="status">
            {props.productId === null
              ? t('outreach.templates.cardProduct.none')
              : t('outreach.templates.cardProduct.current', {
                  title: chosen?.title ?? props.productId,
                  shop: chosen?.shopName ?? '',
                })}
          </p>
        </div>
      )}
    </fieldset>
  );
}
