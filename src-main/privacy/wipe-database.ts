import type { Database } from '../db/connection';
import { quoteId } from './schema';

/** The migration ledger: part of the schema's version, not data. Emptied, the next start re-runs every migration. */
const ledger = 'schema_migrations';

/**
 * Empties every table but the ones named in `keep`, in one transaction, and leaves the schema and its
 * version (the migration ledger included) as they are: the app goes on running on the same connection,
 * prepared statements included, and opens the file again at its next start.
 * Deleted pages are overwritten (`secure_delete`), the file is rebuilt (`VACUUM`) and the WAL truncated, so
 * no deleted row survives in free pages or in the log. FTS5 tables are emptied with their own command, never
 * by deleting from their shadow tables.
 */
export function wipeDatabase(db: Database, keep: ReadonlySet<string>): number {
  const virtual = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
    .pluck()
    .all() as string[];
  const tables = (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[]
  ).filter(
    (t) =>
      t !== ledger && !keep.has(t) && !virtual.includes(t) && !virtual.some((v) => t.startsWith(`${v}_`)),
  );
  db.pragma('secure_delete = ON');
  let rows = 0;
  try {
    db.transaction(() => {
      // Every row goes, so the order of deletes cannot break a foreign key by the time the transaction commits.
      db.pragma('defer_foreign_keys = ON');
      for (const t of tables) rows += db.prepare(`DELETE FROM ${quoteId(t)}`).run().changes;
      for (const v of virtual)
        db.prepare(`INSERT INTO ${quoteId(v)} (${quoteId(v)}) VALUES ('delete-all')`).run();
      const hasSequence = db
        .prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`)
        .pluck()
        .get();
      if (hasSequence) db.prepare('DELETE FROM sqlite_sequence').run();
    }).immediate();
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma('secure_delete = OFF');
  }
  return rows;
}
