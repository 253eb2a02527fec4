import { defineTexts } from '@shared/texts';

/** Creator CRM texts; translated in `locales/<language>/creators.json` under `creators.errors`. */
export const creatorTexts = defineTexts('creators.errors', {
  creatorNotFound: 'No creator with id {{id}}.',
  alreadyOne: 'These creators are already one creator.',
  notMerged: 'This record is not merged into another creator; nothing to split.',
  listNotFound: 'No creator list with id {{id}}.',
  listNameTaken: 'A list named "{{name}}" already exists.',
  staticListHasNoFilter: 'Only a dynamic list has a filter; a static list has members.',
  dynamicListHasNoMembers: 'A dynamic list shows what its filter matches; creators cannot be added by hand.',
  badCursor: 'The page cursor is not valid; start from the first page.',
  sortCursor: 'The page cursor does not belong to this sort or is damaged; start from the first page.',
  timelineCursor: 'The timeline cursor is not valid; start from the newest entries.',
  blockedStage: 'This creator is blocked; unblock them before moving their stage.',
  noContacts: 'Private contacts cannot be exported: no contacts are stored.',
  noteNotFound: 'No note with id {{id}}.',
});

/**
 * Texts of the creator sources (import, manual add, marketplace, samples, contacts); translated in
 * `locales/<language>/creatorSources.json` under `creatorSources.errors`.
 */
export const creatorSourceTexts = defineTexts('creatorSources.errors', {
  noCreator: 'No creator with id {{id}}.',
  contactsLocked: 'Unlock ShopMesh to see private contacts.',
  contactsLockedSave: 'Unlock ShopMesh to save private contacts.',
  noContact: 'This creator has no contact of that kind.',
  notAdded: 'The creator could not be added.',
  uploadExpired: 'This upload has expired; choose the file again.',
  uploadStart: 'A new upload starts at offset 0.',
  uploadOffset: 'Expected the chunk at offset {{expected}}, got {{offset}}.',
  importExpired: 'This import has expired; run the check again.',
  importLocked: 'Unlock ShopMesh to import private contacts; nothing was imported.',
  fileTooLarge: 'The file is larger than 64 MiB; split it into smaller files.',
  fileEmpty: 'The file is empty.',
  fileNoRows: 'The file has no rows.',
  fileTooManyRows: 'The file has more than {{max}} rows; split it.',
  fileDuplicateColumn: 'Two columns mean "{{field}}": keep one.',
  fileNoIdentity: 'The file needs a column with the TikTok handle (or open id).',
  fileNotUtf8: 'The file is not valid UTF-8. Choose GB18030 if it came from a Chinese-language Excel.',
  fileNotText: 'The file cannot be read as {{encoding}} text.',
  fileSpreadsheet: 'This looks like a spreadsheet file, not CSV: save it as CSV first.',
  fileUnclosedQuote: 'A quoted value that starts on line {{line}} is never closed.',
  noShop: 'No connected shop with this id.',
  noOpenId: 'This creator has no TikTok open id yet: find them in a marketplace search first.',
  noSavedSearch: 'No saved search with this id.',
  quotaUsedUp: "The shop's daily marketplace quota is used up; it resets at midnight UTC.",
  badCursor: 'This page cursor is not one this list gave.',
  alreadyReviewed: 'This application was already reviewed.',
  notPending: 'This application is no longer waiting for review ({{status}}).',
  agencyOnly: 'An agency applied for this creator: only the agency can review it.',
  noApplication: 'No sample application with this id; sync the shop first.',
  shopExpired: 'The TikTok Shop account of this shop needs reconnecting.',
  shopRevoked: 'The TikTok Shop account of this shop was disconnected.',
});
