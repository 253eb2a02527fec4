import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

describe('migration 013 (creator CRM)', () => {
  it('rebuilds creators without losing a row or a reference to one', () => {
    const at = databaseBefore(13);
    at.db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Shop', 1, 1);
      INSERT INTO creators (id, open_id, im_id, handle, nickname, region, first_seen_at, updated_at)
        VALUES (7, 'OPEN7', NULL, 'alice', 'Alice 爱丽丝', 'US', 100, 200),
               (9, NULL, 'IM9', 'bob', NULL, NULL, 150, 250);
      INSERT INTO creator_sightings VALUES (7, 'a1', 's1', 'collaboration', 100, 200),
                                           (9, 'a1', 's1', 'conversation', 150, 250);
      INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, creator_handle,
        currency, gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
        VALUES ('AO1', 'a1', 's1', 'COMPLETED', 1, 7, 'alice', 'USD', 1000, 100, 100, 'e', 1);
      INSERT INTO collaborations (collaboration_id, account_id, shop_id, name, etag, synced_at)
        VALUES ('C1', 'a1', 's1', 'Spring', 'e', 1);
      INSERT INTO collaboration_creators (collaboration_id, creator_id, showcase_product_count, accepted)
        VALUES ('C1', 7, 2, 1);
      INSERT INTO conversations (conversation_id, account_id, shop_id, creator_id, synced_at)
        VALUES ('V1', 'a1', 's1', 9, 1);
    `);
    const db = at.upgrade();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(
      db
        .prepare(
          'SELECT id, canonical_id, merged_into, open_id, im_id, handle, nickname, origin, stage FROM creators ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 7,
        canonical_id: 7,
        merged_into: null,
        open_id: 'OPEN7',
        im_id: null,
        handle: 'alice',
        nickname: 'Alice 爱丽丝',
        origin: 'sync',
        stage: 'new',
      },
      {
        id: 9,
        canonical_id: 9,
        merged_into: null,
        open_id: null,
        im_id: 'IM9',
        handle: 'bob',
        nickname: null,
        origin: 'sync',
        stage: 'new',
      },
    ]);
    expect(db.prepare('SELECT creator_id, source FROM creator_sightings ORDER BY creator_id').all()).toEqual([
      { creator_id: 7, source: 'collaboration' },
      { creator_id: 9, source: 'conversation' },
    ]);
    expect(db.prepare('SELECT creator_id FROM affiliate_orders').pluck().get()).toBe(7);
    expect(db.prepare('SELECT creator_id FROM collaboration_creators').pluck().get()).toBe(7);
    expect(db.prepare('SELECT creator_id FROM conversations').pluck().get()).toBe(9);
    expect(db.prepare('SELECT creator_id, handle FROM creator_handles ORDER BY creator_id').all()).toEqual([
      { creator_id: 7, handle: 'alice' },
      { creator_id: 9, handle: 'bob' },
    ]);
    // Every creator waits to be indexed; the handle is no longer unique (handles are reused).
    expect(db.prepare('SELECT creator_id FROM creator_dirty ORDER BY 1').pluck().all()).toEqual([7, 9]);
    db.prepare(
      `INSERT INTO creators (canonical_id, open_id, handle, first_seen_at, updated_at) VALUES (0, 'OTHER', 'alice', 1, 1)`,
    ).run();
    // Foreign keys are enforced again after the rebuild.
    expect(() =>
      db
        .prepare(
          `INSERT INTO creator_notes (creator_id, body, created_at, updated_at) VALUES (999, 'x', 1, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
