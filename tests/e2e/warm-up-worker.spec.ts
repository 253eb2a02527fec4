import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test, type Worker } from '@playwright/test';
import type { SyncStatus } from '@shared/sync';
import { openDatabase } from '../../src-main/db/connection';
import { type Face, fontStacks, monoFaces, sansFaces } from '../../src-renderer/src/app/warmUpFaces';
import { buildWorld } from '../helpers/creator-world';
import { quietCrm } from '../helpers/quiet-crm';
import { connectAndSeed, crmEnv, expectSyncHealthy, syncSettled } from './crm-app';
import { facesOnScreen } from './faces-on-screen';
import { callApi, setLook, webAppPerTest } from './web-app';

/**
 * The warm-up worker (app/warmUpWorker.ts), started by the boot chunk as the window opens: it loads from the
 * page's own origin under the app's CSP, runs to its end (the page then ends it) and leaves nothing in the
 * console, in both languages the window may guess; and the faces it lays text out in (app/warmUpFaces.ts)
 * are the ones the Creators page's first screen draws in, with the sync healthy, running or failing.
 */

/** 300 generated creators (Latin, Chinese, Japanese and Thai nicknames), indexed as the app would. */
async function seedCreators(dataDir: string): Promise<void> {
  const now = Date.now();
  const db = openDatabase(join(dataDir, 'shopmesh.db'));
  try {
    const crm = quietCrm(db, now);
    buildWorld(db, 300, 19, now);
    await crm.worker.kick('startup');
    await crm.worker.idle();
    await crm.close();
  } finally {
    db.close();
  }
}

/** What the page reports that it should not: console errors and warnings, uncaught errors, CSP refusals. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const { url } = message.location();
    // Chromium's own /favicon.ico request (index.html links no icon, app/favicon.ts links it after the first
    // screen) is answered by the web bridge, so a 404 there is a problem too.
    problems.push(`console ${message.type()}: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * CSP refusals as the document sees them (a worker the policy blocks is reported on the page that made it).
 * Not zod's: it tries `Function('')` once to learn whether it may compile its checks, and the refusal it
 * catches is reported too (blocked URI `eval`); the worker evaluates no code from strings.
 */
const recordViolations = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    if (e.blockedURI !== 'eval')
      window.__cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

for (const locale of ['en-US', 'zh-CN'] as const) {
  test.describe(`the warm-up worker, browser language ${locale}`, () => {
    test.use({ locale, viewport: { width: 1360, height: 860 } });
    const web = webAppPerTest('warm-up-worker', crmEnv, seedCreators);

    test('starts from the app, ends by itself, and the page shows its rows with nothing in the console', async ({
      page,
    }) => {
      const problems = watchProblems(page);
      await page.addInitScript(recordViolations);
      const workers: { worker: Worker; closed: Promise<void> }[] = [];
      page.on('worker', (worker) =>
        workers.push({ worker, closed: new Promise((closed) => worker.once('close', () => closed())) }),
      );
      await page.goto(`${web.app.url}#/creators`);
      await expect(page.getByRole('table').locator('.creator-handle').first()).toBeVisible();

      await expect.poll(() => workers.length).toBe(1);
      const [{ worker, closed }] = workers as [(typeof workers)[number]];
      expect(new URL(worker.url()).origin).toBe(web.app.origin);
      expect(new URL(worker.url()).pathname).toMatch(/^\/assets\/warmUpWorker-[\w-]+\.js$/);
      // It tells the page when its work is done and the page ends it; one that threw is ended too, and marked so.
      await closed;
      const marks = () =>
        page.evaluate(() =>
          ['done', 'failed'].map((end) => performance.getEntriesByName(`shopmesh:warm-up-${end}`).length),
        );
      expect(await marks()).toEqual([1, 0]);
      // A function, not a string: Playwright evaluates a string with `eval`, which the CSP rightly refuses.
      expect(
        await page.evaluate(() => (globalThis as { __cspViolations?: string[] }).__cspViolations),
      ).toEqual([]);
      expect(problems).toEqual([]);
      await page.screenshot({ path: `test-results/e2e/warm-up-worker-${locale}.png` });
    });
  });
}

/** A face in the lists' words: "sans 600 13px". */
const faceName = (stack: string, [weight, size]: Face): string => `${stack} ${weight} ${size}px`;

