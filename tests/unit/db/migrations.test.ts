import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, syncWorkerCacheMiB, userVersion } from '../../../src-main/db/connection';
import { latestVersion, type Migration, migrations } from '../../../src-main/db/migrations/index';
import { makeTempDir } from '../../helpers/tmp';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tempDbFile(): string {
  const t = makeTempDir();
  cleanup = t.cleanup;
  return join(t.dir, 'shopmesh.db');
}

describe('database migrations', () => {
  // Each slice of work owns fixed numbers, so gaps are expected; the order is what matters.
  it('numbers migrations in increasing order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  // Every earlier version a user could have on disk, migrated forward to the latest.
  for (let k = 0; k < migrations.length; k++) {
    const from = migrations[k - 1]?.version ?? 0;
    it(`migrates a database from version ${from} to ${latestVersion}`, () => {
      const file = tempDbFile();
      const old = new BetterSqlite3(file);
      migrate(old, migrations.slice(0, k));
      expect(userVersion(old)).toBe(from);
      old.close();

      const db = openDatabase(file);
      expect(userVersion(db)).toBe(latestVersion);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
      expect(tables).toContain('activity_log');
      db.close();
    });
  }

  it('gives each connection the page cache it was sized for (64 MiB for the app, 32 MiB for the sync worker)', () => {
    const file = tempDbFile();
    const app = openDatabase(file);
    const worker = openDatabase(file, { cacheMiB: syncWorkerCacheMiB });
    expect(app.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
    expect(worker.pragma('cache_size', { simple: true })).toBe(-32 * 1024);
    worker.close();
    app.close();
  });

  it('refuses a database written by a newer build and leaves it untouched', () => {
    const file = tempDbFile();
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${latestVersion + 5}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer ShopMesh/);
    const again = new BetterSqlite3(file);
    expect(userVersion(again)).toBe(latestVersion + 5);
    again.close();
  });

  it('rolls back every step of a failed upgrade', () => {
    const file = tempDbFile();
    const broken: Migration = {
      version: latestVersion + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, { migrations: [...migrations, broken] })).toThrow('boom');
    const db = new BetterSqlite3(file);
    expect(userVersion(db)).toBe(0);
    expect(
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('activity_log','half_done')")
        .pluck()
        .get(),
    ).toBe(0);
    db.close();
  });

  it('keeps a ledger of the migrations that ran', () => {
    const db = openDatabase(tempDbFile());
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(rows).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  // Slices landed out of number order: a database written when 011 and 015 were on main but 007, 008 and
  // 012-014 were not says user_version 15 and lacks their tables. Before the ledger, they were skipped.
  it('applies migrations that landed after a higher number, in a database from before the ledger', () => {
    const file = tempDbFile();
    const old = new BetterSqlite3(file);
    const early = migrations.filter((m) => m.version <= 6 || m.version === 11 || m.version === 15);
    for (const m of early) m.up(old);
    old.pragma('user_version = 15');
    old.exec("INSERT INTO activity_log (at, kind) VALUES (1, 'app.started')");
    old.close();

    const db = openDatabase(file);
    const ledger = db
      .prepare('SELECT version, applied_at > 0 AS ran FROM schema_migrations ORDER BY version')
      .all() as Array<{ version: number; ran: number }>;
    expect(ledger.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    // What was there is recorded as found, what was missing ran now; 008 reruns, being idempotent.
    const ranNow = ledger.filter((r) => r.ran === 1).map((r) => r.version);
    expect(ranNow).toEqual(migrations.map((m) => m.version).filter((v) => v > 6 && v !== 11 && v !== 15));
    for (const table of [
      'creator_handles',
      'affiliate_days',
      'creator_origins',
      'catalogue_changes',
      'deliveries',
    ])
      expect(db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(table)).toBeDefined();
    expect(db.prepare('SELECT kind FROM activity_log').pluck().all()).toEqual(['app.started']);
    expect(userVersion(db)).toBe(latestVersion);
    db.close();
  });

  it('refuses a database whose ledger names a migration this build does not know', () => {
    const file = tempDbFile();
    openDatabase(file).close();
    const db = new BetterSqlite3(file);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', 1)").run(latestVersion + 1);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer ShopMesh/);
  });
});
