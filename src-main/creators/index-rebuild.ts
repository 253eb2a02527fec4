import type { Database } from 'better-sqlite3';
import { otherIndexName } from './index-names';
import { type IndexTarget, liveIndex } from './indexer';

/**
 * A full rebuild of the Creators' derived rows (docs/creators.md "Rebuilding the index"). Updating
 * `creator_index` in place costs a write into each of its sort indexes per row, and every commit writes the
 * index pages it touched; when most Creators are stale (a first start, a restore, a large import) it is far
 * cheaper to fill empty staging tables without indexes, build each index once, sorted, and swap. Each index
 * is built on the staging table by a statement of its own (`indexSteps`), with the app answering requests
 * between two: the swap itself then only drops and renames tables.
 *
 * Crash-safe by construction: the live tables are only ever replaced inside the one swap transaction, so a
 * rebuild killed or stopped at any point leaves the old index serving searches. Starting takes the dirty
 * marks present then (the rebuild answers all of them); marks made while it runs stay for the incremental
 * pass after the swap. An interrupted rebuild is found at the next start by its staging tables: they are
 * dropped and every Creator is marked again, which starts a new rebuild.
 */

export const stagingIndex: IndexTarget = { index: 'creator_index_build', fts: 'creator_fts_build' };

/**
 * At least this many dirty Creators, and at least half of those indexed, make a full rebuild worth it: below
 * it, updating in place takes a few seconds at most and swapping would rebuild every index for little.
 */
export const defaultFullRebuildFrom = 5_000;

const tableExists = (db: Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** The statement that created `table`, made to create `as` instead (SQLite may have quoted the name). */
function createSqlAs(db: Database, table: string, as: string): string {
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .pluck()
    .get(table);
  const head = new RegExp(`^(CREATE (?:VIRTUAL )?TABLE\\s+)(?:"${table}"|${table})(?=[\\s(])`, 'i');
  if (typeof sql !== 'string' || !head.test(sql)) throw new Error(`cannot read how ${table} is made`);
  return sql.replace(head, `$1${as}`);
}

export class IndexRebuild {
  constructor(
    private readonly db: Database,
    private readonly fullRebuildFrom = defaultFullRebuildFrom,
  ) {}

  /** Whether `dirty` stale Creators are better served by a full rebuild than by updating rows in place. */
  worthIt(dirty: number): boolean {
    if (dirty < this.fullRebuildFrom) return false;
    const indexed = this.db.prepare('SELECT COUNT(*) FROM creator_index').pluck().get() as number;
    return dirty * 2 >= indexed;
  }

  /**
   * After an interrupted rebuild (killed, or stopped for a wipe or a restore): its staging tables are
   * dropped and every Creator is marked stale again. Returns whether there was one.
   */
  recover(): boolean {
    if (!tableExists(this.db, stagingIndex.index) && !tableExists(this.db, stagingIndex.fts)) return false;
    this.db.transaction(() => {
      this.dropStaging();
      this.db.exec(
        'INSERT OR IGNORE INTO creator_dirty (creator_id) SELECT id FROM creators WHERE canonical_id = id',
      );
    })();
    return true;
  }

  /** Creates the empty staging tables (no sort indexes) and takes every dirty mark present now. */
  begin(): void {
    this.db.transaction(() => {
      this.dropStaging();
      this.db.exec(createSqlAs(this.db, liveIndex.index, stagingIndex.index));
      this.db.exec(createSqlAs(this.db, liveIndex.fts, stagingIndex.fts));
      this.db.exec('DELETE FROM creator_dirty');
    })();
  }

  /** The next `limit` Creators after `after`, in id order: what the rebuild fills next. */
  next(after: number, limit: number): number[] {
    return this.db
      .prepare('SELECT id FROM creators WHERE id > ? AND canonical_id = id ORDER BY id LIMIT ?')
      .pluck()
      .all(after, limit) as number[];
  }

  /**
   * One statement per index of the live table, each creating it on the staging table under its other name
   * (index-names.ts): run one at a time, between them the live tables answer searches as before. The staging
   * table has none yet when called (built on a filled table, each index is sorted once, not grown row by row).
   */
  indexSteps(): string[] {
    const indexes = this.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      )
      .all(liveIndex.index) as Array<{ name: string; sql: string }>;
    return indexes.map(({ name, sql }) => {
      const head = new RegExp(
        `^CREATE (UNIQUE )?INDEX\\s+"?${name}"?\\s+ON\\s+"?${liveIndex.index}"?\\s*\\(`,
        'i',
      );
      if (!head.test(sql)) throw new Error(`cannot read how index ${name} is made`);
      return sql.replace(head, (_m, unique: string | undefined) => {
        return `CREATE ${unique ?? ''}INDEX ${otherIndexName(name)} ON ${stagingIndex.index} (`;
      });
    });
  }

  /**
   * Replaces the live tables with the staging ones, with the indexes `indexSteps` built, in one transaction:
   * the old tables go with their indexes and the staging ones take their names. A failure rolls everything
   * back to the old index.
   */
  swap(): void {
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE ${liveIndex.index}`);
      this.db.exec(`ALTER TABLE ${stagingIndex.index} RENAME TO ${liveIndex.index}`);
      this.db.exec(`DROP TABLE ${liveIndex.fts}`);
      this.db.exec(`ALTER TABLE ${stagingIndex.fts} RENAME TO ${liveIndex.fts}`);
    })();
  }

  private dropStaging(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${stagingIndex.index}; DROP TABLE IF EXISTS ${stagingIndex.fts}`);
  }
}
