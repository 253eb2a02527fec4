import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/accounts';
import { translateText } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Facts } from '../../components/Facts';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDateTime } from '../../format/time';
import { useSyncHistory } from '../../features/sync/useSyncHistory';
import { useSyncText } from '../../features/sync/useSyncText';
import { AccountDetails } from './AccountDetails';
import { needsReconnect } from './accountStatus';
import { useFormatters } from './useFormatters';

/** One Account in full: what was granted and until when, what it reaches, its recent syncs, and actions. */
export function AccountDetailDialog(props: {
  account: Account;
  locked: boolean;
  busy: boolean;
  onReconnect: (account: Account) => void;
  onDisconnect: (account: Account) => void;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { account, locked, busy, onReconnect, onDisconnect, onClose, returnFocus } = props;
  const { t, i18n } = useTranslation();
  // TikTok's scope keys ("seller.order.info"; the Marketing API's are bare numbers) in the merchant's words, the
  // key itself on hover; a key this version does not know yet is shown as TikTok wrote it.
  const scopeName = (scope: string) =>
    /^\d+$/.test(scope)
      ? t('accounts.detail.scopeNames.adsPermission', { id: scope })
      : t(`accounts.detail.scopeNames.${scope.replace(/\./g, '_')}`, { defaultValue: scope });
  const { date } = useFormatters();
  const text = useSyncText(0);
  const syncs = account.provider !== 'identity';
  const history = useSyncHistory(syncs ? account.id : undefined, !syncs);
  const when = (at: number) => (
    <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, i18n.language)}</time>
  );
  return (
    <Dialog
      title={account.displayName}
      onClose={onClose}
      returnFocus={returnFocus}
      className="detail-dialog account-detail"
    >
      <div className="detail-body">
        <Facts
          facts={[
            [t('accounts.list.columns.kind'), t(`accounts.kind.${account.provider}`)],
            [t('accounts.list.columns.status'), t(`accounts.status.${locked ? 'locked' : account.status}`)],
            [t('accounts.list.columns.connectedOn'), when(account.connectedAt)],
            [
              t('accounts.detail.tokenExpires'),
              account.accessExpiresAt === null
                ? t('accounts.detail.noExpiry')
                : when(account.accessExpiresAt),
            ],
            [
              t('accounts.detail.grantLapses'),
              account.authorizationExpiresAt === null
                ? t('accounts.detail.noLapse')
                : date(account.authorizationExpiresAt),
            ],
          ]}
        />
        {account.statusReason && <p className="account-reason">{translateText(account.statusReason)}</p>}

        <section aria-labelledby={`scopes-${account.id}`}>
          <h3 id={`scopes-${account.id}`} className="detail-heading">
            {t('accounts.detail.scopes')}
          </h3>
          {account.scopes.length === 0 ? (
            <p className="muted">{t('accounts.detail.noScopes')}</p>
          ) : (
            <ul className="scope-list" aria-labelledby={`scopes-${account.id}`}>
              {account.scopes.map((scope) => (
                <li key={scope} className="badge badge-tone-muted" title={scope}>
                  {scopeName(scope)}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby={`reaches-${account.id}`}>
          <h3 id={`reaches-${account.id}`} className="detail-heading">
            {t('accounts.detail.reaches')}
          </h3>
          <AccountDetails account={account} />
        </section>

        {syncs && (
          <section aria-labelledby={`syncs-${account.id}`}>
            <h3 id={`syncs-${account.id}`} className="detail-heading">
              {t('accounts.detail.syncs')}
            </h3>
            {history.error ? (
              <LoadFailed
                compact
                title={t('syncHistory.failed.title')}
                error={history.error}
                onRetry={history.reload}
              />
            ) : history.loading ? (
              <p className="muted">{t('activity.loading')}</p>
            ) : history.items.length === 0 ? (
              <p className="muted">{t('syncHistory.empty.title')}</p>
            ) : (
              <table className="table detail-lines" aria-labelledby={`syncs-${account.id}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('syncHistory.columns.started')}</th>
                    <th scope="col">{t('syncHistory.columns.trigger')}</th>
                    <th scope="col" className="col-num">
                      {t('syncHistory.columns.duration')}
                    </th>
                    <th scope="col">{t('syncHistory.columns.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.items.slice(0, 10).map((run) => (
                    <tr key={run.id}>
                      <td>{when(run.startedAt)}</td>
                      <td>{t(`syncHistory.trigger.${run.trigger}`, { defaultValue: run.trigger })}</td>
                      <td className="col-num">
                        {run.finishedAt === null ? '—' : text.duration(run.finishedAt - run.startedAt)}
                      </td>
                      <td>{t(`syncHistory.outcome.${run.outcome}`, { defaultValue: run.outcome })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-danger-quiet" onClick={() => onDisconnect(account)}>
          {t('accounts.list.disconnect')}
        </button>
        {needsReconnect(account) || account.status === 'active' ? (
          <button
            type="button"
            className={`button${needsReconnect(account) ? ' button-primary' : ''}`}
            disabled={locked || busy}
            onClick={() => onReconnect(account)}
          >
            {t('accounts.list.reconnect')}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
