import { defineTexts } from '@shared/texts';

/** Catalogue texts; translated in `locales/<language>/catalogue.json` under `catalogue.errors`. */
export const catalogueTexts = defineTexts('catalogue.errors', {
  costsNotSaved: 'Costs not saved: {{problems}}',
  changeNotFound: 'This change is not known (it may belong to an Account that was removed).',
  alreadyUndone: 'This change was already undone.',
  onlyLatestUndo: 'Only the latest change can be undone, and only when it changed something.',
  nothingSent: 'Nothing was sent: {{problems}}',
  offline: 'TikTok cannot be reached, so nothing was changed or queued. Try again when online.',
  shopNotConnected: 'Shop {{shopId}} is not connected.',
  readFailed: 'TikTok could not be read.',
});
