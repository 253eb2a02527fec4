import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Freshness as FreshnessData } from '@shared/analytics';
import { formatRelative } from '../../format/time';
import { useNow } from '../../hooks/useNow';

/** "Orders synced 2 min ago" (or "… never synced") for one source, kept current as time passes. */
export function useSourceSynced(): (s: FreshnessData['sources'][number]) => string {
  const { t, i18n } = useTranslation();
  const now = useNow(30_000);
  return (s) => {
    const source = t(`analytics.freshness.sources.${s.source}`);
    return s.lastSyncedAt === null
      ? t('analytics.freshness.never', { source })
      : t('analytics.freshness.line', { source, when: formatRelative(s.lastSyncedAt, now, i18n.language) });
  };
}

/** When each source last synced, and a banner when the view is older than the sync interval. */
export function Freshness({ freshness }: { freshness: FreshnessData }): ReactElement {
  const { t } = useTranslation();
  const synced = useSourceSynced();
  return (
    <div className="freshness">
      {freshness.stale && (
        <p className="notice notice-warning freshness-banner" role="status">
          {t('analytics.freshness.stale', { minutes: freshness.syncIntervalMinutes })}
        </p>
      )}
      <p className="freshness-line muted">
        {freshness.sources.map((s, i) => (
          <span key={s.source}>
            {i > 0 && ' · '}
            {synced(s)}
          </span>
        ))}
      </p>
    </div>
  );
}
