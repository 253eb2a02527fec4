import { expect, test } from '@playwright/test';
import { webAppPerTest } from './web-app';

const vaultEnv = { SHOPMESH_KEYSTORE: 'passphrase', SHOPMESH_VAULT_PASSPHRASE: 'e2e-passphrase-123' };
const SHOP_SECRET = 'e2e-shop-secret-91c4d2f7a0';
const ADS_SECRET = 'e2e-ads-secret-3b8e60d1f5';
const IDENTITY_SECRET = 'e2e-identity-secret-7a2f19c8e4';
const secrets = [SHOP_SECRET, ADS_SECRET, IDENTITY_SECRET];

const web = webAppPerTest('shopmesh-e2e-', vaultEnv);

test('a merchant enters production credentials; secrets are saved but never come back', async ({ page }) => {
  // Every reply of the local API the page receives, read in full.
  const ipcBodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/ipc')) ipcBodies.push(response.text().catch(() => ''));
  });

  // The secret sweep after the test searches the data folder, every reply and the page for them too.
  for (const [n, secret] of secrets.entries()) web.secret(`production app secret ${n + 1}`, secret);
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const choice = page.getByRole('group', { name: 'Connect to' });
  await expect(choice.getByRole('radio', { name: 'Sandbox' })).toBeChecked();
  await expect(page.getByLabel('Shop app key', { exact: true })).toHaveCount(0);

  await choice.getByRole('radio', { name: 'Production' }).check();
  await page.getByLabel('Shop app key', { exact: true }).fill('e2e-app-key');
  await page.getByLabel('Shop app secret', { exact: true }).fill(SHOP_SECRET);
  await page.getByLabel('Shop service ID', { exact: true }).fill('7301');
  const shopPort = page.getByLabel('Shop redirect port', { exact: true });
  await expect(shopPort).toHaveValue('53682');
  await shopPort.fill('80');
  await expect(page.getByText('Enter a port from 1024 to 65535.')).toBeVisible();
  await shopPort.fill('41001');
  await expect(page.getByText('http://127.0.0.1:41001/callback/shop')).toBeVisible();
  await page.getByLabel('Ads app ID', { exact: true }).fill('e2e-ads-app');
  await page.getByLabel('Ads app secret', { exact: true }).fill(ADS_SECRET);
  await page.getByLabel('Login Kit client key', { exact: true }).fill('e2e-client-key');
  await page.getByLabel('Login Kit client secret', { exact: true }).fill(IDENTITY_SECRET);
  await page.getByRole('button', { name: 'Save TikTok connection' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Restart ShopMesh to switch' })).toBeVisible();
  await expect(page.getByText('Every production credential is saved.')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/settings-tiktok-production.png', fullPage: true });

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Production' })).toBeChecked();
  await expect(page.getByLabel('Shop app key', { exact: true })).toHaveValue('e2e-app-key');
  await expect(page.getByLabel('Shop redirect port', { exact: true })).toHaveValue('41001');
  for (const label of ['Shop app secret', 'Ads app secret', 'Login Kit client secret']) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveValue('');
    await expect(field).toHaveAttribute('placeholder', 'Saved');
    await expect(field).toHaveAttribute('type', 'password');
  }
  // Replace makes the field editable; Keep saved goes back without changing anything.
  await page.getByRole('button', { name: 'Replace Ads app secret' }).click();
  await expect(page.getByLabel('Ads app secret', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Ads app secret', { exact: true })).not.toHaveAttribute(
    'placeholder',
    'Saved',
  );
  await page.getByRole('button', { name: 'Keep the saved Ads app secret' }).click();
  await expect(page.getByLabel('Ads app secret', { exact: true })).toHaveAttribute('placeholder', 'Saved');

  // The activity log names what changed, never a value.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('table')).toContainText('TikTok connection changed');
  await expect(page.getByRole('table')).toContainText('Shop app secret');

  const html = await page.content();
  const bodies = await Promise.all(ipcBodies);
  expect(bodies.some((b) => b.includes('"hasAppSecret":true'))).toBe(true);
  for (const secret of secrets) {
    expect(html).not.toContain(secret);
    for (const body of bodies) expect(body).not.toContain(secret);
  }
});

test('the TikTok connection section speaks Chinese and the API refuses a bad port', async ({
  page,
  request,
}) => {
  const headers = { Authorization: `Bearer ${web.app.token}` };
  const bad = await request.post(`${web.app.origin}/ipc/profile:update`, {
    headers,
    data: { production: { shop: { redirectPort: 80, appSecret: SHOP_SECRET } } },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('VALIDATION');
  const now = await request.post(`${web.app.origin}/ipc/profile:get`, { headers, data: {} });
  expect((await now.json()).result.production.shop.hasAppSecret).toBe(false);

  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  const choice = page.getByRole('group', { name: '连接到' });
  await choice.getByRole('radio', { name: '正式环境' }).check();
  await expect(page.getByLabel('店铺 App Secret', { exact: true })).toBeVisible();
  await expect(page.getByText('正式环境还缺少：')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/settings-tiktok-zh.png', fullPage: true });
});
