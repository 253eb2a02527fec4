import type { CreatorSort, CreatorsSearchInput } from '@shared/creators';

/** Rows a page of the creators table holds. */
export const creatorsPageSize = 100;

/** The table's order until the user picks another. */
export const defaultCreatorSort: CreatorSort = { column: 'score', direction: 'desc' };

/** What the table asks for first when it opens: no filter, the default order (app/opening.ts asks it early). */
export const creatorsFirstPage: CreatorsSearchInput = {
  filter: {},
  sort: defaultCreatorSort,
  limit: creatorsPageSize,
};
