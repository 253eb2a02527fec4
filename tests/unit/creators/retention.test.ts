import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/connection';
import { CreatorIdentity } from '../../../src-main/creators/identity';
import { eraseCreatorCrm } from '../../../src-main/creators/retention';
import { financeCutoff, purgeAccount } from '../../../src-main/privacy/account-purge';
import { memoryDbWithAccount } from '../../helpers/sync-rows';

let db: Database;
let identity: CreatorIdentity;

beforeEach(() => {
  db = memoryDbWithAccount('acct-1', 'shop-1');
  db.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
     VALUES ('acct-2', 'shop', 'active', 'r2', 'Other', 1, 1)`,
  ).run();
  identity = new CreatorIdentity(db);
});
afterEach(() => db.close());

function seen(accountId: string, openId: string): number {
  return identity.resolve(
    { openId, handle: openId.toLowerCase() },
    { origin: 'sync', place: { accountId, shopId: `shop-of-${accountId}`, source: 'collaboration' }, now: 1 },
  )!.creatorId;
}

const alive = (): string[] =>
  db
    .prepare('SELECT open_id FROM creators WHERE open_id IS NOT NULL ORDER BY open_id')
    .pluck()
    .all() as string[];

describe("purging an Account keeps the merchant's own data", () => {
  it('deletes only creators nothing keeps: not those another Account saw, wrote about, imported or listed', () => {
    seen('acct-1', 'GONE');
    seen('acct-1', 'BOTH');
    seen('acct-2', 'BOTH');
    const noted = seen('acct-1', 'NOTED');
    db.prepare(
      `INSERT INTO creator_notes (creator_id, body, created_at, updated_at) VALUES (?, 'great', 1, 1)`,
    ).run(noted);
    const tagged = seen('acct-1', 'TAGGED');
    db.prepare(`INSERT INTO tags (id, name, created_at) VALUES (1, 'vip', 1)`).run();
    db.prepare(`INSERT INTO creator_tags VALUES (?, 1, 1)`).run(tagged);
    const staged = seen('acct-1', 'STAGED');
    db.prepare(
      `INSERT INTO creator_stage_moves (creator_id, from_stage, to_stage, cause, moved_at) VALUES (?, 'new', 'declined', 'manual', 1)`,
    ).run(staged);
    const autoStaged = seen('acct-1', 'AUTOSTAGED');
    db.prepare(
      `INSERT INTO creator_stage_moves (creator_id, from_stage, to_stage, cause, moved_at) VALUES (?, 'new', 'active', 'affiliate_order', 1)`,
    ).run(autoStaged);
    const blocked = seen('acct-1', 'BLOCKED');
    db.prepare(`INSERT INTO creator_blocklist VALUES (?, 'spam', 1)`).run(blocked);
    identity.resolve({ openId: 'IMPORTED' }, { origin: 'import', now: 1 });
    // A table another module adds later (private contacts) keeps its creators without changes to the purge.
    db.exec(
      `CREATE TABLE test_contacts (creator_id INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE)`,
    );
    const contacted = seen('acct-1', 'CONTACT');
    db.prepare('INSERT INTO test_contacts VALUES (?)').run(contacted);
    // A merged creator goes or stays whole: here its other record carries a note.
    const mergedA = seen('acct-1', 'MERGED_A');
    const mergedB = seen('acct-1', 'MERGED_B');
    identity.merge(mergedA, mergedB, 2);
    db.prepare(
      `INSERT INTO creator_notes (creator_id, body, created_at, updated_at) VALUES (?, 'b', 1, 1)`,
    ).run(mergedB);

    purgeAccount(db, 'acct-1', financeCutoff(Date.now(), 5), Date.now());

    expect(alive()).toEqual([
      'BLOCKED',
      'BOTH',
      'CONTACT',
      'IMPORTED',
      'MERGED_A',
      'MERGED_B',
      'NOTED',
      'STAGED',
      'TAGGED',
    ]);
    expect(
      db.prepare('SELECT COUNT(*) FROM creator_sightings WHERE account_id = ?').pluck().get('acct-1'),
    ).toBe(0);
    expect(db.prepare('SELECT body FROM creator_notes ORDER BY body').pluck().all()).toEqual(['b', 'great']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('"delete all my data" erases every creator and everything written about them', () => {
    const a = seen('acct-1', 'A');
    db.prepare(
      `INSERT INTO creator_notes (creator_id, body, created_at, updated_at) VALUES (?, 'n', 1, 1)`,
    ).run(a);
    db.prepare(
      `INSERT INTO creator_lists (id, name, kind, created_at, updated_at) VALUES (1, 'L', 'static', 1, 1)`,
    ).run();
    db.prepare(`INSERT INTO creator_list_members VALUES (1, ?, 1)`).run(a);
    identity.merge(a, seen('acct-2', 'B'), 3);
    eraseCreatorCrm(db);
    for (const table of [
      'creators',
      'creator_notes',
      'creator_lists',
      'creator_list_members',
      'creator_merges',
    ]) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()).toBe(0);
    }
  });
});
