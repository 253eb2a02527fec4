import { expect, type Page, test } from '@playwright/test';
import { connectAndSeed, crmEnv, expectSyncHealthy, type SeededWorld } from './crm-app';
import { setLook, webAppPerTest } from './web-app';

/**
 * Issue 12's manual merge in the real renderer: one person seen as two creators (a US handle and a UK handle,
 * different TikTok ids, so no rule merges them) is found from the first one's detail through the picker,
 * checked in the preview (which side's stage, tags, lists and score win), merged, and split back again.
 * Screenshots in English light and Chinese dark.
 */

/** The connected Account's US and UK shops, as the sync stored them (their names are the sandbox's). */
const shops = { us: { id: '', name: '' }, uk: { id: '', name: '' } };

/**
 * Lena, seen by the connected Account's US shop and by its UK shop, with different stages, tags, a note and
 * a score by hand.
 */
function addLena({ db, crm, now, owner }: SeededWorld): void {
  const shopIn = (region: string) =>
    db
      .prepare('SELECT shop_id AS id, name FROM shops WHERE account_id = ? AND region = ?')
      .get(owner.accountId, region) as { id: string; name: string };
  shops.us = shopIn('US');
  shops.uk = shopIn('GB');
  const us = crm.resolve(
    { openId: 'lena-us', handle: 'lena.glow', nickname: 'Lena Glow', region: 'US' },
    {
      origin: 'sync',
      place: { accountId: owner.accountId, shopId: shops.us.id, source: 'collaboration' },
      now,
    },
  )!.creatorId;
  const uk = crm.resolve(
    { openId: 'lena-uk', handle: 'lenaglow_uk', nickname: 'Lena in London', region: 'GB' },
    {
      origin: 'sync',
      place: { accountId: owner.accountId, shopId: shops.uk.id, source: 'conversation' },
      now,
    },
  )!.creatorId;
  crm.update({ id: us, stage: 'contacted', addTags: ['skincare'] });
  crm.addNote(us, 'Met at the Austin pop-up');
  crm.update({ id: uk, stage: 'sample_sent', addTags: ['uk-launch'] });
  crm.update({ id: uk, scoreOverride: 91, scoreOverrideReason: 'Sold out our serum in a week' });
}

const web = webAppPerTest('shopmesh-e2e-merge-', { ...crmEnv, SHOPMESH_SANDBOX_SCALE: 'tiny' });

const nav = (page: Page) => page.getByRole('navigation', { name: /Main|主导航/ });

async function openCreator(page: Page, handle: string, search: RegExp) {
  await nav(page)
    .getByRole('link', { name: /^(Creators|达人)$/ })
    .click();
  await page.getByLabel(search).fill(handle);
  const row = page.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText(handle);
  await row.click();
}

