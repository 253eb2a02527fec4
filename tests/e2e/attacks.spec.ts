import { expect, type Page, test } from '@playwright/test';
import { connectThrough, makeAccountsApp, sandboxAdmin } from '../helpers/accounts';
import { makeTempDir } from '../helpers/tmp';
import { connectAndSeed, crmEnv, expectSyncHealthy, type SeededWorld } from './crm-app';
import { SandboxAdminClient } from './sandbox-figures';
import { reportSweep, SecretSweep } from './secret-sweep';
import { type Look, type RunningWebApp, setLook, startWebApp, webAppPerTest } from './web-app';
import { nothingRan, xssPayloads } from './xss';

/**
 * Issue 15 item 7 in the real renderer: markup in texts that come from TikTok renders as text, and the
 * Content-Security-Policy blocks a script injected into the page (Chromium reports `securitypolicyviolation`).
 * More places (orders, outreach, invitations, a CSV import) are in attacks-more.spec.ts.
 */
const payloads = xssPayloads;

/** One creator per payload, its nickname the payload, added by hand beside the generated ones. */
function addHostileCreators({ crm, now }: Pick<SeededWorld, 'crm' | 'now'>): void {
  payloads.forEach((nickname, i) =>
    crm.resolve(
      { openId: `hostile-${i}`, handle: `hostile_${i}`, nickname, region: 'US' },
      { origin: 'manual', now },
    ),
  );
}

/**
 * What runs past the creators table's box: the table scrolling sideways, and each header cell whose right
 * edge is beyond the box's (its scroll bar left out). Plain JavaScript: the e2e project has no DOM types.
 */
const measureCreatorColumns = `(() => {
  const box = document.querySelector('.creators-table');
  const right = box.getBoundingClientRect().left + box.clientWidth;
  const out = [];
  if (box.scrollWidth > box.clientWidth + 1) out.push('scrolls sideways: ' + box.scrollWidth + '>' + box.clientWidth);
  for (const th of box.querySelectorAll('thead th')) {
    const edge = th.getBoundingClientRect().right;
    if (edge > right + 1)
      out.push(th.className + ' "' + th.textContent.trim() + '" ends at ' + Math.round(edge) + ' > ' + Math.round(right));
  }
  return out;
})()`;

