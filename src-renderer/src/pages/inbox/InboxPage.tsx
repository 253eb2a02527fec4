import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useShops } from '../../hooks/useShops';
import { useDebounced } from '../../hooks/useDebounced';
import { FilterSelect } from '../../components/FilterSelect';
import { SearchField } from '../../components/SearchField';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';

/**
 * Creator conversations of every shop: the list on the left (unread first in the merchant's eye, newest
 * activity on top), the open conversation on the right with quick replies from message templates.
 */
export function InboxPage(): ReactElement {
  const { t } = useTranslation();
  const shops = useShops();
  const [shopId, setShopId] = useState<string | undefined>(undefined);
  const [unread, setUnread] = useState(false);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="page inbox-page">
      <section className="card inbox-list-pane" aria-label={t('inbox.listLabel')}>
        <div className="toolbar inbox-filters">
          <SearchField
            label={t('inbox.search')}
            placeholder={t('inbox.searchPlaceholder')}
            value={search}
            onChange={setSearch}
          />
          <div className="inbox-filter-row">
            <FilterSelect
              label={t('inbox.shop')}
              allLabel={t('inbox.allShops')}
              value={shopId}
              options={shops.shops.map((s) => ({ value: s.shopId, label: s.name }))}
              onChange={setShopId}
            />
            <label className="inbox-toggle">
              <input
                className="toggle"
                type="checkbox"
                checked={unread}
                onChange={(e) => setUnread(e.target.checked)}
              />
              <span>{t('inbox.unreadOnly')}</span>
            </label>
          </div>
        </div>
        <ConversationList
          filter={{ unread, ...(shopId ? { shopId } : {}), ...(query ? { search: query } : {}) }}
          filtered={unread || shopId !== undefined || query !== ''}
          selected={selected}
          onSelect={setSelected}
          shopName={shops.shopName}
        />
      </section>
      <section className="card inbox-view-pane" aria-label={t('inbox.conversationLabel')}>
        {selected ? (
          <ConversationView key={selected} conversationId={selected} shopName={shops.shopName} />
        ) : (
          <div className="inbox-pick">
            <p className="muted">{t('inbox.pick')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
