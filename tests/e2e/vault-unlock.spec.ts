import { expect, type Page, test } from '@playwright/test';
import { type RunningWebApp, webAppPerTest } from './web-app';

/**
 * A merchant on a machine without a keychain: the passphrase key store is chosen but no passphrase is set,
 * so the Accounts page asks the merchant to choose one, a shop is connected through the sandbox consent
 * tab, and after a restart the same passphrase (typed again) brings the shop back as Active.
 */
const PASSPHRASE = 'e2e-chosen-passphrase-41';
const NEW_PASSPHRASE = 'e2e-new-passphrase-77';
const noPassphraseEnv = { SHOPMESH_KEYSTORE: 'passphrase', SHOPMESH_SANDBOX_SCALE: 'tiny' };

const web = webAppPerTest('shopmesh-e2e-vault-', noPassphraseEnv);
// Typed into the page, not set in the env: the secret sweep needs them to unwrap and search for the key.
test.beforeEach(() => {
  web.vaultPassphrase(PASSPHRASE);
  web.vaultPassphrase(NEW_PASSPHRASE);
});

/**
 * Each passphrase step runs scrypt once or twice in main (a deliberately slow key derivation): seconds on a
 * quiet machine, far more on a shared one. The journeys wait on what the page says, as long as that takes.
 */
const scrypt = { timeout: 60_000 };
// Two or three of those steps, a restart and a sync in one journey.
test.describe.configure({ timeout: 240_000 });

