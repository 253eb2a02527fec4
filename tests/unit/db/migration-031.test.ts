import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it('migration 031 keeps Deliveries and templates, never retried and naming no card product', () => {
  const at = databaseBefore(31);
  at.db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO templates (id, name, kind, language, message_type, body, created_at, updated_at)
      VALUES (1, 'Card', 'message', 'en', 'PRODUCT_CARD', '', 1, 1), (2, 'Hi', 'message', 'en', 'TEXT', 'Hi', 1, 1);
    INSERT INTO outreaches (id, uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
      VALUES (1, 'u1', 'a1', 's1', 'Spring', 'message', 'finished', '{}', 1, 1);
    INSERT INTO deliveries (id, outreach_id, creator_open_id, action, idempotency_key, state, reason, attempts, updated_at)
      VALUES (1, 1, 'o1', 'message', 'u1:1:message', 'failed', 'too_many_attempts', 8, 5),
             (2, 1, 'o2', 'message', 'u1:2:message', 'sent', NULL, 1, 6);
  `);
  const db = at.upgrade();
  expect(
    db.prepare('SELECT id, state, reason, attempts, retries, retried_at FROM deliveries ORDER BY id').all(),
  ).toEqual([
    { id: 1, state: 'failed', reason: 'too_many_attempts', attempts: 8, retries: 0, retried_at: null },
    { id: 2, state: 'sent', reason: null, attempts: 1, retries: 0, retried_at: null },
  ]);
  expect(db.prepare('SELECT id, message_type, product_id FROM templates ORDER BY id').all()).toEqual([
    { id: 1, message_type: 'PRODUCT_CARD', product_id: null },
    { id: 2, message_type: 'TEXT', product_id: null },
  ]);
});
