import type { privacySlice } from '@shared/channels/privacy';
import type { HandlersFor } from '../ipc/router';
import type { PrivacyService } from './service';

export function privacyHandlers(privacy: PrivacyService): HandlersFor<typeof privacySlice> {
  return {
    'privacy:retention': () => privacy.status(),
    'privacy:runRetention': () => privacy.runRetention(),
    'privacy:eraseAll': () => privacy.eraseAll(),
    'privacy:backups': () => privacy.backups(),
    'privacy:backupNow': () => privacy.backupNow(),
    'privacy:restoreBackup': ({ name }) => privacy.restore(name),
    'privacy:recovery': () => privacy.recovery(),
    'privacy:startFresh': () => privacy.startFresh(),
    'privacy:export': ({ includeContacts }) => privacy.exportData(includeContacts),
  };
}
