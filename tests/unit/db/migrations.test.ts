import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, userVersion } from '../../../src-main/db/connection';
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
});
