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
