import { z } from 'zod';
import type { ProductRecord, SkuRecord } from '../data/dataset';
import { parse, type ShopContext } from './context';
import { ShopApiError } from './errors';
import { findProduct } from './products';

/**
 * Update Price and Update Inventory as TikTok documents them (docs/tiktok-api/shop-catalogue-writes.md):
 * the request shapes, the codes of their error tables, and Update Inventory's batch answer (code 0 with one
 * `data.errors` entry per SKU it did not update). Every accepted write goes to the write log with the body
 * as received, so tests can check what reached "TikTok" and how often.
 */

export const writeCodes = {
  badPriceFormat: 12052012,
  priceLocked: 12052038,
  priceInvalid: 12052073,
  currencyNotAvailable: 12052084,
  skuDuplicate: 12052553,
  skuNotInProduct: 12052557,
  skuNotFound: 12052556,
  statusNotAvailable: 12052901,
  emptySkuList: 12052902,
  invalidInput: 12052910,
  multipleWarehouses: 12019028,
  quantityOutOfRange: 12052055,
  warehouseNotFound: 12052097,
  warehousesChanged: 12052533,
  promotionStockLock: 12052393,
  checkFailed: 12052990,
} as const;

/** Digits after the point each shop currency allows (the sandbox's shops are USD and GBP). */
const decimals = (currency: string): number => (['JPY', 'IDR', 'VND', 'KRW'].includes(currency) ? 0 : 2);

const priceBody = z.object({
  skus: z.array(
    z.object({
      id: z.string({ error: 'skus.id is required' }),
      price: z.object({
        amount: z.string().optional(),
        currency: z.string({ error: 'skus.price.currency is required' }),
        sale_price: z.string().optional(),
      }),
      list_price: z.object({ amount: z.string(), currency: z.string() }).optional(),
    }),
  ),
});

function editable(ctx: ShopContext): { product: ProductRecord; writable: ProductRecord } {
  const { index, product } = findProduct(ctx, ctx.params.product_id);
  if (product.status !== 'ACTIVATE') {
    throw new ShopApiError(
      writeCodes.statusNotAvailable,
      'The product in its current status is not available for this operation. Change the product status and try again.',
    );
  }
  const writable = ctx.state.productForWrite(index);
  if (!writable) throw new ShopApiError(writeCodes.statusNotAvailable, 'The product vanished');
  return { product, writable };
}

function checkSkuList<T extends { id: string }>(skus: readonly T[], product: ProductRecord): void {
  if (skus.length === 0) {
    throw new ShopApiError(
      writeCodes.emptySkuList,
      'The SKU list is empty. Either omit the list entirely, or provide all required details.',
    );
  }
  const seen = new Set<string>();
  for (const s of skus) {
    if (seen.has(s.id)) throw new ShopApiError(writeCodes.skuDuplicate, 'Sku id duplicate');
    seen.add(s.id);
  }
  for (const s of skus) {
    if (!product.skus.some((k) => k.id === s.id))
      throw new ShopApiError(writeCodes.skuNotInProduct, 'The SKU ID does not belong to the product.');
  }
}

