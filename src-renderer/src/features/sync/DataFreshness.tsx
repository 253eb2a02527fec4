import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/accounts';
import { useNow } from '../../hooks/useNow';
import { useShopFreshness } from './useShopFreshness';
import { useSyncText } from './useSyncText';

/**
 * "Data as of …" for a view of shop data (ARCHITECTURE §9): the last successful sync of the shop Accounts the
 * view draws from (the one holding `shopId`, or all of them), and a way to show rows synced since it loaded.
 */
export function DataFreshness(props: {
  accounts: readonly Account[];
  shopId: string | undefined;
  /** When the list on screen was fetched; newer synced data offers "Show new data". */
  loadedAt: number | null;
  onRefresh: () => void;
}): ReactElement | null {
  const { accounts, shopId, loadedAt, onRefresh } = props;
  const { t } = useTranslation();
  const fresh = useShopFreshness(accounts, shopId);
  const now = useNow(30_000);
  const text = useSyncText(now);
  if (!fresh.known) return null;
  const last = fresh.lastSuccessAt;
  const newer = last !== null && loadedAt !== null && last > loadedAt;
  return (
    <p className="data-freshness muted">
      {last === null ? (
        t('sync.neverSynced')
      ) : (
        <time dateTime={new Date(last).toISOString()} title={text.relative(last)}>
          {fresh.online
            ? t('sync.dataAsOf', { time: text.dateTime(last) })
            : t('sync.offline', { time: text.dateTime(last) })}
        </time>
      )}
      {fresh.syncing && <span className="data-freshness-syncing"> · {t('sync.syncing')}</span>}
      {newer && (
        <button type="button" className="button button-small button-quiet" onClick={onRefresh}>
          {t('sync.showNewData')}
        </button>
      )}
    </p>
  );
}
