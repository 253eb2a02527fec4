import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it('migration 026 keeps creators and affiliate SKUs and indexes merged records and attributed SKUs', () => {
  const at = databaseBefore(26);
  at.db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('acct-1', 'shop', 'active', 'r', 'Shop', 1, 1);
    INSERT INTO creators (id, canonical_id, merged_into, handle, first_seen_at, updated_at)
      VALUES (1, 1, NULL, 'maple', 1, 1), (2, 1, 1, 'maple_uk', 1, 1), (3, 3, NULL, 'birch', 1, 1);
    INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, creator_handle,
        currency, gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
      VALUES ('A1', 'acct-1', 'shop-1', 'COMPLETED', 1, 2, 'maple_uk', 'USD', 100, 10, 0, '', 0);
    INSERT INTO affiliate_order_skus (order_id, idx, product_id, quantity, currency, price_minor,
        target_collaboration_id, open_collaboration_id, est_commission_minor, actual_commission_minor)
      VALUES ('A1', 0, 'P1', 1, 'USD', 100, 'T1', NULL, 10, 0), ('A1', 1, 'P2', 1, 'USD', 50, NULL, 'O1', 5, 0);
  `);
  const db = at.upgrade();
  expect(db.prepare('SELECT id, canonical_id, merged_into FROM creators ORDER BY id').all()).toEqual([
    { id: 1, canonical_id: 1, merged_into: null },
    { id: 2, canonical_id: 1, merged_into: 1 },
    { id: 3, canonical_id: 3, merged_into: null },
  ]);
  const plan = (sql: string): string =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join('\n');
  expect(
    plan('SELECT canonical_id, COUNT(*) FROM creators WHERE merged_into IS NOT NULL GROUP BY canonical_id'),
  ).toContain('creators_merged_groups');
  expect(plan("SELECT order_id FROM affiliate_order_skus WHERE target_collaboration_id = 'T1'")).toContain(
    'affiliate_order_skus_target',
  );
  expect(plan("SELECT order_id FROM affiliate_order_skus WHERE open_collaboration_id = 'O1'")).toContain(
    'affiliate_order_skus_open',
  );
  expect(
    db
      .prepare(
        'SELECT order_id, idx, target_collaboration_id, open_collaboration_id FROM affiliate_order_skus',
      )
      .all(),
  ).toEqual([
    { order_id: 'A1', idx: 0, target_collaboration_id: 'T1', open_collaboration_id: null },
    { order_id: 'A1', idx: 1, target_collaboration_id: null, open_collaboration_id: 'O1' },
  ]);
});
