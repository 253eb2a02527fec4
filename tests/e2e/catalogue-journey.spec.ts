import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { connectShopAndSync, setLook, webAppPerTest } from './web-app';

/**
 * Issue 13's "done when", as a new user does it: connect a shop Account (two shops), sync, tick ten SKUs
 * across both shops, raise them by 5%, review old → new, send, see each SKU's result, undo; then find last
 * quarter's late affiliate orders with the Orders filters and export them. The embedded sandbox plays
 * TikTok (real HTTP, signing, OAuth redirect); its tiny data keeps orders stuck past their ship-by time.
 */
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-catalogue-journey-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
};

const web = webAppPerTest('shopmesh-e2e-catalogue-journey-', env);

const nav = (page: Page) => page.getByRole('navigation', { name: /^(Main|主导航)$/ });

/** The previous calendar quarter in the browser's zone, as the Orders filter reads it (both days included). */
function lastQuarter(now: Date): { from: number; to: number } {
  const start = now.getMonth() - (now.getMonth() % 3);
  return {
    from: new Date(now.getFullYear(), start - 3, 1).getTime(),
    to: new Date(now.getFullYear(), start, 1).getTime(),
  };
}

/** Expands every listed product and ticks its first `count` SKUs, the first with a click, the last with Shift. */
async function tickSkus(page: Page, table: ReturnType<Page['getByRole']>, count: number): Promise<void> {
  const expanders = table.getByRole('button', { name: /^Show the SKUs of / });
  while ((await expanders.count()) > 0) await expanders.first().click();
  const boxes = table.getByRole('checkbox', { name: /^Select SKU / });
  expect(await boxes.count()).toBeGreaterThanOrEqual(count);
  await boxes.nth(0).check();
  await boxes.nth(count - 1).click({ modifiers: ['Shift'] });
  for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toBeChecked();
  await expect(boxes.nth(count)).not.toBeChecked();
}

test('a new user raises ten SKUs in two shops by 5%, sees each result, undoes it, and exports last quarter’s late affiliate orders', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(web.app.url);
  await connectShopAndSync(page, context);

  // Products: only live listings, by name; five SKUs of each shop (the selection stays across the shop filter).
  await nav(page).getByRole('link', { name: 'Products' }).click();
  const table = page.getByRole('table', { name: 'Products' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Listing').selectOption('ACTIVATE');
  await table.getByRole('button', { name: 'Product', exact: true }).click();
  const shopFilter = page.getByLabel('Shop', { exact: true });
  const shopNames = (await shopFilter.getByRole('option').allInnerTexts()).slice(1);
  expect(shopNames).toHaveLength(2);
  const bar = page.getByRole('toolbar', { name: 'Selected SKUs' });
  for (const [i, name] of shopNames.entries()) {
    await shopFilter.selectOption({ label: name });
    await expect(table.getByRole('row').nth(1)).toContainText(name);
    await tickSkus(page, table, 5);
    await expect(bar.getByRole('status')).toHaveText(
      i === 0 ? '5 SKUs in 1 shop selected' : '10 SKUs in 2 shops selected',
    );
  }
  await shopFilter.selectOption({ label: 'All shops' });
  await expect(bar.getByRole('status')).toHaveText('10 SKUs in 2 shops selected');
  await page.screenshot({ path: 'test-results/e2e/catalogue-journey-selection-en.png' });

  // +5%: the review lists old → new for each of the ten SKUs, in both shops, before anything is sent.
  await bar.getByRole('button', { name: 'Change price…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Change prices of the selected SKUs' });
  await expect(bulk.getByText('Applies to 10 selected SKUs with a price (2 shops).')).toBeVisible();
  await bulk.getByLabel('Change by (%)').fill('+5');
  await bulk.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review changes' });
  const reviewRows = review.getByRole('row').filter({ hasText: 'Will be sent' });
  await expect(reviewRows).toHaveCount(10);
  for (const name of shopNames) await expect(reviewRows.filter({ hasText: name }).first()).toBeVisible();
  for (const row of await reviewRows.all()) {
    const [, , , old, next] = await row.getByRole('cell').allInnerTexts();
    const amount = (text: string) => Number(text!.replace(/[^\d.]/g, ''));
    // Rounded half away from zero to the cent, as the dialog computes it.
    expect(amount(next!)).toBeCloseTo(Math.round(amount(old!) * 105) / 100, 2);
  }
  await page.screenshot({ path: 'test-results/e2e/catalogue-journey-review-en.png' });

  // Send: each SKU shows TikTok's answer.
  await review.getByRole('button', { name: 'Send 10 changes' }).click();
  const sent = page.getByRole('dialog', { name: 'Changes sent to TikTok' });
  await expect(sent.getByText('10 of 10 done')).toBeVisible({ timeout: 30_000 });
  await expect(sent.getByRole('row').filter({ hasText: 'Done' })).toHaveCount(10);
  await page.screenshot({ path: 'test-results/e2e/catalogue-journey-sent-en.png' });
  await sent.getByRole('button', { name: 'Done' }).click();

  // Undo puts all ten back, through the same queue, and can be done once.
  await page.getByRole('button', { name: 'Undo last change' }).click();
  const undone = page.getByRole('dialog', { name: 'Changes sent to TikTok' });
  await expect(undone.getByText('10 of 10 done')).toBeVisible({ timeout: 30_000 });
  await undone.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Undo last change' })).toBeDisabled();
  await setLook(page, 'zh-CN', 'dark');
  await expect(page.getByRole('toolbar', { name: '已选 SKU' }).getByRole('status')).toHaveText(
    '已选 10 个 SKU，涉及 2 家店铺',
  );
  await page.screenshot({ path: 'test-results/e2e/catalogue-journey-selection-zh-CN.png' });
  await setLook(page, 'en', 'light');

  // Orders: last quarter, late, from creators — found with the filters, counted, exported.
  await nav(page).getByRole('link', { name: 'Orders' }).click();
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Period', { exact: true }).selectOption('lastQuarter');
  await page.getByRole('checkbox', { name: 'Late' }).check();
  await page.getByRole('checkbox', { name: 'From creators', exact: true }).check();
  // Wait on what is shown: every row late and awaiting shipment, and the count of the filtered view.
  const rows = orders.locator('tr.data-row');
  await expect
    .poll(() =>
      rows.evaluateAll(
        (trs) =>
          trs.length > 0 &&
          trs.every(
            (tr) => /Awaiting shipment/.test(tr.textContent ?? '') && tr.querySelector('.order-late'),
          ),
      ),
    )
    .toBe(true);
  const shown = await rows.count();
  await expect(page.getByText(`${shown} of ${shown} orders`, { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/catalogue-journey-orders-en.png' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(shown);
  const quarter = lastQuarter(new Date(await page.evaluate(() => Date.now())));
  for (const row of parsed.data) {
    expect(row.Late).toBe('yes');
    expect(row.Affiliate).toBe('yes');
    expect(row.Status).toBe('AWAITING_SHIPMENT');
    const created = Date.parse(row['Created (UTC)']!);
    expect(created).toBeGreaterThanOrEqual(quarter.from);
    expect(created).toBeLessThan(quarter.to);
    expect(Date.parse(row['Ship by (UTC)'] ?? '')).toBeLessThan(Date.now());
  }

  await setLook(page, 'zh-CN', 'dark');
  await expect(page.getByLabel('时间范围')).toHaveValue('lastQuarter');
  await expect(page.getByRole('table', { name: '订单' }).getByRole('row').nth(1)).toContainText('待发货');
  await page.screenshot({ path: 'test-results/e2e/catalogue-journey-orders-zh-CN.png' });
});
