import type { accountsSlice } from '@shared/channels/accounts';
import type { HandlersFor } from '../ipc/router';
import type { VaultUnlocker } from '../vault/passphrase-unlock';
import type { AccountsService } from './service';

export function accountsHandlers(
  accounts: AccountsService,
  unlocker: VaultUnlocker,
): HandlersFor<typeof accountsSlice> {
  return {
    'accounts:list': () => accounts.list(),
    'accounts:connect': (input) => accounts.connect(input),
    'accounts:cancelConnect': (input) => accounts.cancelConnect(input),
    'accounts:disconnect': (input) => accounts.disconnect(input),
    'vault:unlock': (input) => unlocker.unlock(input.passphrase),
    'vault:changePassphrase': (input) =>
      unlocker.changePassphrase(input.currentPassphrase, input.newPassphrase),
    'identity:get': () => accounts.identity(),
  };
}
