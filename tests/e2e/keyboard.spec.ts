import { expect, test } from '@playwright/test';
import { settled } from './layout-audit';
import { auditKeyboard } from './keyboard-audit';
import { connectShopAndSync, setLook, webAppPerTest } from './web-app';

/**
 * The pages of the catalogue, orders, outreach, sync history, accounts and settings by keyboard alone, in
 * both themes: every control is a Tab stop, each stop shows its focus ring and is scrolled into view, table
 * headers stick while their rows scroll, and a row opened with Enter is a dialog that Escape closes,
 * giving focus back to the row.
 */
const web = webAppPerTest('shopmesh-e2e-keyboard-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-keyboard-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

const pages = ['products', 'orders', 'outreach', 'activity', 'accounts', 'settings'] as const;

test('catalogue, orders, outreach, sync, accounts and settings work by keyboard in both themes', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(web.app.url);
  await connectShopAndSync(page, context);
  await page.mouse.move(640, 2);
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await setLook(page, 'en', theme);
    for (const name of pages) {
      await page.evaluate(`window.location.hash = '#/${name}'`);
      await expect(page.locator(`.sidebar a[href="#/${name}"]`)).toHaveAttribute('aria-current', 'page');
      await settled(page);
      problems.push(...(await auditKeyboard(page, `${name} ${theme}`)));
    }
  }
  expect(problems).toEqual([]);

  // A list row by keyboard: Tab to the table, Enter opens the row's dialog, Escape closes it, focus is back.
  for (const [name, table] of [
    ['orders', 'Orders'],
    ['products', 'Products'],
  ] as const) {
    await page.evaluate(`window.location.hash = '#/${name}'`);
    await settled(page);
    const rows = page.getByRole('table', { name: table }).locator('tbody tr');
    await rows.and(page.locator('[tabindex="0"]')).focus();
    await page.keyboard.press('ArrowDown');
    const focusedRow = () => page.evaluate<string>(`document.activeElement?.textContent ?? ''`);
    const row = await focusedRow();
    expect(row).not.toBe('');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await focusedRow()).toBe(row);
  }

  // A row's controls are reached from the row, not by Tab: Right arrow to its tick box, Space ticks it
  // (the row stays closed), Escape back to the row, and Tab leaves the table.
  const products = page.getByRole('table', { name: 'Products' });
  const focused = () =>
    page.evaluate<string>(
      `document.activeElement?.tagName + ' ' + (document.activeElement?.getAttribute('aria-label') ?? '')`,
    );
  await products.locator('tbody tr[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toMatch(/^INPUT Select every SKU of /);
  await page.keyboard.press('Space');
  await expect(page.getByRole('toolbar', { name: 'Selected SKUs' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await focused()).toMatch(/^INPUT Select every SKU of /);
  await page.keyboard.press('Escape');
  expect(await focused()).toBe('TR ');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(`!!document.activeElement?.closest('table[aria-label="Products"]')`)).toBe(
    false,
  );
});
