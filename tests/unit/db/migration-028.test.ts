import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it('migration 028 keeps synced collaborations and adds their products, unknown until the next sync', () => {
  const at = databaseBefore(28);
  at.db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO collaborations (collaboration_id, account_id, shop_id, status, name, product_count, etag, synced_at)
      VALUES ('k1', 'a1', 's1', 'VALID', 'Spring', 2, 'e', 1);
  `);
  const db = at.upgrade();
  expect(db.prepare('SELECT collaboration_id, name, product_count FROM collaborations').all()).toEqual([
    { collaboration_id: 'k1', name: 'Spring', product_count: 2 },
  ]);
  expect(db.prepare('SELECT count(*) FROM collaboration_products').pluck().get()).toBe(0);
  db.prepare("INSERT INTO collaboration_products VALUES ('k1', 'p1')").run();
  db.prepare("DELETE FROM collaborations WHERE collaboration_id = 'k1'").run();
  expect(db.prepare('SELECT count(*) FROM collaboration_products').pluck().get()).toBe(0);
});