/** "12.99" → cents, or null when it is not a plain decimal with the currency's digits. */
function cents(text: string, currency: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  const digits = decimals(currency);
  if (frac.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
}

export function updatePrices(ctx: ShopContext): unknown {
  const body = parse(priceBody, ctx.body ?? {}, 'body');
  const { product, writable } = editable(ctx);
  checkSkuList(body.skus, product);
  const shop = ctx.shop!;
  if (product.inPromotion) {
    throw new ShopApiError(writeCodes.priceLocked, 'Product price locked due to ongoing promotion. ');
  }
  const next = new Map<string, string>();
  for (const s of body.skus) {
    if (s.price.currency !== shop.currency) {
      throw new ShopApiError(
        writeCodes.currencyNotAvailable,
        'The provided currency is not available for this shop/region.',
      );
    }
    // A cross-border seller's sale_price is the final page price; a local seller's amount is.
    const text = s.price.sale_price ?? s.price.amount;
    if (text === undefined) throw new ShopApiError(writeCodes.invalidInput, "Missing 'sale price' value");
    const value = cents(text, shop.currency);
    if (value === null) throw new ShopApiError(writeCodes.badPriceFormat, 'Incorrect price format');
    if (value <= 0) throw new ShopApiError(writeCodes.priceInvalid, 'The product price is invalid');
    next.set(s.id, (value / 10 ** decimals(shop.currency)).toFixed(decimals(shop.currency)));
  }
  for (const sku of writable.skus) {
    const price = next.get(sku.id);
    if (price !== undefined) sku.price = price;
  }
  writable.updateTime = ctx.now;
  ctx.state.recordWrite('product.price', shop.id, { productId: product.id, request: ctx.body });
  return {};
}

const inventoryBody = z.object({
  skus: z.array(
    z.object({
      id: z.string({ error: 'skus.id is required' }),
      inventory: z.array(
        z.object({
          warehouse_id: z.string().optional(),
          quantity: z.number({ error: 'skus.inventory.quantity is required' }).int(),
        }),
      ),
    }),
  ),
});

type SkuError = {
  code: number;
  message: string;
  detail: { sku_id: string; extra_errors: Array<{ warehouse_id: string; code: number; message: string }> };
};

/** The first problem with one SKU's stock list, as Update Inventory reports it, or null. */
function stockProblem(
  sku: SkuRecord,
  inventory: ReadonlyArray<{ warehouse_id?: string | undefined; quantity: number }>,
  inPromotion: boolean,
): SkuError | null {
  const fail = (code: number, message: string, extra: SkuError['detail']['extra_errors'] = []): SkuError => ({
    code,
    message,
    detail: { sku_id: sku.id, extra_errors: extra },
  });
  // warehouse_id may be left out only when the SKU has a single warehouse.
  const listed = inventory.map(
    (i) => i.warehouse_id ?? (sku.inventory.length === 1 ? sku.inventory[0]!.warehouseId : ''),
  );
  if (listed.some((w) => w === '')) {
    return fail(
      writeCodes.multipleWarehouses,
      'Multiple warehouses detected. Include all warehouse IDs and the corresponding details and try again.',
    );
  }
  const unknown = listed.filter((w) => !sku.inventory.some((x) => x.warehouseId === w));
  if (unknown.length > 0) {
    return fail(
      writeCodes.checkFailed,
      'Check failed',
      unknown.map((w) => ({
        warehouse_id: w,
        code: writeCodes.warehouseNotFound,
        message: 'The warehouse does not exist',
      })),
    );
  }
  if (sku.inventory.some((x) => !listed.includes(x.warehouseId)) || new Set(listed).size !== listed.length) {
    return fail(
      writeCodes.warehousesChanged,
      'Removal, addition, and change of warehouses are not permitted. Please specify the original warehouses for the SKUs.',
    );
  }
  // The reference gives [1, 99,999]; Get Product reports 0 for sold-out SKUs and sellers set 0 to stop
  // selling, so 0 is accepted [U] (docs/tiktok-api/shop-catalogue-writes.md).
  const out = inventory.flatMap((i, k) =>
    i.quantity < 0 || i.quantity > 99_999
      ? [
          {
            warehouse_id: listed[k]!,
            code: writeCodes.quantityOutOfRange,
            message: 'The SKU inventory quantity for the warehouse must be within allowed limits.',
          },
        ]
      : [],
  );
  if (out.length > 0) return fail(writeCodes.checkFailed, 'Check failed', out);
  if (inPromotion) {
    const lowered = inventory.some(
      (i, k) => i.quantity < (sku.inventory.find((x) => x.warehouseId === listed[k])?.quantity ?? 0),
    );
    if (lowered)
      return fail(
        writeCodes.promotionStockLock,
        "Product locked for Promotion and stock can't be updated below current stock",
      );
  }
  return null;
}

export function updateInventory(ctx: ShopContext): unknown {
  const body = parse(inventoryBody, ctx.body ?? {}, 'body');
  const { product, writable } = editable(ctx);
  if (body.skus.length === 0) checkSkuList(body.skus, product);
  const seen = new Set<string>();
  for (const s of body.skus) {
    if (seen.has(s.id)) throw new ShopApiError(writeCodes.skuDuplicate, 'Sku id duplicate');
    seen.add(s.id);
  }
  const errors: SkuError[] = [];
  const applied: string[] = [];
  for (const s of body.skus) {
    const sku = writable.skus.find((k) => k.id === s.id);
    if (!sku) {
      errors.push({
        code: writeCodes.skuNotFound,
        message: 'The SKU id not exist.',
        detail: { sku_id: s.id, extra_errors: [] },
      });
      continue;
    }
    const problem = stockProblem(sku, s.inventory, product.inPromotion);
    if (problem) {
      errors.push(problem);
      continue;
    }
    s.inventory.forEach((i) => {
      const id = i.warehouse_id ?? sku.inventory[0]!.warehouseId;
      const w = sku.inventory.find((x) => x.warehouseId === id);
      if (w) w.quantity = i.quantity;
    });
    applied.push(s.id);
  }
  if (applied.length > 0) {
    writable.updateTime = ctx.now;
    ctx.state.recordWrite('product.inventory', ctx.shop!.id, {
      productId: product.id,
      request: ctx.body,
      appliedSkuIds: applied,
    });
  }
  return errors.length > 0 ? { errors } : {};
}
