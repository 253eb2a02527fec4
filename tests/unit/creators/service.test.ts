import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScoreProgress } from '@shared/creator-score';
import type { Database } from '../../../src-main/db/connection';
import { CreatorsService } from '../../../src-main/creators/service';
import { CreatorsWorker } from '../../../src-main/creators/worker';
import { silentLogger } from '../../../src-main/log/logger';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
let crm: CreatorsService;
let clock: number;
let progress: ScoreProgress[];
let activity: string[];

beforeEach(() => {
  db = memoryDbWithAccount('acct-1', 'shop-us');
  db.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('shop-gb', 'acct-1', 'UK', 'GB', 'GBP', 'c')`,
  ).run();
  clock = Date.UTC(2026, 0, 10);
  progress = [];
  activity = [];
  crm = new CreatorsService({
    db,
    logger: silentLogger(),
    now: () => clock,
    emitChanged: () => {},
    emitScoreProgress: (p) => progress.push(p),
    record: (kind) => activity.push(kind),
  });
});
afterEach(async () => {
  await crm.close();
  db.close();
});

const seen = (openId: string, shopId = 'shop-us', handle = openId.toLowerCase()): number =>
  crm.resolve(
    { openId, handle, nickname: `Nick ${openId}` },
    { origin: 'sync', place: { accountId: 'acct-1', shopId, source: 'collaboration' }, now: clock },
  )!.creatorId;
const reindex = (): void => {
  while (crm.indexer.drain(100, clock).taken > 0);
};
const stageOf = (id: number): string => crm.get(id).creator.stage;
const moves = (id: number) =>
  db
    .prepare(
      'SELECT from_stage, to_stage, cause, ref FROM creator_stage_moves WHERE creator_id = ? ORDER BY id',
    )
    .all(id);

function collaboration(id: string, creatorId: number, at: number, showcase = 0, content = 0): void {
  db.prepare(
    `INSERT OR REPLACE INTO collaborations (collaboration_id, account_id, shop_id, name, start_time, update_time, etag, synced_at)
     VALUES (?, 'acct-1', 'shop-us', ?, ?, ?, 'e', ?)`,
  ).run(id, `Campaign ${id}`, at, at, at);
  db.prepare(
    `INSERT OR REPLACE INTO collaboration_creators (collaboration_id, creator_id, showcase_product_count, content_product_count, accepted)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(id, creatorId, showcase, content, showcase > 0 ? 1 : 0);
  db.prepare('INSERT OR IGNORE INTO creator_dirty VALUES (?)').run(creatorId);
}

describe('pipeline stages', () => {
  it('synced events move a creator forward, each move recorded with its cause', () => {
    const c = seen('S1');
    reindex();
    expect(stageOf(c)).toBe('new');
    collaboration('C1', c, clock - 5_000);
    reindex();
    expect(stageOf(c)).toBe('invited');
    collaboration('C1', c, clock - 4_000, 2);
    reindex();
    collaboration('C1', c, clock - 3_000, 2, 1);
    reindex();
    expect(moves(c)).toEqual([
      { from_stage: 'new', to_stage: 'invited', cause: 'invitation', ref: 'C1' },
      { from_stage: 'invited', to_stage: 'accepted', cause: 'showcase', ref: 'C1' },
      { from_stage: 'accepted', to_stage: 'posted', cause: 'content', ref: 'C1' },
    ]);
  });

  it('a move by hand stands against older events; newer ones move it again', () => {
    const c = seen('S2');
    collaboration('C2', c, clock - 10_000, 1);
    reindex();
    expect(stageOf(c)).toBe('accepted');
    crm.update({ id: c, stage: 'declined' });
    reindex();
    expect(stageOf(c)).toBe('declined');
    clock += 60_000;
    collaboration('C3', c, clock - 1_000);
    reindex();
    // An invitation is not enough to leave "declined"; accepting is.
    expect(stageOf(c)).toBe('declined');
    collaboration('C3', c, clock - 500, 3);
    reindex();
    expect(stageOf(c)).toBe('accepted');
    expect(moves(c).map((m) => (m as { cause: string }).cause)).toEqual(['showcase', 'manual', 'showcase']);
  });
});

describe('blocklist, lists, tags, notes and bulk actions', () => {
  it('one blocklist for every shop: blocking covers the creator in both shops and survives a merge', () => {
    const c = seen('B1', 'shop-us');
    expect(seen('B1', 'shop-gb')).toBe(c);
    const other = seen('B2', 'shop-gb');
    reindex();
    crm.bulk({ ids: [c] }, { kind: 'block', reason: 'asked not to be contacted' });
    expect(crm.blocklist.isBlocked(c)).toBe(true);
    expect(crm.get(c).blocked).toMatchObject({ reason: 'asked not to be contacted' });
    expect(stageOf(c)).toBe('blocked');
    expect(() => crm.update({ id: c, stage: 'active' })).toThrow(/blocked/);
    crm.merge(other, c);
    expect(crm.blocklist.isBlocked(other)).toBe(true);
    expect(crm.blocklist.page(10, undefined).total).toBe(1);
    crm.split(c);
    crm.bulk({ ids: [c] }, { kind: 'unblock' });
    expect(crm.blocklist.isBlocked(c)).toBe(false);
    expect(stageOf(c)).toBe('new');
    expect(activity).toEqual(
      expect.arrayContaining(['creator.blocked', 'creator.merged', 'creator.split', 'creator.unblocked']),
    );
  });

  it('bulk actions reach every creator a filter matches, minus the ones unticked', () => {
    const ids = Array.from({ length: 30 }, (_, i) => seen(`M${i}`, i % 2 ? 'shop-gb' : 'shop-us'));
    reindex();
    const list = crm.lists.create('Outreach June', 'static', null);
    const r = crm.bulk(
      { filter: { shopIds: ['shop-gb'] }, exceptIds: [ids[1]!] },
      { kind: 'addToList', listId: list.id },
    );
    expect(r).toEqual({ selected: 14, changed: 14 });
    expect(crm.lists.get(list.id).size).toBe(14);
    expect(crm.count({ listIds: [list.id] })).toBe(14);
    crm.bulk({ filter: { listIds: [list.id] } }, { kind: 'addTag', tag: '重点' });
    const tag = crm.facets().tags.find((t) => t.name === '重点')!;
    expect(tag.creators).toBe(14);
    expect(crm.count({ text: '重点' })).toBe(14);
    // A dynamic list is its saved filter, read now.
    const dyn = crm.lists.create('Tagged', 'dynamic', { tagIds: [tag.id] });
    expect(crm.lists.get(dyn.id).size).toBe(14);
    expect(() => crm.lists.addMembers(dyn.id, [ids[0]!])).toThrow(/dynamic list/);
    expect(() => crm.lists.create('outreach june', 'static', null)).toThrow(/already exists/);
  });

  it('notes and tags are searchable, survive a merge and go back with a split', () => {
    const a = seen('N1');
    const b = seen('N2');
    reindex();
    crm.addNote(b, 'Prefers 小红书 DMs, ตอบเร็ว');
    crm.update({ id: b, addTags: ['Summer'] });
    expect(crm.search({ filter: { text: '小红' } }).items.map((i) => i.id)).toEqual([b]);
    expect(crm.search({ filter: { text: 'ตอบ' } }).items.map((i) => i.id)).toEqual([b]);
    crm.merge(a, b);
    expect(crm.get(b).creator.id).toBe(a);
    expect(crm.get(a).tags.map((t) => t.name)).toEqual(['Summer']);
    expect(crm.search({ filter: { text: 'prefers' } }).items.map((i) => i.id)).toEqual([a]);
    crm.split(b);
    expect(crm.get(a).tags).toEqual([]);
    expect(crm.search({ filter: { text: 'prefers' } }).items.map((i) => i.id)).toEqual([b]);
  });

  it('exports a CSV that spreadsheets read safely', () => {
    const c = crm.resolve(
      { openId: 'E1', handle: 'excel', nickname: '=HYPERLINK("x") 美妆' },
      { origin: 'import', now: clock },
    )!.creatorId;
    reindex();
    const out = crm.export({ ids: [c] }, false);
    expect(out.csv.startsWith('\uFEFFid,handle,nickname')).toBe(true);
    expect(out.csv).toContain(`"'=HYPERLINK(""x"") 美妆"`);
    expect(out.rows).toBe(1);
    expect(() => crm.export({ ids: [c] }, true)).toThrow(/contacts/);
  });
});

describe('background upkeep', () => {
  it('re-scores every creator after a rules change, with progress, in slices', async () => {
    for (let i = 0; i < 120; i++) {
      crm.resolve({ openId: `R${i}`, region: 'GB' }, { origin: 'sync', now: clock });
    }
    reindex();
    const scores = (): number[] => crm.search({ limit: 500 }).items.map((i) => i.score ?? -1);
    const before = scores();
    const rules = crm.rules.get();
    // The shops are in US and GB, so GB creators met the region rule; now only Thailand counts.
    await crm.setScoreRules({
      version: 1,
      rules: [
        { kind: 'region', weight: 10, regions: ['TH'] },
        ...rules.rules.filter((r) => r.kind !== 'region'),
      ],
    });
    await crm.worker.idle();
    expect(progress.at(-1)).toMatchObject({ state: 'done', reason: 'rules', done: 120, total: 120 });
    expect(activity).toContain('creator.scoreRulesChanged');
    const after = scores();
    expect(after).toHaveLength(120);
    after.forEach((s, i) => expect(s).toBeLessThan(before[i]!));
  });

  it('finishes when the creators fill the last chunk exactly', async () => {
    // A re-score reads 500 creators at a time; with exactly 500 the next read is empty and must end the run.
    for (let i = 0; i < 500; i++) crm.resolve({ openId: `E${i}` }, { origin: 'sync', now: clock });
    reindex();
    await crm.setScoreRules(crm.rules.get());
    await crm.worker.idle();
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 500, total: 500 });
  });
});

