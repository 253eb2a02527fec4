import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { clock, outcomes as outcomesShape } from '../integration/sandbox/shapes';
import { addSandboxCreators, inviteToTheEnd, sandboxAdminApi } from './outreach-steps';
import { callApi, connectShopAndSync, setLook, webAppPerTest } from './web-app';

/**
 * An Outreach's results on the Outreach page (issue 14 item 8): invitations to two products, creators of
 * the embedded sandbox who accept, post and sell within seconds (its creator behaviour set through the
 * sandbox admin API), a sync, and the per-product accepted / posted / sold figures. Screenshots in both
 * languages and themes.
 */

const ADMIN_TOKEN = 'e2e-outreach-results-admin';
const web = webAppPerTest('shopmesh-e2e-outreach-results-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-outreach-results-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
  SHOPMESH_SANDBOX_ADMIN_TOKEN: ADMIN_TOKEN,
});

const call = <T>(request: APIRequestContext, channel: string, data: unknown): Promise<T> =>
  callApi<T>(web.app, request, channel, data);

test('per-product results of an Outreach: accepted, posted and sold, in both languages', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(150_000);
  await page.goto(web.app.url);
  const admin = sandboxAdminApi(request, await connectShopAndSync(page, context), ADMIN_TOKEN);
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Every invited creator accepts within seconds, posts right after and sells within half a minute.
  await admin.post('/config', {
    acceptShare: 1,
    acceptDelaySec: [1, 4],
    postShare: 1,
    postDelaySec: [1, 3],
    salesPerPost: [1, 3],
    salesWithinSec: 20,
  });

  const { accounts } = await call<{
    accounts: Array<{ id: string; provider: string; shops: Array<{ shopId: string; region: string }> }>;
  }>(request, 'accounts:list', {});
  const shopAccount = accounts.find((a) => a.provider === 'shop')!;
  const shop = shopAccount.shops.find((s) => s.region === 'US') ?? shopAccount.shops[0]!;
  const db = new BetterSqlite3(join(web.dataDir, 'shopmesh.db'), { readonly: true });
  const productIds = db
    .prepare(
      "SELECT product_id FROM products WHERE shop_id = ? AND status = 'ACTIVATE' ORDER BY product_id LIMIT 2",
    )
    .pluck()
    .all(shop.shopId) as string[];
  db.close();
  expect(productIds).toHaveLength(2);
  const creatorIds = addSandboxCreators(web.dataDir, shop.region, 'creator');
  expect(creatorIds.length).toBeGreaterThan(0);
  const outreachId = await inviteToTheEnd(web.app, request, {
    accountId: shopAccount.id,
    shopId: shop.shopId,
    name: 'Autumn showcase',
    creatorIds,
    productIds,
    templateName: 'Invitation',
  });

  // Wait until the sandbox's clock has passed every planned sale, then sync what status back reads.
  const outcomes = await admin.get(outcomesShape, '/outcomes');
  const sales = outcomes.collaborations.flatMap((c) => c.creators.flatMap((x) => x.sales));
  const last = Math.max(0, ...sales.map((s) => s.at));
  await expect
    .poll(async () => (await admin.get(clock, '/clock')).nowSec, { timeout: 60_000 })
    .toBeGreaterThan(last);
  await call(request, 'sync:run', {
    accountId: shopAccount.id,
    resources: ['affiliate_orders', 'collaborations'],
  });
  const sold = sales.filter((s) => !s.cancelled).length;
  expect(sold).toBeGreaterThan(0);
  await expect
    .poll(
      async () =>
        (
          await call<{ products: Array<{ orders: number }> }>(request, 'outreach:results', {
            id: outreachId,
          })
        ).products.reduce((n, p) => n + p.orders, 0),
      { timeout: 60_000 },
    )
    .toBe(sold);

  await nav.getByRole('link', { name: 'Outreach' }).click();
  const results = page.getByRole('region', { name: 'Results of Autumn showcase' });
  const table = results.getByRole('table', { name: 'Sales per product' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(results.getByText('Accepted (in showcase)')).toBeVisible();
  await results.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/outreach-results-en-light.png', fullPage: true });

  await setLook(page, 'zh-CN', 'dark');
  await page.reload();
  const zh = page.getByRole('region', { name: 'Autumn showcase 的成效' });
  await expect(zh.getByRole('table', { name: '各商品销售' }).getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/e2e/outreach-results-zh-dark.png', fullPage: true });
});
