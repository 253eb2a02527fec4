import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/accounts';
import { Icon } from '../../components/Icon';
import { AccountDetails } from './AccountDetails';
import { needsReconnect } from './accountStatus';
import { useFormatters } from './useFormatters';
import { translateText } from '../../api';

type ShownStatus = Account['status'] | 'locked';

function StatusBadge({ status }: { status: ShownStatus }): ReactElement {
  const { t } = useTranslation();
  return <span className={`badge badge-status-${status}`}>{t(`accounts.status.${status}`)}</span>;
}

function AccountRow(props: {
  account: Account;
  locked: boolean;
  busy: boolean;
  onReconnect: (account: Account) => void;
  onDisconnect: (account: Account) => void;
  onOpen: (account: Account) => void;
}): ReactElement {
  const { account, locked, busy, onReconnect, onDisconnect, onOpen } = props;
  const { t } = useTranslation();
  const { date } = useFormatters();
  const name = account.displayName;
  return (
    <tr>
      <th scope="row" className="col-name">
        <button
          type="button"
          className="link-button"
          aria-haspopup="dialog"
          aria-label={t('accounts.detail.open', { name })}
          title={name}
          onClick={() => onOpen(account)}
        >
          {name}
        </button>
      </th>
      <td className="col-kind">{t(`accounts.kind.${account.provider}`)}</td>
      <td className="col-status">
        <StatusBadge status={locked ? 'locked' : account.status} />
      </td>
      <td className="col-connected">
        <time dateTime={new Date(account.connectedAt).toISOString()}>{date(account.connectedAt)}</time>
      </td>
      <td className="col-details">
        <AccountDetails account={account} />
        {account.statusReason && <p className="account-reason">{translateText(account.statusReason)}</p>}
        {account.expiresSoon && account.authorizationExpiresAt !== null && (
          <p className="account-warning">
            <Icon name="clock" size={16} />
            {t('accounts.list.expiresSoon', { date: date(account.authorizationExpiresAt) })}
          </p>
        )}
        {account.dataDeletionAt !== null && (
          <p className="account-reason">
            {t('accounts.list.dataDeletion', { date: date(account.dataDeletionAt) })}
          </p>
        )}
      </td>
      <td className="col-actions">
        <div className="row-actions">
          {needsReconnect(account) && (
            <button
              type="button"
              className={`button button-small${account.status === 'active' ? '' : ' button-primary'}`}
              aria-label={t('accounts.list.reconnectNamed', { name })}
              disabled={locked || busy}
              onClick={() => onReconnect(account)}
            >
              {t('accounts.list.reconnect')}
            </button>
          )}
          <button
            type="button"
            className="button button-small button-danger-quiet"
            aria-label={t('accounts.list.disconnectNamed', { name })}
            onClick={() => onDisconnect(account)}
          >
            {t('accounts.list.disconnect')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** Every Account in one table: what it is, whether it still works, what it reaches, and what to do. */
export function AccountList(props: {
  accounts: Account[];
  locked: boolean;
  busy: boolean;
  onReconnect: (account: Account) => void;
  onDisconnect: (account: Account) => void;
  onOpen: (account: Account) => void;
}): ReactElement {
  const { accounts, ...rest } = props;
  const { t } = useTranslation();
  return (
    <div className="accounts-table-scroll">
      <table className="table accounts-table">
        <thead>
          <tr>
            <th scope="col">{t('accounts.list.columns.name')}</th>
            <th scope="col">{t('accounts.list.columns.kind')}</th>
            <th scope="col">{t('accounts.list.columns.status')}</th>
            <th scope="col">{t('accounts.list.columns.connectedOn')}</th>
            <th scope="col">{t('accounts.list.columns.details')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('accounts.list.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} {...rest} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
