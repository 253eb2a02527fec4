import type { Database } from 'better-sqlite3';

/**
 * The names of `creator_index`'s indexes. A full rebuild (index-rebuild.ts) builds each index on the staging
 * table before the swap, one at a time between which the app answers requests, and SQLite cannot rename an
 * index: so each rebuild gives them the other of two names, `creator_index_score` ↔ `creator_index_score_b`,
 * and search asks which one is live (it names them with `INDEXED BY`). A migration that drops or replaces one
 * of these indexes names both (`DROP INDEX IF EXISTS creator_index_score; … creator_index_score_b`).
 */
const altSuffix = '_b';

/** The name an index of the live table takes on the staging table. */
export const otherIndexName = (name: string): string =>
  name.endsWith(altSuffix) ? name.slice(0, -altSuffix.length) : `${name}${altSuffix}`;

interface Known {
  schemaVersion: number;
  names: Set<string>;
}
const known = new WeakMap<Database, Known>();

/**
 * The live name of the index of `creator_index` first created as `name` (migration 013). Read from the schema
 * again only when the schema changed since (one PRAGMA per call).
 */
export function liveIndexName(db: Database, name: string): string {
  const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
  let k = known.get(db);
  if (k?.schemaVersion !== schemaVersion) {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'creator_index'")
      .pluck()
      .all() as string[];
    k = { schemaVersion, names: new Set(names) };
    known.set(db, k);
  }
  return k.names.has(name) ? name : otherIndexName(name);
}