describe('pausing the background upkeep (a wipe or a restore under it)', () => {
  const dirty = (): number => db.prepare('SELECT COUNT(*) FROM creator_dirty').pluck().get() as number;

  it('does nothing while paused and takes up what waits, re-indexing and re-scoring, on resume', async () => {
    seen('P1');
    await crm.worker.pause();
    await crm.worker.kick('sync');
    await crm.setScoreRules(crm.rules.get());
    await crm.worker.idle();
    expect(dirty()).toBe(1);
    expect(progress).toEqual([]);

    crm.worker.resume('startup');
    await crm.worker.idle();
    expect(dirty()).toBe(0);
    expect(crm.search({}).items.map((c) => c.handle)).toEqual(['p1']);
    expect(progress.filter((p) => p.state === 'done').map((p) => p.reason)).toEqual(
      expect.arrayContaining(['startup', 'rules']),
    );
  });

  it('a re-score cut short by a pause runs again on resume; a stopped worker never resumes', async () => {
    for (let i = 0; i < 600; i++) crm.resolve({ openId: `Q${i}` }, { origin: 'sync', now: clock });
    reindex();
    // One chunk of 500 a slice, so the pass (two chunks) is still under way when the pause comes.
    const worker = new CreatorsWorker({
      db,
      indexer: crm.indexer,
      rules: crm.rules,
      events: { scoreProgress: (p) => progress.push(p), changed: () => {} },
      logger: silentLogger(),
      now: () => clock,
      sliceMs: 0,
    });
    const pass = worker.rescoreAll('rules');
    await worker.pause();
    await pass;
    expect(progress.at(-1)).toMatchObject({ state: 'cancelled', reason: 'rules' });
    worker.resume('startup');
    await worker.idle();
    expect(progress.at(-1)).toMatchObject({ state: 'done', reason: 'rules', done: 600, total: 600 });

    await worker.stop();
    seen('AFTER');
    worker.resume('startup');
    await worker.kick('sync');
    expect(dirty()).toBe(1);
  }, 20_000);
});

