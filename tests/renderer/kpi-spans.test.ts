import { describe, expect, it } from 'vitest';
import { kpiSpans } from '../../src-renderer/src/pages/dashboard/kpi-spans';

/**
 * The KPI cards' spans (pages/dashboard/kpi-spans.ts): laid out in their own order on a non-dense grid, the
 * rows they make, each of which must fill the grid exactly (no hole a later card could be pulled into).
 */
function rows(spans: number[], columns: number): number[][] {
  const out: number[][] = [];
  let row: number[] = [];
  let used = 0;
  for (const s of spans) {
    if (used + s > columns) {
      out.push(row);
      row = [];
      used = 0;
    }
    row.push(s);
    used += s;
  }
  if (row.length > 0) out.push(row);
  return out;
}

describe('KPI card spans', () => {
  it('widen the cards of a row a wide card left, instead of pulling a later card into the hole', () => {
    // GMV and AOV in two currencies, then Orders, Units, Cancelled, Refunds (two), Ad spend, ROAS.
    const wants = [2, 1, 1, 2, 1, 2, 1, 1];
    expect(kpiSpans(wants, 4)).toEqual([2, 1, 1, 2, 2, 2, 1, 1]);
    // Three columns: every row fits as it comes but the last, whose later card takes the column left over.
    expect(kpiSpans(wants, 3)).toEqual([2, 1, 1, 2, 1, 2, 1, 2]);
    // Five: AOV no longer fits after Units, which takes the column left; the last row shares three.
    expect(kpiSpans(wants, 5)).toEqual([2, 1, 2, 2, 1, 2, 2, 3]);
  });

  it('fill every row exactly, in any column count, and never narrow a card', () => {
    const dashboards = [
      [2, 1, 1, 2, 1, 2, 1, 1, 1, 2, 2, 2, 2],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1],
      [2],
      [],
    ];
    for (const wants of dashboards)
      for (const columns of [1, 2, 3, 4, 5, 6, 7]) {
        const spans = kpiSpans(wants, columns);
        expect(spans).toHaveLength(wants.length);
        spans.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(Math.min(wants[i] ?? 1, columns)));
        for (const row of rows(spans, columns)) expect(row.reduce((n, s) => n + s, 0)).toBe(columns);
      }
  });
});
