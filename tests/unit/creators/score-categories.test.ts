import { expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { ProductCategories, merchantCategories } from '../../../src-main/creators/score-categories';
import { openDatabase } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import type { ProductDetail } from '../../../src-main/tiktok/shop/product-detail';

/** Two shops of one Account, two products each; Get Product played by the test. */
function setup() {
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
      VALUES ('a1', 'shop', 'active', 'r1', 'Seller', 1, 1);
    INSERT INTO shops (shop_id, account_id, name, region, currency, cipher)
      VALUES ('s1', 'a1', 'US shop', 'US', 'USD', 'c1'), ('s2', 'a1', 'UK shop', 'GB', 'GBP', 'c2');
    INSERT INTO products (product_id, account_id, shop_id, title, status, update_time, etag, synced_at) VALUES
      ('p1', 'a1', 's1', 'Gone at TikTok', 'ACTIVATE', 9, 'e', 1),
      ('p2', 'a1', 's1', 'Lip balm', 'ACTIVATE', 5, 'e', 1),
      ('p3', 'a1', 's2', 'Mug', 'ACTIVATE', 9, 'e', 1),
      ('p4', 'a1', 's2', 'Plate', 'ACTIVATE', 5, 'e', 1);
  `);
  const asked: string[] = [];
  let offline = true;
  // The call to TikTok is a closure over the product id: the fake names the product by the order a shop's
  // products are asked in (each shop's not yet asked, by id), which is the order the pass reads them.
  const api = {
    call: async <T>(shopId: string, _call: unknown): Promise<T> => {
      const productId = (['p1', 'p2', 'p3', 'p4'] as const).find(
        (p) => !asked.includes(`${shopId}/${p}`) && (shopId === 's1' ? p < 'p3' : p >= 'p3'),
      )!;
      asked.push(`${shopId}/${productId}`);
      if (productId === 'p1') throw new AppError('REMOTE', 'Product not found', { remoteCode: 12052048 });
      if (shopId === 's2' && offline) throw new AppError('OFFLINE', 'TikTok cannot be reached');
      const detail: Pick<ProductDetail, 'categoryChain'> = {
        categoryChain: [
          { id: productId === 'p2' ? '601152' : '601450', name: productId === 'p2' ? 'Beauty' : 'Home' },
        ],
      };
      return detail as T;
    },
  };
  let forgotten = 0;
  const categories = new ProductCategories({
    db,
    api,
    rules: { forgetContext: () => forgotten++ },
    logger: silentLogger(),
    now: () => 100,
  });
  return { db, categories, asked, online: () => (offline = false), forgotten: () => forgotten };
}

it('a product TikTok refuses is kept without a category; a shop that cannot be reached waits for the next pass', async () => {
  const t = setup();
  expect(await t.categories.refresh()).toBe(true);
  // Newest edits first. s1: the refused product is kept aside and the next one read; s2: stopped at its
  // first failure, its second product not asked.
  expect(t.asked).toEqual(['s1/p1', 's2/p3', 's1/p2']);
  expect(merchantCategories(t.db)).toEqual([{ id: '601152', name: 'Beauty' }]);
  expect(t.forgotten()).toBe(1);

  t.online();
  t.asked.length = 0;
  expect(await t.categories.refresh()).toBe(true);
  expect(t.asked).toEqual(['s2/p3', 's2/p4']);
  expect(merchantCategories(t.db).map((c) => c.name)).toEqual(['Beauty', 'Home']);

  // Nothing edited since: no request, nothing changed.
  t.asked.length = 0;
  expect(await t.categories.refresh()).toBe(false);
  expect(t.asked).toEqual([]);
  expect(t.forgotten()).toBe(2);
});
