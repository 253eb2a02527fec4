import { defineTexts } from '@shared/texts';

/** Errors of the privacy tools; translated in `locales/<language>/privacy.json` under `privacy.errors`. */
export const privacyTexts = defineTexts('privacy.errors', {
  exportRunning: 'An export is already being written. Wait for it to finish.',
  eraseRunning: 'Your data is being deleted already. Wait for it to finish.',
  busy: 'ShopMesh is deleting or restoring your data. Try again when it has finished.',
  eraseIncomplete:
    'Your data was deleted, but {{count}} files could not be removed from the data folder. Delete the folder {{folder}} by hand.',
  backupUnreadable:
    'That backup cannot be read (it is damaged or not a ShopMesh database). Choose another one.',
  backupNewer: 'That backup was made by a newer ShopMesh. Update ShopMesh to restore it.',
  backupNotFound: 'There is no backup called {{name}} (it may have been deleted).',
  noRecovery: 'There is nothing to recover: the database opened normally.',
});
