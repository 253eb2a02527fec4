import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDateTime } from '../../format/time';

/** Saved marketplace searches: refreshed once a day after a sync within the quota, or now by hand. */
export function SavedSearches({ shopName }: { shopName: (shopId: string) => string }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const saved = useChannelQuery('marketplace:savedSearches');
  const refresh = useChannelMutation('marketplace:refreshSearch', {
    invalidates: ['marketplace:savedSearches', 'marketplace:quota', 'creators:search'],
  });
  const remove = useChannelMutation('marketplace:deleteSearch', {
    invalidates: ['marketplace:savedSearches'],
  });
  if (saved.error)
    return (
      <LoadFailed compact title={t('discover.saved.failed')} error={saved.error} onRetry={saved.refetch} />
    );
  const items = saved.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card discover-saved" aria-labelledby="saved-searches-title">
      <h2 id="saved-searches-title" className="section-title">
        {t('discover.saved.title')}
      </h2>
      <p className="muted">{t('discover.saved.intro')}</p>
      <ul className="discover-saved-list">
        {items.map((s) => (
          <li key={s.id}>
            <div className="cell-stack">
              <span className="discover-saved-name">{s.name}</span>
              <span className="muted">
                {shopName(s.shopId)} ·{' '}
                {s.lastRefreshedAt === null
                  ? t('discover.saved.never')
                  : t('discover.saved.last', {
                      when: formatDateTime(s.lastRefreshedAt, i18n.language),
                      found: number.format(s.lastFound ?? 0),
                      fresh: number.format(s.lastNew ?? 0),
                    })}
                {s.lastOutcome === 'quota' && ` · ${t('discover.saved.outcome.quota')}`}
                {s.lastOutcome === 'failed' && ` · ${t('discover.saved.outcome.failed')}`}
              </span>
            </div>
            <div className="discover-saved-actions">
              <button
                type="button"
                className="button"
                disabled={refresh.isPending}
                aria-label={t('discover.saved.refreshNamed', { name: s.name })}
                onClick={() => refresh.mutate({ id: s.id })}
              >
                {t('discover.saved.refresh')}
              </button>
              <button
                type="button"
                className="button button-danger-quiet"
                disabled={remove.isPending}
                aria-label={t('discover.saved.deleteNamed', { name: s.name })}
                onClick={() => remove.mutate({ id: s.id })}
              >
                {t('discover.saved.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
