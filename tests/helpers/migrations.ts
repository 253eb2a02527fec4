import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import { migrate, openDatabase, userVersion } from '../../src-main/db/connection';
import { migrations } from '../../src-main/db/migrations/index';
import { makeTempDir } from './tmp';

/**
 * The shape of every migration test: a database file at the version just before `version` (built by the
 * real migrations up to it), rows loaded into it by the test, then the app's own start-up path migrates it
 * to `version` or to the latest, and the test checks the rows came through.
 *
 *   const at = databaseBefore(8);
 *   at.db.prepare('INSERT INTO accounts …').run(…);
 *   const db = at.upgrade();            // to the latest version, as openDatabase does at start-up
 *   expect(db.prepare('SELECT …').get()).toEqual(…);
 */
export interface DatabaseBefore {
  /** Open at the version before the migration under test; insert the rows an install of that version has. */
  db: Database;
  /** Closes `db`, opens the file as the app does (migrating to `to`, default the latest) and returns it. */
  upgrade(to?: number): Database;
}

const open: Database[] = [];
const folders: Array<() => void> = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const cleanup of folders.splice(0)) cleanup();
});

export function databaseBefore(version: number): DatabaseBefore {
  const index = migrations.findIndex((m) => m.version === version);
  if (index < 0) throw new Error(`No migration has version ${version}`);
  const tmp = makeTempDir('shopmesh-migration-');
  folders.push(tmp.cleanup);
  const file = join(tmp.dir, 'shopmesh.db');
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, index));
  open.push(db);
  return {
    db,
    upgrade(to) {
      db.close();
      const upTo = to === undefined ? migrations : migrations.filter((m) => m.version <= to);
      const upgraded = openDatabase(file, { migrations: upTo });
      open.push(upgraded);
      if (userVersion(upgraded) !== (upTo.at(-1)?.version ?? 0)) throw new Error('migration did not finish');
      return upgraded;
    },
  };
}
