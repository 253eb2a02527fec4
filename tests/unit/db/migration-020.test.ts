import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from '../../../src-main/db/connection';
import { migrations } from '../../../src-main/db/migrations/index';
import { setNeedle } from '../../../src-main/creators/index-sets';
import { quietCrm } from '../../helpers/quiet-crm';
import { makeTempDir } from '../../helpers/tmp';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const setColumns = ['tag_set', 'list_set', 'category_set', 'shop_set', 'source_set'] as const;

/** The members of each set column of a Creator's index row, unescaped and sorted. */
function sets(db: Database, creatorId: number): Record<(typeof setColumns)[number], string[]> {
  const row = db
    .prepare(`SELECT ${setColumns.join(', ')} FROM creator_index WHERE creator_id = ?`)
    .get(creatorId) as Record<(typeof setColumns)[number], string>;
  const members = (set: string): string[] =>
    set === ''
      ? []
      : set
          .slice(1, -1)
          .split(',')
          .map((m) => decodeURIComponent(m))
          .sort();
  return Object.fromEntries(setColumns.map((c) => [c, members(row[c])])) as Record<
    (typeof setColumns)[number],
    string[]
  >;
}

describe('migration 020 (creator search sets)', () => {
  it('fills the sets of every indexed Creator from all its records, exactly enough for instr to test', () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'shopmesh.db');
    const old = new BetterSqlite3(file);
    old.pragma('foreign_keys = ON');
    migrate(
      old,
      migrations.filter((m) => m.version < 20),
    );
    // Creator 1 has two records (2 merged into 1); Creator 3 has nothing but its index row.
    old.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Shop', 1, 1);
      INSERT INTO creators (id, canonical_id, merged_into, open_id, handle, origin, first_seen_at, updated_at)
        VALUES (1, 1, NULL, 'O1', 'alice', 'sync', 10, 10),
               (2, 1, 1, 'O2', 'alice_old', 'import', 5, 5),
               (3, 3, NULL, 'O3', 'bob', 'manual', 20, 20);
      INSERT INTO tags (id, name, created_at) VALUES (4, 'VIP', 1), (5, 'retry', 1), (6, 'unused', 1);
      INSERT INTO creator_tags VALUES (1, 4, 1), (2, 5, 1), (2, 4, 1);
      INSERT INTO creator_lists (id, name, kind, created_at, updated_at) VALUES (8, 'Spring', 'static', 1, 1);
      INSERT INTO creator_list_members VALUES (8, 2, 1);
      INSERT INTO creator_categories VALUES (1, 'Home, Garden'), (2, '100% Cotton'), (2, 'Beauty');
      INSERT INTO creator_sightings VALUES (1, 'a1', 'shop-1', 'collaboration', 1, 1),
                                           (2, 'a1', 'shop,2', 'marketplace', 1, 1),
                                           (2, 'a1', 'shop-1', 'collaboration', 1, 1);
      INSERT INTO creator_index (creator_id, handle, stage, stage_rank, first_seen_at, gmv_currency, gmv_minor)
        VALUES (1, 'alice', 'new', 0, 5, 'USD', 500), (3, 'bob', 'new', 0, 20, NULL, NULL);
      DELETE FROM creator_dirty;
    `);
    old.close();

    const db = openDatabase(file);
    expect(sets(db, 1)).toEqual({
      tag_set: ['4', '5'],
      list_set: ['8'],
      category_set: ['100% Cotton', 'Beauty', 'Home, Garden'],
      shop_set: ['shop,2', 'shop-1'],
      source_set: ['collaboration', 'import', 'marketplace', 'sync'],
    });
    expect(sets(db, 3)).toEqual({
      tag_set: [],
      list_set: [],
      category_set: [],
      shop_set: [],
      source_set: ['manual'],
    });
    const having = (column: string, value: string | number): number[] =>
      db
        .prepare(`SELECT creator_id FROM creator_index WHERE instr(${column}, ?) > 0 ORDER BY 1`)
        .pluck()
        .all(setNeedle(value)) as number[];
    expect(having('category_set', 'Home, Garden')).toEqual([1]);
    // Neither half of an escaped member nor a prefix of one is a member.
    expect(having('category_set', 'Home')).toEqual([]);
    expect(having('category_set', 'Garden')).toEqual([]);
    expect(having('category_set', 'Cotton')).toEqual([]);
    expect(having('shop_set', 'shop')).toEqual([]);
    expect(having('shop_set', 'shop,2')).toEqual([1]);
    expect(having('tag_set', 4)).toEqual([1]);
    expect(having('tag_set', 6)).toEqual([]);
    expect(having('source_set', 'manual')).toEqual([3]);

    // The indexer computes the same sets (its members sorted, the migration's in any order).
    const before = { 1: sets(db, 1), 3: sets(db, 3) };
    const crm = quietCrm(db, 100);
    crm.indexer.refresh([1, 3], 100);
    expect({ 1: sets(db, 1), 3: sets(db, 3) }).toEqual(before);

    // A purge deletes sightings: the Creator they belonged to is re-indexed.
    db.exec(`DELETE FROM creator_sightings WHERE creator_id = 2`);
    expect(db.prepare('SELECT creator_id FROM creator_dirty').pluck().all()).toEqual([1]);
    crm.indexer.drain(10, 100);
    expect(sets(db, 1).shop_set).toEqual(['shop-1']);
    expect(sets(db, 1).source_set).toEqual(['collaboration', 'import', 'sync']);

    // The GMV filter and the currency menu read the currency index.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT DISTINCT gmv_currency FROM creator_index WHERE gmv_currency IS NOT NULL`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('creator_index_currency');
    db.close();
  });
});
