import type { ReactElement } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { useSyncStatus } from './SyncStatusProvider';

/**
 * The one notice per page about reaching things: ShopMesh itself (main) cannot be reached, or TikTok cannot
 * (offline: synced data stays readable). Cards and lists below never repeat it.
 */
export function ConnectionNotice(): ReactElement | null {
  const { t } = useTranslation();
  const { status, error } = useSyncStatus();
  const queryClient = useQueryClient();
  if (error)
    return (
      <Notice tone="danger" title={t('sync.unreachable.title')}>
        <p>{t('sync.unreachable.body')}</p>
        <div className="notice-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => void queryClient.refetchQueries({ type: 'active' })}
          >
            {t('loadFailed.retry')}
          </button>
        </div>
      </Notice>
    );
  if (status && !status.online)
    return (
      <Notice tone="info" icon="cloudOff" title={t('sync.offlineTitle')}>
        <p>{t('sync.offlineHint')}</p>
      </Notice>
    );
  return null;
}
