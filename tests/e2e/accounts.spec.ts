import { expect, test } from '@playwright/test';
import { webAppPerTest } from './web-app';

/**
 * A merchant connects a TikTok Shop through the sandbox's consent page over the web bridge: main emits
 * `app:openExternal`, the page opens the consent page in a new tab, Authorize redirects into the loopback
 * listener, and the Accounts page lists both shops of the grant. The e2e run is outside D-Bus, so the vault
 * uses the passphrase key store.
 */

const web = webAppPerTest('shopmesh-e2e-accounts-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-accounts-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

test('a merchant connects a shop in the browser, sees both shops, and disconnects', async ({
  page,
  context,
}) => {
  // The return page closes itself after 4 s, which can beat the screenshot below on a busy machine; this test
  // keeps it open (tests/unit/oauth/loopback.test.ts checks the self-closing script).
  await context.addInitScript(() => {
    (globalThis as unknown as { close: () => void }).close = () => undefined;
  });
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByText('No accounts connected yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/accounts-empty.png', fullPage: true });

  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect TikTok Shop' }).click();
  await expect(page.getByText('Waiting for you to approve access in your browser…')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/accounts-waiting.png', fullPage: true });

  const tab = await consentTab;
  await expect(tab.getByRole('button', { name: 'Authorize' })).toBeVisible();
  await expect(tab.locator('li')).toHaveCount(2);
  await tab.screenshot({ path: 'test-results/e2e/accounts-consent.png', fullPage: true });
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await expect(tab.getByText('You can close this tab and return to ShopMesh.')).toBeVisible();
  await tab.screenshot({ path: 'test-results/e2e/accounts-callback.png' });
  await tab.close();

  await expect(page.getByText('Your shop is connected.', { exact: false })).toBeVisible();
  const shops = page.getByRole('list', { name: 'Shops' });
  await expect(shops.getByRole('listitem')).toHaveCount(2);
  await expect(shops).toContainText('USD');
  await expect(shops).toContainText('GBP');
  const row = page.getByRole('row').filter({ has: shops });
  await expect(row).toContainText('Active');
  await page.screenshot({ path: 'test-results/e2e/accounts-connected.png', fullPage: true });

  // The token never reaches the page.
  const html = await page.content();
  expect(html).not.toMatch(/TTP_[A-Za-z0-9_-]{20,}/);

  await row.getByRole('button', { name: /^Disconnect / }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Delete its data now').click();
  await page.screenshot({ path: 'test-results/e2e/accounts-disconnect-dialog.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(
    page.getByText('was disconnected and its synced data was deleted.', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText('No accounts connected yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/accounts-disconnected.png', fullPage: true });
});
