import type { UseQueryResult } from '@tanstack/react-query';
import type { AccountsList } from '@shared/accounts';
import type { AppError } from '@shared/errors';
import { useChannelQuery } from '../api';

/** The Accounts list and vault state, fetched again whenever main says accounts changed. */
export function useAccounts(): UseQueryResult<AccountsList, AppError> {
  return useChannelQuery('accounts:list', undefined, { invalidateOn: ['accounts:changed'] });
}
