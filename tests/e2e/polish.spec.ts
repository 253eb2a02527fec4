import { expect, type Page, test } from '@playwright/test';
import { connectShopAndSync, setLook, webAppPerTest } from './web-app';

/**
 * Issue 16's review, second pass: one content inset on every page, table cells and the rate form that fit
 * what they hold in both languages, and a window whose ShopMesh went away keeping what it showed with every
 * write control disabled. Screenshots in both languages and both themes.
 */
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-polish-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
};

const web = webAppPerTest('shopmesh-e2e-polish-', env);

/** Cells whose text is cut (an ellipsis drawn where the text overflows). */
async function cutCells(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((cells) =>
      cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent ?? ''),
    );
}

const left = async (page: Page, text: string) =>
  (await page.getByText(text, { exact: true }).first().boundingBox())?.x ?? Number.NaN;

test('pages share one inset, cells and the rate form fit, and a lost ShopMesh keeps the page and locks writes', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(web.app.url);
  await connectShopAndSync(page, context);
  const nav = page.getByRole('navigation', { name: /^(Main|主导航)$/ });

  // The Dashboard's content starts where every other page's does.
  await nav.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1)).toBeVisible();
  const ordersLeft = await left(page, 'Shop');
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'GMV', exact: true })).toBeVisible({ timeout: 20_000 });
  expect(Math.abs((await left(page, 'Period')) - ordersLeft)).toBeLessThanOrEqual(1);

  // Orders at 1280 px: the order id and the created time are never cut, in either language.
  for (const [language, theme] of [
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    await setLook(page, language, theme);
    await nav.getByRole('link', { name: language === 'en' ? 'Orders' : '订单' }).click();
    await expect(page.locator('.data-table td.col-created').first()).toBeVisible();
    expect(await cutCells(page, '.data-table td.col-created')).toEqual([]);
    expect(await cutCells(page, '.data-table td.col-orderId')).toEqual([]);
    await page.screenshot({ path: `test-results/e2e/polish-orders-${language}-${theme}.png` });

    // Search shows what matched: the words of the matched item in every row, or the order id.
    const search = page.getByLabel(language === 'en' ? 'Search orders' : '搜索订单');
    await search.fill('everyday');
    await expect
      .poll(() =>
        page
          .locator('.data-table tr.data-row')
          .evaluateAll(
            (rows) =>
              rows.length > 0 &&
              rows.every((row) => row.querySelector('.order-products mark')?.textContent === 'Everyday'),
          ),
      )
      .toBe(true);
    expect(await cutCells(page, '.data-table td.col-created')).toEqual([]);
    expect(await cutCells(page, '.data-table td.col-orderId')).toEqual([]);
    await page.screenshot({ path: `test-results/e2e/polish-orders-search-${language}-${theme}.png` });
    const id = (await page.locator('.data-table .order-id').first().innerText()).trim();
    await search.fill(id);
    await expect(page.locator('.data-table .order-id mark')).toHaveText(id);
    await expect(page.locator('.data-table tr.data-row')).toHaveCount(1);
    await expect(page.locator('.data-table .order-products mark')).toHaveCount(0);
    await search.fill('');
    await expect(page.locator('.data-table .order-id mark')).toHaveCount(0);
  }
  await setLook(page, 'en', 'light');

  // Settings → Currency rates: the entry row sits under the columns it fills, and its hint is whole.
  await nav.getByRole('link', { name: 'Settings' }).click();
  const rates = page.getByRole('region', { name: 'Currency rates' });
  await rates.getByLabel('Currency', { exact: true }).selectOption('GBP');
  await rates.getByLabel('Into', { exact: true }).selectOption('USD');
  const rateInput = rates.getByLabel('Rate', { exact: true });
  const hintFits = await rateInput.evaluate((input) => {
    const style = input.ownerDocument.defaultView!.getComputedStyle(input);
    const ctx = input.ownerDocument.createElement('canvas').getContext('2d');
    if (!ctx) return false;
    ctx.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return ctx.measureText(input.getAttribute('placeholder') ?? '').width <= room;
  });
  expect(hintFits).toBe(true);
  await rateInput.fill('1.27');
  await rates.getByLabel('As of', { exact: true }).fill('2026-12-01');
  await rates.getByRole('button', { name: 'Save rate' }).click();
  const row = rates.getByRole('row', { name: 'GBP USD 1.27 Dec 1, 2026' });
  await expect(row).toBeVisible();
  await expect(rateInput).toHaveValue('');
  const header = await rates.getByRole('columnheader', { name: 'As of' }).boundingBox();
  const cell = await row.getByRole('cell').nth(3).boundingBox();
  const field = await rates.getByLabel('As of', { exact: true }).boundingBox();
  expect(header && cell && field).toBeTruthy();
  expect(Math.abs(header!.x - cell!.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(cell!.x + cell!.width - (field!.x + field!.width))).toBeLessThanOrEqual(24);
  await rates.screenshot({ path: 'test-results/e2e/polish-rates-en-light.png' });
  await setLook(page, 'zh-CN', 'dark');
  await expect(page.getByRole('region', { name: '汇率' })).toBeVisible();
  const zhRate = page.getByRole('region', { name: '汇率' }).getByLabel('汇率', { exact: true });
  expect(
    await zhRate.evaluate((input) => {
      const style = input.ownerDocument.defaultView!.getComputedStyle(input);
      const ctx = input.ownerDocument.createElement('canvas').getContext('2d');
      if (!ctx) return false;
      ctx.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ctx.measureText(input.getAttribute('placeholder') ?? '').width <= room;
    }),
  ).toBe(true);
  await page
    .getByRole('region', { name: '汇率' })
    .screenshot({ path: 'test-results/e2e/polish-rates-zh-CN-dark.png' });
  await setLook(page, 'en', 'light');

  // Issue 13: the order drawer — items, amounts in the order's currency, timeline, Seller Center, copy id.
  await nav.getByRole('link', { name: 'Orders' }).click();
  const table = page.getByRole('table', { name: 'Orders' });
  const firstRow = table.getByRole('row').nth(1);
  const rowId = (await firstRow.locator('.order-id').innerText()).trim();
  const rowTotal = (await firstRow.getByRole('cell').last().innerText()).trim();
  await firstRow.click();
  const drawer = page.getByRole('dialog', { name: `Order ${rowId}` });
  await expect(drawer.getByRole('heading', { name: 'Items' })).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Status timeline' })).toBeVisible();
  await expect(drawer.getByText('Placed', { exact: true })).toBeVisible();
  await expect(drawer.locator('.payment-total dd')).toHaveText(rowTotal);
  await expect(drawer.getByRole('link', { name: 'Open in Seller Center' })).toHaveAttribute(
    'href',
    new RegExp(
      `^https://seller-(us|uk)\\.tiktok\\.com/order/detail\\?order_no=${rowId}&shop_region=(US|UK)$`,
    ),
  );
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await drawer.getByRole('button', { name: 'Copy order ID' }).click();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(rowId);
  await page.screenshot({ path: 'test-results/e2e/polish-order-drawer-en-light.png' });
  await drawer.getByRole('button', { name: 'Close' }).last().click();
  await expect(drawer).toBeHidden();

  // An order a creator brought in names the creator and the commission.
  await page.getByRole('checkbox', { name: 'From creators', exact: true }).check();
  await table.getByRole('row').nth(1).click();
  const affiliateDrawer = page.getByRole('dialog');
  await expect(affiliateDrawer.getByRole('heading', { name: 'Affiliate' })).toBeVisible();
  await expect(affiliateDrawer.getByRole('link', { name: /^@/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.tiktok\.com\/@/,
  );
  await setLook(page, 'zh-CN', 'dark');
  await expect(affiliateDrawer.getByRole('heading', { name: '联盟' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/polish-order-drawer-zh-CN-dark.png' });
  await setLook(page, 'en', 'light');
  await affiliateDrawer.getByRole('button', { name: 'Close' }).last().click();

  // Saved views: save the filters on screen, find them again after a reload, apply, delete.
  await page.getByLabel('Status', { exact: true }).selectOption('COMPLETED');
  await page.getByRole('button', { name: 'Save view…' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Save this view' });
  await saveDialog.getByLabel('Name').fill('Completed creator orders');
  await saveDialog.getByRole('button', { name: 'Save view' }).click();
  await expect(saveDialog).toBeHidden();
  await page.reload();
  await nav.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('checkbox', { name: 'From creators', exact: true })).not.toBeChecked();
  await page.getByLabel('Saved view').selectOption({ label: 'Completed creator orders' });
  await expect(page.getByRole('checkbox', { name: 'From creators', exact: true })).toBeChecked();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('COMPLETED');
  await expect(table.getByRole('row').nth(1)).toContainText('Completed');
  await page.screenshot({ path: 'test-results/e2e/polish-saved-view-en-light.png' });
  await page.getByRole('button', { name: 'Delete view' }).click();
  await expect(
    page.getByLabel('Saved view').getByRole('option', { name: 'Completed creator orders' }),
  ).toHaveCount(0);

  // ShopMesh goes away under the open window (the page is not reloaded: what it showed is in its cache).
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'GMV', exact: true })).toBeVisible({ timeout: 20_000 });
  await nav.getByRole('link', { name: 'Products' }).click();
  const costsCsv = page.getByRole('button', { name: 'Costs CSV…' });
  const tickAll = page.getByRole('checkbox', { name: 'Select every loaded SKU' });
  await expect(costsCsv).toBeEnabled();
  await expect(tickAll).toBeEnabled();
  await web.stop();
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText("Can't reach ShopMesh")).toBeVisible({ timeout: 15_000 });
  // The Dashboard keeps the figures it showed: never "Nothing synced yet", never a failed page.
  await expect(page.getByRole('region', { name: 'GMV', exact: true })).toBeVisible();
  await expect(page.getByText('Nothing synced yet')).toHaveCount(0);
  await expect(page.getByText("The dashboard couldn't be loaded")).toHaveCount(0);
  await expect(page.getByLabel('Period')).toBeDisabled();
  await page.screenshot({ path: 'test-results/e2e/polish-dashboard-unreachable.png' });

  await nav.getByRole('link', { name: 'Products' }).click();
  await expect(page.getByRole('table', { name: 'Products' }).getByRole('row').nth(1)).toBeVisible();
  await expect(costsCsv).toBeDisabled();
  await expect(tickAll).toBeDisabled();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Language')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save rate' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/e2e/polish-settings-unreachable.png', fullPage: true });
});
