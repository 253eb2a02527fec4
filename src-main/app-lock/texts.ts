import { defineTexts } from '@shared/texts';

/** What the app lock tells the merchant; translated in `locales/<language>/appLock.json` under `appLock.errors`. */
export const appLockTexts = defineTexts('appLock.errors', {
  locked: 'ShopMesh is locked. Unlock it with your app lock passphrase to continue.',
  wrongPassphrase: 'That is not your app lock passphrase. Check it and try again.',
  wrongCurrentPassphrase: 'That is not your current app lock passphrase, so nothing was changed.',
  tooManyAttempts: 'Too many wrong passphrases. Try again in {{seconds}} seconds.',
  notEnabled: 'The app lock is off.',
  alreadyEnabled: 'The app lock is already on.',
  samePassphrase: 'The new passphrase is the same as the current one.',
  fileUnreadable:
    'app-lock.json in the data folder cannot be read, so ShopMesh stays locked. Restore it from a backup, or delete it to turn the app lock off.',
});
