import { expect, type Page, test } from '@playwright/test';
import type { CreatorList } from '@shared/creator-lists';
import { crmEnv, nav, syncSettled } from './crm-app';
import { auditLayout, settled } from './layout-audit';
import { measureToolbar, rowProblems, tabOrderProblem, type ToolbarShape } from './toolbar-rows';
import { allLooks, callApi, connectShop, setLook, webAppPerTest } from './web-app';

/**
 * The Creators page's toolbar as a paying merchant sees it: one designed toolbar at 1280, 1360 and 1920 px,
 * in both languages and both themes, with no filter, with a list chosen, with More filters open, with
 * filters of both rows set, and with seven filters set (their chips wrap). Its rows are measured like the Dashboard's (tests/e2e/toolbar-rows.ts): never one
 * control alone on a row, every row level, nothing outside the bar, Tab in the order the eye reads. Row 1 is
 * the search and the four first menus, row 2 More filters with the count and the page's buttons at its right
 * end, both rows ending at the bar's right edge; the search's placeholder and every menu's chosen value read
 * whole. Saved per look as test-results/e2e/creators-toolbar-<state>-<width>-<look>.png.
 */
const web = webAppPerTest('shopmesh-e2e-creators-toolbar-', { ...crmEnv, SHOPMESH_SANDBOX_SCALE: 'tiny' });

// A control is the search, a labelled menu, a "from – up to" figure, a button, the count or one chip of a
// filter in force. Rows are levelled by their boxes' middles, so a menu whose label stands above its box is
// level with a button beside the box, and a chip with the taller button beside it.
const toolbar: ToolbarShape = {
  bar: '.list-toolbar',
  controls: '.search-field, .field, .range-filter, .button, .list-count, .score-progress, .chip',
  label: '.field-label, .search-field > label',
  level: 'middle',
  box: '.input, .select',
};

// The rows' design in the page as plain JavaScript (the e2e project has no DOM types): the first row is the
// search and the four first menus, the More filters toggle shares its row with the count, and both rows
// end at the bar's right edge. A menu's chosen value is measured against the room its box leaves for text.
const design = `(() => {
  const bar = document.querySelector('.list-toolbar');
  const outer = bar.getBoundingClientRect();
  const shown = (e) => e.getClientRects().length > 0;
  const box = (e) => e.getBoundingClientRect();
  const overlap = (a, b) => a.top < b.bottom - 2 && b.top < a.bottom - 2;
  const problems = [];
  const search = bar.querySelector('.search-field');
  const toggle = bar.querySelector('button[aria-expanded]');
  const count = bar.querySelector('.list-count');
  const menus = [...bar.querySelectorAll('.field')].filter((f) => shown(f) && overlap(box(f), box(search)));
  if (menus.length !== 4)
    problems.push('the search shares its row with ' + menus.length + ' menus: ' +
      menus.map((m) => m.querySelector('.field-label').textContent.trim()).join(', '));
  if (overlap(box(toggle), box(search))) problems.push('More filters sits on the search row');
  if (!overlap(box(toggle), box(count)))
    problems.push('the count is not on the More filters row: toggle ' + Math.round(box(toggle).top) +
      ', count ' + Math.round(box(count).top));
  const rowEnd = (anchor) =>
    Math.max(...[...bar.querySelectorAll('.search-field, .field, .button, .list-count')]
      .filter((e) => shown(e) && overlap(box(e), box(anchor)))
      .map((e) => box(e).right));
  for (const [name, anchor] of [['search', search], ['More filters', toggle]]) {
    const gap = outer.right - rowEnd(anchor);
    if (Math.abs(gap) > 1) problems.push('the ' + name + ' row ends ' + Math.round(gap) + ' px before the bar');
  }
  for (const select of bar.querySelectorAll('select')) {
    if (!shown(select)) continue;
    const s = getComputedStyle(select);
    const probe = document.createElement('span');
    probe.textContent = select.selectedOptions[0]?.textContent ?? '';
    for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'letterSpacing']) probe.style[p] = s[p];
    probe.style.position = 'absolute';
    probe.style.whiteSpace = 'pre';
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const room = select.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    if (width > room + 0.5)
      problems.push('"' + probe.textContent + '" is cut in its menu: ' + Math.round(width) + ' > ' + Math.round(room));
  }
  return problems;
})()`;