describe('a score set by hand', () => {
  it('wins over the rules with its reason and date, goes with a merge, and goes back to the rules when cleared', () => {
    const a = seen('HAND');
    reindex();
    const computed = crm.get(a).score!.computed;
    expect(() => crm.update({ id: a, scoreOverride: 95 })).toThrow(/reason/);
    expect(() => crm.update({ id: a, scoreOverrideReason: 'why' })).toThrow();

    const detail = crm.update({
      id: a,
      scoreOverride: 95,
      scoreOverrideReason: '  Sold out our spring launch  ',
    });
    expect(detail.scoreOverride).toEqual({ score: 95, reason: 'Sold out our spring launch', at: clock });
    expect(detail.score).toMatchObject({ score: 95, override: 95, computed });
    expect(crm.search({}).items.find((c) => c.id === a)?.score).toBe(95);

    // Merged into a Creator without one, the override comes along with its reason.
    const b = seen('KEEPER');
    db.prepare('UPDATE creators SET first_seen_at = 0 WHERE id = ?').run(b);
    const kept = crm.merge(b, a).creatorId;
    expect(crm.get(kept).scoreOverride).toMatchObject({ score: 95, reason: 'Sold out our spring launch' });

    const cleared = crm.update({ id: kept, scoreOverride: null });
    expect(cleared.scoreOverride).toBeNull();
    expect(cleared.score).toMatchObject({ override: null });
    expect(cleared.score!.score).toBe(cleared.score!.computed);
  });
});
