import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test, type Worker } from '@playwright/test';
import { openDatabase } from '../../src-main/db/connection';
import { type Face, fontStacks, monoFaces, sansFaces } from '../../src-renderer/src/app/warmUpFaces';
import { buildWorld } from '../helpers/creator-world';
import { quietCrm } from '../helpers/quiet-crm';
import { crmEnv, syncSettled } from './crm-app';
import { facesOnScreen } from './faces-on-screen';
import { setLook, webAppPerTest } from './web-app';

/**
 * The warm-up worker (app/warmUpWorker.ts), started by the boot chunk as the window opens: it loads from the
 * page's own origin under the app's CSP, runs to its end (the page then ends it) and leaves nothing in the
 * console, in both languages the window may guess; and the faces it lays text out in (app/warmUpFaces.ts)
 * are the ones the Creators page's first screen draws in.
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

test.describe('the faces the warm-up worker lays text out in', () => {
  test.use({ viewport: { width: 1360, height: 860 } });
  const web = webAppPerTest('warm-up-faces', crmEnv, seedCreators);

  test('are the faces of the Creators page’s first screen, in English and in Chinese', async ({
    page,
  }, testInfo) => {
    const stacks = fontStacks(
      readFileSync(join(import.meta.dirname, '../../src-renderer/src/styles/tokens.css'), 'utf8'),
    );
    const stackOf = new Map([
      [families(stacks.sans), 'sans'],
      [families(stacks.mono), 'mono'],
    ]);
    /** Each face on screen: the languages that draw it and elements that do. */
    const onScreen = new Map<string, { languages: string[]; examples: string[] }>();
    const problems: string[] = [];
    await page.goto(`${web.app.url}#/creators`);
    // The seeded Account holds no tokens, so its first sync fails; until it has, the top bar may or may not
    // show "Sync problem" yet, and the faces on screen would depend on the race.
    await syncSettled(page, web);
    for (const language of ['en', 'zh-CN'] as const) {
      // The language as the merchant's setting, then a fresh load: the first screen as a window opens on it.
      await setLook(page, language, 'light');
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('table').locator('.creator-handle').first()).toBeVisible();
      // The top bar's sync status arrives after the rows, and its link is part of the first screen too.
      await expect(page.locator('header.topbar')).toContainText(/Sync problem|同步异常/);
      for (const face of await facesOnScreen(page)) {
        const stack = stackOf.get(families(face.family));
        if (!stack) {
          problems.push(
            `${face.examples.join(', ')} (${language}) drawn in neither --font-sans nor --font-mono: ${face.family}`,
          );
          continue;
        }
        const name = faceName(stack, [face.weight, face.size]);
        const entry = onScreen.get(name) ?? { languages: [], examples: [] };
        entry.languages.push(language);
        entry.examples.push(...face.examples.map((e) => `${e} (${language})`));
        onScreen.set(name, entry);
      }
      await page.screenshot({ path: `test-results/e2e/warm-up-faces-${language}.png` });
    }
    await testInfo.attach('faces on screen', {
      body: JSON.stringify(Object.fromEntries([...onScreen].sort(([a], [b]) => a.localeCompare(b))), null, 2),
      contentType: 'application/json',
    });

    const listed = new Map([
      ...sansFaces.map((face) => [faceName('sans', face), 'sansFaces'] as const),
      ...monoFaces.map((face) => [faceName('mono', face), 'monoFaces'] as const),
    ]);
    for (const [name, { languages, examples }] of onScreen)
      if (!listed.has(name))
        problems.push(
          `${name} is on screen (${languages.join(', ')}: ${examples.slice(0, 3).join(', ')}) but in neither sansFaces nor monoFaces`,
        );
    for (const [name, list] of listed)
      if (!onScreen.has(name))
        problems.push(`${name} is in ${list} but neither language draws it on the first screen`);
    expect(problems).toEqual([]);
  });
});
