import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { approve, offlineProfileFile, setting, webAppPerTest, wholePage } from './web-app';

/**
 * Issue 11's journey: after a sync the dashboard shows its charts (SVG, tooltips on hover); restarted with the
 * sandbox gone and TikTok out of reach, it still shows them with the freshness line, after a reload too; a
 * CSV export parses back; screenshots in both languages and both themes.
 */
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-dashboard-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
};

const web = webAppPerTest('shopmesh-e2e-dashboard-', env);

test('the dashboard shows synced figures, keeps them offline, and exports a CSV', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await page.goto(web.app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Accounts' }).click();
  await approve(page, context, 'Connect TikTok Shop', /Your shop is connected/);
  await approve(page, context, 'Connect TikTok Ads', /Your ad account is connected/);
  await page.getByRole('button', { name: 'Sync now' }).first().click();
  await expect(page.getByText(/Last synced/).first()).toBeVisible({ timeout: 60_000 });

  // The Orders table reads order times in each shop's zone (the Dashboard's days), and says so.
  await nav.getByRole('link', { name: 'Orders' }).click();
  const orderRows = page.getByRole('table', { name: 'Orders' }).getByRole('row');
  await expect(orderRows.nth(1)).toBeVisible();
  const zoneOfShop = (name: string) => (name.startsWith('Maple') ? 'America/Los_Angeles' : 'Europe/London');
  const spaced = (text: string) => text.replace(/\s+/g, ' ');
  for (let i = 1; i <= 5; i++) {
    const row = orderRows.nth(i);
    const shop = (await row.getByRole('cell').nth(1).textContent()) ?? '';
    const time = row.locator('time').first();
    const at = Date.parse((await time.getAttribute('datetime')) ?? '');
    const shown = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zoneOfShop(shop),
    }).format(at);
    expect(spaced((await time.getAttribute('title')) ?? '')).toMatch(
      new RegExp(`^${spaced(shown)} \\(UTC(\u2212[78]|\\+1)?, the shop's time\\)$`),
    );
  }

  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByLabel('Period').selectOption('last365');
  const gmv = page.getByRole('region', { name: 'GMV', exact: true });
  await expect(gmv).toContainText('$', { timeout: 20_000 }); // a year of figures, on a busy machine
  await expect(gmv).toContainText('£'); // two currencies, never added together
  await expect(page.locator('.freshness-line').getByText(/Orders synced/)).toBeVisible();
  // The zone each shop's days are counted in, as a merchant reads it (never an IANA id).
  await expect(page.getByText(/^Days are each shop/)).toContainText(/Pacific Time \(UTC\u2212[78]\)/);
  await expect(page.getByText(/^Ad report days are each ad account/)).toContainText('UTC\u22128');

  // The chart draws, and hovering it shows a tooltip.
  const chart = page.locator('.chart-box .recharts-wrapper > svg.recharts-surface');
  await expect(chart).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('chart has no box');
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect(page.locator('.recharts-tooltip-wrapper')).toBeVisible();
  await expect(page.locator('.recharts-tooltip-wrapper')).toContainText('GMV');

  // Keyboard: the grain is a radio group, series are toggle buttons.
  await page.getByRole('radio', { name: 'Week' }).click();
  await expect(page.getByRole('radio', { name: 'Week' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Orders', exact: true, pressed: true }).click();
  await expect(page.getByRole('button', { name: 'Orders', exact: true, pressed: false })).toBeVisible();

  // "How is this counted?" from a KPI card.
  await gmv.getByRole('button', { name: /How is this counted/ }).click();
  await expect(page.getByRole('dialog', { name: 'How the figures are counted' })).toContainText(
    'Ads gross revenue',
  );
  await page.locator('.dialog-actions').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // Export the trend as CSV and read it back.
  const download = page.waitForEvent('download');
  await page.locator('.chart-card').getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(expect.arrayContaining(['Period start', 'Series', 'Currency', 'Value']));
  expect(parsed.data.some((r) => r.Series === 'gmv' && r.Currency === 'USD' && Number(r.Value) > 0)).toBe(
    true,
  );

  // Save the trend as PNG: a real picture of the chart (PNG signature, a header with a size, and drawn
  // lines and text over the background, decoded by the browser itself), with the chart's name.
  const pngDownload = page.waitForEvent('download');
  await page.locator('.chart-card').getByRole('button', { name: 'Save as PNG' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/^shopmesh-trend-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.png$/);
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const [pngWidth, pngHeight] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  expect(pngWidth).toBeGreaterThan(0);
  expect(pngHeight).toBeGreaterThan(0);
  // Decoded by the browser (the e2e project has no DOM types: the script is plain JavaScript): pixels unlike
  // the top-left one (the background), and how many colours there are.
  const drawn = (await page.evaluate(`(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${bytes.toString('base64')}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const background = (data[0] << 16) | (data[1] << 8) | data[2];
    let unlike = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const rgb = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      colours.add(rgb);
      if (rgb !== background) unlike++;
    }
    return { width: canvas.width, height: canvas.height, unlike, colours: colours.size };
  })()`)) as { width: number; height: number; unlike: number; colours: number };
  expect({ width: drawn.width, height: drawn.height }).toEqual({ width: pngWidth, height: pngHeight });
  expect(drawn.unlike / (pngWidth * pngHeight)).toBeGreaterThan(0.01);
  expect(drawn.colours).toBeGreaterThan(8);

  // Clicking a product narrows the page to it.
  const products = page.getByRole('tabpanel', { name: 'Top products' });
  const first = products.getByRole('button', { name: /^Show only / }).first();
  await first.click();
  await expect(page.getByText(/^Showing only /)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Orders', exact: true })).toContainText(
    'Not available for this selection',
  );
  await page.getByRole('button', { name: 'Show everything' }).click();

  // Issue 11's "done when": yesterday and the last 90 days, one shop on its own, a reporting currency.
  const period = page.getByText(/ · compared with /);
  await page.getByLabel('Period').selectOption('yesterday');
  await expect(period).toHaveText(/^(\w{3} \d{1,2}, \d{4}) – \1 · compared with /);
  await page.getByLabel('Period').selectOption('last90');
  await expect(gmv).toContainText('$');
  await page.locator('summary', { hasText: 'All shops' }).click();
  await page.getByRole('checkbox', { name: /^Maple & Moss Home/ }).check();
  await expect(gmv).not.toContainText('£');
  await expect(gmv).toContainText('$');
  await page.getByRole('checkbox', { name: 'All shops' }).check();
  await expect(gmv).toContainText('£');
  const rate = await page.evaluate(
    async (body) =>
      (
        await fetch('/ipc/analytics:setRate', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).ok,
    { currency: 'GBP', reportingCurrency: 'USD', rate: '1.27', asOf: '2026-01-02' },
  );
  expect(rate).toBe(true);
  await page.reload();
  // The chart card has a currency of its own: the one among the page's filters.
  const filters = page.getByRole('group', { name: 'Dashboard filters' });
  await filters.getByLabel('Currency').selectOption('USD');
  await expect(gmv).toContainText('Converted to USD with 1 GBP = 1.27 USD');
  await expect(gmv).not.toContainText('£');
  await filters.getByLabel('Currency').selectOption('');
  await page.getByLabel('Period').selectOption('last365');
  await expect(gmv).toContainText('£');

  const shots: Array<[string, string]> = [
    ['en', 'light'],
    ['en', 'dark'],
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
  ];
  for (const [language, theme] of shots) {
    await setting(page, { language, theme });
    await page.waitForTimeout(300);
    await wholePage(page, `test-results/e2e/dashboard-${language}-${theme}.png`);
  }
  await setting(page, { language: 'en', theme: 'light' });

  // The Affiliate page narrowed to one collaboration (a labelled picker): its totals and orders cover only
  // what came through it, and the choice is saved in main (checked again after the restart below).
  await nav.getByRole('link', { name: 'Affiliate' }).click();
  await expect(page.locator('.affiliate-table tbody tr').first()).toBeVisible();
  const allRows = await page.locator('.affiliate-table tbody tr').count();
  // An open collaboration's rows name it by its product, never by a bare id.
  await expect(
    page
      .locator('.affiliate-table .col-creator')
      .getByText(/^Open · /)
      .first(),
  ).toBeVisible();
  await expect(page.locator('.affiliate-table').getByText(/^Collaboration /)).toHaveCount(0);
  // The Creator is a combobox over the CRM's search: any Creator is found by typing (not only the period's
  // top ones); picked with the keyboard, it narrows the table to that Creator's orders.
  const cells = page.locator('.affiliate-table .col-creator .cell-line');
  const handle = (await cells.allTextContents()).find((h) => h.startsWith('@')) ?? '';
  expect(handle).toMatch(/^@./);
  const creatorBox = page.getByRole('combobox', { name: 'Creator' });
  await expect(creatorBox).toHaveValue('All creators');
  await creatorBox.click();
  await creatorBox.pressSequentially(handle.slice(1));
  const creatorList = page.getByRole('listbox', { name: 'Creator' });
  // The CRM's search index is built in the background after a sync: wait for it to hold the Creator.
  await expect(creatorList.getByRole('option').first()).toBeVisible({ timeout: 30_000 });
  const found = await creatorList.locator('.combobox-option-label').allTextContents();
  expect(found).toContain(handle);
  for (let i = 0; i < found.indexOf(handle); i++) await creatorBox.press('ArrowDown');
  await creatorBox.press('Enter');
  await expect(creatorBox).toHaveValue(handle);
  await expect(creatorList).toBeHidden();
  await expect(cells.first()).toHaveText(handle);
  await expect(async () => {
    const all = await cells.allTextContents();
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all)).toEqual(new Set([handle]));
  }).toPass();
  // Back to every Creator: the list opens on "All creators" first.
  await creatorBox.click();
  await creatorBox.press('Enter');
  await expect(creatorBox).toHaveValue('All creators');
  await expect(page.locator('.affiliate-table tbody tr')).toHaveCount(allRows);

  // The picker is a combobox with search: typing "Open" narrows it, the keyboard picks.
  const picker = page.getByRole('combobox', { name: 'Collaboration' });
  await expect(picker).toHaveValue('All collaborations');
  await picker.click();
  await picker.pressSequentially('Open');
  const listbox = page.getByRole('listbox', { name: 'Collaboration' });
  const open = listbox.getByRole('option').first();
  const openLabel = (await open.locator('.combobox-option-label').textContent()) ?? '';
  expect(openLabel).toMatch(/^Open · /);
  await page.screenshot({ path: 'test-results/e2e/affiliate-picker-en-light.png' });
  await picker.press('Enter');
  await expect(picker).toHaveValue(openLabel);
  await expect(page.getByRole('heading', { name: `Totals for ${openLabel}` })).toBeVisible();
  await expect(
    page.getByText('Only the items that came through this collaboration are counted.'),
  ).toBeVisible();
  const { kind, id } = await page.evaluate(
    async () =>
      (
        (await (
          await fetch('/ipc/analytics:affiliateView', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).json()) as {
          result: { collaboration: { kind: string; id: string } };
        }
      ).result.collaboration,
  );
  expect(kind).toBe('open');
  const viaApi = await page.evaluate(
    async (body) =>
      (await (
        await fetch('/ipc/analytics:affiliateOrders', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as { result: { items: unknown[]; totals: Array<{ orders: number }> } },
    { filter: { range: { preset: 'last365' } }, collaboration: { kind, id }, limit: 100 },
  );
  await expect(page.locator('.affiliate-table tbody tr')).toHaveCount(viaApi.result.items.length);
  expect(viaApi.result.items.length).toBeGreaterThan(0);
  expect(viaApi.result.items.length).toBeLessThan(allRows);

  // The sandbox gone and TikTok out of reach, same data folder: a Profile built on production starts no
  // simulator, and every TikTok address it has is a closed port. The figures and the freshness line are
  // still there, the filter choice survived the restart, and a failed sync and a reload change nothing.
  await web.stop();
  const profileFile = offlineProfileFile(web.dataDir);
  await web.start({ ...env, SHOPMESH_PROFILE_FILE: profileFile });
  await page.goto(web.app.url);
  const offlineDashboard = async (): Promise<void> => {
    await expect(page.getByLabel('Period')).toHaveValue('last365');
    await expect(page.getByRole('region', { name: 'GMV', exact: true })).toContainText('$');
    await expect(page.locator('.chart-box .recharts-wrapper > svg.recharts-surface')).toBeVisible();
    await expect(page.locator('.freshness-line').getByText(/Orders synced/)).toBeVisible();
  };
  await offlineDashboard();
  // A sync finds TikTok out of reach: the app says so, and its sync waits for the connection.
  await page.getByRole('button', { name: 'Sync now' }).first().click();
  await expect(page.getByText(/^You.re offline$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Sync now' }).first()).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.reload();
  await offlineDashboard();
  await page.screenshot({ path: 'test-results/e2e/dashboard-offline.png', fullPage: true });

  // Each page says when its own source last synced (offline: the time of the sync before the restart).
  const pageShots = async (name: string): Promise<void> => {
    for (const [language, theme] of shots) {
      await setting(page, { language, theme });
      await page.waitForTimeout(300);
      await wholePage(page, `test-results/e2e/${name}-${language}-${theme}.png`);
    }
    await setting(page, { language: 'en', theme: 'light' });
  };
  await nav.getByRole('link', { name: 'Ads' }).click();
  await expect(page.getByRole('treegrid')).toBeVisible();
  await expect(page.getByText(/^Ads synced /)).toBeVisible();
  // The sandbox's advertiser is at Etc/GMT+8: read as UTC−8, its sign the right way round.
  await expect(page.getByText(/^Ad report days are each ad account/)).toContainText('UTC\u22128');
  await page
    .getByRole('button', { name: /Show the ad groups of/ })
    .first()
    .click();
  await pageShots('ads');
  await nav.getByRole('link', { name: 'Finance' }).click();
  await expect(page.getByText('Totals for the period')).toBeVisible();
  await expect(page.getByText(/^Finance synced /)).toBeVisible();
  await pageShots('finance');
  await nav.getByRole('link', { name: 'Affiliate' }).click();
  await expect(page.locator('.affiliate-table tbody tr').first()).toBeVisible();
  await expect(page.getByText(/^Affiliate orders synced /)).toBeVisible();
  // The collaboration chosen before the restart is still chosen, and still narrows the page.
  await expect(page.getByRole('combobox', { name: 'Collaboration' })).toHaveValue(openLabel);
  await expect(page.getByRole('heading', { name: `Totals for ${openLabel}` })).toBeVisible();
  await expect(page.locator('.affiliate-table tbody tr')).toHaveCount(viaApi.result.items.length);
  // The table fits a 1280 px window: no sideways scroll.
  await page.setViewportSize({ width: 1280, height: 800 });
  const scroll = page.locator('.affiliate-table').locator('xpath=..');
  for (const [language, theme] of shots) {
    await setting(page, { language, theme });
    await page.waitForTimeout(300);
    expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await wholePage(page, `test-results/e2e/affiliate-${language}-${theme}.png`);
  }
  await setting(page, { language: 'en', theme: 'light' });
});
