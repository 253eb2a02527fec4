/**
 * How many grid columns each KPI card spans, the cards laid out in their own order (the order Tab walks
 * them): a card with a figure per currency wants two columns, the rest one. A wide card that no longer fits
 * a row's end starts the next row, and the row it leaves is filled by widening its own cards, narrowest
 * first, then the later ones; the last row is filled the same way. So no row has a hole, and no later card
 * is pulled forward into one (as `grid-auto-flow: dense` did: the screen then read in another order than the
 * keyboard walked it).
 */
export function kpiSpans(wants: readonly number[], columns: number): number[] {
  const spans = wants.map((w) => Math.max(1, Math.min(w, columns)));
  let rowStart = 0;
  let used = 0;
  const fill = (end: number): void => {
    let left = columns - used;
    while (left > 0 && end > rowStart) {
      // The narrowest card of the row grows first; of equal ones, the later.
      let pick = end - 1;
      for (let i = end - 2; i >= rowStart; i--) if ((spans[i] ?? 0) < (spans[pick] ?? 0)) pick = i;
      spans[pick] = (spans[pick] ?? 0) + 1;
      left--;
    }
  };
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] ?? 1;
    if (used + span > columns) {
      fill(i);
      rowStart = i;
      used = 0;
    }
    used += span;
  }
  if (used > 0) fill(spans.length);
  return spans;
}
