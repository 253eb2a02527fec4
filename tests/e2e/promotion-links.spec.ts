import { expect, type Page, test } from '@playwright/test';
import { connectShopAndSync, setLook, webAppPerTest } from './web-app';

/**
 * Issue 14's promotion links: a merchant opens a product and copies its promotion link, which ShopMesh
 * generates at TikTok (the embedded sandbox, real HTTP and signing) the first time and keeps; the section
 * reads well in both languages and both themes.
 */
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-promotion-links-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
};

const web = webAppPerTest('shopmesh-e2e-promotion-links-', env);

const nav = (page: Page) => page.getByRole('navigation').first();

test('copy a product’s promotion link, generated once and kept', async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.app.origin });
  await page.goto(web.app.url);
  await connectShopAndSync(page, context);

  await nav(page).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('table', { name: 'Products' }).getByRole('row').nth(1).click();
  const product = page.getByRole('dialog').last();
  const section = product.getByRole('region', { name: 'Promotion link' });
  await expect(section.getByText(/No promotion link yet/)).toBeVisible();
  await section.getByRole('button', { name: 'Copy promotion link' }).click();
  await expect(page.getByText('Promotion link copied')).toBeVisible();
  const link = section.getByRole('link');
  await expect(link).toHaveText(/^https:\/\//);
  const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(copied).toBe(await link.textContent());
  await expect(section.getByText(/^Generated /)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Generate a new link' })).toBeVisible();
  await product.screenshot({ path: 'test-results/e2e/promotion-link-en-light.png' });
  await product.getByRole('button', { name: 'Close' }).last().click();

  await setLook(page, 'zh-CN', 'dark');
  await expect(nav(page).getByRole('link', { name: '商品' })).toBeVisible();
  await nav(page).getByRole('link', { name: '商品' }).click();
  await page.getByRole('table').getByRole('row').nth(1).click();
  const again = page.getByRole('dialog').last().getByRole('region', { name: '推广链接' });
  // Kept: shown again at once, copied without asking TikTok.
  await expect(again.getByRole('link')).toHaveText(copied);
  await again.getByRole('button', { name: '复制推广链接' }).click();
  await expect(page.getByText('推广链接已复制')).toBeVisible();
  await page
    .getByRole('dialog')
    .last()
    .screenshot({ path: 'test-results/e2e/promotion-link-zh-CN-dark.png' });
});