// Its own group: webAppPerTest's hooks would otherwise start an app per test for the shared-app group below too.
test.describe('creator nicknames and the CSP', () => {
  const web = webAppPerTest('shopmesh-e2e-attacks-', { ...crmEnv, SHOPMESH_SANDBOX_SCALE: 'tiny' });

  test('markup in creator nicknames is shown as text and never runs', async ({ page, context }) => {
    // The sandbox's shop connected and synced, so the screen is a merchant's with no false "Sync problem".
    await connectAndSeed(web, page, context, { size: 50, seed: 2, extra: addHostileCreators });
    await expectSyncHealthy(page, web);
    await page
      .getByRole('navigation', { name: /Main|主导航/ })
      .getByRole('link', { name: /Creators|达人/ })
      .click();
    const search = page.getByRole('searchbox').first();
    await search.fill('hostile');
    for (const [i, text] of payloads.entries()) {
      await expect(page.getByText(text, { exact: true }).first(), `payload ${i}`).toBeVisible();
    }
    await nothingRan(page);
    await expectSyncHealthy(page, web);
    await page.screenshot({ path: 'test-results/e2e/attacks-xss-nicknames.png', fullPage: false });
  });

  test('the default creator columns fit the table beside the long nicknames at 1280, 1360 and 1920 px', async ({
    page,
    context,
  }) => {
    // Issue 12 item 1: at 1360 px the Region column ran past the table's right edge on this screen. The
    // columns are fitted to the table's width; the nicknames (max-width 220 px beside the avatar) are wider
    // than the creator column, and the table must not let them widen it.
    test.setTimeout(240_000);
    await connectAndSeed(web, page, context, { size: 50, seed: 2, extra: addHostileCreators });
    await page
      .getByRole('navigation', { name: /Main|主导航/ })
      .getByRole('link', { name: /Creators|达人/ })
      .click();
    await page.getByRole('searchbox').first().fill('hostile');
    await expect(page.getByText(payloads[0], { exact: true }).first()).toBeVisible();
    const looks: readonly Look[] = [
      ['en', 'light'],
      ['zh-CN', 'dark'],
    ];
    const problems: string[] = [];
    for (const width of [1280, 1360, 1920]) {
      await page.setViewportSize({ width, height: 860 });
      for (const look of looks) {
        await setLook(page, ...look);
        const at = `${width} ${look.join('-')}`;
        // The columns are fitted again once the table's new width is read: give that a moment, no more.
        let seen: string[] = [];
        await expect
          .poll(async () => (seen = (await page.evaluate(measureCreatorColumns)) as string[]), {
            timeout: 5_000,
          })
          .toEqual([])
          .catch(() => problems.push(...seen.map((p) => `${at}: ${p}`)));
        // The fitting keeps its columns: creator, score, stage, followers, GMV and region at 1280 px and up.
        await expect(page.locator('.creators-table thead th.col-region'), at).toBeVisible();
        if (width === 1360)
          await page.screenshot({
            path: `test-results/e2e/attacks-creator-columns-${at.replace(' ', '-')}.png`,
          });
      }
    }
    await setLook(page, 'en', 'light');
    expect(problems).toEqual([]);
  });

  test('the CSP is sent with the page and blocks an injected inline script', async ({ page }) => {
    const response = await page.goto(web.app.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await expect(page.getByRole('navigation', { name: /Main|主导航/ })).toBeVisible();
    // A string, so it runs in the page (the test's own TypeScript has no DOM types). An inline script that is
    // allowed runs inside appendChild, so `ran` is known at once; Chromium reports the refusal as an event
    // after it, which the promise waits for (without a CSP it resolves at once with no directive).
    const outcome = (await page.evaluate(`new Promise((resolve) => {
      const violation = new Promise((seen) =>
        document.addEventListener('securitypolicyviolation', (e) => seen(e.effectiveDirective), { once: true }));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
      const ran = window.__inline === 1;
      if (ran) resolve({ directive: null, ran });
      else violation.then((directive) => resolve({ directive, ran }));
    })`)) as { directive: string | null; ran: boolean };
    expect(outcome).toEqual({ directive: 'script-src-elem', ran: false });
  });
});

/**
 * The same payloads where TikTok sends them: a product title and SKU names changed "in Seller Center" and a
 * creator's message, put into the sandbox through its admin API and synced into the app the way a merchant's
 * sync brings them; plus a template's name and text typed through the API. Each renders as text, nowhere runs.
 * The group shares one app, so it shares one secret sweep (secret-sweep.ts) instead of webAppPerTest's: the
 * in-process sandbox's tokens and codes, the in-process app's replies and events, each test's API replies
 * and pages, the web bridge's event stream, and the data folder once the app stopped.
 */
test.describe('markup synced from TikTok', () => {
  const vault = {
    SHOPMESH_KEYSTORE: 'passphrase',
    SHOPMESH_VAULT_PASSPHRASE: 'markup-group vault passphrase',
  };
  const title = `${payloads[0]} Soy candle`;
  const skuName = payloads[1];
  const message = `${payloads[2]} hi from a creator`;
  const templateName = `${payloads[3]} invite`;
  // Template syntax in a template's own text is refused by main (unknown variable), so its text carries markup.
  const templateBody = `Hello {{creator_name}} ${payloads[1]} ${payloads[2]}`;
  let synced: { dir: string; cleanup: () => void };
  let web: RunningWebApp;
  // What "Seller Center" changed and what the creator wrote, planted in both sandboxes (see beforeAll).
  let productPatch: { productId: string; title: string; skus: { id: string; sellerSku: string }[] };
  const sweep = new SecretSweep();

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    synced = makeTempDir('shopmesh-e2e-attacks-synced-');
    sweep.vaultPassphrase(vault.SHOPMESH_VAULT_PASSPHRASE);
    // The sync runs here, against a sandbox in this process whose admin API plants the payloads.
    const t = await makeAccountsApp({ dataDir: synced.dir, env: vault });
    try {
      await connectThrough(t, 'shop');
      await t.invoke('sync:run', {});
      await t.app.sync.whenIdle();
      const sku = t.app.db
        .prepare('SELECT product_id AS productId, sku_id AS skuId FROM product_skus LIMIT 1')
        .get() as { productId: string; skuId: string };
      productPatch = { productId: sku.productId, title, skus: [{ id: sku.skuId, sellerSku: skuName }] };
      await sandboxAdmin(t.sandbox, 'POST', '/products', productPatch);
      await sandboxAdmin(t.sandbox, 'POST', '/messages', { text: message });
      await t.invoke('sync:run', {});
      await t.app.sync.whenIdle();
      expect(
        t.app.db.prepare('SELECT COUNT(*) AS n FROM products WHERE title = ?').get(title) as { n: number },
      ).toEqual({ n: 1 });
      await t.invoke('templates:save', {
        name: templateName,
        kind: 'message',
        language: 'en',
        body: templateBody,
      });
    } finally {
      // The in-process sandbox goes with the app: list what it handed out first.
      await sweep.harvest(t.sandbox);
      sweep.place('in-process replies', JSON.stringify(t.replies));
      sweep.place('in-process events', JSON.stringify(t.events));
      await t.app.close();
    }
    // The embedded sandbox under a known admin token, so the sweep can list its tokens before the app stops.
    const adminToken = `e2e-sweep-${Math.random().toString(36).slice(2)}`;
    const env = { ...vault, SHOPMESH_SANDBOX_SCALE: 'tiny', SHOPMESH_SANDBOX_ADMIN_TOKEN: adminToken };
    web = await startWebApp(synced.dir, env);
    if (!web.sandboxAdminBase) throw new Error('the web app runs no sandbox');
    sweep.sandbox({ adminBase: web.sandboxAdminBase, adminToken });
    // The web app talks to its own embedded sandbox (same seed, same products and conversations), and a
    // product's dialog reads a never-read product from it at once (Get Product, for its pictures). Without the
    // same change there, that read brought back the seeded title and the dialog and the list dropped the
    // payload a moment after they showed it (the test passed only when it looked first). The creator's
    // message goes there too: the app's own syncs (at start-up, on its schedule) ask that sandbox for the
    // conversations, and one without the message would sync a world where the creator never wrote it.
    const embedded = new SandboxAdminClient(web.sandboxAdminBase, adminToken);
    await embedded.call('POST', '/products', productPatch);
    await embedded.call('POST', '/messages', { text: message });
    sweep.appStarted(web.token, env);
    sweep.prewarm(synced.dir);
    await sweep.tapEvents(web.origin, web.token);
  });
  test.beforeEach(({ context }) => sweep.watch(context));
  test.afterEach(({ context }) => sweep.keepPages(context));
  test.afterAll(async () => {
    try {
      await reportSweep(await sweep.run({ dataDir: synced.dir, stop: async () => web?.stop() }), test.info());
    } finally {
      sweep.close();
      await web?.stop();
      synced?.cleanup();
    }
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: /Main|主导航/ });

  test('a product title and a SKU name from TikTok render as text', async ({ page }) => {
    await page.goto(web.url);
    await nav(page).getByRole('link', { name: 'Products' }).click();
    await page.getByRole('searchbox').first().fill('Soy candle');
    await expect(page.getByText(title, { exact: true }).first()).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: `Show the SKUs of ${title}` }).click();
    await expect(page.getByText(skuName, { exact: true }).first()).toBeVisible();
    await nothingRan(page);
    await page.getByText(title, { exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog.getByRole('heading', { name: title, exact: true })).toBeVisible();
    // The picture ("<title>, picture 1 of n") arrives with the dialog's own read of the product from TikTok:
    // once it shows, the title and SKU name have come back from Get Product, been stored and drawn anew.
    await expect(dialog.getByRole('img', { name: title })).toBeVisible({ timeout: 15_000 });
    await expect(dialog.getByRole('heading', { name: title, exact: true })).toBeVisible();
    await expect(dialog.getByRole('cell', { name: skuName, exact: true }).first()).toBeVisible();
    await nothingRan(page);
    await page.screenshot({ path: 'test-results/e2e/attacks-xss-products.png' });
  });

  test('a creator message in the Inbox renders as text', async ({ page }) => {
    await page.goto(web.url);
    await nav(page)
      .getByRole('link', { name: /^Inbox/ })
      .click();
    const list = page.getByRole('region', { name: 'Conversations' });
    await list.getByRole('button').first().click();
    await expect(page.getByRole('log').getByText(message, { exact: true }).last()).toBeVisible({
      timeout: 30_000,
    });
    await nothingRan(page);
    await page.screenshot({ path: 'test-results/e2e/attacks-xss-inbox.png' });
  });

  test('a template name, its text and its preview render as text', async ({ page }) => {
    await page.goto(web.url);
    await nav(page).getByRole('link', { name: 'Outreach' }).click();
    await page.getByRole('tab', { name: 'Templates' }).click();
    const list = page.getByRole('navigation', { name: 'Templates' });
    await list.getByRole('button', { name: templateName }).click();
    const editor = page.getByRole('region', { name: templateName });
    await expect(editor.getByLabel('Text', { exact: true })).toHaveValue(templateBody);
    const preview = editor.getByRole('region', { name: 'Preview of the template' });
    await expect(preview).toContainText(payloads[1]);
    await nothingRan(page);
    await page.screenshot({ path: 'test-results/e2e/attacks-xss-template.png' });
  });
});
