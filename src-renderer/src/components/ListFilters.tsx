import { useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '@shared/accounts';
import { Icon } from './Icon';

/** The toolbar of a synced list: which shop, a search box, and whatever the page adds (count, freshness). */
export function ListFilters(props: {
  shops: readonly Shop[];
  shopId: string | undefined;
  onShopChange: (shopId: string | undefined) => void;
  search: string;
  onSearchChange: (search: string) => void;
  searchLabel: string;
  searchPlaceholder: string;
  children?: ReactNode;
}): ReactElement {
  const { shops, shopId, onShopChange, search, onSearchChange, searchLabel, searchPlaceholder, children } =
    props;
  const { t } = useTranslation();
  const shopFieldId = useId();
  const searchId = useId();
  return (
    <div className="list-toolbar">
      <div className="list-filters">
        <div className="field field-inline">
          <label className="field-label" htmlFor={shopFieldId}>
            {t('lists.shop')}
          </label>
          <select
            id={shopFieldId}
            className="input select"
            value={shopId ?? ''}
            onChange={(event) => onShopChange(event.target.value || undefined)}
          >
            <option value="">{t('lists.allShops')}</option>
            {shops.map((shop) => (
              <option key={shop.shopId} value={shop.shopId}>
                {shop.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-field">
          <label className="visually-hidden" htmlFor={searchId}>
            {searchLabel}
          </label>
          <Icon name="search" size={16} />
          <input
            id={searchId}
            className="input search-input"
            type="search"
            value={search}
            placeholder={searchPlaceholder}
            maxLength={200}
            onChange={(event) => onSearchChange(event.target.value)}
          />
        </div>
      </div>
      {children && <div className="list-meta">{children}</div>}
    </div>
  );
}
