import type { appLockSlice } from '@shared/channels/app-lock';
import type { HandlersFor } from '../ipc/router';
import type { AppLockService } from './service';

export function appLockHandlers(lock: AppLockService): HandlersFor<typeof appLockSlice> {
  return {
    'appLock:status': () => lock.status(),
    'appLock:unlock': ({ passphrase }) => lock.unlock(passphrase),
    'appLock:lock': () => lock.lock(),
    'appLock:activity': () => lock.activity(),
    'appLock:enable': ({ passphrase }) => lock.enable(passphrase),
    'appLock:change': ({ currentPassphrase, newPassphrase }) => lock.change(currentPassphrase, newPassphrase),
    'appLock:disable': ({ currentPassphrase }) => lock.disable(currentPassphrase),
  };
}
