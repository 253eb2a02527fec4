import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { checkCreatorsCsv } from './creator-seed';
import { addSandboxCreators, inviteToTheEnd, sandboxAdminApi } from './outreach-steps';
import { callApi, connectShopAndSync, webAppPerTest } from './web-app';
import { nothingRan, recordDialogs, xssPayloads } from './xss';

/**
 * Issue 15 item 7, more places where text from outside reaches the screen: what a buyer wrote on an order
 * and entered as the address (TikTok sends them; the sandbox's admin API plants them), an Outreach's name
 * and the target collaboration TikTok keeps under it (synced back and listed under Invitations), and a
 * creator imported from a CSV file through the Find creators page. Each renders as text, none runs, no
 * browser dialog opens.
 */

const ADMIN_TOKEN = 'e2e-attacks-more-admin';
const web = webAppPerTest('shopmesh-e2e-attacks-more-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-attacks-more-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
  SHOPMESH_SANDBOX_ADMIN_TOKEN: ADMIN_TOKEN,
});

const [img, svg, script, link, template] = xssPayloads;
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('markup from buyers, TikTok and a CSV file renders as text in orders, outreach and creators', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(240_000);
  const dialogs = recordDialogs(page);
  await page.goto(web.app.url);
  const admin = sandboxAdminApi(request, await connectShopAndSync(page, context), ADMIN_TOKEN);
  const call = <T>(r: APIRequestContext, channel: string, data: unknown) =>
    callApi<T>(web.app, r, channel, data);

  const db = new BetterSqlite3(join(web.dataDir, 'shopmesh.db'), { readonly: true });
  // An order TikTok gives the address of (not while unpaid or on hold).
  const orderId = db
    .prepare(
      "SELECT order_id FROM orders WHERE status NOT IN ('UNPAID', 'ON_HOLD') ORDER BY order_id LIMIT 1",
    )
    .pluck()
    .get() as string;
  db.close();

  // ---- Orders: a buyer's note, name and street, read live from TikTok in the order's drawer --------------
  const buyerName = `${img} Ann`;
  const street = `1 ${svg} Main St`;
  const note = `${script} leave at the door`;
  await admin.post('/orders', { orderId, buyerMessage: note, recipientName: buyerName, street });
  await nav(page).getByRole('link', { name: 'Orders' }).click();
  await page.getByLabel('Search orders').fill(orderId);
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('row')).toHaveCount(2);
  await orders.getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Refresh from TikTok' }).click();
  const recipient = page.locator('.recipient');
  await expect(recipient).toContainText(buyerName);
  await expect(recipient).toContainText(street);
  await expect(page.getByText(note, { exact: false })).toBeVisible();
  await nothingRan(page);
  await page.screenshot({ path: 'test-results/e2e/attacks-xss-order.png' });
  await page.keyboard.press('Escape');

  // ---- Outreach: its name, and the collaboration TikTok keeps under that name -----------------------------
  const { accounts } = await call<{
    accounts: Array<{ id: string; provider: string; shops: Array<{ shopId: string }> }>;
  }>(request, 'accounts:list', {});
  const account = accounts.find((a) => a.provider === 'shop')!;
  const shopId = account.shops[0]!.shopId;
  const dbw = new BetterSqlite3(join(web.dataDir, 'shopmesh.db'), { readonly: true });
  const productId = dbw
    .prepare("SELECT product_id FROM products WHERE shop_id = ? AND status = 'ACTIVATE' LIMIT 1")
    .pluck()
    .get(shopId) as string;
  const region = dbw.prepare('SELECT region FROM shops WHERE shop_id = ?').pluck().get(shopId) as string;
  dbw.close();
  // Two of the sandbox's creators of the shop's region that nobody contacted yet, as the CRM holds them.
  const creatorIds = addSandboxCreators(web.dataDir, region, 'fresh', 2);
  expect(creatorIds.length).toBeGreaterThan(0);
  const outreachName = `${link} autumn`;
  await inviteToTheEnd(web.app, request, {
    accountId: account.id,
    shopId,
    name: outreachName,
    creatorIds,
    productIds: [productId],
    templateName: `${template} invitation`,
  });
  await call(request, 'sync:run', { accountId: account.id, resources: ['collaborations'] });
  await expect
    .poll(
      async () =>
        (await call<{ items: Array<{ name: string }> }>(request, 'collaborations:list', {})).items.some((c) =>
          c.name.startsWith(outreachName),
        ),
      { timeout: 60_000 },
    )
    .toBe(true);

  await nav(page).getByRole('link', { name: 'Outreach' }).click();
  await expect(page.getByText(outreachName, { exact: true }).first()).toBeVisible();
  await nothingRan(page);
  await page.screenshot({ path: 'test-results/e2e/attacks-xss-outreach.png' });
  await page.getByRole('tab', { name: 'Invitations (all shops)' }).click();
  const collaborations = page.getByRole('table', { name: 'Target collaborations' });
  await expect(collaborations.getByText(outreachName, { exact: false }).first()).toBeVisible();
  await collaborations.getByRole('row').nth(1).click();
  await expect(page.getByRole('dialog').getByText(outreachName, { exact: false }).first()).toBeVisible();
  await nothingRan(page);
  await page.screenshot({ path: 'test-results/e2e/attacks-xss-invitations.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();

  // ---- A creator from a CSV file: markup in the nickname, and in a handle (refused, shown in the report) ---
  const csv = Papa.unparse([
    ['TikTok handle', 'Nickname', 'Followers'],
    ['xss_import', img, '900'],
    [svg, 'Plain name', '12'],
  ]);
  await nav(page).getByRole('link', { name: 'Find creators' }).click();
  const report = await checkCreatorsCsv(page, csv);
  await expect(report.getByRole('row', { name: /^3 / })).toBeVisible();
  await nothingRan(page);
  await page.screenshot({ path: 'test-results/e2e/attacks-xss-import-report.png' });
  await report.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByText(/Imported: 1 new creator/)).toBeVisible();

  await nav(page).getByRole('link', { name: 'Creators', exact: true }).click();
  await page.getByLabel('Search creators').fill('xss_import');
  const table = page.getByRole('table', { name: 'Creators' });
  const row = table.getByRole('row').nth(1);
  await expect(row).toContainText(img);
  await row.click();
  const detail = page.getByRole('dialog', { name: '@xss_import' });
  await expect(detail.getByText(img, { exact: true }).first()).toBeVisible();
  await nothingRan(page);
  await page.screenshot({ path: 'test-results/e2e/attacks-xss-import-detail.png' });
  expect(dialogs).toEqual([]);
});
