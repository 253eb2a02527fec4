import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { type Migration, migrations as allMigrations } from './migrations/index';
import { hasTable } from './migrations/migration';
import { dbTexts } from './texts';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Override the migration list (tests migrate to intermediate versions). */
  migrations?: readonly Migration[];
  /** This connection's page cache in MiB (`defaultCacheMiB` unless said otherwise). */
  cacheMiB?: number;
}

/**
 * SQLite's page cache is private to each connection and defaults to 2 MB, less than one of the big indexes
 * the app reads on every list page (the 200k creators' `creator_index` and FTS5 index alone are ~21 MB):
 * with 2 MB each search re-reads its pages through the OS, with 64 MiB they stay in the cache (a text match
 * over 200k creators went from 28 to 9 ms CPU). It is a ceiling, not an allocation: a small database uses
 * what it has. The sync worker's connection, which mostly appends pages and walks a few indexes, takes
 * `syncWorkerCacheMiB`.
 */
export const defaultCacheMiB = 64;
export const syncWorkerCacheMiB = 32;

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
    // Negative: a size in KiB rather than in pages, so it holds whatever the page size is.
    db.pragma(`cache_size = ${-Math.round((options.cacheMiB ?? defaultCacheMiB) * 1024)}`);
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

/**
 * Which migrations a database has. The ledger (`schema_migrations`) knows; a database from before it only
 * has `user_version`, and since slices landed out of number order, each migration at or below it is asked
 * whether its change is there (`Migration.alreadyApplied`).
 */
function appliedVersions(db: Database, migrations: readonly Migration[]): Set<number> {
  if (hasTable(db, 'schema_migrations'))
    return new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const current = userVersion(db);
  return new Set(
    migrations.filter((m) => m.version <= current && (m.alreadyApplied?.(db) ?? true)).map((m) => m.version),
  );
}

/** Applies every migration the database does not have yet, in list order, in one transaction. */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  const current = userVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  const known = new Set(migrations.map((m) => m.version));
  const applied = appliedVersions(db, migrations);
  const unknown = [...applied].filter((v) => !known.has(v));
  if (current > latest || unknown.length > 0) {
    throw new AppError('CONFLICT', dbTexts.newerDatabase({ current: Math.max(current, ...unknown), latest }));
  }
  const pending = migrations.filter((m) => !applied.has(m.version));
  const ledger = hasTable(db, 'schema_migrations');
  if (pending.length === 0 && ledger) return current;
  // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
  const fkOff = pending.some((m) => m.foreignKeysOff) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (fkOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      if (!ledger) {
        db.exec(`CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at INTEGER NOT NULL
        ) STRICT`);
        // What was there before the ledger; 0 marks "found applied", not "applied then".
        const found = db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)',
        );
        for (const m of migrations) if (applied.has(m.version)) found.run(m.version, m.name);
      }
      const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const m of pending) {
        m.up(db);
        record.run(m.version, m.name, Date.now());
      }
      db.pragma(`user_version = ${latest}`);
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
