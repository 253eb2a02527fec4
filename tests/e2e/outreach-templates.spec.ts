import { expect, type Locator, type Page, test } from '@playwright/test';
import { webAppPerTest } from './web-app';

/**
 * Issue 14 item 1 in the real renderer: Outreach → Templates. A merchant writes an English invitation and a
 * Chinese message, sees an unknown variable refused, a text over TikTok's length and a value with nothing
 * to fill it as errors in the live preview for a creator, a word of the editable sensitive-word list as a
 * warning, edits and deletes a template. Screenshots in both languages and themes.
 */

const web = webAppPerTest('shopmesh-e2e-templates-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-templates-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

const nav = (page: Page): Locator => page.getByRole('navigation', { name: /Main|主导航/ });

test('templates are written, previewed, checked, edited and deleted', async ({ page, request }) => {
  test.setTimeout(120_000);
  // A creator to preview for, as the CRM holds them.
  const added = await request.post(`${web.app.origin}/ipc/creators:add`, {
    headers: { Authorization: `Bearer ${web.app.token}` },
    data: { handle: 'luna_reviews', nickname: 'Luna' },
  });
  expect((await added.json()).ok).toBe(true);

  await page.goto(web.app.url);
  await nav(page).getByRole('link', { name: 'Outreach' }).click();
  await page.getByRole('tab', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { name: 'No templates yet' })).toBeVisible();
  await page.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('region', { name: 'New template' });

  // An invitation cannot name the creator: its chips leave the creator variables out, and main refuses them.
  await editor.getByLabel('Name', { exact: true }).fill('Spring invitation');
  await editor.getByLabel('Kind').selectOption('invitation');
  await expect(editor.getByRole('button', { name: '{{creator_name}}' })).toHaveCount(0);
  const text = editor.getByLabel('Text', { exact: true });
  await text.fill('Hi {{creator_name}}, join us');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor.getByText('The template cannot be saved yet')).toBeVisible();
  await expect(editor.getByRole('alert').first()).toContainText(
    '{{creator_name}} cannot be used in an invitation',
  );

  await text.fill('');
  await editor.getByRole('button', { name: '{{shop_name}}' }).click();
  await text.press('End');
  await text.pressSequentially(' invites you to promote {{product_names}}. Ping us on WhatsApp!');
  const preview = editor.getByRole('region', { name: 'Preview of the template' });
  await expect(preview).toContainText('{{product_names}} has no value for this creator');
  await expect(preview).toContainText('Words TikTok may reject as sensitive: whatsapp');
  await editor.getByLabel('{{product_names}}').fill('Silk Scrunchie');
  await editor.getByLabel('{{shop_name}}').fill('Maple & Moss');
  await expect(preview).toContainText(
    'Maple & Moss invites you to promote Silk Scrunchie. Ping us on WhatsApp!',
  );
  await expect(preview.getByRole('alert')).toHaveCount(0);
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template "Spring invitation" saved.')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/outreach-templates-en-light.png', fullPage: true });

  // A Chinese message for one creator: previewed with the creator's name; an unknown variable and over-length.
  await page.getByRole('button', { name: 'New template' }).click();
  const message = page.getByRole('region', { name: 'New template' });
  await message.getByLabel('Name', { exact: true }).fill('春季私信');
  await message.getByLabel('Kind').selectOption('message');
  await message.getByLabel('Language').selectOption('zh-CN');
  const body = message.getByLabel('Text', { exact: true });
  await body.fill('{{creator_nam}}，你好！');
  await expect(message.getByRole('region', { name: 'Preview of the template' })).toContainText(
    'Unknown variable {{creator_nam}}',
  );
  await body.fill('好'.repeat(2_001));
  await expect(message.getByRole('region', { name: 'Preview of the template' })).toContainText(
    'The text has 2001 characters; TikTok takes at most 2000',
  );
  await message.getByLabel('Find a creator to preview for').fill('luna');
  await expect(message.getByLabel('Preview for', { exact: true })).toHaveValue(/\d+/);
  await body.fill('{{creator_name}}，你好！我们是 {{shop_name}}。');
  await message.getByLabel('{{shop_name}}').fill('枫与苔');
  await expect(message.getByRole('region', { name: 'Preview of the template' })).toContainText(
    'Luna，你好！我们是 枫与苔。',
  );
  await message.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template "春季私信" saved.')).toBeVisible();

  // The sensitive-word list is the merchant's: a word added warns at once.
  await page.getByLabel('Add word').fill('Free money');
  await page.getByRole('button', { name: 'Add word' }).click();
  await expect(page.getByRole('list', { name: 'Sensitive words' }).getByText('Free money')).toBeVisible();
  await page.getByRole('button', { name: 'Remove "whatsapp"' }).click();
  await expect(page.getByRole('list', { name: 'Sensitive words' }).getByText('whatsapp')).toHaveCount(0);

  // Edit: the list and the editor follow; then delete, confirmed.
  const list = page.getByRole('navigation', { name: 'Templates' });
  await list.getByRole('button', { name: /Spring invitation/ }).click();
  const edit = page.getByRole('region', { name: 'Spring invitation' });
  await expect(edit.getByRole('region', { name: 'Preview of the template' })).not.toContainText('sensitive');
  await edit.getByLabel('Name', { exact: true }).fill('Spring invitation v2');
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(list.getByRole('button', { name: /Spring invitation v2/ })).toBeVisible();

  for (const [language, theme] of [
    ['zh-CN', 'dark'],
    ['zh-CN', 'light'],
    ['en', 'dark'],
  ] as const) {
    await request.post(`${web.app.origin}/ipc/settings:update`, {
      headers: { Authorization: `Bearer ${web.app.token}` },
      data: { language, theme },
    });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.screenshot({
      path: `test-results/e2e/outreach-templates-${language}-${theme}.png`,
      fullPage: true,
    });
  }
  await page
    .getByRole('region', { name: 'Spring invitation v2' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('button', { name: /Spring invitation/ })).toHaveCount(0);
  await expect(list.getByRole('button', { name: /春季私信/ })).toBeVisible();
});
