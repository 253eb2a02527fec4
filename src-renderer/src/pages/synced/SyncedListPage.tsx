import { useEffect, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { ListFilters } from '../../components/ListFilters';
import { DataFreshness } from '../../features/sync/DataFreshness';
import { useSyncStatus } from '../../features/sync/SyncStatusProvider';
import { useShopFreshness } from '../../features/sync/useShopFreshness';
import type { ShopsState } from '../../hooks/useShops';
import type { SyncedList } from './useSyncedList';

/** Where focus goes when a dialog closes and the row that opened it has scrolled out of the DOM. */
export const mainContent = (): HTMLElement | null => document.getElementById('content');

/** The frame around a synced list (orders, products): filters, count, freshness, states and "Load more". */
export function SyncedListPage<T>(props: {
  kind: 'orders' | 'products';
  list: SyncedList<T>;
  shops: ShopsState;
  /** The table, shown once there are rows. */
  children: ReactNode;
}): ReactElement {
  const { kind, list, shops, children } = props;
  const { t, i18n } = useTranslation();
  const sync = useSyncStatus();
  const number = new Intl.NumberFormat(i18n.language);

  const accountsKnown = shops.accounts !== null;
  const hasShopAccounts = (shops.accounts ?? []).some((a) => a.provider === 'shop');
  const syncing = sync.status?.accounts.some((a) => a.provider === 'shop' && a.state === 'running') ?? false;
  const total = list.total ?? 0;
  const firstLoad = list.loading && list.items.length === 0;

  // An empty list fills itself once a sync lands; a list with rows offers "Show new data" instead.
  const { lastSuccessAt } = useShopFreshness(shops.accounts ?? [], list.shopId);
  const { loading, loadedAt, reload } = list;
  const staleEmpty =
    total === 0 && !loading && lastSuccessAt !== null && loadedAt !== null && lastSuccessAt > loadedAt;
  useEffect(() => {
    if (staleEmpty) reload();
  }, [staleEmpty, reload]);

  let content: ReactNode;
  if (list.failed && accountsKnown && !hasShopAccounts) content = <NothingYet kind={kind} canSync={false} />;
  else if (list.failed)
    content = (
      <EmptyState
        icon="alert"
        title={t(`${kind}.failed.title`)}
        body={t(`${kind}.failed.body`)}
        action={
          <button type="button" className="button" onClick={list.reload}>
            {t(`${kind}.failed.retry`)}
          </button>
        }
      />
    );
  else if (firstLoad) content = <p className="loading-line muted">{t(`${kind}.loading`)}</p>;
  else if (total === 0 && list.filtered)
    content = (
      <EmptyState icon="search" title={t(`${kind}.noMatch.title`)} body={t(`${kind}.noMatch.body`)} />
    );
  else if (total === 0)
    content = (
      <NothingYet
        kind={kind}
        canSync={hasShopAccounts}
        syncing={syncing}
        onSync={() => sync.syncNow()}
        pending={sync.pending}
      />
    );
  else content = children;

  return (
    <div className="page data-page">
      <ListFilters
        shops={shops.shops}
        shopId={list.shopId}
        onShopChange={list.setShopId}
        search={list.search}
        onSearchChange={list.setSearch}
        searchLabel={t(`${kind}.search`)}
        searchPlaceholder={t(`${kind}.searchPlaceholder`)}
      >
        {list.items.length > 0 && (
          <p className="list-count" role="status">
            {t(`${kind}.count`, { shown: number.format(list.items.length), total: number.format(total) })}
          </p>
        )}
        <DataFreshness
          accounts={shops.accounts ?? []}
          shopId={list.shopId}
          loadedAt={list.loadedAt}
          onRefresh={list.reload}
        />
      </ListFilters>

      <div className="card card-flush" aria-busy={list.loading}>
        {content}
      </div>

      {list.hasMore && list.items.length > 0 && (
        <div className="load-more">
          <button type="button" className="button" onClick={list.loadMore} disabled={list.loading}>
            {list.loading ? t(`${kind}.loading`) : t(`${kind}.loadMore`)}
          </button>
        </div>
      )}
    </div>
  );
}

/** Nothing synced yet: sync the connected shops, or connect one first. */
function NothingYet(props: {
  kind: 'orders' | 'products';
  canSync: boolean;
  syncing?: boolean;
  pending?: boolean;
  onSync?: () => void;
}): ReactElement {
  const { kind, canSync, syncing = false, pending = false, onSync } = props;
  const { t } = useTranslation();
  if (!canSync)
    return (
      <EmptyState
        icon={kind}
        title={t(`empty.${kind}.title`)}
        body={t(`empty.${kind}.body`)}
        action={
          <a className="button button-primary" href={hrefFor('accounts')}>
            <Icon name="link" size={16} />
            {t('empty.goToAccounts')}
          </a>
        }
      />
    );
  return (
    <EmptyState
      icon={kind}
      title={t(`empty.${kind}.title`)}
      body={t(syncing ? `${kind}.emptySyncing` : `${kind}.emptySynced`)}
      action={
        <button
          type="button"
          className="button button-primary"
          aria-disabled={syncing || pending}
          onClick={() => {
            if (!syncing && !pending) onSync?.();
          }}
        >
          <Icon name="refresh" size={16} />
          {t('sync.syncNow')}
        </button>
      }
    />
  );
}