async function openAccounts(page: Page, running: RunningWebApp): Promise<void> {
  await page.goto(running.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
}

test('a merchant without a keychain chooses a passphrase, connects a shop and unlocks after a restart', async ({
  page,
  context,
}) => {
  await openAccounts(page, web.app);
  const choose = page.getByRole('region', {
    name: 'Choose a passphrase to protect your TikTok sign-ins on this computer',
  });
  await expect(choose).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect TikTok Shop' })).toBeDisabled();
  await expect(choose.getByText('asks for this passphrase each time it starts')).toBeVisible();

  // Client-side checks first: too short, then a mismatch.
  await choose.getByLabel('Passphrase', { exact: true }).fill('short');
  await choose.getByRole('button', { name: 'Protect and unlock' }).click();
  await expect(choose.getByText('Use at least 8 characters.')).toBeVisible();
  await choose.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await choose.getByLabel('Confirm passphrase').fill(`${PASSPHRASE}x`);
  await choose.getByRole('button', { name: 'Protect and unlock' }).click();
  await expect(choose.getByText("The two passphrases don't match.")).toBeVisible();
  await choose.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.screenshot({ path: 'test-results/e2e/vault-choose-passphrase.png', fullPage: true });
  await choose.getByRole('button', { name: 'Protect and unlock' }).click();
  await expect(choose).toBeHidden(scrypt);

  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect TikTok Shop' }).click();
  const tab = await consentTab;
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await expect(tab.getByText('You can close this tab and return to ShopMesh.')).toBeVisible();
  await tab.close();
  const shops = page.getByRole('list', { name: 'Shops' });
  await expect(shops.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('row').filter({ has: shops })).toContainText('Active');
  expect(await page.content()).not.toContain(PASSPHRASE);

  await web.start();
  // Locked after the restart: every page says so, and nothing can sync until it is unlocked.
  await page.goto(web.app.url);
  const enter = page.getByRole('region', { name: 'ShopMesh is locked — enter your passphrase' });
  for (const name of ['Orders', 'Products', 'Activity', 'Dashboard']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await expect(enter).toBeVisible();
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('button', { name: 'Sync now' }).first()).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(page.getByText(/SHOPMESH_|Secret Service|D-Bus/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/vault-locked-orders.png', fullPage: true });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(enter).toBeVisible();
  await expect(enter.getByLabel('Confirm passphrase')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/vault-enter-passphrase.png', fullPage: true });

  await enter.getByLabel('Passphrase', { exact: true }).fill('not-the-passphrase');
  await enter.getByRole('button', { name: 'Unlock' }).click();
  await expect(enter.getByText("That passphrase isn't right. Check it and try again.")).toBeVisible({
    ...scrypt,
  });
  await expect(enter.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.screenshot({ path: 'test-results/e2e/vault-wrong-passphrase.png', fullPage: true });

  await enter.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await enter.getByRole('button', { name: 'Unlock' }).click();
  await expect(enter).toBeHidden(scrypt);
  await expect(page.getByRole('row').filter({ has: shops })).toContainText('Active');
  await expect(page.getByRole('button', { name: 'Connect TikTok Shop' })).toBeEnabled();

  // Unlocking starts the sync that could not run while locked.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('tab', { name: 'Sync history' }).click();
  await expect(page.getByRole('cell', { name: 'After unlocking' }).first()).toBeVisible({ timeout: 60_000 });
});

test('the choose-a-passphrase form in Simplified Chinese', async ({ page }) => {
  await page.goto(web.app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '账号' }).click();
  const choose = page.getByRole('region', { name: '设置一个口令，保护这台电脑上的 TikTok 登录信息' });
  await expect(choose.getByLabel('口令', { exact: true })).toBeVisible();
  await expect(choose.getByLabel('确认口令')).toBeVisible();
  await choose.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  await choose.getByLabel('确认口令').fill('different-passphrase');
  await choose.getByRole('button', { name: '设置并解锁' }).click();
  await expect(choose.getByText('两次输入的口令不一致。')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/vault-choose-passphrase-zh.png', fullPage: true });
});

async function chooseFirstPassphrase(page: Page, running: RunningWebApp): Promise<void> {
  await openAccounts(page, running);
  const choose = page.getByRole('region', {
    name: 'Choose a passphrase to protect your TikTok sign-ins on this computer',
  });
  await choose.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await choose.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await choose.getByRole('button', { name: 'Protect and unlock' }).click();
  await expect(choose).toBeHidden(scrypt);
}

test('a merchant changes the passphrase in Settings; a wrong current one changes nothing', async ({
  page,
}) => {
  await chooseFirstPassphrase(page, web.app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Passphrase' }) });
  await expect(section).toBeVisible();
  const current = section.getByLabel('Current passphrase');
  const submit = section.getByRole('button', { name: 'Change passphrase' });

  // Client-side checks: the new one typed twice must match.
  await current.fill(PASSPHRASE);
  await section.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('Confirm new passphrase').fill(`${NEW_PASSPHRASE}x`);
  await submit.click();
  await expect(section.getByText("The two passphrases don't match.")).toBeVisible();

  // A wrong current passphrase: main refuses after its pause, and says so under that field.
  await current.fill('not-the-passphrase');
  await section.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
  await submit.click();
  await expect(section.getByText('That is not the current passphrase, so nothing was changed.')).toBeVisible({
    ...scrypt,
  });
  await expect(current).toBeFocused();
  await page.screenshot({ path: 'test-results/e2e/vault-change-passphrase-wrong.png', fullPage: true });

  await current.fill(PASSPHRASE);
  await submit.click();
  await expect(section.getByRole('status')).toHaveText('Passphrase changed', scrypt);
  await expect(current).toHaveValue('');
  await page.screenshot({ path: 'test-results/e2e/vault-change-passphrase-done.png', fullPage: true });
  expect(await page.content()).not.toContain(NEW_PASSPHRASE);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText('Passphrase of the secure storage changed')).toBeVisible();

  // After a restart only the new passphrase opens the folder.
  await web.start();
  await openAccounts(page, web.app);
  const enter = page.getByRole('region', { name: 'ShopMesh is locked — enter your passphrase' });
  await enter.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await enter.getByRole('button', { name: 'Unlock' }).click();
  await expect(enter.getByText("That passphrase isn't right. Check it and try again.")).toBeVisible({
    ...scrypt,
  });
  await enter.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await enter.getByRole('button', { name: 'Unlock' }).click();
  await expect(enter).toBeHidden(scrypt);
});

test('Change passphrase in Simplified Chinese, dark theme', async ({ page }) => {
  await chooseFirstPassphrase(page, web.app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Language').selectOption('zh-CN');
  const section = page.locator('section', { has: page.getByRole('heading', { name: '口令', exact: true }) });
  await section.getByLabel('当前口令').fill('not-the-passphrase');
  await section.getByLabel('新口令', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('确认新口令').fill(NEW_PASSPHRASE);
  await section.getByRole('button', { name: '更改口令' }).click();
  await expect(section.getByText('这不是当前口令，因此未做任何更改。请检查后重试。')).toBeVisible({
    ...scrypt,
  });
  await page.screenshot({
    path: 'test-results/e2e/vault-change-passphrase-wrong-zh-dark.png',
    fullPage: true,
  });
  await section.getByLabel('当前口令').fill(PASSPHRASE);
  await section.getByRole('button', { name: '更改口令' }).click();
  await expect(section.getByRole('status')).toHaveText('口令已更改', scrypt);
  await page.screenshot({
    path: 'test-results/e2e/vault-change-passphrase-done-zh-dark.png',
    fullPage: true,
  });
});
