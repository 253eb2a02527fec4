import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../helpers/migrations';

// 002–004 only add tables; what they must not do is lose or alter the rows an install already had.
describe('migrations 002-004: new tables, earlier rows untouched', () => {
  it('002 (vault) keeps the activity log', () => {
    const at = databaseBefore(2);
    at.db
      .prepare(`INSERT INTO activity_log (at, kind, params) VALUES (?, ?, ?)`)
      .run(1_700_000_000_000, 'settings.changed', '{"keys":["language"]}');
    const db = at.upgrade(2);
    expect(db.prepare('SELECT at, kind, params FROM activity_log').all()).toEqual([
      { at: 1_700_000_000_000, kind: 'settings.changed', params: '{"keys":["language"]}' },
    ]);
    expect(db.prepare('SELECT count(*) FROM secrets').pluck().get()).toBe(0);
  });

  it('003 (accounts) keeps the vault key and the sealed secrets', () => {
    const at = databaseBefore(3);
    const blob = (n: number) => Buffer.alloc(n, 7);
    at.db
      .prepare(
        `INSERT INTO vault_keys (key_id, state, check_iv, check_tag, check_ciphertext, created_at)
         VALUES ('k1', 'current', ?, ?, ?, 1)`,
      )
      .run(blob(12), blob(16), blob(32));
    at.db
      .prepare(
        `INSERT INTO secrets (owner_id, kind, key_id, iv, tag, ciphertext, updated_at)
         VALUES ('account:1', 'access_token', 'k1', ?, ?, ?, 2)`,
      )
      .run(blob(12), blob(16), blob(40));
    const db = at.upgrade(3);
    expect(db.prepare('SELECT key_id, state, created_at FROM vault_keys').all()).toEqual([
      { key_id: 'k1', state: 'current', created_at: 1 },
    ]);
    expect(db.prepare('SELECT owner_id, kind, key_id, ciphertext FROM secrets').all()).toEqual([
      { owner_id: 'account:1', kind: 'access_token', key_id: 'k1', ciphertext: blob(40) },
    ]);
  });

  it('004 (synced data) keeps Accounts and their shops', () => {
    const at = databaseBefore(4);
    at.db
      .prepare(
        `INSERT INTO accounts (id, provider, status, remote_id, display_name, scopes, connected_at, updated_at)
         VALUES ('a1', 'shop', 'active', 'r1', 'Seller', '["seller.order.read"]', 1, 1)`,
      )
      .run();
    at.db
      .prepare(
        `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES ('s1', 'a1', 'Maple', 'GB', 'GBP', 'c1')`,
      )
      .run();
    const db = at.upgrade(4);
    expect(db.prepare('SELECT id, status, scopes FROM accounts').all()).toEqual([
      { id: 'a1', status: 'active', scopes: '["seller.order.read"]' },
    ]);
    expect(db.prepare('SELECT shop_id, account_id, region, cipher FROM shops').all()).toEqual([
      { shop_id: 's1', account_id: 'a1', region: 'GB', cipher: 'c1' },
    ]);
  });
});
