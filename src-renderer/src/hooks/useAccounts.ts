import type { UseQueryResult } from '@tanstack/react-query';
import type { AccountsList } from '@shared/accounts';
import type { AppError } from '@shared/errors';
import { useChannelQuery } from '../api';

/**
 * The Accounts list and vault state, fetched again whenever main says accounts changed. `deferred`: the
 * shell's own read (the vault banner), asked after the first screen is painted (api/firstPaint.ts).
 */
export function useAccounts(options: { deferred?: boolean } = {}): UseQueryResult<AccountsList, AppError> {
  return useChannelQuery('accounts:list', undefined, {
    invalidateOn: ['accounts:changed'],
    deferred: options.deferred ?? false,
  });
}
