import { expect, type Page, test } from '@playwright/test';
import { callApi, webAppPerTest } from './web-app';

/**
 * The app lock in the real renderer (issue 15 item 5): turned on in Settings, locks by itself after a short
 * idle time set through the settings channel, refuses a wrong passphrase with a wait, unlocks with the right
 * one, and looks right in Chinese on the dark theme (Lock now, then the screenshot).
 */
const PASSPHRASE = 'e2e app lock passphrase';
const web = webAppPerTest('shopmesh-e2e-app-lock-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-app-lock-vault-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

async function openSettings(page: Page, name: RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: /Main|主导航/ })
    .getByRole('link', { name })
    .click();
}

test('turn on, lock when idle, a wrong passphrase waits, the right one unlocks; zh-CN dark', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const app = web.app;
  web.secret('app lock passphrase', PASSPHRASE);
  await page.goto(app.url);
  await openSettings(page, /^Settings$/);
  await expect(page.getByText('The app lock is off.')).toBeVisible();
  await page.getByRole('button', { name: 'Turn on app lock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Turn on the app lock' });
  await dialog.getByLabel('New app lock passphrase').fill('short');
  await dialog.getByRole('button', { name: 'Turn on app lock' }).click();
  await expect(dialog.getByText('Use at least 8 characters.')).toBeVisible();
  await dialog.getByLabel('New app lock passphrase').fill(PASSPHRASE);
  await dialog.getByLabel('Type it again').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Turn on app lock' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('The app lock is on.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lock after' })).toHaveValue(String(15 * 60));

  // A short idle time through the settings channel (Settings offers a minute at the shortest).
  await callApi(app, request, 'settings:update', { appLockIdleSeconds: 5 });
  await expect(page.getByRole('combobox', { name: 'Lock after' })).toHaveValue('5');
  // Nothing is touched now: main's idle timer locks, and the page follows its event.
  const lockScreen = page.getByRole('heading', { name: 'ShopMesh is locked' });
  await expect(lockScreen).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  // Main refuses data while locked, whatever the page shows.
  const refused = await request.post(`${app.origin}/ipc/orders:list`, {
    headers: { Authorization: `Bearer ${app.token}` },
    data: { limit: 5 },
  });
  expect(refused.status()).toBe(423);
  expect((await refused.json()).error).toMatchObject({ code: 'LOCKED', key: 'appLock.errors.locked' });

  const field = page.getByLabel('App lock passphrase');
  const unlock = page.getByRole('button', { name: 'Unlock' });
  await field.fill('not my passphrase');
  await unlock.click();
  await expect(page.getByText('That is not your app lock passphrase. Check it and try again.')).toBeVisible({
    timeout: 30_000,
  });
  // Counted in main (the countdown under the field may already be over on a loaded machine).
  const status = await callApi<{ failedAttempts: number }>(app, request, 'appLock:status', {});
  expect(status.failedAttempts).toBe(1);
  await page.screenshot({ path: 'test-results/e2e/app-lock-wrong-en.png', fullPage: true });
  // The wait is over when the button is usable again: then the right passphrase opens the app.
  await expect(unlock).toBeEnabled({ timeout: 30_000 });
  await field.fill(PASSPHRASE);
  await unlock.click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  await callApi(app, request, 'settings:update', { appLockIdleSeconds: 15 * 60 });

  // Chinese on the dark theme: Lock now from Settings, then the lock screen.
  await callApi(app, request, 'settings:update', { language: 'zh-CN', theme: 'dark' });
  await openSettings(page, /^设置$/);
  await expect(page.getByText('应用锁已开启。')).toBeVisible();
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: '应用锁', exact: true }),
  });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'test-results/e2e/app-lock-settings-zh-dark.png' });
  await page.getByRole('button', { name: '立即锁定' }).click();
  await expect(page.getByRole('heading', { name: 'ShopMesh 已锁定' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/e2e/app-lock-zh-dark.png', fullPage: true });
  await page.getByLabel('应用锁密码').fill(PASSPHRASE);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 30_000 });

  // A reload while unlocked keeps working; the lock is main's state, not the page's.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 30_000 });
});
