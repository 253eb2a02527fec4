import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../navigation/routes';
import { EmptyState } from '../../components/EmptyState';
import { Icon, type IconName } from '../../components/Icon';
import type { ShopsState } from '../../hooks/useShops';
import { SyncNowButton } from '../sync/SyncNowButton';
import { useSyncStatus } from '../sync/SyncStatusProvider';

/** Nothing synced yet: sync the connected shops, or connect one first. */
export function NothingSynced(props: { kind: string; icon: IconName; shops: ShopsState }): ReactElement {
  const { kind, icon, shops } = props;
  const { t } = useTranslation();
  const sync = useSyncStatus();
  const hasShopAccounts = (shops.accounts ?? []).some((a) => a.provider === 'shop');
  const syncing = sync.status?.accounts.some((a) => a.provider === 'shop' && a.state === 'running') ?? false;
  if (!hasShopAccounts)
    return (
      <EmptyState
        icon={icon}
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
      icon={icon}
      title={t(`empty.${kind}.title`)}
      body={t(syncing ? `${kind}.emptySyncing` : `${kind}.emptySynced`)}
      action={<SyncNowButton primary />}
    />
  );
}
