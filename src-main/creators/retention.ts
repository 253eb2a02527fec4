import type { Database } from 'better-sqlite3';
import { stagingIndex } from './index-rebuild';

/**
 * Which creators go when an Account's synced rows are purged, and the CRM's part of "delete all my data".
 *
 * A Creator stays while anything but its own identity bookkeeping refers to it: a sighting by a remaining
 * Account, synced rows of one, or anything the merchant wrote (notes, tags, lists, blocklist, stage moves,
 * private contacts, samples…), found through the foreign keys that point at `creators`, so tables other
 * modules add later protect their rows without changes here. A Creator the merchant imported or added by
 * hand, moved along the pipeline by hand or scored by hand stays too.
 */

/** Tables that only describe a record itself (or are derived from it): they never keep a creator alive. */
const bookkeeping = new Set([
  'creators',
  'creator_handles',
  'creator_merges',
  'creator_stats',
  'creator_categories',
  'creator_index',
  // A full rebuild's staging copy of creator_index while one runs (index-rebuild.ts).
  stagingIndex.index,
  'creator_dirty',
  // Stage moves count only when the merchant made them (below); sync's own moves are derived.
  'creator_stage_moves',
]);

function referencingColumns(db: Database): Array<{ table: string; column: string }> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  const out: Array<{ table: string; column: string }> = [];
  for (const table of tables) {
    if (bookkeeping.has(table)) continue;
    const fks = db
      .prepare('SELECT "table" AS target, "from" AS col FROM pragma_foreign_key_list(?)')
      .all(table) as Array<{
      target: string;
      col: string;
    }>;
    for (const fk of fks) if (fk.target === 'creators') out.push({ table, column: fk.col });
  }
  return out;
}

/**
 * Deletes the Creators (whole merge trees) nothing keeps any more. Runs inside the purge transaction, after
 * the Account's synced rows are gone. Returns the number of records deleted.
 */
export function deleteUnreferencedCreators(db: Database): number {
  const refs = referencingColumns(db);
  const referenced = refs.map(
    (r) => `SELECT "${r.column}" FROM "${r.table}" WHERE "${r.column}" IS NOT NULL`,
  );
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS creator_keep (canonical_id INTEGER PRIMARY KEY);
    DELETE FROM creator_keep;
  `);
  db.prepare(
    `INSERT OR IGNORE INTO creator_keep
     SELECT canonical_id FROM creators
     WHERE origin <> 'sync' OR score_override IS NOT NULL
        OR id IN (SELECT creator_id FROM creator_stage_moves WHERE cause IN ('manual', 'bulk', 'blocklist'))
        ${referenced.length ? `OR id IN (${referenced.join(' UNION ')})` : ''}`,
  ).run();
  // Break the merge tree's self-references first so the records can go in any order.
  const doomed = 'SELECT id FROM creators WHERE canonical_id NOT IN (SELECT canonical_id FROM creator_keep)';
  db.prepare(
    `UPDATE creators SET merged_into = NULL WHERE id IN (${doomed}) AND merged_into IS NOT NULL`,
  ).run();
  db.prepare(`DELETE FROM creator_fts WHERE rowid IN (${doomed})`).run();
  const deleted = db.prepare(`DELETE FROM creators WHERE id IN (${doomed})`).run().changes;
  db.exec('DELETE FROM creator_keep');
  return deleted;
}

/**
 * Everything the creator CRM holds: every creator and what the merchant wrote about them. Only the
 * privacy "delete all my data" action calls this.
 */
export function eraseCreatorCrm(db: Database): number {
  return db.transaction(() => {
    let rows = 0;
    for (const table of [
      'creator_list_members',
      'creator_lists',
      'creator_tags',
      'tags',
      'creator_notes',
      'creator_stage_moves',
      'creator_blocklist',
      'creator_merges',
      'creator_score_rules',
      'creator_index',
      'creator_dirty',
    ]) {
      rows += db.prepare(`DELETE FROM ${table}`).run().changes;
    }
    db.prepare(`DELETE FROM creator_fts`).run();
    db.prepare('UPDATE creators SET merged_into = NULL').run();
    rows += db.prepare('DELETE FROM creators').run().changes;
    return rows;
  })();
}
