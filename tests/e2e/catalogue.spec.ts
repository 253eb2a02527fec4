import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { webAppPerTest } from './web-app';

/**
 * Issue 13's journey: a merchant changes a price from the product dialog, is stopped beside the field when
 * the price is not one, reviews old → new, confirms, sees TikTok's answer on the SKU and the row follow,
 * undoes it, then filters orders and exports them. The embedded sandbox plays TikTok (real HTTP, signing).
 */
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-catalogue-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
};

const web = webAppPerTest('shopmesh-e2e-catalogue-', env);

const nav = (page: Page) => page.getByRole('navigation').first();

async function connectAndSync(page: Page, context: BrowserContext): Promise<void> {
  await nav(page).getByRole('link', { name: 'Accounts' }).click();
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect TikTok Shop' }).click();
  const tab = await consentTab;
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await expect(tab.getByText('You can close this tab and return to ShopMesh.')).toBeVisible();
  await tab.close();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/Last synced/).first()).toBeVisible({ timeout: 30_000 });
}

async function setLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await nav(page)
    .getByRole('link', { name: /Settings|设置/ })
    .click();
  await page.getByLabel(/Language|语言/).selectOption(language);
}

test('change a price with review, see the result, undo it; filter orders and export them', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await page.goto(web.app.url);
  await connectAndSync(page, context);

  await nav(page).getByRole('link', { name: 'Products' }).click();
  const table = page.getByRole('table', { name: 'Products' });
  await table.getByRole('row').filter({ hasText: 'Live' }).first().click();
  const product = page.getByRole('dialog').last();
  const price = product.getByRole('textbox', { name: /^Price of / }).first();
  const old = await price.inputValue();
  expect(old).toMatch(/^\d+(\.\d+)?$/);

  // Not a price: said beside the field; no review, nothing sent.
  await price.fill('12,99');
  await product.getByRole('button', { name: 'Review changes' }).click();
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(product.getByText('Not a price: use digits and a dot, like 12.99')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Review changes' })).toHaveCount(0);

  // A real price: old → new is reviewed before anything goes to TikTok.
  const next = (Number(old) + 1).toFixed(old.split('.')[1]?.length ?? 0);
  await price.fill(next);
  await product.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  await expect(review.getByRole('row').nth(1)).toContainText('Will be sent');
  await page.screenshot({ path: 'test-results/e2e/catalogue-review-en.png' });
  await review.getByRole('button', { name: 'Send 1 change' }).click();
  const sent = page.getByRole('dialog', { name: 'Changes sent to TikTok' });
  await expect(sent.getByRole('row').nth(1)).toContainText('Done', { timeout: 20_000 });
  await expect(sent.getByText('1 of 1 done')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/catalogue-sent-en.png' });
  await sent.getByRole('button', { name: 'Done' }).click();
  // The dialog's field now shows what TikTok has.
  await expect(price).toHaveValue(next);
  await product.getByRole('button', { name: 'Close' }).last().click();

  // Undo puts the SKU back through the same queue.
  await page.getByRole('button', { name: 'Undo last change' }).click();
  const undone = page.getByRole('dialog', { name: 'Changes sent to TikTok' });
  await expect(undone.getByRole('row').nth(1)).toContainText('Done', { timeout: 20_000 });
  await undone.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Undo last change' })).toBeDisabled();

  // Orders: one status, with its totals; export what is shown.
  await nav(page).getByRole('link', { name: 'Orders' }).click();
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Status').selectOption('COMPLETED');
  await expect(page.getByLabel('Totals of the filtered orders')).toBeVisible();
  await expect(orders.getByRole('row').nth(1)).toContainText('Completed');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  expect(csv.split('\n')[0]).toContain('Order ID');
  const rows = csv.trim().split('\n').slice(1);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toContain('COMPLETED');
  await page.screenshot({ path: 'test-results/e2e/catalogue-orders-en.png' });

  await setLanguage(page, 'zh-CN');
  await nav(page).getByRole('link', { name: '订单' }).click();
  await page.getByLabel('状态').selectOption('COMPLETED');
  await expect(page.getByLabel('筛选订单的合计')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/catalogue-orders-zh.png' });
  await nav(page).getByRole('link', { name: '商品' }).click();
  await page.getByRole('table').getByRole('row').nth(1).click();
  await expect(page.getByRole('dialog').last().getByRole('button', { name: '检查更改' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/catalogue-product-zh.png' });
});
