import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { connectShopAndAds, settled } from './layout-audit';
import { measureToolbar, rowProblems, type ToolbarShape } from './toolbar-rows';
import { setLook, webAppPerTest, wholePage, type Look } from './web-app';

/**
 * Issue 11's review of the Dashboard as a paying merchant sees it: the filter bar reads as one designed
 * toolbar at 1280, 1360 and 1920 px in both languages (when it wraps, it wraps in whole rows, never one
 * control left alone on a row), the KPI cards read in the order Tab walks them with no row left short, and
 * the Dashboard, Ads, Finance and Affiliate pages are saved in both
 * languages and both themes at 1360 px to be looked at (test-results/e2e/look-<page>-<width>-<look>.png).
 */
const web = webAppPerTest('shopmesh-e2e-dashboard-look-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-dashboard-look-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

const looks: readonly Look[] = [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
];

// A control is one labelled field of the bar (Period, Shops, Advertisers, Currency, and From / To of a custom
// period) or one of its buttons; labels stand above the boxes, so a level row's boxes end on one line.
const filterBar: ToolbarShape = {
  bar: '.dashboard-toolbar',
  controls: '.field, .date-field, .custom-range > .button, .focus-chip',
  label: '.field-label, .date-field-label',
  level: 'bottom',
};

// The KPI cards as a merchant reads them (rows top to bottom, each left to right; cards whose boxes overlap
// vertically share a row) beside the order Tab walks them in (the DOM's), and how far each row falls short
// of the grid's right edge (a hole a card could have filled).
const measureCards = `(() => {
  const grid = document.querySelector('.kpi-grid');
  const cards = [...grid.querySelectorAll(':scope > .kpi-card')].map((e) => ({
    name: e.getAttribute('aria-label'),
    b: e.getBoundingClientRect(),
  }));
  const rows = [];
  for (const c of [...cards].sort((x, y) => x.b.top - y.b.top || x.b.left - y.b.left)) {
    const row = rows.find((r) => r.some((o) => c.b.top < o.b.bottom - 2 && o.b.top < c.b.bottom - 2));
    if (row) row.push(c);
    else rows.push([c]);
  }
  const right = grid.getBoundingClientRect().right;
  return {
    dom: cards.map((c) => c.name),
    reading: rows.flatMap((r) => r.sort((x, y) => x.b.left - y.b.left).map((c) => c.name)),
    short: rows
      .map((r) => ({ last: r[r.length - 1], gap: right - Math.max(...r.map((c) => c.b.right)) }))
      .filter((r) => r.gap > 2)
      .map((r) => 'the row ending with ' + r.last.name + ' stops ' + Math.round(r.gap) + ' px short'),
  };
})()`;

/**
 * The breakdown's "more below" cue: with rows past its 520 px scroller a fade lies over the bottom edge, and
 * once scrolled to the end it is gone (the last row reads whole). The scroller is put back at the top.
 */
const measureBreakdownCue = `(async () => {
  const box = document.querySelector('.breakdown-scroll');
  if (!box) return 'no breakdown';
  const fade = () => Number(getComputedStyle(box, '::after').opacity);
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  if (box.scrollHeight <= box.clientHeight + 1) return 'no rows below (' + box.scrollHeight + ' px): nothing to cue';
  box.scrollTop = 0;
  await frame();
  const atTop = fade();
  box.scrollTop = box.scrollHeight;
  await frame();
  const atEnd = fade();
  box.scrollTop = 0;
  await frame();
  return atTop > 0.9 && atEnd < 0.05 ? null : 'fade ' + atTop + ' at the top, ' + atEnd + ' at the end';
})()`;

async function cardProblems(page: Page, at: string): Promise<string[]> {
  const cards = (await page.evaluate(measureCards)) as { dom: string[]; reading: string[]; short: string[] };
  const problems: string[] = [];
  if (cards.dom.length === 0) problems.push(`${at}: no KPI cards`);
  if (JSON.stringify(cards.reading) !== JSON.stringify(cards.dom))
    problems.push(
      `${at}: KPI cards read ${cards.reading.join(' > ')} but Tab walks ${cards.dom.join(' > ')}`,
    );
  for (const s of cards.short) problems.push(`${at}: ${s}`);
  return problems;
}

async function barProblems(page: Page, at: string): Promise<string[]> {
  return rowProblems(await measureToolbar(page, filterBar), at);
}

/**
 * The trend chart's tooltip (saved with the chart card) and its PNG: the picture carries a title and a
 * legend band under the chart (the on-screen legend is HTML beside the SVG, not in it), saved to be looked
 * at as test-results/e2e/look-trend-<look>.png.
 */
async function trendLook(page: Page, look: Look): Promise<void> {
  const card = page.locator('.chart-card');
  // One legend: the series toggles, and a line saying what the dashed lines are.
  await expect(card.locator('.recharts-legend-wrapper')).toHaveCount(0);
  await expect(
    card.getByText(
      look[0] === 'en' ? /^Dashed lines: the previous period, \w{3} \d/ : /^虚线：上一周期，\d{4}年/,
    ),
  ).toBeVisible();
  const chart = card.locator('.chart-box .recharts-wrapper > svg.recharts-surface');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('chart has no box');
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5);
  await expect(card.locator('.recharts-tooltip-wrapper')).toBeVisible();
  await card.screenshot({ path: `test-results/e2e/look-trend-card-${look.join('-')}.png` });
  await page.mouse.move(640, 2);

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: look[0] === 'en' ? 'Save as PNG' : '保存为 PNG' }).click();
  const png = await download;
  const path = `test-results/e2e/look-trend-${look.join('-')}.png`;
  await png.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  // Drawn at twice the size: the chart's own height, then a title above it and a legend band below.
  const [width, height] = [bytes.readUInt32BE(16) / 2, bytes.readUInt32BE(20) / 2];
  expect(width).toBeCloseTo(box.width, -1);
  expect(height).toBeGreaterThanOrEqual(box.height + 60);
}

