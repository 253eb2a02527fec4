import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { type SandboxHandle, startSandbox } from '../../src-main/sandbox/index';
import { admin } from '../helpers/sync-fixtures';
import { sandboxProfileFile, webAppPerTest } from './web-app';

/**
 * Issue 13's journey: a merchant opens a product and sees its picture (main fetched it from the sandbox's
 * picture host), changes a price from the product dialog, is stopped beside the field when the price is not
 * one (nothing reaches TikTok), reviews old → new, confirms, sees TikTok's answer on the SKU and the row
 * follow, with TikTok's write log holding exactly that one write; undoes it, then filters orders and exports
 * them. The sandbox runs in the test, so its write log can be read, and the app reaches it through a
 * profile file (real HTTP, signing, OAuth redirect).
 */
let sandbox: SandboxHandle;

const web = webAppPerTest('shopmesh-e2e-catalogue-', async (dataDir) => {
  sandbox = await startSandbox({ scale: 'tiny' });
  return {
    SHOPMESH_KEYSTORE: 'passphrase',
    SHOPMESH_VAULT_PASSPHRASE: 'e2e-catalogue-passphrase',
    SHOPMESH_SANDBOX_SCALE: 'tiny',
    SHOPMESH_PROFILE_FILE: sandboxProfileFile(dataDir, sandbox.info),
  };
});
// After webAppPerTest's own hook: the secret sweep asks this sandbox for its tokens first.
test.afterEach(async () => {
  await sandbox.close();
});

interface PriceWrite {
  detail: { productId: string; request: { skus: Array<{ id: string; price: Record<string, string> }> } };
}

/** The price updates TikTok (the sandbox) accepted, oldest first. */
async function priceWrites(): Promise<PriceWrite[]> {
  const log = (await admin(sandbox.info, 'GET', '/writes?kind=product.price')) as { entries: PriceWrite[] };
  return log.entries;
}

/** The price one write set, whichever field the shop's seller type uses (docs/tiktok-api/shop-catalogue-writes.md). */
const priceOf = (w: PriceWrite) => {
  const sku = w.detail.request.skus[0]!;
  return sku.price.sale_price ?? sku.price.amount;
};

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
  // Its picture: read with the product from TikTok (the sandbox), fetched and checked by main, shown as data.
  const picture = product.getByRole('img', { name: /, picture 1 of [1-3]$/ });
  await expect(picture).toBeVisible({ timeout: 20_000 });
  await expect(picture).toHaveJSProperty('naturalWidth', 800);
  await expect(picture).toHaveAttribute('src', /^data:image\/png;base64,/);
  await page.screenshot({ path: 'test-results/e2e/catalogue-product-en.png' });
  const price = product.getByRole('textbox', { name: /^Price of / }).first();
  const old = await price.inputValue();
  expect(old).toMatch(/^\d+(\.\d+)?$/);

  // Not a price: said beside the field; no review, nothing sent.
  await price.fill('12,99');
  await product.getByRole('button', { name: 'Review changes' }).click();
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(product.getByText('Not a price: use digits and a dot, like 12.99')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Review changes' })).toHaveCount(0);
  expect(await priceWrites()).toEqual([]);

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
  // TikTok got exactly that one write: this SKU, this price.
  const writes = await priceWrites();
  expect(writes).toHaveLength(1);
  expect(writes[0]!.detail.request.skus).toHaveLength(1);
  expect(Number(priceOf(writes[0]!))).toBe(Number(next));
  await product.getByRole('button', { name: 'Close' }).last().click();

  // Undo puts the SKU back through the same queue.
  await page.getByRole('button', { name: 'Undo last change' }).click();
  const undone = page.getByRole('dialog', { name: 'Changes sent to TikTok' });
  await expect(undone.getByRole('row').nth(1)).toContainText('Done', { timeout: 20_000 });
  await undone.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Undo last change' })).toBeDisabled();
  const afterUndo = await priceWrites();
  expect(afterUndo).toHaveLength(2);
  expect(afterUndo[1]!.detail.request.skus[0]!.id).toBe(writes[0]!.detail.request.skus[0]!.id);
  expect(Number(priceOf(afterUndo[1]!))).toBe(Number(old));

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

  // Orders no creator brought in: the other source choice clears itself, the export holds only those.
  const fromCreators = page.getByRole('checkbox', { name: 'From creators', exact: true });
  const notFromCreators = page.getByRole('checkbox', { name: 'Not from creators' });
  await fromCreators.check();
  await notFromCreators.check();
  await expect(fromCreators).not.toBeChecked();
  const direct = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const directCsv = Papa.parse<Record<string, string>>(
    readFileSync(await (await direct).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
    { header: true },
  );
  expect(directCsv.data.length).toBeGreaterThan(0);
  for (const row of directCsv.data) expect(row.Affiliate).toBe('no');
  await notFromCreators.uncheck();

  await setLanguage(page, 'zh-CN');
  await nav(page).getByRole('link', { name: '订单' }).click();
  await page.getByLabel('状态').selectOption('COMPLETED');
  await expect(page.getByLabel('筛选订单的合计')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/catalogue-orders-zh.png' });
  await nav(page).getByRole('link', { name: '商品' }).click();
  await page.getByRole('table').getByRole('row').nth(1).click();
  await expect(page.getByRole('dialog').last().getByRole('button', { name: '检查更改' })).toBeVisible();
  await expect(
    page
      .getByRole('dialog')
      .last()
      .getByRole('img', { name: /第 1 张图片/ }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/catalogue-product-zh.png' });
});