test('merge two creators from the detail with the picker, then split them again', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // The sandbox's shop connected and synced first, so Lena's shops are its own and the sync is healthy.
  await connectAndSeed(web, page, context, { size: 500, seed: 27, extra: addLena });
  await expectSyncHealthy(page, web);
  await openCreator(page, 'lena.glow', /Search creators/);
  const detail = page.getByRole('dialog', { name: '@lena.glow' });
  const identity = detail.getByRole('region', { name: 'Identity' });
  await identity.getByRole('button', { name: 'Merge with another creator…' }).click();

  // The picker: the CRM's own full-text search, driven from the keyboard.
  const merge = page.getByRole('dialog', { name: 'Merge @lena.glow with another creator' });
  const box = merge.getByRole('combobox', { name: 'Creator to merge with' });
  await expect(box).toBeFocused();
  await box.fill('lena');
  const options = merge.getByRole('listbox', { name: 'Creator to merge with' }).getByRole('option');
  // The creator itself is never offered.
  await expect(options.filter({ hasText: '@lenaglow_uk' })).toHaveCount(1);
  await expect(options.filter({ hasText: '@lena.glow' })).toHaveCount(0);
  const target = options.filter({ hasText: '@lenaglow_uk' });
  // Down until the UK creator is the active option, then Enter.
  for (let i = 0; i < 8 && (await target.getAttribute('aria-selected')) !== 'true'; i++) {
    await box.press('ArrowDown');
  }
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await target.getAttribute('id'))!);
  await box.press('Enter');

  // What the merge will make: unions, the further stage, the only score set by hand.
  const preview = merge.getByRole('table', { name: 'What the merged creator will hold' });
  const row = (name: string) => preview.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Pipeline stage').getByRole('cell')).toHaveText([
    'Contacted',
    'Sample sent',
    'Sample sent',
  ]);
  await expect(row('Tags').getByRole('cell')).toHaveText(['skincare', 'uk-launch', 'skincare, uk-launch']);
  await expect(row('Shops').getByRole('cell')).toHaveText([
    shops.us.name,
    shops.uk.name,
    `${shops.us.name}, ${shops.uk.name}`,
  ]);
  await expect(row('Notes').getByRole('cell')).toHaveText(['1', '0', '1']);
  await expect(row('Score set by hand').getByRole('cell')).toHaveText(['—', '91', '91']);
  await expect(merge.getByRole('radio', { name: 'Keep @lena.glow' })).toBeChecked();
  await merge.screenshot({ path: 'test-results/e2e/creators-merge-preview-en-light.png' });
  await merge.getByRole('button', { name: 'Merge creators' }).click();
  await expect(merge).toHaveCount(0);

  // One creator now: the UK record sits in the identity section, with its shop, tag and stage.
  await expect(identity.getByText(/^@lenaglow_uk, merged /)).toBeVisible();
  await expect(detail.getByLabel('Stage', { exact: true })).toHaveValue('sample_sent');
  await expect(detail.getByRole('region', { name: 'Tags' })).toContainText('uk-launch');
  await expect(detail.getByRole('heading', { name: 'Why score 91' })).toBeVisible();
  await detail.screenshot({ path: 'test-results/e2e/creators-merged-en-light.png' });
  await detail.getByRole('button', { name: 'Close' }).click();
  // The UK handle now finds the one merged creator, shown under the kept one's handle.
  await page.getByLabel('Search creators').fill('lenaglow_uk');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('@lena.glow');
  await expect(page.getByRole('status').filter({ hasText: /creators?$/ })).toHaveText('1 creator');

  // Split back: two creators again, each with what it had.
  await page.getByRole('table').getByRole('row').nth(1).click();
  const again = page.getByRole('dialog', { name: /^@lena/ });
  await again.getByRole('button', { name: 'Split @lenaglow_uk off' }).click();
  await expect(again.getByText(/^@lenaglow_uk, merged /)).toHaveCount(0);
  await expect(again.getByRole('region', { name: 'Tags' })).not.toContainText('uk-launch');
  // What the merge brought (the UK stage and score) goes back with the UK record.
  await expect(again.getByLabel('Stage', { exact: true })).toHaveValue('contacted');
  await expect(again.getByText(/set by hand/)).toHaveCount(0);
  await again.getByRole('button', { name: 'Close' }).click();
  await openCreator(page, 'lenaglow_uk', /Search creators/);
  await expect(page.getByRole('table').getByRole('row').nth(1)).not.toContainText('@lena.glow');
  const uk = page.getByRole('dialog', { name: '@lenaglow_uk' });
  await expect(uk.getByLabel('Stage', { exact: true })).toHaveValue('sample_sent');
  await expect(uk.getByRole('heading', { name: 'Why score 91' })).toBeVisible();
  await uk.getByRole('button', { name: 'Close' }).click();

  // Chinese, dark: the same picker and preview, translated (merge chosen the other way round, then cancelled).
  await setLook(page, 'zh-CN', 'dark');
  await openCreator(page, 'lena.glow', /搜索达人/);
  await page.getByRole('dialog').getByRole('button', { name: '与其他达人合并…' }).click();
  const zh = page.getByRole('dialog', { name: '将 @lena.glow 与其他达人合并' });
  await zh.getByRole('combobox', { name: '要合并的达人' }).fill('lenaglow');
  await zh.getByRole('option').filter({ hasText: '@lenaglow_uk' }).click();
  await zh.getByRole('radio', { name: '保留 @lenaglow_uk' }).check();
  await expect(zh.getByRole('columnheader', { name: '@lenaglow_uk（保留）' })).toBeVisible();
  await expectSyncHealthy(page, web);
  await zh.screenshot({ path: 'test-results/e2e/creators-merge-preview-zh-CN-dark.png' });
  await zh.getByRole('button', { name: '关闭' }).click();
  await expect(zh).toHaveCount(0);
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
});
