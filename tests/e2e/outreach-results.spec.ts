import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { creatorRegion } from '../../src-main/sandbox/data/creator-region';
import { creatorCodec } from '../../src-main/sandbox/data/generator';
import { DEFAULT_SEED } from '../../src-main/sandbox/index';
import { makeCredentials } from '../../src-main/sandbox/state';
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
  const admin = `${await connectShopAndSync(page, context)}/admin`;
  const nav = page.getByRole('navigation', { name: 'Main' });
  const adminCall = async (method: string, path: string, data?: unknown) => {
    const res = await request.fetch(`${admin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      ...(data === undefined ? {} : { data }),
    });
    expect(res.ok(), `${method} ${path}`).toBe(true);
    return res.json();
  };
  // Every invited creator accepts within seconds, posts right after and sells within half a minute.
  await adminCall('POST', '/config', {
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
  const codec = creatorCodec(DEFAULT_SEED, makeCredentials(DEFAULT_SEED).shop.appKey);
  const db = new BetterSqlite3(join(web.dataDir, 'shopmesh.db'));
  const productIds = db
    .prepare(
      "SELECT product_id FROM products WHERE shop_id = ? AND status = 'ACTIVATE' ORDER BY product_id LIMIT 2",
    )
    .pluck()
    .all(shop.shopId) as string[];
  expect(productIds).toHaveLength(2);
  // Creators as the CRM would hold them: the sandbox's creators of the shop's region, by open id.
  const insert = db.prepare(
    `INSERT OR IGNORE INTO creators (canonical_id, open_id, handle, nickname, region, first_seen_at, updated_at)
     VALUES (0, ?, ?, ?, ?, 1, 1)`,
  );
  const region = (i: number) => creatorRegion({ dataset: { seed: DEFAULT_SEED } }, i);
  const ours = Array.from({ length: 40 }, (_, i) => i).filter((i) => region(i) === shop.region);
  const openIds = ours.map((i) => codec.encode(i));
  for (const i of ours) insert.run(codec.encode(i), `creator_${i}`, `Creator ${i}`, region(i));
  db.exec('UPDATE creators SET canonical_id = id WHERE canonical_id = 0');
  const creatorIds = db
    .prepare(`SELECT id FROM creators WHERE open_id IN (${openIds.map(() => '?').join(',')}) ORDER BY id`)
    .pluck()
    .all(...openIds) as number[];
  db.close();

  const template = await call<{ id: number }>(request, 'templates:save', {
    name: 'Invitation',
    kind: 'invitation',
    language: 'en',
    body: '{{shop_name}} would love you to try {{product_names}}.',
  });
  const { outreach } = await call<{ outreach: { id: number } }>(request, 'outreach:create', {
    accountId: shopAccount.id,
    shopId: shop.shopId,
    name: 'Autumn showcase',
    action: 'invite',
    creatorIds,
    products: productIds.map((productId) => ({ productId, commissionBp: 1500 })),
    freeSample: { hasFreeSample: false, approvalExempt: false },
    sellerEmail: 'team@maplemoss.example',
    invitationTemplateId: template.id,
    values: { productNames: 'our lamps' },
    ratePerMinute: 600,
    weeklyPool: null,
  });
  await call(request, 'outreach:start', { id: outreach.id });
  await expect
    .poll(async () => (await call<{ status: string }>(request, 'outreach:get', { id: outreach.id })).status, {
      timeout: 60_000,
    })
    .toBe('finished');

  // Wait until the sandbox's clock has passed every planned sale, then sync what status back reads.
  const outcomes = (await adminCall('GET', '/outcomes')) as {
    collaborations: Array<{ creators: Array<{ sales: Array<{ at: number; cancelled: boolean }> }> }>;
  };
  const sales = outcomes.collaborations.flatMap((c) => c.creators.flatMap((x) => x.sales));
  const last = Math.max(0, ...sales.map((s) => s.at));
  await expect
    .poll(async () => ((await adminCall('GET', '/clock')) as { nowSec: number }).nowSec, { timeout: 60_000 })
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
            id: outreach.id,
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
