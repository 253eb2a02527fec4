import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { CreatorIdentity } from '../../../src-main/creators/identity';
import { CreatorExtensions } from '../../../src-main/creators/extensions';
import { creatorTimeline } from '../../../src-main/creators/timeline';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
let identity: CreatorIdentity;
let clock = 1_000;
const now = (): number => (clock += 1_000);
const place = { accountId: 'acct-1', shopId: 'shop-1', source: 'collaboration' as const };
const resolve = (s: Parameters<CreatorIdentity['resolve']>[0]) =>
  identity.resolve(s, { origin: 'sync', place, now: now() })!;
const titles = (creatorId: number, kind: 'merge' | 'split'): Array<string | null> =>
  creatorTimeline(db, new CreatorExtensions(), creatorId, identity.recordsOf(creatorId), {
    id: creatorId,
    kinds: [kind],
  }).items.map((e) => e.title);

beforeEach(() => {
  db = memoryDbWithAccount();
  identity = new CreatorIdentity(db);
});
afterEach(() => db.close());

describe('merges in the creator history', () => {
  it('name the merged creator by the handle it had when merged, not by a record number', () => {
    const a = resolve({ openId: 'OA', handle: 'anna', nickname: 'Anna' });
    const b = resolve({ openId: 'OB', handle: 'anna_shop', nickname: 'Anna Shop' });
    const kept = identity.merge(a.creatorId, b.creatorId, now());
    // A later rename of the merged record does not rewrite what the merchant merged.
    db.prepare(`UPDATE creators SET handle = 'renamed' WHERE id = ?`).run(b.recordId);
    expect(titles(kept, 'merge')).toEqual(['@anna_shop']);
    identity.split(b.recordId, now());
    expect(titles(a.creatorId, 'split')).toEqual(['@anna_shop']);
  });

  it('fall back to the nickname, then to the record, when the merge stored no handle', () => {
    const a = resolve({ openId: 'OA', handle: 'anna' });
    const b = resolve({ openId: 'OB', nickname: 'Bea' });
    const kept = identity.merge(a.creatorId, b.creatorId, now());
    expect(titles(kept, 'merge')).toEqual(['Bea']);
    // A merge written before names were stored: the merged record's own handle.
    db.prepare(`UPDATE creator_merges SET evidence = '{}'`).run();
    db.prepare(`UPDATE creators SET handle = 'bea_now' WHERE id = ?`).run(b.recordId);
    expect(titles(kept, 'merge')).toEqual(['@bea_now']);
  });
});
