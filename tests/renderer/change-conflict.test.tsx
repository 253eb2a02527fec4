import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Change, ChangeItem } from '@shared/catalogue';
import { ChangeDialog, overwriteInput } from '../../src-renderer/src/pages/products/ChangeDialog';
import { FakeBridge, withApi } from './fake-bridge';

const usd = (amountMinor: number) => ({ kind: 'price' as const, price: { amountMinor, currency: 'USD' } });

const item = (over: Partial<ChangeItem>): ChangeItem => ({
  skuId: 'sku-1',
  productId: 'p-1',
  productTitle: 'Lavender candle',
  sellerSku: 'CANDLE-L',
  shopId: 'shop-1',
  state: 'done',
  old: usd(1299),
  new: usd(1364),
  remote: null,
  outcome: null,
  remoteCode: null,
  attempts: 1,
  ...over,
});

const change = (id: string, items: ChangeItem[], kind: Change['kind'] = 'price'): Change => ({
  id,
  kind,
  label: null,
  createdAt: 1,
  finishedAt: 2,
  undoOf: null,
  undoneBy: null,
  canUndo: true,
  counts: { queued: 0, sending: 0, unknown: 0, done: 0, failed: 0, conflict: 0, refused: 0, cancelled: 0 },
  items,
});

const conflicted = change('c-1', [
  item({}),
  item({
    skuId: 'sku-2',
    sellerSku: 'CANDLE-S',
    state: 'conflict',
    remote: usd(1450),
    outcome: { reason: 'remoteChanged', params: {}, message: 'changed at TikTok' },
  }),
]);

describe('a SKU TikTok changed since the sync', () => {
  it("is sent again over TikTok's value only when the merchant says so, naming the value TikTok has", async () => {
    const sent = change('c-2', [item({ skuId: 'sku-2', sellerSku: 'CANDLE-S', old: usd(1450) })]);
    const bridge = new FakeBridge()
      .handle('products:change', (i) => (i.changeId === 'c-1' ? conflicted : sent))
      .handle('products:updatePrices', () => sent);
    render(<ChangeDialog batches={[]} sent={[conflicted]} shopName={() => 'Maple'} onClose={() => {}} />, {
      wrapper: withApi(bridge),
    });
    expect(
      screen.getByText(
        "TikTok's value of this SKU changed since the last sync. Keep TikTok's value, or send yours over it.",
      ),
    ).toBeTruthy();
    expect(bridge.callsOf('products:updatePrices')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Send my value anyway' }));
    await waitFor(() =>
      expect(bridge.callsOf('products:updatePrices')).toEqual([
        { items: [{ skuId: 'sku-2', price: '13.64', expected: '14.50' }] },
      ]),
    );
    await waitFor(() => expect(screen.getAllByRole('region', { name: 'Price changes' })).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Send my value anyway' })).toBeNull();
  });

  it('sends every warehouse of a stock conflict with the quantity TikTok has in each', () => {
    const stock = (a: number, b: number) => ({
      kind: 'inventory' as const,
      warehouses: [
        { warehouseId: 'w1', quantity: a },
        { warehouseId: 'w2', quantity: b },
      ],
    });
    const input = overwriteInput(
      change(
        'c-3',
        [item({ state: 'conflict', old: stock(5, 6), new: stock(10, 6), remote: stock(4, 6) })],
        'inventory',
      ),
    );
    expect(input).toEqual({
      kind: 'inventory',
      items: [
        { skuId: 'sku-1', warehouseId: 'w1', quantity: 10, expected: 4 },
        { skuId: 'sku-1', warehouseId: 'w2', quantity: 6, expected: 6 },
      ],
    });
    expect(overwriteInput(change('c-4', [item({})]))).toBeNull();
  });
});
