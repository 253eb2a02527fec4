import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { inEachLook, setLook, webAppPerTest } from './web-app';

/**
 * Issue 4's "done when": a new user connects all three kinds of Account from the UI, restarts, is still
 * connected, and the database file read with the sqlite3 command line shows no readable token.
 */
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-connect-all-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
};

const web = webAppPerTest('shopmesh-e2e-all-', env);

async function approve(
  page: Page,
  context: BrowserContext,
  button: string,
  connected: RegExp,
): Promise<void> {
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: button }).click();
  const tab = await consentTab;
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await expect(tab.getByText('You can close this tab and return to ShopMesh.')).toBeVisible();
  await tab.close();
  await expect(page.getByText(connected)).toBeVisible();
}

test('all three kinds of Account stay connected across a restart, and no token is readable on disk', async ({
  page,
  context,
}) => {
  // Three consents, a first sync and a restart of the app: over a minute on a busy two-core machine.
  test.setTimeout(150_000);
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await approve(page, context, 'Connect TikTok Shop', /Your shop is connected/);
  await approve(page, context, 'Connect TikTok Ads', /Your ad account is connected/);
  await approve(page, context, 'Sign in with TikTok', /You're signed in with TikTok/);

  const accounts = page.getByRole('table').filter({ hasText: 'Connected on' });
  await expect(accounts.getByRole('row')).toHaveCount(4); // header + 3
  await expect(page.getByRole('button', { name: /Signed in with TikTok as/ })).toBeVisible();

  // Issue 16 item 3: signed in, the Accounts page no longer offers to sign in, and the identity in the top bar
  // opens its profile, counts on one line, with Sign out; in both languages and themes.
  await expect(page.getByRole('button', { name: 'Sign in with TikTok' })).toHaveCount(0);
  await inEachLook(page, async ({ language, theme, en }) => {
    await page
      .getByRole('button', { name: en ? /^Signed in with TikTok as / : /^已使用 TikTok 登录：/ })
      .click();
    const panel = page.getByRole('region', { name: en ? 'Your TikTok profile' : '您的 TikTok 资料' });
    await expect(panel.getByRole('button', { name: en ? 'Sign out' : '退出登录' })).toBeVisible();
    const counts = panel.locator('.identity-stats > div');
    await expect(counts).not.toHaveCount(0);
    const tops = await counts.evaluateAll((items) =>
      items.map((i) => Math.round(i.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
    // ...and inside the panel: the English counts once ran past its right edge.
    const panelRight = await panel.evaluate((p) => p.getBoundingClientRect().right);
    const rights = await counts.evaluateAll((items) => items.map((i) => i.getBoundingClientRect().right));
    expect(Math.max(...rights)).toBeLessThanOrEqual(panelRight);
    await page.screenshot({ path: `test-results/e2e/identity-menu-${language}-${theme}.png` });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });
  await setLook(page, 'en', 'light');

  await web.start(env);
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  const rows = page.getByRole('table').filter({ hasText: 'Connected on' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  for (const kind of ['TikTok Shop', 'TikTok Ads', 'TikTok account']) {
    await expect(rows.filter({ hasText: kind })).toContainText('Active');
  }
  await page.screenshot({ path: 'test-results/e2e/accounts-all-three.png', fullPage: true });
  await web.stop();

  // What a curious user (or a copied database file) reveals: sqlite3's own dump.
  const dump = execFileSync('sqlite3', [join(web.dataDir, 'shopmesh.db'), '.dump'], { encoding: 'utf8' });
  expect(dump).toContain('CREATE TABLE secrets');
  expect(dump).toMatch(/INSERT INTO secrets VALUES\('account:/);
  expect(dump).not.toMatch(/TTP_[A-Za-z0-9_-]{10,}|act\.[A-Za-z0-9_.!-]{10,}|rft\.[A-Za-z0-9_.!-]{10,}/);
  // Every stored secret is a binary ciphertext, never text.
  const types = execFileSync(
    'sqlite3',
    [join(web.dataDir, 'shopmesh.db'), 'SELECT DISTINCT typeof(ciphertext) FROM secrets'],
    {
      encoding: 'utf8',
    },
  );
  expect(types.trim()).toBe('blob');
  await web.start(env);
});
