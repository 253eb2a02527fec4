import type { Account } from '@shared/accounts';
import { useChannelQuery } from '../api';

/**
 * The signed-in TikTok identity for the top bar, kept current through `accounts:changed`. It is decoration:
 * a failure leaves the top bar without it rather than an error on every page.
 */
export function useIdentity(): Account | null {
  const query = useChannelQuery('identity:get', undefined, { invalidateOn: ['accounts:changed'] });
  return query.data?.account ?? null;
}
