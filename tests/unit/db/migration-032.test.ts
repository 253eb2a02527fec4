import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it('migration 032 keeps every Delivery and finds one by its conversation through the new index', () => {
  const at = databaseBefore(32);
  at.db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO outreaches (id, uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
      VALUES (1, 'u1', 'a1', 's1', 'Spring', 'message', 'finished', '{}', 1, 1);
    INSERT INTO deliveries (outreach_id, creator_id, creator_open_id, action, idempotency_key, state,
                            conversation_id, updated_at) VALUES
      (1, NULL, 'o1', 'message', 'u1:1:message', 'sent', 'c1', 1),
      (1, NULL, 'o2', 'message', 'u1:2:message', 'queued', NULL, 1);
  `);
  const db = at.upgrade();
  expect(db.prepare('SELECT creator_open_id, conversation_id FROM deliveries ORDER BY id').all()).toEqual([
    { creator_open_id: 'o1', conversation_id: 'c1' },
    { creator_open_id: 'o2', conversation_id: null },
  ]);
  const lookup = "SELECT creator_open_id FROM deliveries WHERE conversation_id = 'c1' AND action = 'message'";
  expect(db.prepare(lookup).pluck().get()).toBe('o1');
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${lookup}`).all() as Array<{ detail: string }>;
  expect(plan.map((p) => p.detail).join(' ')).toContain('deliveries_conversation');
});
