import { afterEach, describe, expect, it } from 'vitest';
import {
  columnWidths,
  defaultColumns,
  fitColumns,
  loadColumns,
  saveColumns,
} from '../../src-renderer/src/pages/creators/columns';
import { Selection } from '../../src-renderer/src/pages/creators/selection';

describe('creators selection', () => {
  it('ticks rows one by one and sends their ids', () => {
    const s = Selection.none().toggle(3).toggle(7).toggle(3);
    expect(s.has(7)).toBe(true);
    expect(s.has(3)).toBe(false);
    expect(s.count(50_000)).toBe(1);
    expect(s.toInput({ regions: ['US'] })).toEqual({ ids: [7] });
  });

  it('"all that match" counts the filter total minus the unticked and sends the filter, not ids', () => {
    const s = Selection.all().toggle(5);
    expect(s.has(5)).toBe(false);
    expect(s.has(6)).toBe(true);
    expect(s.count(200_000)).toBe(199_999);
    expect(s.count(null)).toBe(0);
    expect(s.toInput({ text: 'luna' })).toEqual({ filter: { text: 'luna' }, exceptIds: [5] });
  });
});

describe('creators columns', () => {
  afterEach(() => localStorage.clear());

  it('keeps the chosen order across restarts and drops names it does not know', () => {
    saveColumns(['handle', 'followers', 'score']);
    expect(loadColumns()).toEqual(['handle', 'followers', 'score']);
    localStorage.setItem('shopmesh.creators.columns.v1', JSON.stringify(['handle', 'nope', 'stage']));
    expect(loadColumns()).toEqual(['handle', 'stage']);
  });

  it('counts a damaged value or one without the creator column as no choice', () => {
    expect(loadColumns()).toBeNull();
    localStorage.setItem('shopmesh.creators.columns.v1', '{not json');
    expect(loadColumns()).toBeNull();
    localStorage.setItem('shopmesh.creators.columns.v1', JSON.stringify(['score']));
    expect(loadColumns()).toBeNull();
  });

  it('shows the default columns that fit the width, the least important giving way first', () => {
    const width = (columns: string[]) =>
      columns.reduce(
        (sum, c) => sum + columnWidths[c as keyof typeof columnWidths],
        columnWidths.select + 16,
      );
    // 1280 px window: the table's card is 982 px wide.
    const at1280 = fitColumns(982);
    expect(at1280).toEqual(['handle', 'score', 'stage', 'followers', 'gmv', 'region']);
    expect(width(at1280)).toBeLessThanOrEqual(982);
    // 1360 px window: what the creators sell comes next.
    const at1360 = fitColumns(1062);
    expect(at1360).toEqual(['handle', 'score', 'stage', 'followers', 'gmv', 'category', 'region']);
    expect(width(at1360)).toBeLessThanOrEqual(1062);
    // 1920 px window: every default column, in the table's order.
    expect(fitColumns(1598)).toEqual(defaultColumns);
    expect(width(fitColumns(1598))).toBeLessThanOrEqual(1598);
    // Before the card is measured: every default column; however narrow, the creator column stays.
    expect(fitColumns(null)).toEqual(defaultColumns);
    expect(fitColumns(120)).toEqual(['handle']);
  });
});
