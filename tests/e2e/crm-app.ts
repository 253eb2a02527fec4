import { join } from 'node:path';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import type { SyncStatus } from '@shared/sync';
import type { CreatorsService } from '../../src-main/creators/service';
import { openDatabase, type Database } from '../../src-main/db/connection';
import { creatorCategories } from '../../src-main/sandbox/data/names';
import { IMPORT_CHUNK_BYTES, type ImportReport, type ImportResult } from '@shared/creator-import';
import { buildWorld, type World, type WorldOptions } from '../helpers/creator-world';
import { type WorldCsvRow, worldCsv } from '../helpers/creator-world-csv';
import { quietCrm } from '../helpers/quiet-crm';
import { callApi, connectShop, type WebAppPerTest } from './web-app';

/** What the CRM journeys start the app with: the vault under a passphrase, so no keychain is needed. */
export const crmEnv = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-creators-passphrase',
};

/** What a seeded world is written with once a real shop is connected; `db` is the app's, while it is stopped. */
export interface WorldSeed {
  size: number;
  seed: number;
  /** How categories are drawn and written (the owner is the connected Account, always). */
  options?: Omit<WorldOptions, 'owner'>;
  /**
   * One product per TikTok category in the first shop, named by its category chain, when the shop's own
   * synced products do not name every category the world uses.
   */
  categoryProducts?: boolean;
  /** What the journey reads of the app once the shop has synced and before it is stopped. */
  before?: () => Promise<unknown>;
  /** More rows through the CRM or the tables, after the world and before indexing. */
  extra?: (seeded: SeededWorld) => void;
}

/** What `WorldSeed.extra` is given. */
export interface SeededWorld {
  db: Database;
  crm: CreatorsService;
  world: World;
  now: number;
  owner: { accountId: string; shopIds: readonly string[] };
}

/**
 * A journey's start whose generated creators come in through the product's CSV import, as a merchant's file
 * from another tool does (`worldCsv`: handles, open ids, nicknames, regions, followers, GMV with its currency,
 * units sold, average views, engagement, categories): the shop is connected and synced, the file is uploaded
 * in the import dialog's chunks, checked (every row must be good and new) and confirmed over the app's local
 * API. Then, like `connectAndSeed`, the app is stopped for what only SQL or the CRM's own code can put there
 * (the category products, `extra`), everything stale is indexed by the CRM's worker, and the app starts again.
 */
export async function connectAndImport(
  web: WebAppPerTest,
  page: Page,
  context: BrowserContext,
  seed: Pick<WorldSeed, 'size' | 'seed' | 'categoryProducts' | 'before'> & {
    extra?: (seeded: Omit<SeededWorld, 'world'>) => void;
  },
): Promise<{ rows: WorldCsvRow[]; seededAt: number }> {
  await page.goto(web.app.url);
  await connectShop(page, context);
  await syncSettled(page, web);
  await seed.before?.();
  const { csv, rows } = worldCsv(
    seed.size,
    seed.seed,
    creatorCategories.map((c) => c.id),
  );
  const report = await importThroughApi(web, page, Buffer.from(csv, 'utf8'), 'creators.csv');
  expect(report.badRows).toEqual([]);
  expect(report).toMatchObject({ valid: seed.size, newCreators: seed.size, duplicatesInFile: 0 });
  const done = await callApi<ImportResult>(web.app, page.request, 'creators:import', {
    step: 'confirm',
    importId: report.importId,
  });
  expect(done).toMatchObject({ step: 'confirm', created: seed.size, merged: 0 });
  await web.stop();
  const db = openDatabase(join(web.dataDir, 'shopmesh.db'));
  const now = Date.now();
  try {
    const owner = ownerOf(db);
    if (seed.categoryProducts) addCategoryProducts(db, now, owner);
    const crm = quietCrm(db, now);
    seed.extra?.({ db, crm, now, owner });
    await crm.worker.kick('startup');
    await crm.close();
  } finally {
    db.close();
  }
  await web.start();
  await page.goto(web.app.url);
  return { rows, seededAt: now };
}

/** Uploads a file in the import dialog's chunks and runs the dry run: its report (nothing written yet). */
async function importThroughApi(
  web: WebAppPerTest,
  page: Page,
  bytes: Buffer,
  fileName: string,
): Promise<ImportReport> {
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    const up = await callApi<{ uploadId: string }>(web.app, page.request, 'creators:importUpload', {
      ...(uploadId ? { uploadId } : {}),
      offset,
      data: bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES).toString('base64'),
    });
    uploadId = up.uploadId;
  }
  const dry = await callApi<ImportResult>(web.app, page.request, 'creators:import', {
    step: 'dryRun',
    uploadId,
    fileName,
  });
  if (dry.step !== 'dryRun') throw new Error('the dry run answered another step');
  return dry.report;
}

