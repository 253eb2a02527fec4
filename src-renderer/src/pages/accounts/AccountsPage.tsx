import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { providers, type Account } from '@shared/accounts';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { SyncPanel } from '../../features/sync/SyncPanel';
import { useAccounts } from '../../hooks/useAccounts';
import { AccountDetailDialog } from './AccountDetailDialog';
import { AccountList } from './AccountList';
import { ConnectCards } from './ConnectCards';
import { ConnectProgress } from './ConnectProgress';
import { DisconnectDialog, type Disconnected } from './DisconnectDialog';
import { useConnectAttempt } from './useConnectAttempt';
import { useFormatters } from './useFormatters';

const providerOrder = (account: Account) => providers.indexOf(account.provider);

function DisconnectedNotice(props: { result: Disconnected; onDismiss: () => void }): ReactElement {
  const { result, onDismiss } = props;
  const { t } = useTranslation();
  const { date } = useFormatters();
  const notice = useRef<HTMLDivElement>(null);
  // The row (and its Disconnect button) may be gone now: focus lands on the outcome instead.
  useEffect(() => notice.current?.focus(), []);
  return (
    <Notice ref={notice} tone="success" title={t('accounts.disconnect.doneTitle')} onDismiss={onDismiss}>
      <p>
        {result.dataDeletionAt === null
          ? t('accounts.disconnect.doneNow', { name: result.name })
          : t('accounts.disconnect.doneScheduled', { name: result.name, date: date(result.dataDeletionAt) })}
      </p>
    </Notice>
  );
}

export function AccountsPage(): ReactElement {
  const { t } = useTranslation();
  const accountsQuery = useAccounts();
  const list = accountsQuery.data ?? null;
  const failed = accountsQuery.isError && list === null;
  const { refetch } = accountsQuery;
  const reload = useCallback(() => void refetch(), [refetch]);
  const attempt = useConnectAttempt();
  const [disconnecting, setDisconnecting] = useState<Account | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [disconnected, setDisconnected] = useState<Disconnected | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const locked = list?.vault.state === 'locked';
  const busy = attempt.state.phase === 'starting' || attempt.state.phase === 'waiting';
  const accounts = list ? [...list.accounts].sort((a, b) => providerOrder(a) - providerOrder(b)) : [];
  const returnFocus = useCallback(() => listHeading.current, []);
  const identityAccount = accounts.find((a) => a.provider === 'identity' && a.status === 'active');
  const signedInAs = identityAccount
    ? (identityAccount.identity?.displayName ?? identityAccount.displayName)
    : null;
  // Looked up on every render so the dialog follows the list (and closes when the Account goes).
  const opened = accounts.find((a) => a.id === openId) ?? null;

  return (
    <div className="page accounts-page">
      <ConnectCards
        busy={busy}
        locked={locked}
        signedInAs={signedInAs}
        onConnect={(provider) => {
          setDisconnected(null);
          attempt.start(provider);
        }}
      />

      <ConnectProgress attempt={attempt} />
      {disconnected && <DisconnectedNotice result={disconnected} onDismiss={() => setDisconnected(null)} />}

      <SyncPanel />

      <section className="accounts-section" aria-labelledby="accounts-list-heading">
        <div className="section-heading">
          <h2 id="accounts-list-heading" ref={listHeading} tabIndex={-1}>
            {t('accounts.list.heading')}
          </h2>
        </div>
        <div className="card card-flush" aria-busy={list === null && !failed}>
          {failed ? (
            <LoadFailed
              title={t('accounts.list.failed.title')}
              error={accountsQuery.error}
              onRetry={reload}
            />
          ) : list === null ? (
            <p className="loading-line muted">{t('accounts.list.loading')}</p>
          ) : accounts.length === 0 ? (
            <EmptyState
              icon="accounts"
              title={t('accounts.list.empty.title')}
              body={t('accounts.list.empty.body')}
            />
          ) : (
            <AccountList
              accounts={accounts}
              locked={locked}
              busy={busy}
              onReconnect={(account) => {
                setDisconnected(null);
                attempt.start(account.provider, account.id);
              }}
              onDisconnect={(account) => setDisconnecting(account)}
              onOpen={(account) => setOpenId(account.id)}
            />
          )}
        </div>
      </section>

      {opened && (
        <AccountDetailDialog
          account={opened}
          locked={locked}
          busy={busy}
          returnFocus={returnFocus}
          onClose={() => setOpenId(null)}
          onReconnect={(account) => {
            setOpenId(null);
            setDisconnected(null);
            attempt.start(account.provider, account.id);
          }}
          onDisconnect={(account) => {
            setOpenId(null);
            setDisconnecting(account);
          }}
        />
      )}

      {disconnecting && (
        <DisconnectDialog
          account={disconnecting}
          returnFocus={returnFocus}
          onClose={() => setDisconnecting(null)}
          onDone={(result) => {
            setDisconnecting(null);
            attempt.dismiss();
            setDisconnected(result);
          }}
        />
      )}
    </div>
  );
}
