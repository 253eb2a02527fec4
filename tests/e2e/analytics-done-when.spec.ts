import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import {
  addDays,
  count,
  dayText,
  expectedCards,
  expectedChanges,
  localDay,
  minorOf,
  money,
  SandboxAdminClient,
  sameLengthBefore,
  type ServedShop,
  sumsOf,
  wallClock,
} from './sandbox-figures';
import { approve, offlineProfileFile, setting, webAppPerTest, wholePage } from './web-app';

/**
 * Issue 11's "Done when" as one journey: a new user, offline, opens the dashboard for yesterday, the last 90
 * days, the last 365 days and last year, switches shop and reporting currency, sees a US evening's order on
 * its shop's day, exports a CSV that parses back, and every figure and every change against the previous
 * period equals what the test worked out from the sandbox's own orders (sandbox-figures.ts: its admin API,
 * Intl zone maths, the definitions the app states).
 */
const adminToken = `e2e-analytics-${Math.random().toString(36).slice(2)}`;
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-analytics-done-passphrase',
  // The demo dataset: tens of orders a day in each shop, refunds and cancellations among them.
  SHOPMESH_SANDBOX_SCALE: 'demo',
  SHOPMESH_SANDBOX_ADMIN_TOKEN: adminToken,
};
const web = webAppPerTest('shopmesh-e2e-analytics-done-', env);

const LA = 'America/Los_Angeles';
/** The zone presets are taken in when the chosen shops' zones differ: the user's own (the app's process's). */
const userZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const rate = { currency: 'GBP', into: 'USD', rate: '1.27' };

const cards = ['GMV', 'Orders', 'Units sold', 'Cancelled orders', 'Refunds'] as const;

/** Every KPI card named in `expected` shows exactly those lines (retried while the page fetches). */
async function expectCards(page: Page, expected: Record<(typeof cards)[number], string[]>): Promise<void> {
  for (const name of cards) {
    const card = page.getByRole('region', { name, exact: true });
    // A year of figures on a busy two-core machine can take longer than the default 5 s.
    await expect(card.locator('.kpi-value'), name).toHaveText(expected[name], { timeout: 20_000 });
  }
}

/** The period line for `from`…`to` and its previous period (`previousFrom` to the day before `from`). */
async function expectPeriod(
  page: Page,
  from: string,
  to: string,
  previousFrom = sameLengthBefore(from, to),
): Promise<void> {
  await expect(page.getByText(/ · compared with /)).toHaveText(
    `${dayText(from)} – ${dayText(to)} · compared with ${dayText(previousFrom)} – ${dayText(addDays(from, -1))}`,
  );
}

/** The change line under each figure of the GMV and Orders cards (retried while the page fetches). */
async function expectChangeLines(page: Page, expected: Record<'GMV' | 'Orders', string[]>): Promise<void> {
  for (const name of ['GMV', 'Orders'] as const) {
    const card = page.getByRole('region', { name, exact: true });
    await expect(card.locator('.kpi-change'), name).toHaveText(expected[name], { timeout: 20_000 });
  }
}

