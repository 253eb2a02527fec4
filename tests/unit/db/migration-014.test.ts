import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';
import { financeCutoff, purgeAccount } from '../../../src-main/privacy/account-purge';

describe('migration 014 (creator sources)', () => {
  it('keeps creators and sightings; samples go with their Account, the merchant’s own data does not', () => {
    const at = databaseBefore(14);
    const old = at.db;
    old.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'US', 'US', 'USD', 'c');
      INSERT INTO creators (id, canonical_id, open_id, handle, nickname, first_seen_at, updated_at)
        VALUES (1, 1, 'o1', 'seen_by_sync', '小美 💄', 1, 1), (2, 2, NULL, 'imported_one', 'Imp', 1, 1),
               (3, 3, NULL, 'with_contact', 'Con', 1, 1);
      INSERT INTO creator_sightings (creator_id, account_id, shop_id, source, first_seen_at, last_seen_at)
        VALUES (1, 'a1', 's1', 'collaboration', 1, 1);
    `);
    const db = at.upgrade();
    expect(db.prepare('SELECT id, nickname FROM creators ORDER BY id').all()).toEqual([
      { id: 1, nickname: '小美 💄' },
      { id: 2, nickname: 'Imp' },
      { id: 3, nickname: 'Con' },
    ]);
    db.exec(`
      INSERT INTO creator_origins (creator_id, source, first_at, last_at) VALUES (2, 'import', 1, 1);
      INSERT INTO creator_contacts (creator_id, email, updated_at) VALUES (3, x'01', 1);
      INSERT INTO sample_applications (application_id, account_id, shop_id, creator_id, status, first_seen_at,
        status_since, etag, synced_at) VALUES ('app1', 'a1', 's1', 1, 'PENDING', 1, 1, 'e', 1);
      INSERT INTO sample_reviews (application_id, account_id, shop_id, decision, state, requested_at)
        VALUES ('app1', 'a1', 's1', 'APPROVE', 'done', 1);
      INSERT INTO marketplace_creator_stats (creator_id, shop_id, account_id, followers) VALUES (1, 's1', 'a1', 900);
      INSERT INTO marketplace_quota (shop_id, api, day, account_id, used) VALUES ('s1', 'search', '2026-01-01', 'a1', 3);
      INSERT INTO marketplace_saved_searches (name, shop_id, filters, page_size, max_pages, created_at, updated_at)
        VALUES ('Beauty', 's1', '{}', 20, 5, 1, 1);
    `);
    expect(() =>
      db.exec(
        `INSERT INTO creator_origins (creator_id, source, first_at, last_at) VALUES (1, 'rumour', 1, 1)`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO marketplace_saved_searches (name, shop_id, filters, page_size, max_pages, created_at, updated_at)
         VALUES ('Odd', 's1', '{}', 15, 5, 1, 1)`,
      ),
    ).toThrow(/CHECK/);

    // The Account purge privacy runs on disconnect and retention, driven from the schema.
    purgeAccount(db, 'a1', financeCutoff(Date.now(), 5), Date.now());
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    for (const table of [
      'sample_applications',
      'sample_reviews',
      'marketplace_creator_stats',
      'marketplace_quota',
    ])
      expect(count(table), table).toBe(0);
    // Seen only by the purged Account: gone. Imported or given a contact: the merchant's, kept.
    expect(db.prepare('SELECT id FROM creators ORDER BY id').pluck().all()).toEqual([2, 3]);
    expect(count('marketplace_saved_searches')).toBe(1);
    db.close();
  });
});
