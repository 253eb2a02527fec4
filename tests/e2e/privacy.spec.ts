import { expect, test } from '@playwright/test';
import { makeTempDir } from '../helpers/tmp';
import { type RunningWebApp, startWebApp } from './web-app';

let dataDir: { dir: string; cleanup: () => void };
let app: RunningWebApp;

test.beforeEach(async () => {
  dataDir = makeTempDir('shopmesh-e2e-');
  app = await startWebApp(dataDir.dir);
});
test.afterEach(async () => {
  await app.stop();
  dataDir.cleanup();
});

test('the retention rules are shown in Settings, changed, and explained in both languages', async ({
  page,
}) => {
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const privacy = page.locator('section', {
    has: page.getByRole('heading', { name: 'Privacy and your data' }),
  });
  await expect(privacy.getByLabel('Keep the activity log (days)')).toHaveValue('180');
  await expect(privacy.getByLabel("Keep a disconnected account's data (days)")).toHaveValue('90');
  await expect(privacy.getByLabel('Keep finance and payment records (years)')).toHaveValue('5');
  // It ran at start-up.
  await expect(privacy.getByText(/^Last run .*: deleted 0 old activity entries/)).toBeVisible();

  const days = privacy.getByLabel("Keep a disconnected account's data (days)");
  await days.fill('400');
  await days.press('Tab');
  await expect(privacy.getByText('Enter a whole number of days from 1 to 365.')).toBeVisible();
  await days.fill('30');
  await days.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await privacy.getByRole('button', { name: 'Apply the rules now' }).click();
  await privacy.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/privacy-en-light.png', fullPage: true });

  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByLabel('主题').selectOption('dark');
  const zh = page.locator('section', { has: page.getByRole('heading', { name: '隐私与您的数据' }) });
  await expect(zh.getByLabel('已断开账号的数据保留天数')).toHaveValue('30');
  await expect(zh.getByRole('button', { name: '立即应用规则' })).toBeVisible();
  await zh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/privacy-zh-dark.png', fullPage: true });
});

test('delete all my data asks for the typed word, then the app is at its first run', async ({ page }) => {
  await page.goto(app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Delete all my data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all my data?' });
  const confirm = dialog.getByRole('button', { name: 'Delete everything' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type DELETE to confirm').fill('delete');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await expect(confirm).toBeEnabled();
  await page.screenshot({ path: 'test-results/e2e/privacy-erase-en-dark.png' });
  await confirm.click();
  // The page starts again with the default settings (light follows the system theme, English).
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }),
  ).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Theme')).toHaveValue('system');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText('No activity yet')).toBeVisible();
});
