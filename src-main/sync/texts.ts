import { defineTexts } from '@shared/texts';

/** What the sync tells the merchant; translated in `locales/<language>/sync.json` under `sync.errors`. */
export const syncTexts = defineTexts('sync.errors', {
  shuttingDown: 'Sync is shutting down.',
  paused: 'Sync waits while ShopMesh deletes or restores your data. Try again when it has finished.',
  locked: 'Secure storage is locked: unlock it with your passphrase, then sync.',
  noSyncableAccount: 'No shop or ads Account with this id.',
  cancelled: 'Sync cancelled.',
  accountGone: 'Sync stopped: the Account is no longer connected.',
  interrupted: 'ShopMesh stopped before this sync finished; the next sync resumes where it stopped.',
  badCursor: 'The page cursor is not valid; start from the first page.',
  workerStopped: 'The sync stopped unexpectedly; the next sync resumes where it stopped.',
  noShop: 'TikTok Shop reports no authorized shop for this Account. Reconnect it.',
  noAdvertiser: 'TikTok Ads reports no ad account for this Account. Reconnect it.',
  /** Only migration 008 makes this: a failure recorded in English before texts had keys. */
  earlierFailure: 'This sync failed before ShopMesh recorded reasons as texts: {{english}}',
});
