import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

/** Rows written by version 6, migrated to 7: indexes become text, run resources keep their order. */
describe('migration 007', () => {
  it('keeps conversations, messages and run history, and adds the new columns', () => {
    const at = databaseBefore(7);
    at.db.exec(`
      INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
        VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
      INSERT INTO conversations (conversation_id, account_id, shop_id, unread_count, last_index, last_message_at, synced_at)
        VALUES ('c1', 'a1', 's1', 1, 3, 100, 100);
      INSERT INTO messages (message_id, conversation_id, conversation_index, type, content, sender_id, from_creator, create_time)
        VALUES ('m1', 'c1', 2, 'TEXT', '{"content":"hi"}', 'u1', 1, 90),
               ('m2', 'c1', 3, 'TEXT', '{"content":"yo"}', 'u2', 0, 100);
      INSERT INTO products (product_id, account_id, shop_id, title, status, inventory, sku_count, etag, synced_at)
        VALUES ('p1', 'a1', 's1', 'Socks', 'ACTIVATE', 5, 1, 'e', 1);
      INSERT INTO product_skus (sku_id, product_id, inventory) VALUES ('k1', 'p1', 5);
      INSERT INTO sync_runs (id, account_id, trigger, resources, started_at, outcome)
        VALUES ('run1', 'a1', 'manual', '[]', 1, 'ok');
      INSERT INTO sync_run_resources (run_id, scope, resource, pages, inserted, updated, duration_ms, outcome, error)
        VALUES ('run1', 's1', 'orders', 2, 5, 0, 10, 'ok', NULL),
               ('run1', 's1', 'products', 1, 1, 0, 5, 'failed', 'boom');
    `);

    // To 7 itself: later migrations (008 turns stored errors into texts) are theirs to test.
    const db = at.upgrade(7);
    expect(db.prepare('SELECT last_index, typeof(last_index) AS t FROM conversations').get()).toEqual({
      last_index: '3',
      t: 'text',
    });
    expect(
      db.prepare('SELECT message_id, conversation_index FROM messages ORDER BY message_id').all(),
    ).toEqual([
      { message_id: 'm1', conversation_index: '2' },
      { message_id: 'm2', conversation_index: '3' },
    ]);
    // Resources in the order they ran, and the new outcome allowed.
    expect(
      db.prepare('SELECT resource, outcome, error FROM sync_run_resources ORDER BY rowid').all(),
    ).toEqual([
      { resource: 'orders', outcome: 'ok', error: null },
      { resource: 'products', outcome: 'failed', error: 'boom' },
    ]);
    db.prepare(
      `INSERT INTO sync_run_resources (run_id, scope, resource, outcome) VALUES ('run1', 's1', 'conversations', 'partial')`,
    ).run();
    expect(db.prepare('SELECT audit_status, has_draft FROM products').get()).toEqual({
      audit_status: null,
      has_draft: null,
    });
    expect(db.prepare('SELECT status, deactivation_source FROM product_skus').get()).toEqual({
      status: null,
      deactivation_source: null,
    });
    db.prepare(
      `INSERT INTO sync_quarantine (run_id, account_id, scope, resource, record_key, issues, raw, stored, created_at)
       VALUES ('run1', 'a1', 's1', 'conversations', 'm9', '[]', '{}', 0, 1)`,
    ).run();
    // The quarantine goes with its run.
    db.prepare(`DELETE FROM sync_runs WHERE id = 'run1'`).run();
    expect(db.prepare('SELECT COUNT(*) FROM sync_quarantine').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
