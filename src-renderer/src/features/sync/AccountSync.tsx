import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSyncStatus } from '@shared/sync';
import { hrefFor } from '../../navigation/routes';
import { Icon } from '../../components/Icon';
import { ResourceProgress } from './ResourceProgress';
import { needsReconnect, runTotals } from './syncStatusModel';
import type { SyncText } from './useSyncText';
import { translateText } from '../../api';

/** What to do about an Account that cannot sync: reconnect (expired / revoked) or read the error. */
function SyncProblem(props: { account: AccountSyncStatus; onAccountsPage: boolean }): ReactElement {
  const { account, onAccountsPage } = props;
  const { t } = useTranslation();
  const reconnect = needsReconnect(account);
  return (
    <div className="sync-problem" role="alert">
      <Icon name="alert" size={16} />
      <div>
        <p className="sync-problem-title">
          {reconnect ? t(`sync.reconnect.${account.accountStatus}`) : t('sync.failedTitle')}
        </p>
        {account.lastError && <p className="sync-problem-detail">{translateText(account.lastError)}</p>}
        {reconnect &&
          (onAccountsPage ? (
            <p className="sync-problem-detail">{t('sync.reconnect.here')}</p>
          ) : (
            <a href={hrefFor('accounts')}>{t('sync.reconnect.link')}</a>
          ))}
      </div>
    </div>
  );
}

/** One Account in the sync panel: state, freshness, and while it runs a bar per resource. */
export function AccountSync(props: {
  account: AccountSyncStatus;
  text: SyncText;
  onAccountsPage: boolean;
}): ReactElement {
  const { account, text, onAccountsPage } = props;
  const { t } = useTranslation();
  const name = account.displayName;
  const running = account.state === 'running';
  const totals = runTotals(account);
  const current = account.progress.filter((p) => p.runId === account.runId);
  const overall = t('sync.accountProgress', {
    name,
    done: text.number(totals.resourcesDone),
    count: text.number(totals.resourceCount),
  });
  return (
    <li className="sync-account">
      <div className="sync-account-head">
        <div className="sync-account-title">
          <h3>{name}</h3>
          <span className={`badge badge-sync-${account.state}`}>{t(`sync.state.${account.state}`)}</span>
        </div>
        <p className="sync-account-fresh muted">
          {account.lastSuccessAt === null ? (
            t('sync.neverSynced')
          ) : (
            <time
              dateTime={new Date(account.lastSuccessAt).toISOString()}
              title={text.dateTime(account.lastSuccessAt)}
            >
              {account.state === 'offline'
                ? t('sync.offline', { time: text.relative(account.lastSuccessAt) })
                : t('sync.lastSynced', { time: text.relative(account.lastSuccessAt) })}
            </time>
          )}
        </p>
      </div>
      {running && totals.resourceCount > 0 && (
        <div className="sync-account-overall">
          <progress
            className="sync-bar sync-bar-overall"
            value={totals.resourcesDone}
            max={totals.resourceCount}
            aria-label={overall}
          />
          <span className="muted" aria-hidden="true">
            {t('sync.accountProgressShort', {
              done: text.number(totals.resourcesDone),
              count: text.number(totals.resourceCount),
            })}
          </span>
          {totals.etaMs !== null && <span className="muted">{text.eta(totals.etaMs)}</span>}
        </div>
      )}
      {running && current.length > 0 && (
        <ul className="sync-resources" aria-label={t('sync.resourcesLabel', { name })}>
          {current.map((progress) => (
            <ResourceProgress key={progress.resource} progress={progress} text={text} />
          ))}
        </ul>
      )}
      {account.state === 'error' && <SyncProblem account={account} onAccountsPage={onAccountsPage} />}
    </li>
  );
}
