import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProductView, ReviewChangeInput, ReviewChangeResult } from '@shared/catalogue';
import { adjusted } from '../../src-renderer/src/pages/products/BulkPriceDialog';
import { SkuEditor } from '../../src-renderer/src/pages/products/SkuEditor';
import { FakeBridge, withApi } from './fake-bridge';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

const product: ProductView = {
  productId: 'p-1',
  shopId: 'shop-1',
  title: 'Lavender candle',
  status: 'ACTIVATE',
  minPrice: usd(1299),
  maxPrice: usd(1299),
  inventory: 5,
  skuCount: 1,
  createTime: null,
  updateTime: null,
  lowStockSkus: 1,
  sales: null,
  skus: [
    {
      skuId: 'sku-1',
      sellerSku: 'CANDLE-L',
      price: usd(1299),
      inventory: 5,
      warehouses: [{ warehouseId: 'wh-1', quantity: 5 }],
      lowStock: true,
      cost: null,
      shippingCost: null,
    },
  ],
};

/** products:reviewChange as main answers it for this one SKU: a price that is not a plain decimal is refused. */
function review(input: ReviewChangeInput): ReviewChangeResult {
  if (input.kind !== 'price') throw new Error('price only');
  const items = input.items.map((e) => {
    const ok = /^\d+(\.\d{1,2})?$/.test(e.price);
    return {
      skuId: e.skuId,
      productId: 'p-1',
      productTitle: product.title,
      sellerSku: 'CANDLE-L',
      shopId: 'shop-1',
      old: { kind: 'price' as const, price: usd(1299) },
      new: ok ? { kind: 'price' as const, price: usd(Math.round(Number(e.price) * 100)) } : null,
      refusal: ok
        ? null
        : { reason: 'notNumber' as const, params: { value: e.price }, message: 'not a number' },
    };
  });
  return { kind: 'price', items, sendable: items.filter((i) => !i.refusal).length };
}

function setup() {
  const bridge = new FakeBridge().handle('products:reviewChange', review);
  const onReview = vi.fn();
  render(<SkuEditor product={product} onReview={onReview} />, { wrapper: withApi(bridge) });
  const price = screen.getByRole('textbox', { name: 'Price of CANDLE-L (USD)' });
  return { bridge, onReview, price };
}

describe('editing a SKU price', () => {
  it('shows a bad price beside its field and goes no further', async () => {
    const { bridge, onReview, price } = setup();
    expect(price).toHaveProperty('value', '12.99');
    fireEvent.change(price, { target: { value: '12,99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    await waitFor(() => expect(price.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(price.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Not a price: use digits and a dot, like 12.99');
    expect(onReview).not.toHaveBeenCalled();
    expect(bridge.callsOf('products:updatePrices')).toEqual([]);
  });

  it('hands a valid price to the review dialog, with nothing sent yet', async () => {
    const { bridge, onReview, price } = setup();
    fireEvent.change(price, { target: { value: '13.64' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    await waitFor(() => expect(onReview).toHaveBeenCalledTimes(1));
    const [batches] = onReview.mock.calls[0] as [{ input: ReviewChangeInput }[]];
    expect(batches.map((b) => b.input)).toEqual([
      { kind: 'price', items: [{ skuId: 'sku-1', price: '13.64' }] },
    ]);
    expect(bridge.callsOf('products:updatePrices')).toEqual([]);
  });

  it('has nothing to review until a value changes', () => {
    setup();
    expect(screen.getByRole('button', { name: 'Review changes' })).toHaveProperty('disabled', true);
  });
});

describe('a bulk percentage', () => {
  it('rounds to the minor unit, half away from zero', () => {
    expect(adjusted(1299, 5)).toBe(1364); // 1363.95
    expect(adjusted(1000, -10)).toBe(900);
    expect(adjusted(999, 0.5)).toBe(1004); // 1003.995
  });
});
