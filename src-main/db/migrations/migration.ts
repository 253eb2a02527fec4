import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  name: string;
  up(db: Database): void;
  /**
   * Rebuilds a table that others reference (SQLite's documented 12-step ALTER): foreign keys are switched
   * off around the whole upgrade, and checked before it commits.
   */
  foreignKeysOff?: boolean;
  /**
   * Only for a database from before the ledger (`schema_migrations`), where `user_version` was all there
   * was: whether this migration's change is already in it. Slices landed out of number order (007, 008 and
   * 012–017 after 011 and 015), so a version at or below `user_version` does not prove a migration ran.
   * Without a probe, such a version counts as applied.
   */
  alreadyApplied?(db: Database): boolean;
}

/** Probes for `alreadyApplied`: whether the schema holds this table, index or column. */
export function hasTable(db: Database, name: string): boolean {
  return hasSchemaObject(db, 'table', name);
}

export function hasIndex(db: Database, name: string): boolean {
  return hasSchemaObject(db, 'index', name);
}

function hasSchemaObject(db: Database, type: 'table' | 'index', name: string): boolean {
  return db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(type, name) !== undefined;
}

export function hasColumn(db: Database, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}
