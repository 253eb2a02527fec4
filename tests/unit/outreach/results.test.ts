import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { outreachResults } from '../../../src-main/outreach/results';

describe('outreach results', () => {
  it('count acceptances, content, replies and attributed sales per product from the synced rows', () => {
    const db = openDatabase(':memory:');
    db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO products (product_id, account_id, shop_id, title, status, etag, synced_at, create_time, update_time)
        VALUES ('p1', 'a1', 's1', 'Moss lamp', 'ACTIVATE', 'e', 1, 1, 1);
      -- Creator 2 is a second record of creator 1 (merged); 3 and 4 are others.
      INSERT INTO creators (id, canonical_id, open_id, handle, first_seen_at, updated_at) VALUES
        (1, 1, 'o1', 'one', 1, 1), (2, 1, NULL, 'one_old', 1, 1), (3, 3, 'o3', 'three', 1, 1), (4, 4, 'o4', 'four', 1, 1),
        (5, 5, 'o5', 'five', 1, 1), (6, 6, 'o6', 'six', 1, 1);
      INSERT INTO outreaches (id, uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
        VALUES (1, 'u1', 'a1', 's1', 'Spring', 'both', 'finished',
                '{"products":[{"productId":"p1","commissionBp":1500},{"productId":"p2","commissionBp":1500}]}', 1, 1);
      INSERT INTO sync_runs (id, account_id, trigger, resources, started_at, finished_at, outcome) VALUES
        ('r1', 'a1', 'manual', '[]', 400, 500, 'ok'), ('r2', 'a1', 'manual', '[]', 600, 700, 'failed');
      INSERT INTO outreach_batches VALUES (1, 1, 'Spring · SM-u1-1', 'col1', 1);
      INSERT INTO deliveries (outreach_id, creator_id, creator_open_id, action, idempotency_key, state, remote_id,
                              conversation_id, sending_at, updated_at) VALUES
        (1, 1, 'o1', 'invite', 'u1:1:invite', 'sent', 'col1', NULL, 100, 1),
        (1, 3, 'o3', 'invite', 'u1:3:invite', 'sent', 'col1', NULL, 100, 1),
        (1, 4, 'o4', 'invite', 'u1:4:invite', 'skipped', NULL, NULL, NULL, 1),
        (1, 1, 'o1', 'message', 'u1:1:message', 'sent', 'm1', 'c1', 100, 1),
        (1, 3, 'o3', 'message', 'u1:3:message', 'sent', 'm3', 'c3', 100, 1);
      INSERT INTO collaborations (collaboration_id, account_id, shop_id, name, etag, synced_at)
        VALUES ('col1', 'a1', 's1', 'Spring · SM-u1-1', 'e', 500), ('other', 'a1', 's1', 'Other', 'e', 1);
      -- Creator 1 (as record 2) showcased and posted one of the two products, and sells p1 through a video;
      -- creator 3 did nothing; creator 5 showcased both and posted both; creator 6 showcased one and sold
      -- nothing (TikTok does not say which); creator 4 is in another collaboration.
      INSERT INTO collaboration_creators VALUES ('col1', 2, 1, 1, NULL, 1), ('col1', 3, 0, 0, NULL, 0),
                                                ('col1', 5, 2, 2, NULL, 1), ('col1', 6, 1, 0, NULL, 1),
                                                ('other', 4, 1, 1, NULL, 1);
      INSERT INTO conversations (conversation_id, account_id, shop_id, creator_id, synced_at)
        VALUES ('c1', 'a1', 's1', 1, 1), ('c3', 'a1', 's1', 3, 1);
      -- Creator 3 wrote before the message (an old thread) and creator 1 after it.
      INSERT INTO messages (message_id, conversation_id, conversation_index, type, content, from_creator, create_time)
        VALUES ('old', 'c3', '1', 'TEXT', '{}', 1, 50), ('r1', 'c1', '2', 'TEXT', '{}', 1, 150);
      INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, currency,
                                    gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at) VALUES
        ('o-1', 'a1', 's1', 'COMPLETED', 600, 1, 'USD', 5000, 750, 750, 'e', 1),
        ('o-2', 'a1', 's1', 'PROCESSING', 700, 1, 'USD', 2500, 375, 0, 'e', 1),
        ('o-3', 'a1', 's1', 'CANCELLED', 800, 1, 'USD', 2500, 375, 0, 'e', 1),
        ('o-4', 'a1', 's1', 'COMPLETED', 900, 4, 'USD', 9900, 990, 990, 'e', 1);
      INSERT INTO affiliate_order_skus (order_id, idx, product_id, quantity, currency, price_minor, content_type,
                                        target_collaboration_id, est_commission_minor, actual_commission_minor, refunded_quantity) VALUES
        ('o-1', 0, 'p1', 2, 'USD', 2500, 'VIDEO', 'col1', 750, 750, 1),
        ('o-2', 0, 'p1', 1, 'USD', 2500, 'SHOP', 'col1', 375, 0, 0),
        ('o-3', 0, 'p1', 1, 'USD', 2500, NULL, 'col1', 375, 0, 0),
        ('o-4', 0, 'p1', 1, 'USD', 9900, 'VIDEO', 'other', 990, 990, 0);
    `);
    expect(outreachResults(db, 1)).toEqual({
      outreachId: 1,
      invited: 2,
      accepted: 3,
      posted: 2,
      partlyShowcased: 1,
      messaged: 2,
      replied: 1,
      products: [
        {
          productId: 'p1',
          title: 'Moss lamp',
          // Creator 5 (all products) and creator 1 (an order of p1, through a video).
          accepted: 2,
          posted: 2,
          sellingCreators: 1,
          orders: 2,
          units: 2,
          gmv: [{ currency: 'USD', amountMinor: 7500 }],
          commission: [{ currency: 'USD', amountMinor: 1125 }],
        },
        {
          productId: 'p2',
          title: null,
          accepted: 1,
          posted: 1,
          sellingCreators: 0,
          orders: 0,
          units: 0,
          gmv: [],
          commission: [],
        },
      ],
      syncedAt: 500,
    });
    expect(() => outreachResults(db, 9)).toThrow(/does not exist/);
  });
});
