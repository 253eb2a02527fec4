import { expect, type Locator, type Page, test } from '@playwright/test';
import { connectShopAndSync, inEachLook, webAppPerTest } from './web-app';

/**
 * Issue 16: every day field writes days the way the app's language does, whatever the browser's locale
 * (Chromium here runs in en-US, so a native date input showed mm/dd/yyyy in the Chinese UI), and its calendar
 * speaks that language too, in both themes, drawn whole over the table or card it sits in.
 * Screenshots: test-results/e2e/date-field-*.png.
 */
const env = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-date-field-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
};

const web = webAppPerTest('shopmesh-e2e-date-field-', env);

const written = { en: /^\d{2}\/\d{2}\/\d{4}$/, 'zh-CN': /^\d{4}\/\d{2}\/\d{2}$/ } as const;
const month = { en: /^[A-Z][a-z]+ \d{4}$/, 'zh-CN': /^\d{4}年\d{1,2}月$/ } as const;

/**
 * Opens the calendar of the day field labelled `label` (in the page's language; `en` says which) inside
 * `scope`, and checks it is whole on screen and on top (not clipped by what holds it).
 */
async function openCalendar(page: Page, scope: Page | Locator, label: string, en: boolean): Promise<Locator> {
  await scope
    .getByRole('button', { name: en ? `Choose ${label} on a calendar` : `在日历上选择${label}` })
    .click();
  const calendar = page.getByRole('dialog', { name: en ? `Calendar for ${label}` : `${label}日历` });
  await expect(calendar).toBeVisible();
  const box = (await calendar.boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
  // What is drawn at the calendar's corners is the calendar itself.
  const onTop = await calendar.evaluate((element, b) => {
    const doc = element.ownerDocument;
    return [
      [b.x + 8, b.y + 8],
      [b.x + b.width - 8, b.y + b.height - 8],
    ].every(([x, y]) => element.contains(doc.elementFromPoint(x!, y!)));
  }, box);
  expect(onTop).toBe(true);
  return calendar;
}

test('day fields and their calendars follow the app language and theme, not the browser', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(web.app.url);
  await connectShopAndSync(page, context);
  const nav = page.getByRole('navigation', { name: /^(Main|主导航)$/ });

  // Orders: a preset fills both fields as the language writes days; the calendar picks one with the keys.
  await inEachLook(page, async ({ language, theme, en }) => {
    await nav.getByRole('link', { name: en ? 'Orders' : '订单' }).click();
    await expect(
      page
        .getByRole('table', { name: en ? 'Orders' : '订单' })
        .getByRole('row')
        .nth(1),
    ).toBeVisible();
    const from = page.getByRole('textbox', { name: en ? 'From' : '开始日期', exact: true });
    await expect(from).toHaveAttribute('placeholder', en ? 'mm/dd/yyyy' : '年/月/日');
    await page
      .getByLabel(en ? 'Period' : '时间范围')
      .selectOption({ label: en ? 'Last 7 days' : '最近 7 天' });
    await expect(from).toHaveValue(written[language]);
    const before = await from.inputValue();
    const calendar = await openCalendar(page, page, en ? 'From' : '开始日期', en);
    await expect(calendar.getByRole('grid')).toHaveAccessibleName(month[language]);
    await page.screenshot({ path: `test-results/e2e/date-field-orders-${language}-${theme}.png` });
    // The chosen day has focus: a day back and Enter picks it, and the period becomes custom dates.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(calendar).toBeHidden();
    await expect(from).not.toHaveValue(before);
    await expect(from).toHaveValue(written[language]);
    await expect(page.getByLabel(en ? 'Period' : '时间范围').locator('option:checked')).toHaveText(
      en ? 'Custom dates' : '自定义日期',
    );
    // Typed the ISO way, in any language: the field writes it back the language's way once left.
    await from.fill('2026-11-02');
    await from.press('Tab');
    await expect(from).toHaveValue(en ? '11/02/2026' : '2026/11/02');
    await page.getByLabel(en ? 'Period' : '时间范围').selectOption({ label: en ? 'Any time' : '全部时间' });
    await expect(from).toHaveValue('');
  });

  // Dashboard: the custom range, and Escape closes the calendar alone.
  const otherLooks = [
    ['en', 'dark'],
    ['zh-CN', 'light'],
  ] as const;
  await inEachLook(
    page,
    async ({ language, theme, en }) => {
      await nav.getByRole('link', { name: en ? 'Dashboard' : '仪表盘' }).click();
      await page
        .getByLabel(en ? 'Period' : '时间范围')
        .selectOption({ label: en ? 'Custom range' : '自定义范围' });
      const to = page.getByRole('textbox', { name: en ? 'To' : '结束', exact: true });
      await to.fill(en ? '12/01/2026' : '2026/12/01');
      const calendar = await openCalendar(page, page, en ? 'To' : '结束', en);
      await expect(calendar.getByRole('grid')).toHaveAccessibleName(en ? 'December 2026' : '2026年12月');
      await page.screenshot({ path: `test-results/e2e/date-field-dashboard-${language}-${theme}.png` });
      await page.keyboard.press('Escape');
      await expect(calendar).toBeHidden();
      await expect(to).toHaveValue(en ? '12/01/2026' : '2026/12/01');
    },
    otherLooks,
  );

  // Settings → Currency rates: the "as of" field in a table row, its calendar drawn over the table's edge.
  await inEachLook(page, async ({ language, theme, en }) => {
    await nav.getByRole('link', { name: en ? 'Settings' : '设置' }).click();
    const rates = page.getByRole('region', { name: en ? 'Currency rates' : '汇率' });
    const asOf = rates.getByRole('textbox', { name: en ? 'As of' : '日期', exact: true });
    await asOf.scrollIntoViewIfNeeded();
    await expect(asOf).toHaveValue(written[language]);
    await openCalendar(page, rates, en ? 'As of' : '日期', en);
    await page.screenshot({ path: `test-results/e2e/date-field-rates-${language}-${theme}.png` });
    await page.keyboard.press('Escape');
  });
});