/** A computed `font-family` as a list of names, quotes and spacing aside, to compare with a stack. */
const families = (value: string): string =>
  value
    .split(',')
    .map((name) => name.trim().replace(/^["']|["']$/g, ''))
    .join(',');

/**
 * The sync states a merchant's window opens on, each as the top bar draws it (it is part of the first
 * screen): the last sync went well ("Last synced just now", "Sync now"), a sync is under way (a spinner and
 * "Syncing… n%", "Sync now" unavailable) or the last one failed (the "Sync problem" link as well).
 */
type SyncState = 'healthy' | 'running' | 'failing';
const languages = ['en', 'zh-CN'] as const;

test.describe('the faces the warm-up worker lays text out in', () => {
  test.use({ viewport: { width: 1360, height: 860 } });
  // A known admin token, so the test can slow or fail the embedded sandbox's shop API as TikTok might.
  const adminToken = `e2e-warm-up-faces-${Math.random().toString(36).slice(2)}`;
  const web = webAppPerTest('warm-up-faces', {
    ...crmEnv,
    SHOPMESH_SANDBOX_SCALE: 'tiny',
    SHOPMESH_SANDBOX_ADMIN_TOKEN: adminToken,
  });

  test('are the faces of the Creators page’s first screen with the sync healthy, running and failing, in English and in Chinese', async ({
    page,
    context,
  }, testInfo) => {
    // Connecting and syncing a shop, restarting on 300 creators, then three states in two languages, each a
    // fresh load: about a minute on a quiet machine, more on the shared two cores.
    test.setTimeout(240_000);
    const stacks = fontStacks(
      readFileSync(join(import.meta.dirname, '../../src-renderer/src/styles/tokens.css'), 'utf8'),
    );
    const stackOf = new Map([
      [families(stacks.sans), 'sans'],
      [families(stacks.mono), 'mono'],
    ]);
    /** Each face on screen: the states and languages that draw it ("running zh-CN") and elements that do. */
    const onScreen = new Map<string, { where: string[]; examples: string[] }>();
    const problems: string[] = [];
    const bar = page.locator('header.topbar');
    const syncNow = bar.getByRole('button', { name: /^(Sync now|立即同步)$/ });
    const problemLink = bar.getByRole('link', { name: /Sync problem|同步异常/ });
    const sandbox = async (method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<void> => {
      const res = await fetch(`${web.app.sandboxAdminBase}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.ok, `sandbox ${method} ${path}: ${res.status}`).toBe(true);
    };
    const status = () => callApi<SyncStatus>(web.app, page.request, 'sync:status', {});

    /**
     * The first screen of `state` in each language: the language as the merchant's setting, then a fresh
     * load, as a window opens on it; `shows` waits until the top bar draws the state.
     */
    const walk = async (state: SyncState, shows: () => Promise<void>): Promise<void> => {
      for (const language of languages) {
        await setLook(page, language, 'light');
        await page.reload();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByRole('table').locator('.creator-handle').first()).toBeVisible();
        // The top bar's sync status arrives after the rows, and it is part of the first screen too.
        await shows();
        for (const face of await facesOnScreen(page)) {
          const where = `${state} ${language}`;
          const stack = stackOf.get(families(face.family));
          if (!stack) {
            problems.push(
              `${face.examples.join(', ')} (${where}) drawn in neither --font-sans nor --font-mono: ${face.family}`,
            );
            continue;
          }
          const name = faceName(stack, [face.weight, face.size]);
          const entry = onScreen.get(name) ?? { where: [], examples: [] };
          entry.where.push(where);
          entry.examples.push(...face.examples.map((e) => `${e} (${where})`));
          onScreen.set(name, entry);
        }
        // Still the same state: the faces read are all of it.
        await shows();
        await page.screenshot({ path: `test-results/e2e/warm-up-faces-${state}-${language}.png` });
      }
    };

    // The merchant's own shop, connected and synced, with 300 creators: a healthy sync, as most launches see.
    await connectAndSeed(web, page, context, { size: 300, seed: 19, categoryProducts: true });
    await page.goto(`${web.app.url}#/creators`);
    await expectSyncHealthy(page, web);
    await walk('healthy', async () => {
      await expect(bar.getByText(/Last synced|上次同步/)).toBeVisible();
      await expect(syncNow).toHaveAttribute('aria-disabled', 'false');
      await expect(problemLink).toHaveCount(0);
    });

    // Every answer of the shop API takes 20 s (under the app's 30 s request timeout, so nothing fails), and a
    // sync started from "Sync now" stays under way while the window is loaded in both languages.
    await sandbox('POST', '/faults', { latencyMs: 20_000, families: ['shop-api'] });
    await syncNow.click();
    await page.mouse.move(1, 1);
    await expect.poll(async () => (await status()).accounts.some((a) => a.state === 'running')).toBe(true);
    const runIds = async () => (await status()).accounts.map((a) => a.runId);
    const running = await runIds();
    await walk('running', async () => {
      await expect(bar.getByText(/^(Syncing… \d+%|正在同步… \d+%)$/)).toBeVisible();
      await expect(bar.locator('.spinner')).toBeVisible();
      await expect(syncNow).toHaveAttribute('aria-disabled', 'true');
    });
    // One run all along: none ended and started again between the two loads.
    expect(await runIds()).toEqual(running);
    await callApi(web.app, page.request, 'sync:cancel', {});
    await sandbox('DELETE', '/faults');
    await syncSettled(page, web);

    // TikTok refuses every shop API call: the sync started from "Sync now" fails and the top bar says so.
    await sandbox('POST', '/faults', { notImplementedEveryN: 1, families: ['shop-api'] });
    await syncNow.click();
    await page.mouse.move(1, 1);
    await expect
      .poll(async () => (await status()).accounts.some((a) => a.state === 'error'), { timeout: 60_000 })
      .toBe(true);
    await syncSettled(page, web);
    await walk('failing', async () => {
      await expect(problemLink).toBeVisible();
      await expect(syncNow).toHaveAttribute('aria-disabled', 'false');
    });
    await sandbox('DELETE', '/faults');

    await testInfo.attach('faces on screen', {
      body: JSON.stringify(Object.fromEntries([...onScreen].sort(([a], [b]) => a.localeCompare(b))), null, 2),
      contentType: 'application/json',
    });
    const listed = new Map([
      ...sansFaces.map((face) => [faceName('sans', face), 'sansFaces'] as const),
      ...monoFaces.map((face) => [faceName('mono', face), 'monoFaces'] as const),
    ]);
    for (const [name, { where, examples }] of onScreen)
      if (!listed.has(name))
        problems.push(
          `${name} is on screen (${where.join(', ')}: ${examples.slice(0, 3).join(', ')}) but in neither sansFaces nor monoFaces`,
        );
    for (const [name, list] of listed)
      if (!onScreen.has(name))
        problems.push(
          `${name} is in ${list} but no sync state draws it on the first screen in either language`,
        );
    expect(problems).toEqual([]);
  });
});
