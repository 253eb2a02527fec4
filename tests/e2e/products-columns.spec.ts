import { expect, type Page, test } from '@playwright/test';
import { allLooks, connectShopAndSync, inEachLook, webAppPerTest } from './web-app';

const web = webAppPerTest('shopmesh-e2e-products-columns-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-products-columns-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

interface Column {
  column: string;
  width: number;
  /** The widest content of the column's body cells, laid out on one line, with the cell's padding. */
  widest: number;
  widestText: string;
}

// The e2e project has no DOM types: the measure runs in the page as plain JavaScript. A cell needs the span of
// what it shows, plus what any box in it cuts (its scroll width over its width), plus its padding.
const measure = `(() => {
  const table = document.querySelector('.products-table');
  const heads = [...table.querySelectorAll('thead th')];
  const columns = heads.map((th) => ({ column: [...th.classList].find((c) => c.startsWith('col-')) ?? '?',
    width: th.getBoundingClientRect().width, widest: 0, widestText: '' }));
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      const column = columns[i];
      if (!column) return;
      const s = getComputedStyle(cell);
      // What the cell shows, left to right (a visually hidden name lies outside it and is left out).
      let left = Infinity;
      let right = -Infinity;
      for (const e of [cell, ...cell.querySelectorAll('*')]) {
        if (e.closest('.visually-hidden')) continue;
        for (const n of e.childNodes) {
          let rects = [];
          if (n.nodeType === 3 && n.textContent.trim() !== '') {
            const range = document.createRange();
            range.selectNodeContents(n);
            rects = [...range.getClientRects()];
          } else if (n.nodeType === 1 && !n.closest('.visually-hidden') && n.children.length === 0) {
            rects = [...n.getClientRects()];
          }
          for (const r of rects) {
            if (r.width === 0) continue;
            left = Math.min(left, r.left);
            right = Math.max(right, r.right);
          }
        }
      }
      const shown = right > left ? right - left : 0;
      let excess = 0;
      for (const e of cell.querySelectorAll('*:not(.visually-hidden, .visually-hidden *)'))
        excess = Math.max(excess, e.scrollWidth - e.clientWidth);
      const need = shown + excess + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight);
      if (need > column.widest) {
        column.widest = need;
        column.widestText = (cell.textContent || '').trim().slice(0, 48);
      }
    });
  }
  return columns.map((c) => ({ ...c, width: Math.round(c.width * 10) / 10, widest: Math.round(c.widest * 10) / 10 }));
})()`;

async function columns(page: Page): Promise<Column[]> {
  return (await page.evaluate(measure)) as Column[];
}

/** The width each listing status's badge takes, laid out in a status cell of the table (all statuses, not only
    those of the sandbox's products), and the room that cell's box gives it. */
async function statusBadges(
  page: Page,
  labels: string[],
): Promise<{ label: string; width: number; room: number }[]> {
  return (await page.evaluate(`(() => {
    const cell = document.querySelector('.products-table td.col-status');
    const badge = cell.querySelector('.badge');
    const s = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    return ${JSON.stringify(labels)}.map((label) => {
      const probe = badge.cloneNode(false);
      probe.textContent = label;
      probe.style.maxWidth = 'none';
      probe.style.position = 'absolute';
      cell.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return { label, width, room };
    });
  })()`)) as { label: string; width: number; room: number }[];
}

/** Each product title's text box: its width and whether its two lines hold it whole. */
async function titles(page: Page): Promise<{ text: string; width: number; whole: boolean }[]> {
  return page.locator('.products-table td.col-title .product-name .cell-text').evaluateAll((cells) =>
    cells.map((e) => ({
      text: e.textContent ?? '',
      width: e.clientWidth,
      whole: e.scrollHeight <= e.clientHeight + 1,
    })),
  );
}

/**
 * The Products table at 1280 px, in both languages and themes, with and without a row ticked: the title, how
 * a merchant tells products apart, has the room the other columns can spare (two lines of at least 100 px,
 * which hold most of the sandbox's titles whole), and every other column still holds its widest content and
 * every listing status's badge, not only those of the sandbox's products. Attaches each column's width against
 * its widest content to the report; saves test-results/e2e/products-columns-1280-<language>-<theme>[-ticked].png.
 */
test('the Products table at 1280 px gives the title the room the other columns spare, cutting none of them', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(web.app.url);
  await connectShopAndSync(page, context);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
  const table = page.locator('.products-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // What was measured, attached to the test's report (the figures behind products.css's widths).
  const report: string[] = [];
  try {
    await inEachLook(
      page,
      async ({ language, theme }) => {
        const listing = page
          .locator('.content select')
          .filter({ has: page.locator('option[value="DELETED"]') });
        const labels = await listing.locator('option:not([value=""])').allInnerTexts();
        expect(labels.length).toBeGreaterThanOrEqual(8);
        for (const ticked of [false, true]) {
          const tick = page.locator('.content tbody input[type="checkbox"]').first();
          if (ticked) await tick.check();
          await expect(table.locator('tbody tr').first()).toBeVisible();
          const measured = await columns(page);
          const badges = await statusBadges(page, labels);
          const seen = await titles(page);
          report.push(
            `${language} ${theme}${ticked ? ' ticked' : ''}: column width / widest content`,
            ...measured.map(
              (c) =>
                `  ${c.column.padEnd(15)} ${String(c.width).padStart(6)} ${String(c.widest).padStart(6)}  ${c.widestText}`,
            ),
            ...badges.map((b) => `  status ${b.label}: ${b.width.toFixed(1)} in ${b.room}`),
            '  titles: ' + seen.map((t) => `${t.width}${t.whole ? '' : ' cut'} ${t.text}`).join(' | '),
          );
          const look = `${language} ${theme}${ticked ? ' ticked' : ''}`;
          for (const c of measured.filter((c) => c.column !== 'col-title'))
            expect(c.widest, `${look}: ${c.column} holds "${c.widestText}"`).toBeLessThanOrEqual(
              c.width + 0.5,
            );
          for (const b of badges)
            expect(b.width, `${look}: the "${b.label}" badge fits its column`).toBeLessThanOrEqual(
              b.room + 0.5,
            );
          // A heading too long for its cell spills out of its sort button (its sort mark over the heading before)
          // rather than being cut, so the audit does not see it.
          const headings =
            (await page.evaluate(`[...document.querySelectorAll('.products-table thead th')].map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          const text = range.getBoundingClientRect();
          const cell = th.getBoundingClientRect();
          return { text: th.textContent, fits: text.left >= cell.left - 0.5 && text.right <= cell.right + 0.5 };
        })`)) as { text: string; fits: boolean }[];
          for (const h of headings) expect(h.fits, `${look}: the "${h.text}" heading fits`).toBe(true);
          expect(seen.length).toBeGreaterThanOrEqual(10);
          for (const t of seen) expect(t.width, `${look}: room for "${t.text}"`).toBeGreaterThanOrEqual(100);
          const whole = seen.filter((t) => t.whole).length;
          expect(whole, `${look}: titles whole on their two lines`).toBeGreaterThanOrEqual(seen.length / 2);
          await page.screenshot({
            path: `test-results/e2e/products-columns-1280-${language}-${theme}${ticked ? '-ticked' : ''}.png`,
          });
          if (ticked) await tick.uncheck();
        }
      },
      allLooks,
    );
  } finally {
    await test.info().attach('products-columns-1280', { body: report.join('\n'), contentType: 'text/plain' });
  }
});
