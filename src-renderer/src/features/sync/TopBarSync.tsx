import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../navigation/routes';
import { Icon } from '../../components/Icon';
import { useNow } from '../../hooks/useNow';
import { SyncNowButton } from './SyncNowButton';
import { useSyncStatus } from './SyncStatusProvider';
import { latestSuccess, runTotals } from './syncStatusModel';
import { useSyncText } from './useSyncText';

/** The top bar's compact sync control: how fresh the data is, and "Sync now" (left out where a bigger one is). */
export function TopBarSync({ showButton }: { showButton: boolean }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const { status, error } = useSyncStatus();
  const now = useNow(30_000);
  const text = useSyncText(now);
  // The last answer is kept while main is unreachable; its "Last synced …" would contradict the page.
  if (error)
    return (
      <div className="topbar-sync">
        <p className="topbar-sync-text topbar-sync-offline">
          <Icon name="cloudOff" size={14} />
          <span>{t('sync.unreachable.short')}</span>
        </p>
        {showButton && <SyncNowButton small />}
      </div>
    );
  if (!status || status.accounts.length === 0) return null;

  const running = status.accounts.filter((account) => account.state === 'running');
  const problems = status.accounts.filter((account) => account.state === 'error');
  const last = latestSuccess(status.accounts);
  let percent: number | null = null;
  if (running.length > 0) {
    const totals = running.map(runTotals);
    const count = totals.reduce((sum, x) => sum + x.resourceCount, 0);
    if (count > 0) percent = totals.reduce((sum, x) => sum + x.resourcesDone, 0) / count;
  }

  return (
    <div className="topbar-sync">
      <p className={`topbar-sync-text${status.online ? '' : ' topbar-sync-offline'}`}>
        {running.length > 0 ? (
          <span className="spinner spinner-sm" aria-hidden="true" />
        ) : (
          <Icon name={status.online ? 'clock' : 'cloudOff'} size={14} />
        )}
        {running.length > 0 && percent !== null ? (
          <span>
            {t('sync.syncingPercent', {
              percent: new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(percent),
            })}
          </span>
        ) : last !== null ? (
          <time dateTime={new Date(last).toISOString()} title={text.dateTime(last)}>
            {text.freshness(status)}
          </time>
        ) : (
          <span>{text.freshness(status)}</span>
        )}
      </p>
      {problems.length > 0 && (
        <a className="topbar-sync-problem" href={hrefFor('accounts')}>
          <Icon name="alert" size={14} />
          {t('sync.problemLink')}
        </a>
      )}
      {showButton && <SyncNowButton small />}
    </div>
  );
}
