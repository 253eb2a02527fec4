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
