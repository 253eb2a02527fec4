import type { Page } from '@playwright/test';

/**
 * What a keyboard user meets on the page on screen, found by pressing Tab from the start of the content
 * until focus leaves it (or comes back round): each stop must show a focus ring and be in view, every
 * control on the page must be one of the stops, a table whose rows take focus must be one stop in all its
 * rows, and every table header must stick to the box that scrolls its rows. Returns what is wrong, one
 * line each.
 */
export async function auditKeyboard(page: Page, at: string, maxStops = 150): Promise<string[]> {
  const problems: string[] = [];
  // As a keyboard user starts: the skip link, then on from the content. A toast showing may take the first
  // stops (it lives outside the content, announced politely); the walk starts where the content does.
  await page.evaluate(`(() => {
    for (const e of document.querySelectorAll('[data-kb-stop]')) e.removeAttribute('data-kb-stop');
    document.querySelector('.skip-link').focus();
  })()`);
  await page.keyboard.press('Enter');
  let entered = false;
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = (await page.evaluate(`(() => {
      const e = document.activeElement;
      const inside = e && e.id !== 'content' && document.querySelector('#content').contains(e);
      if (!inside) return { done: true, outside: true };
      if (e.hasAttribute('data-kb-stop')) return { done: true };
      e.setAttribute('data-kb-stop', '');
      const name = e.tagName.toLowerCase() + [...e.classList].map((c) => '.' + c).join('') + ' "' +
        (e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || '').trim().slice(0, 40) + '"';
      const s = getComputedStyle(e);
      const cells = e.tagName === 'TR' ? [...e.children].map((c) => getComputedStyle(c).backgroundColor) : [];
      const ring =
        (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) ||
        s.boxShadow !== 'none' ||
        cells.some((c) => c !== 'rgba(0, 0, 0, 0)');
      const b = e.getBoundingClientRect();
      const inView = b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < innerWidth;
      return { done: false, name, ring, inView };
    })()`)) as { done: true; outside?: true } | { done: false; name: string; ring: boolean; inView: boolean };
    if (stop.done && 'outside' in stop && !entered && i < 40) continue;
    if (stop.done) break;
    entered = true;
    if (!stop.ring) problems.push(`${at}: no focus ring on ${stop.name}`);
    if (!stop.inView) problems.push(`${at}: focused out of view: ${stop.name}`);
  }
  // A table whose rows are a Tab stop (the roving row) takes one stop in all its rows: the controls inside a
  // row are reached from it by the arrow keys, so a stop on a row's tick box beside the row's own is one
  // too many, and a merchant would Tab through every row twice.
  const crowded = (await page.evaluate(`(() =>
    [...document.querySelectorAll('#content tbody')]
      .filter((body) => body.querySelector('tr[data-kb-stop]'))
      .map((body) => ({ table: body.closest('table'), stops: body.querySelectorAll('[data-kb-stop]') }))
      .filter(({ stops }) => stops.length > 1)
      .map(({ table, stops }) => (table.getAttribute('aria-label') || table.className) + '" takes ' +
        stops.length + ' Tab stops in its rows (' +
        [...new Set([...stops].map((e) => e.tagName.toLowerCase()))].join(', ') + ')')
  )()`)) as string[];
  for (const table of crowded) problems.push(`${at}: table "${table}`);
  const missed = (await page.evaluate(`(() => {
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const controls = document.querySelectorAll(
      '#content :is(a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]))',
    );
    return [...controls]
      .filter((e) => shown(e) && !e.disabled && !e.closest('fieldset:disabled, [inert]') && e.tabIndex >= 0)
      // Of a group of radios, Tab stops on the checked one only.
      .filter((e) => !(e.type === 'radio' && !e.checked && e.name && document.querySelector('input[type=radio][name="' + e.name + '"]:checked')))
      .filter((e) => !e.hasAttribute('data-kb-stop'))
      // A table's rows are one Tab stop that moves with the arrow keys: reaching one row reaches them all.
      .filter((e) => !(e.tagName === 'TR' && e.closest('tbody').querySelector('tr[data-kb-stop]')))
      .map((e) => e.tagName.toLowerCase() + ' "' + (e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || '').trim().slice(0, 40) + '"');
  })()`)) as string[];
  for (const name of missed) problems.push(`${at}: not reached by Tab: ${name}`);
  const loose = (await page.evaluate(`(() => {
    const scrolls = (e) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowY) ||
      ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
    return [...document.querySelectorAll('#content thead th')]
      .filter((th) => th.getClientRects().length > 0 && !th.closest('.run-resources, .detail-lines'))
      .flatMap((th) => {
        const table = th.closest('table');
        const label = (table.getAttribute('aria-label') || table.className) + ' ' + (th.textContent || '').trim().slice(0, 20);
        if (getComputedStyle(th).position !== 'sticky') return ['not sticky: ' + label];
        let box = table.parentElement;
        while (box && !scrolls(box)) box = box.parentElement;
        // Sticks to the page's scroll box, or to a box of its own that scrolls or will (bounded height).
        if (!box || box.id === 'content') return [];
        // (a box taller than its table has a set height: it scrolls once the rows grow.)
        if (box.scrollHeight > box.clientHeight + 1 || box.clientHeight > table.offsetHeight + 1) return [];
        if (getComputedStyle(box).maxHeight !== 'none') return [];
        return ['sticks to a box that never scrolls (' + box.className + '): ' + label];
      });
  })()`)) as string[];
  for (const line of [...new Set(loose)]) problems.push(`${at}: header ${line}`);
  return problems;
}
