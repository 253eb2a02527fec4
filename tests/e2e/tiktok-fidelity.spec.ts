import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { sandboxProfile } from '../../src-main/profile/profile';
import { type SandboxHandle, startSandbox } from '../../src-main/sandbox/index';
import { admin, connectShop, inviteCreators, shopCaller, TestTokenSource } from '../helpers/sync-fixtures';
import { openDatabase } from '../../src-main/db/connection';
import { makeTempDir } from '../helpers/tmp';
import { callApi, connectShop as connectShopInApp, sandboxProfileFile, webAppPerTest } from './web-app';

/**
 * What TikTok sends as its reference documents it, seen by the merchant (issue 9):
 * - one order per page with a field of the wrong type: everything else is stored, the run is "Partly
 *   done", and Activity → Sync history names the records kept aside, with their JSON to copy or export for
 *   a bug report, in English and 简体中文;
 * - a target collaboration the seller removed shows as "Cancelling" on the Outreach page.
 *
 * The sandbox runs in the test (so its faults and data can be set up) and the app reaches it through a
 * profile file.
 */

let sandbox: SandboxHandle;

// Connect, a first sync of every demo shop and two languages: over a minute on the shared 2-core machine.
test.describe.configure({ timeout: 150_000 });

/** The app reaches the sandbox this test started through a profile file in its data folder. */
const web = webAppPerTest('shopmesh-e2e-fidelity-', async (dataDir) => {
  sandbox = await startSandbox({ scale: 'tiny' });
  return {
    SHOPMESH_KEYSTORE: 'passphrase',
    SHOPMESH_VAULT_PASSPHRASE: 'e2e-fidelity-passphrase',
    SHOPMESH_SANDBOX_SCALE: 'tiny',
    SHOPMESH_PROFILE_FILE: sandboxProfileFile(dataDir, sandbox.info),
  };
});
test.afterEach(async () => {
  await sandbox.close();
});

test('records TikTok sent unreadable are named in the sync history, to copy or export', async ({
  page,
  context,
}) => {
  await admin(sandbox.info, 'POST', '/faults', {
    corruptRecordEveryN: 1,
    pathContains: '/order/202309/orders/search',
    corruptField: 'create_time',
    corruptValue: 'yesterday',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.app.origin });
  await page.goto(web.app.url);
  await connectShopInApp(page, context);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('tab', { name: 'Sync history' }).click();
  const history = page.getByRole('tabpanel', { name: 'Sync history' });
  await expect(history).toContainText('Partly done');
  await history.getByRole('row').nth(1).getByRole('button').first().click();
  const aside = history.getByRole('region', { name: 'Records kept aside' });
  await expect(aside).toContainText('could not read');
  const rows = aside.getByRole('row');
  await expect(rows).toHaveCount(3); // the header and one order per shop
  await expect(rows.nth(1)).toContainText('create_time expected a number, got text');
  await expect(rows.nth(1)).toContainText('Not stored');
  await aside.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/sync-quarantine-en.png', fullPage: true });

  const record = (await rows.nth(1).getByRole('cell').nth(1).innerText()).trim();
  await aside.getByRole('button', { name: `Copy the JSON of record ${record}` }).click();
  await expect(page.getByText('Copied. Paste it into your bug report.')).toBeVisible();
  const copied = JSON.parse((await page.evaluate('navigator.clipboard.readText()')) as string) as {
    records: Array<{ recordKey: string; json: { create_time: unknown; buyer_email: string } }>;
  };
  expect(copied.records).toHaveLength(1);
  expect(copied.records[0]).toMatchObject({
    recordKey: record,
    json: { create_time: 'yesterday', buyer_email: '[masked]' },
  });

  const downloading = page.waitForEvent('download');
  await aside.getByRole('button', { name: 'Export bug report' }).click();
  const file = await (await downloading).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { app: string; records: unknown[] };
  expect(exported).toMatchObject({ app: 'ShopMesh' });
  expect(exported.records).toHaveLength(2);

  await callApi(web.app, page.request, 'settings:update', { language: 'zh-CN', theme: 'dark' });
  // The tab panel is named in the page's language too.
  const historyZh = page.getByRole('tabpanel', { name: '同步记录' });
  const asideZh = historyZh.getByRole('region', { name: '已搁置的记录' });
  await expect(asideZh.getByRole('heading', { name: '已搁置的记录' })).toBeVisible();
  await expect(asideZh).toContainText('未保存');
  await expect(asideZh).toContainText('create_time 应为数字，实际为文本');
  await asideZh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/sync-quarantine-zh-dark.png', fullPage: true });
});

/**
 * The seller removes a target collaboration at TikTok (Remove Target Collaboration): the test plays the
 * seller with a grant of its own, as Seller Center would.
 */
async function removeCollaborationAtTikTok(): Promise<void> {
  const tmp = makeTempDir('shopmesh-e2e-seller-');
  const db = openDatabase(join(tmp.dir, 'seller.db'));
  try {
    const seller = {
      db,
      info: sandbox.info,
      profile: sandboxProfile(sandbox.info),
      tokens: new TestTokenSource(db, sandbox.info),
    };
    const shop = (await connectShop(seller))[0]!;
    const call = shopCaller(seller, shop.cipher);
    const { nowSec } = z.object({ nowSec: z.number() }).parse(await admin(sandbox.info, 'GET', '/clock'));
    const running = await inviteCreators(call, { days: 30, nowSec, firstCreator: 0 });
    const removed = await inviteCreators(call, { days: 30, nowSec, firstCreator: 5 });
    expect(running).not.toBe(removed);
    await call(
      'DELETE',
      `/affiliate_seller/202409/target_collaborations/${removed}`,
      z.object({}).loose(),
      {},
    );
  } finally {
    db.close();
    tmp.cleanup();
  }
}

test('a collaboration the seller removed shows as Cancelling on the Outreach page', async ({
  page,
  context,
}) => {
  await removeCollaborationAtTikTok();
  await page.goto(web.app.url);
  await connectShopInApp(page, context);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Outreach' }).click();
  await page.getByRole('tab', { name: 'Invitations (all shops)' }).click();
  const table = page.getByRole('table', { name: 'Target collaborations' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('Cancelling');
  await expect(table).toContainText('Running');
  await page.screenshot({ path: 'test-results/e2e/collaborations-cancelling.png', fullPage: true });
  await table.getByRole('row', { name: /Cancelling/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('TikTok is cancelling it');
  // The footer's Close (the title bar has an icon button of the same name).
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  await callApi(web.app, page.request, 'settings:update', { language: 'zh-CN' });
  await expect(page.getByRole('table', { name: '定向合作' })).toContainText('取消中');
  await page.screenshot({ path: 'test-results/e2e/collaborations-cancelling-zh.png', fullPage: true });
});
