import { expect, type Locator, type Page, test } from '@playwright/test';
import { gradientPng } from '../helpers/images';
import { callApi, connectShopAndSync, setLook, webAppPerTest } from './web-app';

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

test('a picture, a product card and a collaboration card, previewed as the creator sees them', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(180_000);
  // Tall enough that each screenshot holds the whole editor with its preview.
  await page.setViewportSize({ width: 1360, height: 1500 });
  await page.goto(web.app.url);
  await connectShopAndSync(page, context);
  await callApi(web.app, request, 'creators:add', { handle: 'luna_reviews', nickname: 'Luna' });
  const catalogue = await callApi<{ items: Array<{ title: string }> }>(web.app, request, 'products:list', {
    status: 'ACTIVATE',
    limit: 1,
  });
  const productTitle = catalogue.items[0]!.title;

  await nav(page).getByRole('link', { name: 'Outreach' }).click();
  await page.getByRole('tab', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('region', { name: 'New template' });
  await editor.getByLabel('Name', { exact: true }).fill('Spring lookbook');
  // The type is a radio group: arrow keys move through it.
  const types = editor.getByRole('group', { name: 'Message type' });
  await types.getByRole('radio', { name: 'Text message' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(types.getByRole('radio', { name: 'Image' })).toBeChecked();
  await expect(editor.getByRole('textbox', { name: 'Text' })).toHaveCount(0);

  const picture = editor.getByRole('group', { name: 'Picture' });
  const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser');
    await picture.getByRole('button', { name: /(Choose|Replace) picture/ }).click();
    await (await chooser).setFiles(file);
  };
  await choose({ name: 'rate-card.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
  await expect(picture.getByRole('alert')).toHaveText(
    '“rate-card.pdf” is not a picture TikTok takes: choose a jpg, png, gif or webp file.',
  );
  await choose({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(11 * 1024 * 1024) });
  await expect(picture.getByRole('alert')).toHaveText(
    '“huge.png” is 11 MB; TikTok takes pictures of at most 10 MB.',
  );
  // A file named .png that is no picture: refused when read, and by main if it ever got there.
  await choose({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
  await expect(picture.getByRole('alert')).toContainText('“fake.png” could not be read as a picture');
  await choose({
    name: 'spring-lookbook.png',
    mimeType: 'image/png',
    buffer: gradientPng(480, 320, [255, 138, 101], [94, 53, 177]),
  });
  await expect(picture.getByRole('img', { name: 'The picture to send: spring-lookbook.png' })).toBeVisible();
  await expect(picture.getByRole('alert')).toHaveCount(0);
  await expect(picture).toContainText('480 × 320 px');
  const preview = editor.getByRole('region', { name: 'Preview of the template' });
  await editor.getByLabel('Find a creator to preview for').fill('luna');
  await expect(preview).toContainText('As @luna_reviews sees it');
  await expect(preview.getByRole('img', { name: 'Picture message: spring-lookbook.png' })).toBeVisible();
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template "Spring lookbook" saved.')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/outreach-template-image-en-light.png', fullPage: true });

  // A product card: the product found in the catalogue by keyboard.
  await page.getByRole('button', { name: 'New template' }).click();
  const card = page.getByRole('region', { name: 'New template' });
  await card.getByLabel('Name', { exact: true }).fill('Bestseller card');
  await card.getByRole('radio', { name: 'Product card' }).check();
  const cardPreview = card.getByRole('region', { name: 'Preview of the template' });
  await expect(cardPreview.getByRole('figure', { name: 'Product card' })).toContainText(
    "The outreach's first product",
  );
  const onCard = card.getByRole('group', { name: 'Product on the card' });
  await onCard.getByRole('radio', { name: 'This product' }).check();
  const search = onCard.getByRole('combobox', { name: 'Find a product' });
  await search.fill(productTitle.split(' ')[0]!);
  await expect(onCard.getByRole('option').first()).toBeVisible();
  await search.press('Enter');
  await expect(onCard.getByRole('status')).toContainText('Card of “');
  await expect(cardPreview.getByRole('figure', { name: 'Product card' })).not.toContainText(
    "The outreach's first product",
  );
  await card.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template "Bestseller card" saved.')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/outreach-template-card-en-light.png', fullPage: true });

  // A collaboration card: what it refers to, drawn with the outreach's facts.
  await page.getByRole('button', { name: 'New template' }).click();
  const collab = page.getByRole('region', { name: 'New template' });
  await collab.getByLabel('Name', { exact: true }).fill('Invitation card');
  await collab.getByRole('radio', { name: 'Collaboration card' }).check();
  await expect(collab.getByText(/card of the invitation the same outreach sent this creator/)).toBeVisible();
  await collab.getByLabel('{{commission}}').fill('15%');
  await collab.getByLabel('{{product_names}}').fill('Silk Scrunchie');
  const invitation = collab.getByRole('figure', { name: 'Collaboration card' });
  await expect(invitation).toContainText('invites you to promote their products');
  await expect(invitation).toContainText('15%');
  await collab.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template "Invitation card" saved.')).toBeVisible();

  // Saved pictures come back from main; each type in both languages and themes.
  const list = page.getByRole('navigation', { name: 'Templates' });
  await expect(list.getByRole('button', { name: /Spring lookbook/ })).toContainText('Image');
  for (const [name, shot] of [
    ['Spring lookbook', 'image'],
    ['Bestseller card', 'card'],
    ['Invitation card', 'collaboration'],
  ] as const) {
    await setLook(page, 'en', 'light');
    await list.getByRole('button', { name: new RegExp(name) }).click();
    const open = page.getByRole('region', { name });
    if (shot === 'image')
      await expect(open.getByRole('img', { name: 'The picture to send: spring-lookbook.png' })).toBeVisible();
    for (const [language, theme] of [
      ['zh-CN', 'dark'],
      ['zh-CN', 'light'],
      ['en', 'dark'],
    ] as const) {
      await setLook(page, language, theme);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.screenshot({
        path: `test-results/e2e/outreach-template-${shot}-${language}-${theme}.png`,
        fullPage: true,
      });
    }
  }
});
