import { expect, test } from '@playwright/test';
import { webAppPerTest } from './web-app';

const web = webAppPerTest('shopmesh-e2e-');

test('a merchant switches to Chinese, changes a setting, and it survives a reload and a restart', async ({
  page,
}) => {
  await page.goto(web.app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of [
    'Dashboard',
    'Creators',
    'Outreach',
    'Products',
    'Orders',
    'Accounts',
    'Settings',
    'Activity',
  ]) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // The token left the address bar for an HttpOnly cookie.
  expect(page.url()).not.toContain('token=');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // The passphrase section has a status line of its own; the save line is the one that speaks of saving.
  const saveStatus = page.getByRole('status').filter({ hasText: /保存/ });
  const interval = page.getByLabel('同步间隔（分钟）');
  await interval.fill('45');
  await interval.press('Tab');
  await expect(saveStatus).toHaveText('已保存');
  await page.getByLabel('主题').selectOption('dark');
  await expect(saveStatus).toHaveText('已保存');
  await page.screenshot({ path: 'test-results/e2e/settings-zh-dark.png', fullPage: true });

  await page.reload();
  await expect(page.getByLabel('语言')).toHaveValue('zh-CN');
  await expect(page.getByLabel('同步间隔（分钟）')).toHaveValue('45');
  await expect(page.getByLabel('主题')).toHaveValue('dark');

  // Persisted on disk, not just in the running process.
  await web.start();
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByLabel('同步间隔（分钟）')).toHaveValue('45');

  // The changes are in the activity log, in the reader's language.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '动态' }).click();
  await expect(page.getByRole('table')).toContainText('设置已更改');
  await page.screenshot({ path: 'test-results/e2e/activity-zh-dark.png', fullPage: true });
});

test('an invalid sync interval is explained and not saved', async ({ page }) => {
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('light');
  const interval = page.getByLabel('Sync interval (minutes)');
  await interval.fill('2');
  await interval.press('Tab');
  await expect(page.getByText(/5.*1440/)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/settings-en-light-invalid.png', fullPage: true });
  await page.reload();
  await expect(page.getByLabel('Sync interval (minutes)')).toHaveValue('60');
});

test('empty pages tell the merchant what to do next', async ({ page }) => {
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  const next = page.getByRole('link', { name: 'Go to Accounts' });
  await expect(next).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/orders-empty-en.png', fullPage: true });
  await next.click();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }),
  ).toHaveAttribute('aria-current', 'page');
});

test('the local API refuses bad input with VALIDATION and changes nothing', async ({ request }) => {
  const headers = { Authorization: `Bearer ${web.app.token}` };
  const bad = await request.post(`${web.app.origin}/ipc/settings:update`, {
    headers,
    data: { language: 'klingon' },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('VALIDATION');
  const now = await request.post(`${web.app.origin}/ipc/settings:get`, { headers, data: {} });
  expect((await now.json()).result.language).toBe('en');
});
