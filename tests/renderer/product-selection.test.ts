import { describe, expect, it } from 'vitest';
import type { ProductView } from '@shared/catalogue';
import { stockEdits } from '../../src-renderer/src/pages/products/BulkStockDialog';
import {
  clickTick,
  loadedTicks,
  pickedSkus,
  productRows,
  shopCount,
  tickAll,
  tickState,
  type Selection,
} from '../../src-renderer/src/pages/products/productRows';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

function product(n: number, skus: number, shopId = 'shop-1'): ProductView {
  return {
    productId: `p${n}`,
    shopId,
    title: `Product ${n}`,
    status: 'ACTIVATE',
    minPrice: usd(1000),
    maxPrice: usd(1000),
    inventory: 10 * skus,
    skuCount: skus,
    createTime: null,
    updateTime: null,
    lowStockSkus: 0,
    sales: null,
    skus: Array.from({ length: skus }, (_, k) => ({
      skuId: `p${n}-s${k}`,
      sellerSku: null,
      price: usd(1000),
      inventory: 10,
      warehouses:
        k === 0
          ? [
              { warehouseId: 'wh-a', quantity: 4 },
              { warehouseId: 'wh-b', quantity: 6 },
            ]
          : [{ warehouseId: 'wh-a', quantity: 10 }],
      lowStock: false,
      cost: null,
      shippingCost: null,
    })),
  };
}

const products = [product(1, 2), product(2, 1, 'shop-2'), product(3, 3), product(4, 1, 'shop-2')];
const none: Selection = new Map();
const ids = (s: Selection) => [...s.keys()].sort();
/** A selection of these SKU ids, as ticking them would make it. */
const of = (...skuIds: string[]): Selection =>
  new Map(
    products.flatMap((p) =>
      p.skus.filter((s) => skuIds.includes(s.skuId)).map((sku) => [sku.skuId, { product: p, sku }]),
    ),
  );

describe('Products table rows and selection', () => {
  it('an expanded product is followed by its SKU rows', () => {
    const rows = productRows(products, new Set(['p3']));
    expect(rows.map((r) => r.id)).toEqual(['p1', 'p2', 'p3', 'p3/p3-s0', 'p3/p3-s1', 'p3/p3-s2', 'p4']);
  });

  it("a product's box ticks all its SKUs; one SKU of it makes the product partly ticked", () => {
    const rows = productRows(products, new Set(['p1']));
    let selected = clickTick(rows, none, 0, null, false);
    expect(ids(selected)).toEqual(['p1-s0', 'p1-s1']);
    expect(tickState(rows[0]!, selected)).toBe('all');
    selected = clickTick(rows, selected, 2, 0, false); // the SKU row p1-s1
    expect(ids(selected)).toEqual(['p1-s0']);
    expect(tickState(rows[0]!, selected)).toBe('some');
    selected = clickTick(rows, selected, 0, 2, false);
    expect(tickState(rows[0]!, selected)).toBe('all');
    selected = clickTick(rows, selected, 0, 0, false);
    expect(selected.size).toBe(0);
  });

  it('Shift ticks the range from the last clicked row, across products and shops', () => {
    const rows = productRows(products, new Set());
    const first = clickTick(rows, none, 0, null, false);
    const range = clickTick(rows, first, 2, 0, true);
    expect(ids(range)).toEqual(['p1-s0', 'p1-s1', 'p2-s0', 'p3-s0', 'p3-s1', 'p3-s2']);
    const picked = pickedSkus(products, range);
    expect(picked).toHaveLength(6);
    expect(shopCount(picked)).toBe(2);
    // Through open products the range takes the SKU rows it covers, not the rest of a product.
    const open = productRows(products, new Set(['p1', 'p3']));
    const fromSku = clickTick(open, none, 1, null, false); // p1-s0
    expect(ids(clickTick(open, fromSku, 5, 1, true))).toEqual(['p1-s0', 'p1-s1', 'p2-s0', 'p3-s0']);
    // Shift without an earlier click is a plain click.
    expect(ids(clickTick(rows, none, 3, null, true))).toEqual(['p4-s0']);
  });

  it('a ticked SKU stays ticked when the list shows another shop, and is taken as last seen', () => {
    const selected = of('p1-s0', 'p2-s0');
    const shop2 = products.filter((p) => p.shopId === 'shop-2');
    const picked = pickedSkus(shop2, selected);
    expect(picked.map((p) => p.sku.skuId)).toEqual(['p1-s0', 'p2-s0']);
    expect(shopCount(picked)).toBe(2);
    expect(loadedTicks(shop2, selected)).toBe('some');
    // "Select all" ticks the loaded SKUs and keeps the others; again unticks only the loaded ones.
    const all = tickAll(shop2, selected);
    expect(ids(all)).toEqual(['p1-s0', 'p2-s0', 'p4-s0']);
    expect(loadedTicks(shop2, all)).toBe('all');
    expect(ids(tickAll(shop2, all))).toEqual(['p1-s0']);
  });

  it('bulk stock names every warehouse of each SKU: set to a value, or moved by one without going below 0', () => {
    const picked = pickedSkus(products, of('p1-s0', 'p2-s0'));
    expect(stockEdits(picked, 'set', 50)).toEqual([
      { skuId: 'p1-s0', warehouseId: 'wh-a', quantity: 50 },
      { skuId: 'p1-s0', warehouseId: 'wh-b', quantity: 50 },
      { skuId: 'p2-s0', warehouseId: 'wh-a', quantity: 50 },
      { skuId: 'p2-s0', warehouseId: 'wh-b', quantity: 50 },
    ]);
    expect(stockEdits(picked, 'add', -5)).toEqual([
      { skuId: 'p1-s0', warehouseId: 'wh-a', quantity: 0 },
      { skuId: 'p1-s0', warehouseId: 'wh-b', quantity: 1 },
      { skuId: 'p2-s0', warehouseId: 'wh-a', quantity: 0 },
      { skuId: 'p2-s0', warehouseId: 'wh-b', quantity: 1 },
    ]);
    const tenMore = stockEdits(pickedSkus(products, of('p3-s1')), 'add', 99_999);
    expect(tenMore).toEqual([{ skuId: 'p3-s1', warehouseId: 'wh-a', quantity: 99_999 }]);
  });
});
