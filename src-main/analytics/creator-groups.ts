/**
 * Creator figures count per Creator, not per creator record: the rollups (`creator_days`, `creator_months`)
 * are kept per record, the record an affiliate order came through, and the records the CRM merged into one
 * Creator (`creators.canonical_id`, docs/creators.md) are added together when they are read. A merge or a
 * split in the CRM therefore shows in the next read, with nothing to rebuild. Creator id 0 (an affiliate
 * order that named no creator) and a record deleted since its rows were rolled up have no group: they stay
 * themselves.
 */
// Shaped as top-items.ts's ItemGroups (not imported: top-items → rollup-reads → here would be a cycle).
export const creatorGroups = {
  groupsOf: `SELECT id AS item, canonical_id AS grp FROM creators WHERE id IN (SELECT value FROM json_each(@ids))`,
  membersOf: `SELECT id AS item, canonical_id AS grp FROM creators
    WHERE canonical_id IN (SELECT value FROM json_each(@ids))`,
  // Merged records are exactly those with a parent; their partial index (migration 026) holds them by
  // Creator, so the three reads below touch the merged records' index entries only.
  all: `SELECT id AS item, canonical_id AS grp FROM creators INDEXED BY creators_merged_groups
    WHERE merged_into IS NOT NULL`,
  large: `SELECT canonical_id AS id, COUNT(*) + 1 AS n FROM creators INDEXED BY creators_merged_groups
    WHERE merged_into IS NOT NULL GROUP BY canonical_id HAVING COUNT(*) >= 2 ORDER BY n DESC LIMIT @max`,
  any: 'SELECT 1 AS n FROM creators INDEXED BY creators_merged_groups WHERE merged_into IS NOT NULL LIMIT 1',
};

/**
 * Every record of the Creator that record `@item` belongs to (a Creator's id is its canonical record's, so a
 * focus saved before a merge covers the merged Creator), and `@item` itself when no such record exists.
 */
export const creatorRecordsOf = (param: string): string =>
  `SELECT ${param} UNION SELECT g.id FROM creators g
    WHERE g.canonical_id = (SELECT h.canonical_id FROM creators h WHERE h.id = ${param})`;
