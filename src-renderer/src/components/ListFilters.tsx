import { useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '@shared/accounts';
import { FilterSelect } from './FilterSelect';
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
  const searchId = useId();
  return (
    <div className="list-toolbar">
      <div className="list-filters">
        <FilterSelect
          label={t('lists.shop')}
          allLabel={t('lists.allShops')}
          value={shopId}
          options={shops.map((shop) => ({ value: shop.shopId, label: shop.name }))}
          onChange={onShopChange}
        />
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
