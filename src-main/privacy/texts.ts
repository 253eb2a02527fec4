import { defineTexts } from '@shared/texts';

/** Errors of the privacy tools; translated in `locales/<language>/privacy.json` under `privacy.errors`. */
export const privacyTexts = defineTexts('privacy.errors', {
  eraseRunning: 'Your data is being deleted already. Wait for it to finish.',
  eraseIncomplete:
    'Your data was deleted, but {{count}} files could not be removed from the data folder. Delete the folder {{folder}} by hand.',
});
