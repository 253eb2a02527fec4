import type { Page } from '@playwright/test';

/**
 * A toolbar as a merchant reads it: its controls in rows (controls whose boxes overlap vertically share a
 * row), top to bottom, each left to right. Shared by the Dashboard's and the Creators page's look specs,
 * whose rule is the same: when a bar wraps it wraps in whole rows, never one control left alone on a row,
 * every row level, nothing sticking out of the bar.
 */
export interface ToolbarShape {
  /** The bar: no control may stick out of its box. */
  bar: string;
  /** Its controls; an element matched inside another matched one is part of that one. */
  controls: string;
  /** Inside a control, the element whose text names it; without one, its aria-label, then its own text. */
  label?: string;
  /**
   * What "level" means for a row: the controls' boxes end on one line (labels above their fields, boxes
   * aligned at the bottom) or share one middle (buttons, text and chips centred on a line).
   */
  level: 'bottom' | 'middle';
  /** Inside a control, the box that is levelled (a field's select rather than its label above it). */
  box?: string;
}

export interface ToolbarRows {
  /** Each row, top to bottom: the names of its controls, left to right. */
  rows: string[][];
  /** Rows whose controls are not level (px, rounded). */
  ragged: string[];
  /** Controls that stick out of the bar's box. */
  outside: string[];
  /** The focusable parts of the controls as a reader meets them: row by row, each left to right. */
  reading: string[];
  /** The same parts in the order Tab walks them (the document's). */
  tab: string[];
}

// The e2e project has no DOM types: the measure runs in the page as plain JavaScript.
const measure = `(shape) => {
  const bar = document.querySelector(shape.bar);
  if (!bar) return null;
  const text = (e) => (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ');
  const matched = [...bar.querySelectorAll(shape.controls)];
  const controls = matched
    .filter((e) => !matched.some((o) => o !== e && o.contains(e)))
    .filter((e) => e.getBoundingClientRect().width > 0)
    .map((e) => {
      const label = shape.label ? e.querySelector(shape.label) : null;
      const box = (shape.box && e.querySelector(shape.box)) || e;
      return { e, name: (label ? label.textContent.trim() : text(e)).slice(0, 24), b: e.getBoundingClientRect(), box: box.getBoundingClientRect() };
    });
  const rows = [];
  for (const c of [...controls].sort((x, y) => x.b.top - y.b.top || x.b.left - y.b.left)) {
    const row = rows.find((r) => r.some((o) => c.b.top < o.b.bottom - 2 && o.b.top < c.b.bottom - 2));
    if (row) row.push(c);
    else rows.push([c]);
  }
  for (const r of rows) r.sort((x, y) => x.b.left - y.b.left);
  const line = shape.level === 'bottom' ? (c) => c.box.bottom : (c) => (c.box.top + c.box.bottom) / 2;
  const ragged = rows
    .filter((r) => Math.max(...r.map(line)) - Math.min(...r.map(line)) > 1.5)
    .map((r) => r.map((c) => c.name + (shape.level === 'bottom' ? ' ends at ' : ' centred at ') + Math.round(line(c))).join(', '));
  const outer = bar.getBoundingClientRect();
  const outside = controls
    .filter((c) => c.b.left < outer.left - 1 || c.b.right > outer.right + 1)
    .map((c) => c.name + ' ' + Math.round(c.b.left) + '-' + Math.round(c.b.right) + ' in ' + Math.round(outer.left) + '-' + Math.round(outer.right));
  const focusable = 'button, input, select, textarea, summary, a[href], [tabindex]';
  const stops = (e) =>
    [...(e.matches(focusable) ? [e] : []), ...e.querySelectorAll(focusable)].filter(
      (f) => !f.disabled && f.getAttribute('tabindex') !== '-1' && f.getClientRects().length > 0,
    );
  const stopName = (f) => text(f) || (f.labels && f.labels[0] ? f.labels[0].textContent.trim() : f.tagName);
  const reading = rows.flatMap((r) => r.flatMap((c) => stops(c.e)));
  const tab = [...reading].sort((x, y) => (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return {
    rows: rows.map((r) => r.map((c) => c.name)),
    ragged,
    outside,
    reading: reading.map(stopName),
    tab: tab.map(stopName),
  };
}`;

export async function measureToolbar(page: Page, shape: ToolbarShape): Promise<ToolbarRows> {
  const rows = (await page.evaluate(`(${measure})(${JSON.stringify(shape)})`)) as ToolbarRows | null;
  if (!rows) throw new Error(`no toolbar ${shape.bar} on the page`);
  return rows;
}

/** What a merchant would find wrong with the bar's rows: a control alone on a row, a row not level, a control outside. */
export function rowProblems(bar: ToolbarRows, at: string): string[] {
  const problems: string[] = [];
  if (bar.rows.length > 1)
    for (const row of bar.rows)
      if (row.length === 1) problems.push(`${at}: "${row[0]}" alone on a row of ${JSON.stringify(bar.rows)}`);
  for (const row of bar.ragged) problems.push(`${at}: a row's controls are not level: ${row}`);
  for (const c of bar.outside) problems.push(`${at}: sticks out of the bar: ${c}`);
  return problems;
}

/** Tab walks the bar in another order than a reader reads it: the first place they part. */
export function tabOrderProblem(bar: ToolbarRows, at: string): string[] {
  const i = bar.reading.findIndex((name, k) => bar.tab[k] !== name);
  return i < 0
    ? []
    : [
        `${at}: Tab reaches "${bar.tab[i]}" where the eye reads "${bar.reading[i]}" (${bar.reading.join(' > ')})`,
      ];
}
