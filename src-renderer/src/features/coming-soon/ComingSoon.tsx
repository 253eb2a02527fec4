import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSummary } from '@shared/sync';
import { useChannelQuery } from '../../api';
import { hrefFor } from '../../navigation/routes';
import { Icon, type IconName } from '../../components/Icon';
import { LoadFailed } from '../../components/LoadFailed';
import { useShops } from '../../hooks/useShops';
import { useNow } from '../../hooks/useNow';
import { useSyncStatus } from '../sync/SyncStatusProvider';
import { latestSuccess } from '../sync/syncStatusModel';
import { useSyncText } from '../sync/useSyncText';

export type SummaryCount = keyof SyncSummary['counts'];

/**
 * A page whose feature is not built yet, telling the truth about the merchant's state: what is coming, and
 * what is already synced for it (counts and freshness); the connect prompt only when no shop is connected.
 * Texts: `comingSoon.<feature>.{title,body}`.
 */
export function ComingSoon(props: {
  feature: string;
  icon: IconName;
  counts: readonly SummaryCount[];
}): ReactElement {
  const { feature, icon, counts } = props;
  const { t, i18n } = useTranslation();
  const { accounts } = useShops();
  const summary = useChannelQuery('sync:summary', undefined, { invalidateOn: ['sync:statusChanged'] });
  const { status } = useSyncStatus();
  const text = useSyncText(useNow(30_000));
  const number = new Intl.NumberFormat(i18n.language);
  const hasShop = (accounts ?? []).some((a) => a.provider === 'shop');
  const last = status ? latestSuccess(status.accounts) : null;

  let synced: ReactElement | null = null;
  if (accounts !== null && !hasShop)
    synced = (
      <div className="coming-soon-synced">
        <p className="muted">{t('comingSoon.connectFirst')}</p>
        <a className="button button-primary" href={hrefFor('accounts')}>
          <Icon name="link" size={16} />
          {t('empty.goToAccounts')}
        </a>
      </div>
    );
  else if (summary.isError)
    synced = (
      <LoadFailed
        compact
        title={t('comingSoon.summaryFailed')}
        error={summary.error}
        onRetry={() => void summary.refetch()}
      />
    );
  else if (summary.data && hasShop)
    synced = (
      <div className="coming-soon-synced">
        <h3>{t('comingSoon.synced')}</h3>
        <ul className="coming-soon-counts">
          {counts.map((key) => (
            <li key={key}>
              <strong>{number.format(summary.data.counts[key])}</strong>{' '}
              {t(`comingSoon.counts.${key}`, { count: summary.data.counts[key] })}
            </li>
          ))}
        </ul>
        <p className="muted">
          {last === null ? (
            t('comingSoon.notSyncedYet')
          ) : (
            <time dateTime={new Date(last).toISOString()} title={text.dateTime(last)}>
              {t('sync.lastSynced', { time: text.relative(last) })}
            </time>
          )}
        </p>
      </div>
    );

  return (
    <div className="page">
      <section className="card coming-soon" aria-labelledby="coming-soon-title">
        <span className="state-icon">
          <Icon name={icon} size={24} />
        </span>
        <h2 id="coming-soon-title">{t(`comingSoon.${feature}.title`)}</h2>
        <p className="muted coming-soon-body">{t(`comingSoon.${feature}.body`)}</p>
        {synced}
      </section>
    </div>
  );
}
