import { afterEach, describe, expect, it } from 'vitest';
import type { ScoreProgress } from '@shared/creator-score';
import { openDatabase, type Database } from '../../../src-main/db/connection';
import type { CreatorsService } from '../../../src-main/creators/service';
import { otherIndexName } from '../../../src-main/creators/index-names';
import { CreatorsWorker } from '../../../src-main/creators/worker';
import { silentLogger } from '../../../src-main/log/logger';
import { buildWorld } from '../../helpers/creator-world';
import { quietCrm } from '../../helpers/quiet-crm';

/**
 * The full rebuild of the creator index (src-main/creators/index-rebuild.ts): staging tables filled without
 * indexes, indexes built, one swap. It must make exactly what updating in place makes, keep edits made while
 * it runs, and leave the old index serving when it stops half way (a SIGKILL half way is
 * tests/integration/creators/index-rebuild-kill.test.ts).
 */
const NOW = Date.UTC(2026, 5, 1);
/** Creators in each world: four batches of the rebuild at its smallest batch (250). */
const size = 800;
const opened: Database[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

type Progress = (p: ScoreProgress, crm: CreatorsService, worker: CreatorsWorker) => void;

/** A worker over `db` rebuilding in full from `fullRebuildFrom` stale creators, calling `progress` after every batch. */
function upkeep(db: Database, fullRebuildFrom: number, progress: Progress = () => {}) {
  const crm = quietCrm(db, NOW);
  const worker: CreatorsWorker = new CreatorsWorker({
    db,
    indexer: crm.indexer,
    rules: crm.rules,
    events: { scoreProgress: (p) => progress(p, crm, worker), changed: () => {} },
    logger: silentLogger(),
    now: () => NOW,
    // The smallest batches, and progress after each: `progress` runs between every two.
    indexSliceMs: 0,
    progressEveryMs: 0,
    fullRebuildFrom,
  });
  return { crm, worker };
}

/** A generated world, every creator stale (nothing indexed yet). */
function world(): Database {
  const db = openDatabase(':memory:');
  opened.push(db);
  buildWorld(db, size, 7, NOW);
  return db;
}

const rows = (db: Database) => db.prepare('SELECT * FROM creator_index ORDER BY creator_id').all();
const schema = (db: Database) =>
  db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE tbl_name IN ('creator_index', 'creator_fts') OR name LIKE '%\\_build%' ESCAPE '\\' ORDER BY name`,
    )
    .all() as Array<{ type: string; name: string; sql: string | null }>;
const texts = ['an', 'chen', '小', '美妆', 'สม', 'luna', 'gr', 'skincare'];
const matches = (crm: CreatorsService) =>
  texts.map(
    (text) =>
      crm.search({ filter: { text }, sort: { column: 'handle', direction: 'asc' }, limit: 200 }).items,
  );
/** Each index of `creator_index` with what it holds (its statement from `ON`), by name. */
const indexes = (db: Database) =>
  Object.fromEntries(
    schema(db)
      .filter((r) => r.type === 'index' && r.sql !== null)
      .map((r) => [r.name, r.sql!.slice(r.sql!.search(/ ON /)).replace(/"/g, '')]),
  );
/** Pages of every sort without text: each walks its sort column's index, named `INDEXED BY` its live name. */
const sorted = (crm: CreatorsService) =>
  (['handle', 'followers', 'score', 'lastContactedAt', 'stage'] as const).map(
    (column) => crm.search({ filter: {}, sort: { column, direction: 'desc' }, limit: 50 }).items,
  );
const dirty = (db: Database) => db.prepare('SELECT COUNT(*) FROM creator_dirty').pluck().get() as number;
const staging = (db: Database) => schema(db).filter((r) => r.name.includes('_build'));

describe('a full rebuild of the creator index', () => {
  it('makes the same rows, text matches and indexes as updating in place', async () => {
    const inPlaceDb = world();
    const inPlace = upkeep(inPlaceDb, Number.POSITIVE_INFINITY);
    const db = world();
    const events: ScoreProgress[] = [];
    const rebuilt = upkeep(db, 1, (p) => events.push(p));
    const before = schema(db);
    await inPlace.worker.kick('startup');
    await rebuilt.worker.kick('startup');

    expect(rows(db)).toHaveLength(size);
    expect(rows(db)).toEqual(rows(inPlaceDb));
    expect(matches(rebuilt.crm)).toEqual(matches(inPlace.crm));
    expect(matches(rebuilt.crm).flat().length).toBeGreaterThan(100);
    // The same indexes, each under its other name (index-names.ts), and no staging table left.
    const inPlaceIndexes = indexes(inPlaceDb);
    expect(Object.keys(inPlaceIndexes)).toHaveLength(18);
    expect(indexes(db)).toEqual(
      Object.fromEntries(Object.entries(inPlaceIndexes).map(([name, on]) => [otherIndexName(name), on])),
    );
    expect(
      schema(db)
        .filter((r) => r.type === 'table')
        .map((r) => r.name),
    ).toEqual(before.filter((r) => r.type === 'table').map((r) => r.name));
    expect(sorted(rebuilt.crm)).toEqual(sorted(inPlace.crm));
    expect(dirty(db)).toBe(0);
    expect(events.filter((e) => e.state === 'running').length).toBeGreaterThanOrEqual(4);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: size, total: size, reason: 'startup' });

    // Again, now that SQLite keeps the renamed table's statement with its name quoted.
    db.exec('INSERT INTO creator_dirty SELECT id FROM creators');
    await rebuilt.worker.kick('startup');
    expect(rows(db)).toEqual(rows(inPlaceDb));
    expect(staging(db)).toEqual([]);
    // The second rebuild gives the indexes their first names back, and search follows.
    expect(indexes(db)).toEqual(inPlaceIndexes);
    expect(sorted(rebuilt.crm)).toEqual(sorted(inPlace.crm));
  }, 30_000);

  it('builds the indexes one at a time, with searches answered from the old index between two', async () => {
    const db = world();
    const { crm, worker } = upkeep(db, 1);
    await worker.kick('startup');
    const before = sorted(crm);
    db.exec(
      `UPDATE creators SET nickname = 'Renamed ' || id; INSERT INTO creator_dirty SELECT id FROM creators`,
    );
    // Between two index builds, as an IPC call would come: the old rows answer, through their indexes.
    const between: Array<{ built: number; pages: ReturnType<typeof sorted>; renamed: number }> = [];
    let built = 0;
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      const result = exec(sql);
      if (/^CREATE INDEX/.test(sql)) {
        const after = ++built;
        setImmediate(() =>
          between.push({ built: after, pages: sorted(crm), renamed: crm.count({ text: 'renamed' }) }),
        );
      }
      return result;
    };
    await worker.kick('startup');
    expect(built).toBe(18);
    // One search after each index build, before the next one started.
    expect(between.map((b) => b.built)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    for (const b of between) expect(b).toEqual({ built: b.built, pages: before, renamed: 0 });
    expect(crm.count({ text: 'renamed' })).toBe(size);
  });

  it('keeps what changed while it ran: an edit and a new creator are there after the swap', async () => {
    const db = world();
    let edited = 0;
    let added = 0;
    const { crm, worker } = upkeep(db, 1, (p, crm) => {
      if (p.state !== 'running' || p.done === 0 || edited) return;
      // Between two batches, as an IPC call would come: the first creators are already in the staging table.
      edited = db.prepare('SELECT MIN(creator_id) FROM creator_index_build').pluck().get() as number;
      crm.update({ id: edited, addTags: ['zz-mid-rebuild'] });
      added = crm.resolve(
        { openId: 'late-1', handle: 'late_arrival' },
        { origin: 'manual', now: NOW },
      )!.creatorId;
    });
    await worker.kick('startup');
    await worker.idle();
    expect(edited).toBeGreaterThan(0);
    expect(crm.search({ filter: { text: 'zz-mid-rebuild' }, limit: 5 }).items.map((c) => c.id)).toEqual([
      edited,
    ]);
    expect(crm.search({ filter: { text: 'late_arrival' }, limit: 5 }).items.map((c) => c.id)).toEqual([
      added,
    ]);
    expect(rows(db)).toHaveLength(size + 1);
    expect(dirty(db)).toBe(0);
  });

  it('stopped half way, leaves the old index serving; the next start rebuilds from scratch', async () => {
    const db = world();
    await upkeep(db, 1).worker.kick('startup');
    const old = rows(db);
    // Every nickname changes (as a restore might bring) and every creator is stale.
    db.exec(
      `UPDATE creators SET nickname = 'Renamed ' || id; INSERT INTO creator_dirty SELECT id FROM creators`,
    );
    let stopped: Promise<void> | null = null;
    const { crm, worker } = upkeep(db, 1, (p, _crm, worker) => {
      if (p.state === 'running' && p.done > 0) stopped ??= worker.pause();
    });
    await worker.kick('startup');
    expect(stopped).not.toBeNull();
    await stopped;
    expect(staging(db).map((r) => r.name)).toEqual(
      expect.arrayContaining(['creator_fts_build', 'creator_index_build']),
    );
    // The old rows still answer searches, through their indexes.
    expect(rows(db)).toEqual(old);
    expect(crm.count({ text: 'renamed' })).toBe(0);
    expect(crm.search({ sort: { column: 'followers', direction: 'desc' }, limit: 100 }).items).toHaveLength(
      100,
    );

    // The next start (here: resume): the leftover is dropped, every creator marked, and the rebuild runs again.
    worker.resume('startup');
    await worker.idle();
    expect(crm.count({ text: 'renamed' })).toBe(size);
    expect(staging(db)).toEqual([]);
    expect(dirty(db)).toBe(0);
  });

  it('is used only when many creators are stale: a few are updated in place', async () => {
    const db = world();
    const { worker } = upkeep(db, size);
    await worker.kick('startup');
    const root = () =>
      db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'creator_index'").pluck().get() as number;
    const rebuiltRoot = root();
    db.exec('INSERT INTO creator_dirty SELECT id FROM creators WHERE id <= 300');
    await worker.kick('sync');
    expect(root()).toBe(rebuiltRoot);
    expect(dirty(db)).toBe(0);
  });
});
