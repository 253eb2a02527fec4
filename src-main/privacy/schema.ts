import type { Database } from '../db/connection';

export interface TableInfo {
  name: string;
  columns: string[];
  /** Foreign keys of this table: which column points at which table. */
  parents: Array<{ table: string; from: string; to: string }>;
}

/**
 * The database's tables as SQLite describes them. The purge and the export are driven from this, not from a
 * hand-kept list, so a table a later migration adds is covered the day it lands (and the purge test fails
 * until it says whose data it holds).
 */
export function readSchema(db: Database): TableInfo[] {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return names.map((name) => ({
    name,
    columns: (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[]).slice(),
    parents: db
      .prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)')
      .all(name) as TableInfo['parents'],
  }));
}

/** Double-quotes an identifier read from the schema (names come from sqlite_master, never from input). */
export const quoteId = (name: string): string => `"${name.replaceAll('"', '""')}"`;
