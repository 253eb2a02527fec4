import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useSyncStatus } from './SyncStatusProvider';

/**
 * "Sync now", everywhere it appears: unavailable (with the reason as its description) while storage is
 * locked, while offline, while main cannot be reached or while a sync runs. aria-disabled rather than
 * disabled, so it stays focusable and its reason can be read.
 */
export function SyncNowButton(props: { small?: boolean; primary?: boolean }): ReactElement {
  const { t } = useTranslation();
  const { blocked, pending, syncNow } = useSyncStatus();
  const unavailable = blocked !== null || pending;
  const reason = blocked && blocked !== 'running' ? t(`sync.blocked.${blocked}`) : undefined;
  return (
    <button
      type="button"
      className={`button${props.primary ? ' button-primary' : ''}${props.small ? ' button-small' : ''}`}
      aria-disabled={unavailable}
      title={reason}
      aria-description={reason}
      onClick={() => {
        if (!unavailable) syncNow();
      }}
    >
      <Icon name="refresh" size={16} />
      {t('sync.syncNow')}
    </button>
  );
}
