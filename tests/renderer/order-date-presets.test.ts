import { describe, expect, it } from 'vitest';
import { presetOf, presetRange } from '../../src-renderer/src/pages/orders/datePresets';

describe('Orders date presets', () => {
  it('last quarter is the whole calendar quarter before the current one, across a year end', () => {
    expect(presetRange('lastQuarter', new Date(2026, 11, 6, 9))).toEqual({
      fromDay: '2026-07-01',
      toDay: '2026-09-30',
    });
    expect(presetRange('lastQuarter', new Date(2026, 1, 14))).toEqual({
      fromDay: '2025-10-01',
      toDay: '2025-12-31',
    });
    expect(presetRange('thisQuarter', new Date(2026, 3, 1))).toEqual({
      fromDay: '2026-04-01',
      toDay: '2026-04-01',
    });
  });

  it('the last n days end today and include it', () => {
    expect(presetRange('last7', new Date(2026, 2, 3, 23, 59))).toEqual({
      fromDay: '2026-02-25',
      toDay: '2026-03-03',
    });
    expect(presetRange('last90', new Date(2026, 0, 10))).toEqual({
      fromDay: '2025-10-13',
      toDay: '2026-01-10',
    });
  });

  it('names the preset typed days match, and none for other days', () => {
    const now = new Date(2026, 11, 6);
    expect(presetOf({ fromDay: '2026-07-01', toDay: '2026-09-30' }, now)).toBe('lastQuarter');
    expect(presetOf({ fromDay: '2026-07-01', toDay: '2026-09-29' }, now)).toBeNull();
    expect(presetOf({ fromDay: '2026-07-01' }, now)).toBeNull();
  });
});
