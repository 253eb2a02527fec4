import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrdersListInput } from '@shared/orders';
import { cursorPaging, useChannelList } from '../../src-renderer/src/api';
import { createApiClient } from '../../src-renderer/src/api/client';
import { askEarly } from '../../src-renderer/src/api/early';
import { FakeBridge, withApi } from './fake-bridge';
import { order, ordersChannel } from './orders-fixture';

function setup(orders = Array.from({ length: 5 }, (_, i) => order(i + 1))) {
  const bridge = new FakeBridge().handle('orders:list', ordersChannel(orders));
  const hook = renderHook(
    ({ shopId }: { shopId?: string }) =>
      useChannelList(
        'orders:list',
        { limit: 2, ...(shopId ? { shopId } : {}) },
        {
          ...cursorPaging,
          items: (page) => page.items,
          getId: (o) => o.orderId,
        },
      ),
    { wrapper: withApi(bridge), initialProps: {} },
  );
  return { bridge, ...hook };
}

const ids = (items: { orderId: string }[]) => items.map((o) => o.orderId);
const inputs = (bridge: FakeBridge) => bridge.callsOf('orders:list') as OrdersListInput[];

describe('useChannelList', () => {
  it('pages with the cursor of the previous page until the last one', async () => {
    const { bridge, result } = setup();
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    expect(result.current.total).toBe(5);
    expect(result.current.hasMore).toBe(true);
    expect(inputs(bridge)[0]).toEqual({ limit: 2 });

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(4));
    expect(inputs(bridge)[1]).toEqual({ limit: 2, cursor: 'o-0002' });

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.hasMore).toBe(false));
    expect(ids(result.current.items)).toEqual(['o-0001', 'o-0002', 'o-0003', 'o-0004', 'o-0005']);

    // Nothing more to fetch: scrolling on does not call main again.
    act(() => result.current.loadMore());
    expect(inputs(bridge)).toHaveLength(3);
  });

  it('asks for one page at a time however often the table says it is near the end', async () => {
    const { bridge, result } = setup();
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    act(() => {
      result.current.loadMore();
      result.current.loadMore();
      result.current.loadMore();
    });
    await waitFor(() => expect(result.current.items).toHaveLength(4));
    expect(inputs(bridge)).toHaveLength(2);
  });

  it('shows each row once when a sync shifts rows into the next page', async () => {
    const orders = Array.from({ length: 5 }, (_, i) => order(i + 1));
    const { bridge, result } = setup(orders);
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    // Main answers the second page starting one row early (as if a row moved during a sync).
    bridge.handle('orders:list', (input) => ({
      items: [orders[1]!, orders[2]!],
      nextCursor: input.cursor ? 'o-0003' : null,
      total: 5,
    }));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.busy).toBe(false));
    expect(ids(result.current.items)).toEqual(['o-0001', 'o-0002', 'o-0003']);
  });

  it('starts again from the first page when the filters change', async () => {
    const orders = [order(1, 'a'), order(2, 'b'), order(3, 'a'), order(4, 'b')];
    const { bridge, result, rerender } = setup(orders);
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(4));

    rerender({ shopId: 'b' });
    await waitFor(() => expect(ids(result.current.items)).toEqual(['o-0002', 'o-0004']));
    expect(inputs(bridge).at(-1)).toEqual({ limit: 2, shopId: 'b' });
  });

  it('reloads only the first page, keeping rows on screen until it arrives', async () => {
    const { bridge, result } = setup();
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(4));
    const before = inputs(bridge).length;

    act(() => result.current.reload());
    expect(result.current.items.length).toBeGreaterThan(0);
    await waitFor(() => expect(result.current.busy).toBe(false));
    expect(inputs(bridge).slice(before)).toEqual([{ limit: 2 }]);
    expect(result.current.items).toHaveLength(2);
  });

  it('reports a failed first page as an error rather than an empty list', async () => {
    const bridge = new FakeBridge();
    const { result } = renderHook(
      () =>
        useChannelList(
          'orders:list',
          { limit: 2 },
          {
            ...cursorPaging,
            items: (page) => page.items,
            getId: (o) => o.orderId,
          },
        ),
      { wrapper: withApi(bridge) },
    );
    await waitFor(() => expect(result.current.error?.code).toBe('NOT_FOUND'));
    expect(result.current.items).toEqual([]);
    expect(result.current.loading).toBe(false);
  });

  it('takes a first page asked for as the bundle started once, then asks main for every later one', async () => {
    const orders = Array.from({ length: 5 }, (_, i) => order(i + 1));
    const bridge = new FakeBridge().handle('orders:list', ordersChannel(orders));
    askEarly(createApiClient(bridge), 'orders:list', { limit: 2 });
    expect(inputs(bridge)).toEqual([{ limit: 2 }]);
    const { result } = renderHook(
      () =>
        useChannelList(
          'orders:list',
          { limit: 2 },
          { ...cursorPaging, items: (page) => page.items, getId: (o) => o.orderId },
        ),
      { wrapper: withApi(bridge) },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    // The early answer was the first page: main was not asked again.
    expect(inputs(bridge)).toEqual([{ limit: 2 }]);

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(4));
    expect(inputs(bridge)[1]).toEqual({ limit: 2, cursor: 'o-0002' });

    act(() => result.current.reload());
    await waitFor(() => expect(inputs(bridge)).toHaveLength(3));
    expect(inputs(bridge)[2]).toEqual({ limit: 2 });
  });
});
