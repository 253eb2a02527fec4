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
}
