import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { type Database, openDatabase } from '../db/connection';
import { quoteId } from './schema';
import { privacyTexts } from './texts';

/**
 * Prepares a backup for restoring: a copy is opened as the app opens its database (so an older backup is
 * migrated to this build's schema) and checked with `PRAGMA integrity_check`. Returns the checked copy's path;
 * the backup itself is never changed.
 */
export function prepareRestore(backupFile: string, workDir: string, now: number): string {
  const copy = join(workDir, `restore-${now}.db`);
  copyFileSync(backupFile, copy);
  try {
    const db = openDatabase(copy);
    try {
      const check = db.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new AppError('VALIDATION', privacyTexts.backupUnreadable());
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return copy;
  } catch (err) {
    rmSync(copy, { force: true });
    for (const side of ['-wal', '-shm']) rmSync(copy + side, { force: true });
    if (err instanceof AppError && err.code === 'VALIDATION') throw err;
    if (err instanceof AppError && err.code === 'CONFLICT')
      throw new AppError('VALIDATION', privacyTexts.backupNewer());
    throw new AppError('VALIDATION', privacyTexts.backupUnreadable());
  }
}

/**
 * Replaces every row of the live database with the checked copy's, in one transaction, on the same
 * connection (every service keeps its prepared statements; the sync worker's own connection sees the new
 * rows like any other commit). FTS5 indexes cannot be copied (SQLite refuses writes to their shadow tables):
 * they are emptied and every creator is marked for re-indexing, which rebuilds the search index in the
 * background (docs/creators.md).
 */
export function restoreInPlace(db: Database, copy: string): number {
  db.prepare('ATTACH DATABASE ? AS restored').run(copy);
  try {
    const virtual = new Set(
      db
        .prepare(
          `SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`,
        )
        .pluck()
        .all() as string[],
    );
    const tables = (
      db
        .prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name <> 'sqlite_stat1'`)
        .pluck()
        .all() as string[]
    ).filter((t) => !virtual.has(t) && ![...virtual].some((v) => t.startsWith(`${v}_`)));
    let rows = 0;
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const t of tables) {
        const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[])
          .map(quoteId)
          .join(', ');
        db.prepare(`DELETE FROM main.${quoteId(t)}`).run();
        rows += db
          .prepare(`INSERT INTO main.${quoteId(t)} (${cols}) SELECT ${cols} FROM restored.${quoteId(t)}`)
          .run().changes;
      }
      for (const v of virtual)
        db.prepare(`INSERT INTO ${quoteId(v)} (${quoteId(v)}) VALUES ('delete-all')`).run();
      if (tables.includes('creator_dirty'))
        db.prepare('INSERT OR IGNORE INTO creator_dirty (creator_id) SELECT id FROM creators').run();
    }).immediate();
    return rows;
  } finally {
    db.prepare('DETACH DATABASE restored').run();
  }
}