/** The connected shop Account and its shops, US first. */
function ownerOf(db: Database): { accountId: string; shopIds: string[] } {
  const accountId = db
    .prepare(`SELECT id FROM accounts WHERE provider = 'shop' AND status = 'active'`)
    .pluck()
    .get() as string;
  const shopIds = db
    .prepare(`SELECT shop_id FROM shops WHERE account_id = ? ORDER BY region = 'US' DESC, shop_id`)
    .pluck()
    .all(accountId) as string[];
  return { accountId, shopIds };
}

/** Every Account's sync has run and none is running, as the app's own status says. */
export async function syncSettled(page: Page, web: WebAppPerTest): Promise<void> {
  await expect
    .poll(
      async () => {
        const status = await callApi<SyncStatus>(web.app, page.request, 'sync:status', {});
        return (
          status.accounts.length > 0 &&
          status.accounts.every((a) => a.state !== 'running' && a.lastOutcome !== null)
        );
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/**
 * A seeded-world journey's start. The sandbox's shop is connected on the Accounts page and synced, so the
 * app holds a real Account with real tokens; then the app is stopped, `seed.size` generated creators are
 * written as that Account's (their sightings in its shops, US first) and indexed by the CRM's own worker,
 * and the app starts again on the same folder with the page open on it. A world with an Account of its own
 * would be one the app holds no tokens for: its sync fails and the top bar rightly says "Sync problem".
 */
export async function connectAndSeed(
  web: WebAppPerTest,
  page: Page,
  context: BrowserContext,
  seed: WorldSeed,
): Promise<{ world: World; seededAt: number }> {
  await page.goto(web.app.url);
  await connectShop(page, context);
  await syncSettled(page, web);
  await seed.before?.();
  await web.stop();
  const db = openDatabase(join(web.dataDir, 'shopmesh.db'));
  let out: { world: World; seededAt: number };
  try {
    const owner = ownerOf(db);
    const now = Date.now();
    const world = buildWorld(db, seed.size, seed.seed, now, {
      categories: creatorCategories.map((c) => c.id),
      ...seed.options,
      owner,
    });
    if (seed.categoryProducts) addCategoryProducts(db, now, owner);
    const crm = quietCrm(db, now);
    seed.extra?.({ db, crm, world, now, owner });
    await crm.worker.kick('startup');
    await crm.close();
    out = { world, seededAt: now };
  } finally {
    db.close();
  }
  await web.start();
  await page.goto(web.app.url);
  return out;
}

/**
 * Once every Account's sync has run, the top bar says when data last synced and shows no "Sync problem"
 * (in either language).
 */
export async function expectSyncHealthy(page: Page, web: WebAppPerTest): Promise<void> {
  await syncSettled(page, web);
  const bar = page.locator('header.topbar');
  // The bar has the settled status once it says how fresh the data is; only then is "no link" meaningful.
  await expect(bar.getByText(/Last synced|Not synced yet|上次同步|尚未同步/)).toBeVisible();
  await expect(bar.getByRole('link', { name: /Sync problem|同步异常/ })).toHaveCount(0);
  await expect(bar.getByText(/Last synced|上次同步/)).toBeVisible();
}

/**
 * One product per category in the owner's first shop, whose category chain names it: the app learns
 * category names only from the merchant's own products (src-main/creators/category-names.ts).
 */
function addCategoryProducts(
  db: Database,
  now: number,
  owner: { accountId: string; shopIds: readonly string[] },
): void {
  const product = db.prepare(
    `INSERT OR IGNORE INTO products (product_id, account_id, shop_id, title, status, update_time, etag, synced_at)
     VALUES (?, ?, ?, ?, 'ACTIVATE', ?, 'e', ?)`,
  );
  const chain = db.prepare(
    'INSERT INTO product_categories (product_id, chain, update_time, fetched_at) VALUES (?, ?, ?, ?)',
  );
  for (const c of creatorCategories) {
    const id = `world-product-${c.id}`;
    product.run(id, owner.accountId, owner.shopIds[0], `${c.name} sampler`, now, now);
    chain.run(id, JSON.stringify([{ id: c.id, name: c.name }]), now, now);
  }
}

/** The app's main navigation, in either language. */
export const nav = (page: Page) => page.getByRole('navigation', { name: /Main|主导航/ });

/** The Creators page's "n creators" count, as a number. */
export const countOf = async (page: Page): Promise<number> =>
  Number(
    (
      await page
        .getByRole('status')
        .filter({ hasText: /creators?$/ })
        .innerText()
    ).replace(/\D/g, ''),
  );
