import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/useNow';
import { AccountSync } from './AccountSync';
import { SyncNowButton } from './SyncNowButton';
import { useSyncStatus } from './SyncStatusProvider';
import { useSyncText } from './useSyncText';

/** The Accounts page's sync card: Sync now / Cancel sync, how fresh the data is, and progress per Account. */
export function SyncPanel(): ReactElement | null {
  const { t } = useTranslation();
  const { status, pending, cancel } = useSyncStatus();
  const now = useNow(15_000);
  const text = useSyncText(now);
  const headingId = useId();
  if (!status || status.accounts.length === 0) return null;
  const running = status.accounts.some((account) => account.state === 'running');
  return (
    <section className="card sync-panel" aria-labelledby={headingId}>
      <div className="sync-panel-head">
        <div>
          <h2 id={headingId}>{t('sync.heading')}</h2>
          <p className="muted">{text.freshness(status)}</p>
        </div>
        <div className="sync-panel-actions">
          {running && (
            <button type="button" className="button" disabled={pending} onClick={() => cancel()}>
              {t('sync.cancel')}
            </button>
          )}
          <SyncNowButton primary />
        </div>
      </div>
      <ul className="sync-accounts">
        {status.accounts.map((account) => (
          <AccountSync key={account.accountId} account={account} text={text} onAccountsPage />
        ))}
      </ul>
    </section>
  );
}
