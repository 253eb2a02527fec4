import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

describe('migration 022 (follow-up steps and inbox quick replies)', () => {
  it('keeps every Delivery as a first contact (step 0) and adds the quick-reply table', () => {
    const at = databaseBefore(22);
    at.db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Sunny US', 1, 1);
      INSERT INTO outreaches (id, uid, account_id, shop_id, name, action, status, settings, created_at, updated_at)
        VALUES (1, 'u1', 'a1', 's1', 'Spring', 'both', 'running', '{}', 1, 1);
      INSERT INTO deliveries (id, outreach_id, creator_open_id, action, idempotency_key, state, text, updated_at)
        VALUES (1, 1, 'O1', 'invite', 'u1:1:invite', 'sent', NULL, 2),
               (2, 1, 'O1', 'message', 'u1:1:message', 'queued', 'Hi', 3);
    `);
    const db = at.upgrade();
    expect(db.prepare('SELECT id, state, text, step FROM deliveries ORDER BY id').all()).toEqual([
      { id: 1, state: 'sent', text: null, step: 0 },
      { id: 2, state: 'queued', text: 'Hi', step: 0 },
    ]);
    db.prepare(
      `INSERT INTO inbox_replies (account_id, shop_id, conversation_id, idempotency_key, text, state, sending_at, updated_at)
       VALUES ('a1', 's1', 'c1', 'k1', 'Thanks!', 'sending', 5, 5)`,
    ).run();
    // One click, one reply: the key is unique.
    expect(() =>
      db
        .prepare(
          `INSERT INTO inbox_replies (account_id, shop_id, conversation_id, idempotency_key, text, state, sending_at, updated_at)
           VALUES ('a1', 's1', 'c1', 'k1', 'Thanks!', 'sending', 6, 6)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM deliveries WHERE state = 'queued' AND step > 0`)
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    expect(plan).toMatch(/deliveries_followups/);
  });
});
