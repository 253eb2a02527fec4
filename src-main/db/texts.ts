import { defineTexts } from '@shared/texts';

/** Texts of the database layer; translated in `locales/<language>/common.json` under `db.errors`. */
export const dbTexts = defineTexts('db.errors', {
  newerDatabase:
    'This data folder was written by a newer ShopMesh (database version {{current}}, this build knows up to {{latest}}). Update ShopMesh to open it.',
  badCursor: 'The page cursor is not valid; start from the first page.',
});
