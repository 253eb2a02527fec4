import { describe, expect, it } from 'vitest';
import { exclusiveFlags, toQuery } from '../../src-renderer/src/pages/orders/OrderFilters';
import { fromView, toView } from '../../src-renderer/src/pages/orders/viewFilters';

describe('Orders: from creators or not', () => {
  it('asks main for affiliate orders, or for the others', () => {
    expect(toQuery({ affiliate: true })).toEqual({ affiliate: true });
    expect(toQuery({ direct: true, late: true })).toEqual({ late: true, affiliate: false });
    expect(toQuery({})).toEqual({});
  });

  it('keeps only the choice just ticked when both would be', () => {
    expect(exclusiveFlags({ affiliate: true }, { affiliate: true, direct: true })).toEqual({ direct: true });
    expect(
      exclusiveFlags({ direct: true, late: true }, { direct: true, affiliate: true, late: true }),
    ).toEqual({
      affiliate: true,
      late: true,
    });
    expect(exclusiveFlags({}, { direct: true })).toEqual({ direct: true });
  });

  it('a saved view of orders not from creators opens as it was saved', () => {
    const saved = toView({ shopId: 's1', search: '', extra: { direct: true }, sort: null });
    expect(saved).toEqual({ shopId: 's1', affiliate: false });
    const view = { id: 'v', name: 'Direct', filters: saved, createdAt: 1, updatedAt: 1 };
    expect(fromView(view).extra).toEqual({ direct: true });
  });
});
