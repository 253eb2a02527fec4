import { join } from 'node:path';
import { expect, type Page, test, type Worker } from '@playwright/test';
import { openDatabase } from '../../src-main/db/connection';
import { buildWorld } from '../helpers/creator-world';
import { quietCrm } from '../helpers/quiet-crm';
import { crmEnv } from './crm-app';
import { webAppPerTest } from './web-app';

/**
 * The warm-up worker (app/warmUpWorker.ts), started by the boot chunk as the window opens: it loads from the
 * page's own origin under the app's CSP, runs to its end (the page then ends it) and leaves nothing in the
 * console, in both languages the window may guess.
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
