import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CreatorsService } from '../../src-main/creators/service';
import { openDatabase, type Database } from '../../src-main/db/connection';
import { creatorCategories } from '../../src-main/sandbox/data/names';
import { buildWorld } from '../helpers/creator-world';
import { quietCrm } from '../helpers/quiet-crm';
import { webAppPerTest, type WebAppPerTest } from './web-app';

/** What the CRM journeys start the app with: the vault under a passphrase, so no keychain is needed. */
export const crmEnv = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-creators-passphrase',
};

/**
 * Fills `dataDir`'s database with `size` generated creators (`buildWorld`, deterministic per `seed`) plus what
 * `extra` adds through the CRM, and indexes them with the CRM's own worker, before the app starts on it.
 */
export async function seedCreators(
  dataDir: string,
  size: number,
  seed: number,
  extra: (crm: CreatorsService, now: number) => void = () => {},
): Promise<void> {
  const db = openDatabase(join(dataDir, 'shopmesh.db'));
  try {
    const now = Date.now();
    // TikTok's category ids, as the sandbox names them; the names come from the merchant's products.
    buildWorld(db, size, seed, now, { categories: creatorCategories.map((c) => c.id) });
    addCategoryProducts(db, now);
    const crm = quietCrm(db, now);
    extra(crm, now);
    await crm.worker.kick('startup');
    await crm.close();
  } finally {
    db.close();
  }
}

/**
 * One product per category in the world's US shop, whose category chain names it: the app learns category
 * names only from the merchant's own products (src-main/creators/category-names.ts).
 */
function addCategoryProducts(db: Database, now: number): void {
  const product = db.prepare(
    `INSERT INTO products (product_id, account_id, shop_id, title, status, update_time, etag, synced_at)
     VALUES (?, 'world', 'shop-us', ?, 'ACTIVATE', ?, 'e', ?)`,
  );
  const chain = db.prepare(
    'INSERT INTO product_categories (product_id, chain, update_time, fetched_at) VALUES (?, ?, ?, ?)',
  );
  for (const c of creatorCategories) {
    const id = `world-product-${c.id}`;
    product.run(id, `${c.name} sampler`, now, now);
    chain.run(id, JSON.stringify([{ id: c.id, name: c.name }]), now, now);
  }
}

/** `webAppPerTest` over a fresh data folder seeded with generated creators for every test. */
export function crmAppPerTest(
  prefix: string,
  size: number,
  seed: number,
  extra?: (crm: CreatorsService, now: number) => void,
): WebAppPerTest {
  return webAppPerTest(prefix, crmEnv, (dir) => seedCreators(dir, size, seed, extra));
}

/** The app's main navigation, in either language. */
export const nav = (page: Page) => page.getByRole('navigation', { name: /Main|主导航/ });

/** The Creators page's "n creators" count, as a number. */
export const countOf = async (page: Page): Promise<number> =>
  Number(
    (
      await page
        .getByRole('status')
        .filter({ hasText: /creators?$/ })
        .innerText()
    ).replace(/\D/g, ''),
  );
