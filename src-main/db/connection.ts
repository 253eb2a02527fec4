import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { type Migration, migrations as allMigrations } from './migrations/index';
import { dbTexts } from './texts';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Override the migration list (tests migrate to intermediate versions). */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the one database of a data folder: WAL for concurrent readers while sync
 * writes, foreign keys on, and every pending migration applied in a single transaction so a failed
 * upgrade leaves the previous version intact.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? allMigrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database, migrations: readonly Migration[]): number {
  const current = userVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError('CONFLICT', dbTexts.newerDatabase({ current, latest }));
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
  const fkOff = pending.some((m) => m.foreignKeysOff) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (fkOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      if (fkOff) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign keys`);
      }
    }).immediate();
  } finally {
    if (fkOff) db.pragma('foreign_keys = ON');
  }
  return latest;
}