async function toolbarProblems(page: Page, at: string): Promise<string[]> {
  const bar = await measureToolbar(page, toolbar);
  const problems = [...rowProblems(bar, at), ...tabOrderProblem(bar, at)];
  for (const p of (await page.evaluate(design)) as string[]) problems.push(`${at}: ${p}`);
  const audit = await auditLayout(page);
  for (const text of audit.placeholders) problems.push(`${at}: placeholder cut: ${text}`);
  for (const button of audit.wrapped) problems.push(`${at}: label wraps: ${button}`);
  for (const heights of audit.toolbars) problems.push(`${at}: toolbar heights differ: ${heights}`);
  return problems;
}

test('the Creators toolbar is one designed toolbar at 1280, 1360 and 1920 px', async ({ page, context }) => {
  // Five states of the bar, three widths and four looks: 60 measures and screenshots after a shop's sync.
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(web.app.url);
  await connectShop(page, context);
  await syncSettled(page, web);
  // A list and a tag named as a merchant names them, on the shop's own creators.
  const list = await callApi<CreatorList>(web.app, page.request, 'lists:create', {
    name: 'Autumn outreach',
    kind: 'static',
  });
  for (const action of [
    { kind: 'addToList', listId: list.id },
    { kind: 'addTag', tag: 'launch-2026' },
  ])
    await callApi(web.app, page.request, 'creators:bulk', { selection: { filter: {} }, action });
  await page.reload();
  await nav(page).getByRole('link', { name: 'Creators', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Creators' }).getByRole('row').nth(1)).toBeVisible();
  await page.mouse.move(640, 2);

  const filters = page.getByRole('group', { name: 'Filters' });
  const states: ReadonlyArray<readonly [string, () => Promise<void>]> = [
    ['closed', async () => {}],
    [
      'list',
      async () => {
        await filters.getByLabel('List', { exact: true }).selectOption({ label: 'Autumn outreach' });
        await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
      },
    ],
    [
      'open',
      async () => {
        await page.getByRole('button', { name: 'More filters' }).click();
        await expect(page.getByLabel('Followers from')).toBeVisible();
      },
    ],
    // Menus of both rows and a figure set, More filters closed again: three chips and Save as list.
    [
      'filtered',
      async () => {
        await filters.getByLabel('Tag', { exact: true }).selectOption({ label: 'launch-2026' });
        await page.getByLabel('Followers from').fill('1000');
        await page.getByRole('button', { name: 'More filters' }).click();
        await expect(page.getByRole('button', { name: 'More filters (1 set)' })).toBeVisible();
        await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveCount(3);
        await expect(page.getByRole('button', { name: 'Save as list' })).toBeVisible();
      },
    ],
    // Seven chips and Clear filters: more than one line holds at 1280 px, so their lines must share them.
    [
      'many',
      async () => {
        await filters.getByLabel('Stage', { exact: true }).selectOption('sample_sent');
        await page.getByRole('button', { name: 'More filters (1 set)' }).click();
        await page.getByLabel('Units sold from').fill('5');
        await page.getByLabel('Engagement from (%)').fill('1.5');
        await page.getByLabel('Score from').fill('10');
        await page.getByRole('button', { name: 'More filters' }).click();
        await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveCount(7);
      },
    ],
  ];

  const problems: string[] = [];
  for (const [state, enter] of states) {
    await setLook(page, 'en', 'light');
    await page.setViewportSize({ width: 1280, height: 860 });
    await enter();
    // The pointer leaves the bar, so no button shows its hover look in the screenshots.
    await page.mouse.move(640, 2);
    for (const width of [1280, 1360, 1920]) {
      await page.setViewportSize({ width, height: 860 });
      for (const look of allLooks) {
        await setLook(page, ...look);
        await settled(page);
        problems.push(...(await toolbarProblems(page, `${state} ${width} ${look.join('-')}`)));
        await page
          .locator('.list-toolbar')
          .screenshot({ path: `test-results/e2e/creators-toolbar-${state}-${width}-${look.join('-')}.png` });
      }
    }
  }
  await setLook(page, 'en', 'light');
  expect(problems).toEqual([]);
});
