import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it('migration 036 keeps products, adds an empty category table whose rows follow their product', () => {
  const at = databaseBefore(36);
  at.db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO products (product_id, account_id, shop_id, title, status, update_time, etag, synced_at)
      VALUES ('p1', 'a1', 's1', 'Lip balm', 'ACTIVATE', 7, 'e', 1);
  `);
  const db = at.upgrade();
  expect(db.prepare('SELECT product_id, title, update_time FROM products').all()).toEqual([
    { product_id: 'p1', title: 'Lip balm', update_time: 7 },
  ]);
  expect(db.prepare('SELECT count(*) FROM product_categories').pluck().get()).toBe(0);
  db.prepare(
    `INSERT INTO product_categories (product_id, chain, update_time, fetched_at)
     VALUES ('p1', '[{"id":"601152","name":"Beauty & Personal Care"}]', 7, 8)`,
  ).run();
  db.prepare("DELETE FROM products WHERE product_id = 'p1'").run();
  expect(db.prepare('SELECT count(*) FROM product_categories').pluck().get()).toBe(0);
});