test('the dashboard filter bar is one designed toolbar at 1280, 1360 and 1920 px', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1360, height: 860 });
  await connectShopAndAds(page, context, web.app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByLabel('Period').selectOption('last365');
  await expect(page.getByRole('region', { name: 'GMV', exact: true })).toContainText('$', {
    timeout: 20_000,
  });
  // The filter bar holds every control it can: shops, advertisers and the reporting currency.
  const filters = page.getByRole('group', { name: 'Dashboard filters' });
  await expect(filters.getByLabel('Currency')).toBeVisible();
  await expect(filters.locator('summary')).toHaveCount(2);

  const problems: string[] = [];
  for (const width of [1280, 1360, 1920]) {
    await page.setViewportSize({ width, height: 860 });
    for (const look of looks) {
      await setLook(page, ...look);
      await settled(page);
      const at = `${width} ${look.join('-')}`;
      problems.push(...(await barProblems(page, at)));
      problems.push(...(await cardProblems(page, at)));
      if (width === 1360) {
        const cue = (await page.evaluate(measureBreakdownCue)) as string | null;
        if (cue) problems.push(`${at}: breakdown: ${cue}`);
        await wholePage(page, `test-results/e2e/look-dashboard-${width}-${look.join('-')}.png`);
      }
      // A period chosen by hand adds From, To and Apply to the bar.
      await page.locator('.period-field select').selectOption('custom');
      await expect(page.locator('.custom-range .date-field-input')).toHaveCount(2);
      problems.push(...(await barProblems(page, `${at} custom period`)));
      if (width === 1360)
        await page.screenshot({
          path: `test-results/e2e/look-dashboard-custom-${width}-${look.join('-')}.png`,
        });
      await page.locator('.period-field select').selectOption('last365');
    }
  }
  await page.setViewportSize({ width: 1360, height: 860 });
  for (const look of [looks[0]!, looks[3]!]) {
    await setLook(page, ...look);
    await settled(page);
    await trendLook(page, look);
  }
  for (const name of ['ads', 'finance', 'affiliate']) {
    await page.evaluate(`window.location.hash = '#/${name}'`);
    for (const look of looks) {
      await setLook(page, ...look);
      await settled(page);
      await wholePage(page, `test-results/e2e/look-${name}-1360-${look.join('-')}.png`);
    }
  }
  await setLook(page, 'en', 'light');
  expect(problems).toEqual([]);
});