/** "Last year" in `zone`: the calendar year before today's there, and the calendar year before that. */
function lastYearIn(zone: string): { from: string; to: string; previousFrom: string } {
  const year = Number(localDay(Date.now(), zone).slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31`, previousFrom: `${year - 1}-01-01` };
}

/** Last year's period line, KPI figures and change lines for `shops`, with presets taken in `zone`. */
async function expectLastYear(page: Page, shops: readonly ServedShop[], zone: string): Promise<void> {
  const year = lastYearIn(zone);
  await expectPeriod(page, year.from, year.to, year.previousFrom);
  await expectCards(page, expectedCards(shops, year.from, year.to, year.previousFrom));
  await expectChangeLines(page, expectedChanges(shops, year.from, year.to, year.previousFrom));
}

/** Chooses one shop in the Shops picker (null: all shops). */
async function chooseShop(page: Page, name: string | null): Promise<void> {
  const filters = page.getByRole('group', { name: 'Dashboard filters' });
  const picker = filters.locator('details.scope-picker');
  // The e2e project has no DOM types: whether the disclosure is open is read from its attribute.
  if ((await picker.getAttribute('open')) === null) await picker.locator('summary').click();
  await picker.getByRole('checkbox', { name: 'All shops' }).check();
  if (name) await picker.getByRole('checkbox', { name: new RegExp(`^${escape(name)}`) }).check();
  await picker.locator('summary').click();
  await expect(picker.locator('summary')).toHaveText(name ?? 'All shops');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A custom one-or-more-day period typed into From and To (ISO, which every language reads). */
async function customRange(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('Period').selectOption('custom');
  const fromBox = page.getByRole('textbox', { name: 'From' });
  const toBox = page.getByRole('textbox', { name: 'To' });
  // Each box refuses a day beyond the other's: widen first, then narrow.
  await fromBox.fill('2000-01-01');
  await toBox.fill(to);
  await fromBox.fill(from);
  await page.getByRole('button', { name: 'Apply' }).click();
}

test('the dashboard offline: every figure is what the sandbox served', async ({ page, context }) => {
  test.setTimeout(600_000);
  const base = web.app.sandboxAdminBase;
  if (!base) throw new Error('the app runs no sandbox');
  const sandbox = new SandboxAdminClient(base, adminToken);
  const shops = await sandbox.shops();
  const us = shops.find((s) => s.region === 'US');
  const gb = shops.find((s) => s.region === 'GB');
  if (!us || !gb) throw new Error(`the sandbox has no US and GB shop: ${JSON.stringify(shops)}`);

  // Before anything syncs, a US buyer orders at 20:00 Pacific two days ago: already the next day in UTC.
  const evening = addDays(localDay(Date.now(), LA), -2);
  const eveningAt = wallClock(evening, 20, LA);
  const eveningOrder = await sandbox.placeOrder(us.id, eveningAt);
  const eveningUtcDay = new Date(eveningAt).toISOString().slice(0, 10);
  expect(eveningUtcDay).toBe(addDays(evening, 1));
  // The demo dataset starts half a year ago: last year holds only what the test places there, at New Year's
  // edges. A US New Year's Eve order at 20:00 Pacific (already January 1 in UTC and in London) is last year's
  // on the US shop's days; one on January 1 of the year before is that year's first day, which "the same
  // number of days before" misses after a leap year; a GB order half an hour into this year is not last year's.
  const usLastYear = lastYearIn(LA);
  const newYearsEve = await sandbox.placeOrder(us.id, wallClock(usLastYear.to, 20, LA));
  const yearBeforeFirst = await sandbox.placeOrder(us.id, wallClock(usLastYear.previousFrom, 10, LA));
  const gbNewYear = wallClock(addDays(lastYearIn('Europe/London').to, 1), 0, 'Europe/London') + 30 * 60_000;
  const gbNewYearOrder = await sandbox.placeOrder(gb.id, gbNewYear);

  // A new user connects the shops (both are in the one grant) and the first sync runs.
  await page.goto(web.app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await approve(page, context, 'Connect TikTok Shop', /Your shop is connected/);
  await expect(page.getByText(/Last synced/).first()).toBeVisible({ timeout: 120_000 });

  // What the sandbox served, read while it still runs.
  const served: ServedShop[] = await sandbox.served();
  const servedUs = served.filter((s) => s.id === us.id);
  const servedGb = served.filter((s) => s.id === gb.id);
  expect(servedUs[0]?.orders.some((o) => o.id === eveningOrder)).toBe(true);
  const { from: lyFrom, to: lyTo, previousFrom: lyBefore } = usLastYear;
  expect(sumsOf(servedUs, lyFrom, lyTo).orderIds.has(newYearsEve)).toBe(true);
  expect(sumsOf(servedUs, lyBefore, addDays(lyFrom, -1)).orderIds.has(yearBeforeFirst)).toBe(true);
  expect(sumsOf(servedGb, addDays(lyTo, 1), addDays(lyTo, 1)).orderIds.has(gbNewYearOrder)).toBe(true);
  expect(served.reduce((n, s) => n + s.orders.length, 0)).toBeGreaterThan(10_000);

  // The sandbox gone and TikTok out of reach (a production Profile on closed ports), same data folder.
  await web.stop();
  const profileFile = offlineProfileFile(web.dataDir);
  await web.start({ ...env, SHOPMESH_PROFILE_FILE: profileFile });
  await page.goto(web.app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.locator('.freshness-line').getByText(/Orders synced/)).toBeVisible();

  // Yesterday, the last 90 days and the last 365 days of both shops: per currency, each shop on its own days.
  const period = page.getByLabel('Period');
  const today = localDay(Date.now(), userZone);
  for (const [preset, from] of [
    ['yesterday', addDays(today, -1)],
    ['last90', addDays(today, -89)],
    ['last365', addDays(today, -364)],
  ] as const) {
    const to = preset === 'yesterday' ? from : today;
    await period.selectOption(preset);
    await expectPeriod(page, from, to);
    await expectCards(page, expectedCards(served, from, to));
  }
  // Last year, both shops: the presets' "today" is the user's (the shops' zones differ), each shop read on
  // its own days of that year, against the year before.
  await period.selectOption('lastYear');
  await expectLastYear(page, served, userZone);

  // One shop at a time: its presets are taken in its own zone.
  await period.selectOption('last90');
  await chooseShop(page, us.name);
  const todayLa = localDay(Date.now(), LA);
  await expectPeriod(page, addDays(todayLa, -89), todayLa);
  await expectCards(page, expectedCards(servedUs, addDays(todayLa, -89), todayLa));
  await expect(page.getByRole('region', { name: 'GMV', exact: true })).not.toContainText('£');
  // The change against the previous 30 days, worked out from the sandbox's orders of both periods.
  await period.selectOption('last30');
  const from30 = addDays(todayLa, -29);
  await expectPeriod(page, from30, todayLa);
  await expectChangeLines(page, expectedChanges(servedUs, from30, todayLa, addDays(from30, -30)));
  // The US shop's last year, in its own zone: New Year's Eve counted, New Year's Day of the year before
  // compared with.
  await period.selectOption('lastYear');
  await expectLastYear(page, servedUs, LA);

  // The US evening order counts on its shop's day, not on its UTC day.
  expect(sumsOf(servedUs, evening, evening).orderIds.has(eveningOrder)).toBe(true);
  expect(sumsOf(servedUs, eveningUtcDay, eveningUtcDay).orderIds.has(eveningOrder)).toBe(false);
  await customRange(page, evening, evening);
  await expectPeriod(page, evening, evening);
  await expectCards(page, expectedCards(servedUs, evening, evening));
  await customRange(page, eveningUtcDay, eveningUtcDay);
  await expectPeriod(page, eveningUtcDay, eveningUtcDay);
  await expectCards(page, expectedCards(servedUs, eveningUtcDay, eveningUtcDay));

  await chooseShop(page, gb.name);
  await period.selectOption('yesterday');
  const yesterdayLondon = addDays(localDay(Date.now(), 'Europe/London'), -1);
  await expectPeriod(page, yesterdayLondon, yesterdayLondon);
  await expectCards(page, expectedCards(servedGb, yesterdayLondon, yesterdayLondon));
  await expect(page.getByRole('region', { name: 'GMV', exact: true })).not.toContainText('$');
  // The GB shop's last year: whatever the sandbox holds there (with the demo dataset: nothing).
  await period.selectOption('lastYear');
  await expectLastYear(page, servedGb, 'Europe/London');

  // Back to every shop over 90 days; the trend exported as CSV holds the same figures, day by day.
  await chooseShop(page, null);
  await period.selectOption('last90');
  const from90 = addDays(today, -89);
  await expectCards(page, expectedCards(served, from90, today));
  await page.getByRole('radio', { name: 'Day' }).click();
  const download = page.waitForEvent('download');
  await page.locator('.chart-card').getByRole('button', { name: 'Export CSV' }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const csv = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields).toEqual(expect.arrayContaining(['Period start', 'Series', 'Currency', 'Value']));
  const rows = (series: string, currency: string) =>
    csv.data.filter((r) => r.Series === series && (r.Currency ?? '') === currency);
  const days: string[] = [];
  for (let d = from90; d <= today; d = addDays(d, 1)) days.push(d);
  const totals = sumsOf(served, from90, today);
  for (const currency of ['USD', 'GBP']) {
    for (const [series, pick] of [
      ['gmv', (s: ReturnType<typeof sumsOf>) => s.gmv.get(currency) ?? 0],
      ['refunds', (s: ReturnType<typeof sumsOf>) => s.refunds.get(currency) ?? 0],
    ] as const) {
      const got = rows(series, currency);
      expect(got.map((r) => r['Period start'])).toEqual(days);
      expect(got.map((r) => minorOf(r.Value ?? ''))).toEqual(days.map((d) => pick(sumsOf(served, d, d))));
      expect(got.reduce((n, r) => n + minorOf(r.Value ?? ''), 0)).toBe(pick(totals));
    }
  }
  for (const [series, pick] of [
    ['orders', (s: ReturnType<typeof sumsOf>) => s.orders],
    ['units', (s: ReturnType<typeof sumsOf>) => s.units],
  ] as const) {
    const got = rows(series, '');
    expect(got.map((r) => r['Period start'])).toEqual(days);
    expect(got.map((r) => Number(r.Value))).toEqual(days.map((d) => pick(sumsOf(served, d, d))));
  }

  // A rate typed in Settings, then USD as the reporting currency: one converted figure, labelled as such.
  await nav.getByRole('link', { name: 'Settings' }).click();
  const rates = page.getByRole('region', { name: 'Currency rates' });
  await rates.getByRole('combobox', { name: 'Currency' }).selectOption(rate.currency);
  await rates.getByRole('combobox', { name: 'Into' }).selectOption(rate.into);
  await rates.getByRole('textbox', { name: 'Rate' }).fill(rate.rate);
  await rates.getByRole('textbox', { name: 'As of' }).fill(yesterdayLondon);
  await rates.getByRole('button', { name: 'Save rate' }).click();
  await expect(rates.getByRole('cell', { name: rate.rate, exact: true })).toBeVisible();
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  // Back on the dashboard, the period and shops chosen before the visit to Settings.
  await expect(period).toHaveValue('last90');
  await expectPeriod(page, from90, today);
  await page.getByRole('group', { name: 'Dashboard filters' }).getByLabel('Currency').selectOption('USD');
  // The rate's as-of day as the rates table writes it in English (Intl), never ISO.
  const asOf = new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${yesterdayLondon}T12:00:00Z`),
  );
  const note = `Converted to USD with 1 GBP = 1.27 USD (${asOf})`;
  // 1 GBP = 1.27 USD, in integer minor units rounded half away from zero as money is.
  const convert = (usd: number, gbp: number) => usd + Math.round((gbp * 127) / 100);
  for (const [name, pick] of [
    ['GMV', (s: ReturnType<typeof sumsOf>, c: string) => s.gmv.get(c) ?? 0],
    ['Refunds', (s: ReturnType<typeof sumsOf>, c: string) => s.refunds.get(c) ?? 0],
  ] as const) {
    const card = page.getByRole('region', { name, exact: true });
    await expect(card.locator('.kpi-value')).toHaveText([
      money(convert(pick(totals, 'USD'), pick(totals, 'GBP')), 'USD'),
    ]);
    await expect(card.locator('.kpi-note')).toHaveText(note);
  }
  // The breakdown says how its rows were ranked above its table, where it is read without scrolling the table.
  const ranked = page.getByRole('note', { name: 'Currency conversion' });
  await expect(ranked).toHaveText(`Ranked by the amount converted to USD with 1 GBP = 1.27 USD (${asOf})`);
  expect(await ranked.evaluate((el) => el.closest('.table-scroll') === null)).toBe(true);
  // Counts are never converted.
  await expect(page.getByRole('region', { name: 'Orders', exact: true }).locator('.kpi-value')).toHaveText([
    count(totals.orders),
  ]);
  await expect(page.getByRole('region', { name: 'Orders', exact: true })).not.toContainText('Converted');

  // The journey's dashboard in both languages and both themes (looked at by a person).
  for (const [language, theme] of [
    ['en', 'light'],
    ['en', 'dark'],
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    await setting(page, { language, theme });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.waitForTimeout(300);
    await wholePage(page, `test-results/e2e/analytics-done-when-${language}-${theme}.png`);
  }
  await setting(page, { language: 'en', theme: 'light' });

  // Last year survives a restart like every preset.
  await page.getByRole('group', { name: 'Dashboard filters' }).getByLabel('Currency').selectOption('');
  await chooseShop(page, us.name);
  await period.selectOption('lastYear');
  await expectLastYear(page, servedUs, LA);
  await web.stop();
  await web.start({ ...env, SHOPMESH_PROFILE_FILE: profileFile });
  await page.goto(web.app.url);
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(period).toHaveValue('lastYear');
  await expectLastYear(page, servedUs, LA);
});
