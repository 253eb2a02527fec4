import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { webAppPerTest } from './web-app';

const web = webAppPerTest('shopmesh-e2e-');

test('the retention rules are shown in Settings, changed, and explained in both languages', async ({
  page,
}) => {
  await page.goto(web.app.url);
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

  // Export my data: one zip in the data folder, its name, size and place shown.
  await privacy.getByRole('button', { name: 'Export my data' }).click();
  const saved = privacy.getByRole('status').filter({ hasText: /^Saved shopmesh-export-\d{8}-\d{6}\.zip/ });
  await expect(saved).toBeVisible();
  expect(readdirSync(join(web.dataDir, 'exports'))).toEqual([expect.stringMatching(/\.zip$/)]);

  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByLabel('主题').selectOption('dark');
  const zh = page.locator('section', { has: page.getByRole('heading', { name: '隐私与您的数据' }) });
  await expect(zh.getByLabel('已断开账号的数据保留天数')).toHaveValue('30');
  await expect(zh.getByRole('button', { name: '立即应用规则' })).toBeVisible();
  await zh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/privacy-zh-dark.png', fullPage: true });
});

test('delete all my data asks for the typed word, then the app is at its first run', async ({ page }) => {
  await page.goto(web.app.url);
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

test('backups are listed with their size, and a corrupt database opens the recovery screen that restores one', async ({
  page,
}) => {
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const table = page.getByRole('table', { name: 'Backups' });
  // The start-up backup.
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText(/\d+(\.\d)? (kB|KB|MB|byte)/);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/privacy-backups-en-light.png' });

  // The database file is damaged while ShopMesh is stopped.
  await web.stop();
  writeFileSync(join(web.dataDir, 'shopmesh.db'), 'not a database '.repeat(500));
  await web.start();
  await page.goto(web.app.url);
  const dialog = page.getByRole('dialog', { name: 'ShopMesh could not read its database' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/shopmesh\.db\.unreadable-\d+/);
  await page.screenshot({ path: 'test-results/e2e/privacy-recovery-en-light.png' });
  await dialog
    .getByRole('button', { name: /^Restore the backup of / })
    .first()
    .click();
  await page
    .getByRole('dialog', { name: /^Restore the backup of / })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
