import { afterEach, describe, expect, it } from 'vitest';
import { loadColumns, saveColumns } from '../../src-renderer/src/pages/creators/columns';
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

  it('falls back to the defaults when the stored value is damaged or lacks the creator column', () => {
    localStorage.setItem('shopmesh.creators.columns.v1', '{not json');
    expect(loadColumns()[0]).toBe('handle');
    localStorage.setItem('shopmesh.creators.columns.v1', JSON.stringify(['score']));
    expect(loadColumns()).toContain('handle');
  });
});
