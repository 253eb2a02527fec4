import { expect, it } from 'vitest';
import { databaseBefore } from '../../helpers/migrations';

it('migration 034 keeps products and their media, adds an empty picture cache that follows its product', () => {
  const at = databaseBefore(34);
  at.db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO products (product_id, account_id, shop_id, title, status, etag, synced_at)
      VALUES ('p1', 'a1', 's1', 'Candle', 'ACTIVATE', 'e', 1);
    INSERT INTO product_media (product_id, images, attributes, fetched_at)
      VALUES ('p1', '[{"url":"https://p16-oec-va.ibyteimg.com/a","thumbUrl":null,"width":1,"height":1}]', '{}', 5);
  `);
  const db = at.upgrade();
  expect(db.prepare('SELECT product_id, title FROM products').all()).toEqual([
    { product_id: 'p1', title: 'Candle' },
  ]);
  expect(db.prepare('SELECT fetched_at FROM product_media').pluck().get()).toBe(5);
  expect(db.prepare('SELECT count(*) FROM product_image_cache').pluck().get()).toBe(0);
  db.prepare(
    `INSERT INTO product_image_cache (url_key, product_id, mime, width, height, size, bytes, fetched_at, used_at)
     VALUES ('https://p16-oec-va.ibyteimg.com/a', 'p1', 'image/png', 1, 1, 3, x'010203', 6, 6)`,
  ).run();
  db.prepare("DELETE FROM products WHERE product_id = 'p1'").run();
  expect(db.prepare('SELECT count(*) FROM product_image_cache').pluck().get()).toBe(0);
});
