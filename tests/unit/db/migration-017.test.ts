import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';
import { purgeAccountOutreach } from '../../../src-main/outreach/purge';

describe('migration 017 (outreach)', () => {
  it('keeps creators and accounts, adds the outreach tables owned by the Account', () => {
    const at = databaseBefore(17);
    const old = at.db;
    old.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO creators (id, canonical_id, open_id, handle, first_seen_at, updated_at) VALUES (1, 1, 'o1', 'ana', 1, 1);
    `);
    const db = at.upgrade();
    expect(db.prepare('SELECT open_id FROM creators').pluck().all()).toEqual(['o1']);
    db.exec(`
      INSERT INTO outreaches (id, uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
        VALUES (1, 'u1', 'a1', 's1', 'Spring', 'invite', 'draft', '{}', 1, 1);
      INSERT INTO deliveries (outreach_id, creator_id, creator_open_id, action, idempotency_key, state, updated_at)
        VALUES (1, 1, 'o1', 'invite', 'u1:1:invite', 'queued', 1);
    `);
    expect(() =>
      db.exec(`INSERT INTO deliveries (outreach_id, creator_open_id, action, idempotency_key, state, updated_at)
               VALUES (1, 'o1', 'invite', 'u1:1:invite', 'queued', 1)`),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(`INSERT INTO deliveries (outreach_id, creator_open_id, action, idempotency_key, state, updated_at)
               VALUES (1, 'o1', 'invite', 'k2', 'lost', 1)`),
    ).toThrow(/CHECK/);
    // A creator purged with its Account's data leaves the Delivery's history (open id, state) in place.
    db.exec(`DELETE FROM creators`);
    expect(db.prepare('SELECT creator_id, state FROM deliveries').get()).toEqual({
      creator_id: null,
      state: 'queued',
    });
    // "Delete my data" for the Account takes its Outreaches, pool counts, privacy refusals and own templates.
    db.exec(`
      INSERT INTO outreach_pool VALUES ('a1', 's1', 0, 'o1');
      INSERT INTO outreach_pool_exhausted VALUES ('a1', 's1', 0, 1);
      INSERT INTO creator_privacy_refusals VALUES ('a1', 's1', 'o1', 1);
      INSERT INTO templates (account_id, name, kind, language, body, created_at, updated_at)
        VALUES ('a1', 'Own', 'message', 'en', 'Hi', 1, 1), (NULL, 'Shared', 'message', 'en', 'Hi', 1, 1);
    `);
    purgeAccountOutreach(db, 'a1');
    for (const table of [
      'outreaches',
      'deliveries',
      'outreach_pool',
      'outreach_pool_exhausted',
      'creator_privacy_refusals',
    ])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    expect(db.prepare('SELECT name FROM templates').pluck().all()).toEqual(['Shared']);
    db.close();
  });
});
