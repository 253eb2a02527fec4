import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { creatorCodec } from '../../src-main/sandbox/data/generator';
import { DEFAULT_SEED } from '../../src-main/sandbox/index';
import { makeCredentials } from '../../src-main/sandbox/state';
import { callApi, webAppPerTest } from './web-app';

/**
 * An Outreach from the Outreach page: created through the local API (the creation wizard is planned), then
 * started from the page, which follows it to the end with every creator's state and reason. Screenshots in
 * both languages and themes.
 */

const web = webAppPerTest('shopmesh-e2e-outreach-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-outreach-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

const call = <T>(request: APIRequestContext, channel: string, data: unknown): Promise<T> =>
  callApi<T>(web.app, request, channel, data);

test('an Outreach is started, followed and finished from the Outreach page', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(web.app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Accounts' }).click();
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect TikTok Shop' }).click();
  const tab = await consentTab;
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await tab.close();
  await expect(page.getByText('Your shop is connected.', { exact: false })).toBeVisible();

  await nav.getByRole('link', { name: 'Outreach' }).click();
  await expect(page.getByRole('heading', { name: 'No outreach yet' })).toBeVisible();

  // Creators as the CRM would hold them: the sandbox's creators with their TikTok open ids (its seed and
  // app key are the embedded sandbox's defaults). Some are in the other region or refuse shops.
  const codec = creatorCodec(DEFAULT_SEED, makeCredentials(DEFAULT_SEED).shop.appKey);
  const db = new BetterSqlite3(join(web.dataDir, 'shopmesh.db'));
  const insert = db.prepare(
    `INSERT OR IGNORE INTO creators (canonical_id, open_id, handle, nickname, first_seen_at, updated_at)
     VALUES (0, ?, ?, ?, 1, 1)`,
  );
  const openIds = Array.from({ length: 24 }, (_, i) => codec.encode(i));
  for (const [i, openId] of openIds.entries()) insert.run(openId, `creator_${i}`, `Creator ${i}`);
  // Each its own identity, as the CRM makes them (the root of its merge tree).
  db.exec('UPDATE creators SET canonical_id = id WHERE canonical_id = 0');
  // The first sync may already have met some of them (samples, collaborations) under their real handles.
  const chosen = db
    .prepare(
      `SELECT id, handle FROM creators WHERE open_id IN (${openIds.map(() => '?').join(',')}) ORDER BY id`,
    )
    .all(...openIds) as Array<{ id: number; handle: string }>;
  db.close();
  // Two Outreaches below, each to its own creators (a creator just contacted is in the cooldown).
  const creatorIds = chosen.slice(0, 12).map((c) => c.id);
  const laterIds = chosen.slice(12).map((c) => c.id);

  const { accounts } = await call<{
    accounts: Array<{ id: string; provider: string; shops: Array<{ shopId: string; region: string }> }>;
  }>(request, 'accounts:list', {});
  const shopAccount = accounts.find((a) => a.provider === 'shop')!;
  const shop = shopAccount.shops.find((s) => s.region === 'US') ?? shopAccount.shops[0]!;
  const template = await call<{ id: number }>(request, 'templates:save', {
    name: 'Hello',
    kind: 'message',
    language: 'en',
    body: 'Hi {{creator_name}}, {{shop_name}} would love to send you a sample.',
  });
  await call(request, 'outreach:create', {
    accountId: shopAccount.id,
    shopId: shop.shopId,
    name: 'Spring samples',
    action: 'message',
    creatorIds,
    messageTemplateId: template.id,
    ratePerMinute: 600,
    weeklyPool: null,
  });

  await page.reload();
  const card = page.getByRole('article', { name: 'Spring samples' });
  await expect(card.getByText('Draft')).toBeVisible();
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(card.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  // The finish is news: once, as a toast here (a desktop notification in the Electron shell).
  const finished = page.getByRole('status').filter({ hasText: '“Spring samples” finished:' });
  await expect(finished).toHaveCount(1);
  await expect(finished).toContainText(/\d+ sent, \d+ failed, \d+ skipped\./);
  await expect(card.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  const table = page
    .getByRole('grid', { name: 'Creators of Spring samples' })
    .or(page.getByRole('table', { name: 'Creators of Spring samples' }));
  await expect(table.getByText(`@${chosen[0]!.handle}`, { exact: true })).toBeVisible();
  await expect(table.getByText('Sent').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/outreach-finished-en-light.png', fullPage: true });

  // Filter to the skipped ones: each says why.
  await page.getByLabel('State').selectOption('skipped');
  await page.screenshot({ path: 'test-results/e2e/outreach-skipped-en-light.png', fullPage: true });

  await call(request, 'settings:update', { language: 'zh-CN', theme: 'dark' });
  await page.reload();
  await expect(page.getByRole('article', { name: 'Spring samples' }).getByText('已完成')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/outreach-finished-zh-dark.png', fullPage: true });

  // "Pause all" (as in the tray) stops whatever sends; here a slow Outreach to other creators.
  const slow = await call<{ outreach: { id: number } }>(request, 'outreach:create', {
    accountId: shopAccount.id,
    shopId: shop.shopId,
    name: 'Summer samples',
    action: 'message',
    creatorIds: laterIds,
    messageTemplateId: template.id,
    ratePerMinute: 1,
    weeklyPool: null,
  });
  await call(request, 'outreach:start', { id: slow.outreach.id });
  const pauseAll = page.getByRole('button', { name: '暂停全部建联' });
  await expect(pauseAll).toBeVisible();
  await pauseAll.click();
  await expect(page.getByRole('status').filter({ hasText: '已暂停 1 个建联。' })).toBeVisible();
  const summer = page.getByRole('article', { name: 'Summer samples' });
  await expect(summer.getByText('已暂停', { exact: true })).toBeVisible();
  await expect(pauseAll).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/outreach-paused-all-zh-dark.png', fullPage: true });
});
