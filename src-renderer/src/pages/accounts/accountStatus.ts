import type { Account } from '@shared/accounts';

/** The Account no longer works, or its grant ends within 30 days: the merchant should reconnect it. */
export function needsReconnect(account: Account): boolean {
  return account.status !== 'active' || account.expiresSoon;
}
