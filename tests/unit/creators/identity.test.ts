import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { CreatorIdentity } from '../../../src-main/creators/identity';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
let identity: CreatorIdentity;
let clock = 1_000;
const now = (): number => (clock += 1_000);
const place = { accountId: 'acct-1', shopId: 'shop-1', source: 'collaboration' as const };
const resolve = (s: Parameters<CreatorIdentity['resolve']>[0], origin: 'sync' | 'import' = 'sync') =>
  identity.resolve(s, { origin, place: origin === 'sync' ? place : undefined, now: now() })!;
const creatorCount = (): number =>
  db.prepare('SELECT COUNT(DISTINCT canonical_id) FROM creators').pluck().get() as number;

beforeEach(() => {
  db = memoryDbWithAccount();
  identity = new CreatorIdentity(db);
});
afterEach(() => db.close());

describe('creator identity', () => {
  it('finds one creator by any strong id and fills in the ids it lacked', () => {
    const a = resolve({ openId: 'O1', handle: 'alice' });
    const b = resolve({ openId: 'O1', userId: 'U1', handle: 'alice' });
    const c = resolve({ userId: 'U1' });
    expect(b.creatorId).toBe(a.creatorId);
    expect(c.recordId).toBe(a.recordId);
    expect(db.prepare('SELECT user_id FROM creators WHERE id = ?').pluck().get(a.recordId)).toBe('U1');
    expect(creatorCount()).toBe(1);
  });

  it('never merges two identified creators because they share a handle', () => {
    const a = resolve({ openId: 'O1', handle: 'alice' });
    const b = resolve({ imId: 'IM9', handle: 'alice' });
    expect(b.creatorId).not.toBe(a.creatorId);
    expect(creatorCount()).toBe(2);
    expect(db.prepare('SELECT COUNT(*) FROM creator_merges').pluck().get()).toBe(0);
  });

  it('a reused handle goes to its new owner; the old owner keeps it in its history', () => {
    const old = resolve({ openId: 'O1', handle: 'sunny' });
    resolve({ openId: 'O1', handle: 'sunny_renamed' });
    const fresh = resolve({ openId: 'O2', handle: 'sunny' });
    expect(fresh.creatorId).not.toBe(old.creatorId);
    // An affiliate order names only the handle: it belongs to whoever shows it now.
    const order = resolve({ handle: 'sunny' });
    expect(order.creatorId).toBe(fresh.creatorId);
    const history = db
      .prepare('SELECT handle FROM creator_handles WHERE creator_id = ? ORDER BY handle')
      .pluck()
      .all(old.recordId);
    expect(history).toEqual(['sunny', 'sunny_renamed']);
  });

  it('one TikTok answer naming two ids links their creators (automatic merge, older id kept)', () => {
    const byOpen = resolve({ openId: 'O1', handle: 'bob' });
    const byIm = resolve({ imId: 'IM1', handle: 'bob' });
    expect(byIm.creatorId).not.toBe(byOpen.creatorId);
    const linked = resolve({ openId: 'O1', imId: 'IM1' });
    expect(linked.creatorId).toBe(byOpen.creatorId);
    expect(identity.canonicalOf(byIm.recordId)).toBe(byOpen.creatorId);
    const merge = db.prepare('SELECT cause, kept_id, merged_id FROM creator_merges').get();
    expect(merge).toEqual({ cause: 'linked_ids', kept_id: byOpen.recordId, merged_id: byIm.recordId });
  });

  it('attaches a handle-only creator to the first identified creator seen with its handle', () => {
    const fromOrder = resolve({ handle: 'carol' });
    const identified = resolve({ openId: 'O3', handle: 'carol' });
    expect(identified.creatorId).toBe(fromOrder.creatorId);
    expect(identified.recordId).not.toBe(fromOrder.recordId);
    expect(db.prepare('SELECT cause FROM creator_merges').pluck().get()).toBe('handle_only');
    // A second identified creator with that handle is someone else.
    const other = resolve({ imId: 'IM3', handle: 'carol' });
    expect(other.creatorId).not.toBe(identified.creatorId);
  });

  it('normalises handles: "@Dora" and "dora" are one handle', () => {
    const a = resolve({ handle: '@Dora' });
    const b = resolve({ handle: 'dora' });
    expect(b.recordId).toBe(a.recordId);
  });

  it('ignores a sighting with no id and no handle', () => {
    expect(identity.resolve({ nickname: 'x', handle: '  ' }, { origin: 'sync', now: now() })).toBeNull();
  });

  it('merge and split round trip: every record, row and merchant value goes back where it was', () => {
    const a = resolve({ openId: 'OA', handle: 'anna' });
    const b = resolve({ openId: 'OB', handle: 'anna_shop' });
    db.prepare(`UPDATE creators SET stage = 'accepted' WHERE id = ?`).run(b.recordId);
    db.prepare(
      `INSERT INTO creator_notes (creator_id, body, created_at, updated_at) VALUES (?, 'b note', 1, 1)`,
    ).run(b.recordId);
    const kept = identity.merge(a.creatorId, b.creatorId, now());
    expect(kept).toBe(a.creatorId);
    expect(identity.recordsOf(b.recordId)).toEqual([a.recordId, b.recordId]);
    // The merged creator is as far along as the further of the two, and says why.
    expect(db.prepare('SELECT stage FROM creators WHERE id = ?').pluck().get(a.recordId)).toBe('accepted');
    expect(
      db.prepare('SELECT cause FROM creator_stage_moves WHERE creator_id = ?').pluck().get(a.recordId),
    ).toBe('merge');
    expect(() => identity.merge(a.creatorId, b.recordId, now())).toThrow(/already one creator/);

    const split = identity.split(b.recordId, now());
    expect(split).toEqual({ creatorId: b.recordId, formerCreatorId: a.recordId });
    expect(identity.recordsOf(a.recordId)).toEqual([a.recordId]);
    expect(identity.recordsOf(b.recordId)).toEqual([b.recordId]);
    expect(db.prepare('SELECT creator_id FROM creator_notes').pluck().get()).toBe(b.recordId);
    expect(db.prepare('SELECT stage FROM creators WHERE id = ?').pluck().get(b.recordId)).toBe('accepted');
    // What the merge itself wrote on the kept record goes back too, and the history says why.
    expect(db.prepare('SELECT stage FROM creators WHERE id = ?').pluck().get(a.recordId)).toBe('new');
    expect(
      db
        .prepare(
          'SELECT from_stage, to_stage, cause FROM creator_stage_moves WHERE creator_id = ? ORDER BY id',
        )
        .all(a.recordId),
    ).toEqual([
      { from_stage: 'new', to_stage: 'accepted', cause: 'merge' },
      { from_stage: 'accepted', to_stage: 'new', cause: 'split' },
    ]);
    const history = db.prepare('SELECT merged_id, split_at IS NOT NULL AS split FROM creator_merges').all();
    expect(history).toEqual([{ merged_id: b.recordId, split: 1 }]);
    expect(() => identity.split(b.recordId, now())).toThrow(/not merged/);
    // New sightings of either id land on their own creator again.
    expect(resolve({ openId: 'OB' }).creatorId).toBe(b.recordId);
  });

  it('a split gives back the score by hand the merge took, but keeps what changed while merged', () => {
    const stateOf = (id: number) =>
      db.prepare('SELECT stage, score_override, score_override_reason FROM creators WHERE id = ?').get(id);
    const a = resolve({ openId: 'OA' });
    const b = resolve({ openId: 'OB' });
    db.prepare(
      `UPDATE creators SET stage = 'invited', score_override = 90, score_override_reason = 'great', score_override_at = 5
       WHERE id = ?`,
    ).run(b.recordId);
    identity.merge(a.creatorId, b.creatorId, now());
    expect(stateOf(a.recordId)).toEqual({
      stage: 'invited',
      score_override: 90,
      score_override_reason: 'great',
    });
    identity.split(b.recordId, now());
    expect(stateOf(a.recordId)).toEqual({ stage: 'new', score_override: null, score_override_reason: null });
    expect(stateOf(b.recordId)).toEqual({
      stage: 'invited',
      score_override: 90,
      score_override_reason: 'great',
    });

    // Merged again; this time the merchant moves the stage and sets another score before splitting.
    identity.merge(a.creatorId, b.creatorId, now());
    db.prepare(
      `INSERT INTO creator_stage_moves (creator_id, from_stage, to_stage, cause, ref, moved_at)
       VALUES (?, 'invited', 'accepted', 'manual', NULL, ?)`,
    ).run(a.recordId, now());
    db.prepare(
      `UPDATE creators SET stage = 'accepted', score_override = 70, score_override_reason = 'mine' WHERE id = ?`,
    ).run(a.recordId);
    identity.split(b.recordId, now());
    expect(stateOf(a.recordId)).toEqual({
      stage: 'accepted',
      score_override: 70,
      score_override_reason: 'mine',
    });
  });

  it('splitting a record takes the records merged into it along', () => {
    const a = resolve({ openId: 'A' });
    const b = resolve({ openId: 'B' });
    const c = resolve({ openId: 'C' });
    identity.merge(b.creatorId, c.creatorId, now());
    identity.merge(a.creatorId, b.creatorId, now());
    expect(identity.recordsOf(c.recordId)).toEqual([a.recordId, b.recordId, c.recordId]);
    identity.split(b.recordId, now());
    expect(identity.recordsOf(a.recordId)).toEqual([a.recordId]);
    expect(identity.recordsOf(c.recordId)).toEqual([b.recordId, c.recordId]);
  });

  it('marks every creator it touches for re-indexing', () => {
    db.prepare('DELETE FROM creator_dirty').run();
    const a = resolve({ openId: 'D1' });
    expect(db.prepare('SELECT creator_id FROM creator_dirty').pluck().all()).toEqual([a.creatorId]);
  });
});
