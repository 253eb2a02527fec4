import { expect, test } from '@playwright/test';
import { webAppPerTest } from './web-app';

/**
 * Issue 5's "watches progress bars": the demo sandbox has 20,000 orders, so the sync that starts when the
 * shop is connected runs long enough (at TikTok's 50 requests per second) to be watched.
 */

const web = webAppPerTest('shopmesh-e2e-progress-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-progress-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'demo',
});

test('a first sync shows a bar per resource, then its breakdown per shop in the history', async ({
  page,
  context,
}) => {
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect TikTok Shop' }).click();
  const tab = await consentTab;
  await tab.getByRole('button', { name: 'Authorize' }).click();
  // Closing the tab while it is still following the redirect back to ShopMesh can hang the close.
  await expect(tab.getByText('You can close this tab and return to ShopMesh.')).toBeVisible();
  await tab.close();

  const resources = page.getByRole('list', { name: /What is syncing for/ });
  const orders = resources.getByRole('progressbar', { name: /^Orders/ });
  await expect(orders).toBeVisible({ timeout: 15_000 });
  await expect(resources.getByRole('progressbar', { name: /^Shops/ })).toBeVisible();
  // Orders report a total: the bar's name carries "done of total" once pages arrive.
  await expect(orders).toHaveAccessibleName(/Orders.*[\d,]+ of [\d,]+/, { timeout: 15_000 });
  await page.screenshot({ path: 'test-results/e2e/sync-progress.png', fullPage: true });

  await expect(page.getByText(/Last synced/).first()).toBeVisible({ timeout: 90_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('tab', { name: 'Sync history' }).click();
  const history = page.getByRole('tabpanel', { name: 'Sync history' });
  await history.getByRole('button', { expanded: false }).first().click();
  const breakdown = history.getByRole('table').nth(1);
  // Rows are grouped under the shop, advertiser or Account they were for (one row group each).
  const group = (name: string) =>
    breakdown.getByRole('rowgroup').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(group('Maple & Moss Trading Co.').getByRole('row', { name: /^Shops/ })).toBeVisible();
  await expect(group('Maple & Moss Home').getByRole('row', { name: /^Orders/ })).toBeVisible();
  await expect(group('Kōji Kitchen').getByRole('row', { name: /^Orders/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/sync-history-breakdown.png', fullPage: true });
});
