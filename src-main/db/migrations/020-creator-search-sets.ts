import { hasColumn, type Migration } from './migration';

/** A set member as `creator_index`'s `*_set` columns hold it (same as `setMember` in creators/index-sets.ts). */
const member = (sql: string): string => `replace(replace(${sql}, '%', '%25'), ',', '%2C')`;
const setOf = (select: string): string => `COALESCE(',' || (${select}) || ',', '')`;
const recordsOf = 'SELECT id FROM creators WHERE canonical_id = creator_index.creator_id';

/**
 * The creator table's filters on tags, lists, categories, shops and sources read each Creator's
 * `creator_index` row instead of building a list of matching ids from the records' tables on every page
 * (which cost up to a second for a filter matching 80k creators among 200k; docs/creators.md). Each set is
 * its members between commas, `,a,b,`, each member with `%` and `,` escaped, so `instr(set, ',a,')` is an
 * exact membership test. The columns are filled here from the source tables, so search is right from the
 * first start; the indexer keeps them up to date afterwards.
 *
 * `creator_index_currency` lets the GMV filter (a currency and a range) seek, and lists the currencies
 * present for the filter menu without reading every row.
 *
 * A sighting deleted (an Account's purge) marks its Creator for re-indexing: its shops, sources and
 * last activity came from that sighting.
 */
export const m020CreatorSearchSets: Migration = {
  version: 20,
  name: 'creator search: tag, list, category, shop and source sets on the index row',
  alreadyApplied: (db) => hasColumn(db, 'creator_index', 'tag_set'),
  up(db) {
    db.exec(`
      ALTER TABLE creator_index ADD COLUMN tag_set      TEXT NOT NULL DEFAULT '';
      ALTER TABLE creator_index ADD COLUMN list_set     TEXT NOT NULL DEFAULT '';
      ALTER TABLE creator_index ADD COLUMN category_set TEXT NOT NULL DEFAULT '';
      ALTER TABLE creator_index ADD COLUMN shop_set     TEXT NOT NULL DEFAULT '';
      ALTER TABLE creator_index ADD COLUMN source_set   TEXT NOT NULL DEFAULT '';

      UPDATE creator_index SET
        tag_set = ${setOf(`SELECT group_concat(DISTINCT x.tag_id) FROM creator_tags x WHERE x.creator_id IN (${recordsOf})`)},
        list_set = ${setOf(`SELECT group_concat(DISTINCT x.list_id) FROM creator_list_members x WHERE x.creator_id IN (${recordsOf})`)},
        category_set = ${setOf(`SELECT group_concat(DISTINCT ${member('x.category')}) FROM creator_categories x WHERE x.creator_id IN (${recordsOf})`)},
        shop_set = ${setOf(`SELECT group_concat(DISTINCT ${member('x.shop_id')}) FROM creator_sightings x WHERE x.creator_id IN (${recordsOf})`)},
        source_set = ${setOf(`SELECT group_concat(DISTINCT ${member('v')}) FROM (
            SELECT x.source AS v FROM creator_sightings x WHERE x.creator_id IN (${recordsOf})
            UNION SELECT origin FROM creators WHERE canonical_id = creator_index.creator_id)`)};

      CREATE INDEX creator_index_currency ON creator_index (gmv_currency, gmv_minor);

      CREATE TRIGGER creator_sightings_reindex AFTER DELETE ON creator_sightings BEGIN
        INSERT OR IGNORE INTO creator_dirty (creator_id)
          SELECT canonical_id FROM creators WHERE id = OLD.creator_id;
      END;
    `);
  },
};
