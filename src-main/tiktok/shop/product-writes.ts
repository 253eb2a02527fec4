import { z } from 'zod';
import type { WriteResult } from '../http-core';
import { type ShopDataContext, shopWrite } from './data-call';

/**
 * Update Price and Update Inventory (docs/tiktok-api/shop-catalogue-writes.md). Both change one product's
 * SKUs in one request and run in write mode: an answer that never arrived comes back as `unknown`, and the
 * caller reads the product back before deciding anything.
 */

export interface PriceWrite {
  skuId: string;
  /** Decimal text in `currency`, e.g. "13.64". */
  price: string;
  currency: string;
}

/**
 * Local sellers set `price.amount` (the price on the product page); cross-border sellers set
 * `price.sale_price`, which TikTok takes as the final page price (their `amount` is a pre-tax price).
 */
export type SellerType = 'LOCAL' | 'CROSS_BORDER';

export function priceBody(skus: readonly PriceWrite[], sellerType: SellerType): unknown {
  return {
    skus: skus.map((s) => ({
      id: s.skuId,
      price:
        sellerType === 'CROSS_BORDER'
          ? { currency: s.currency, sale_price: s.price }
          : { amount: s.price, currency: s.currency },
    })),
  };
}

export function updatePrices(
  ctx: ShopDataContext,
  productId: string,
  skus: readonly PriceWrite[],
  sellerType: SellerType,
): Promise<WriteResult<unknown>> {
  return shopWrite(ctx, 'product.price', {
    method: 'POST',
    path: `/product/202309/products/${encodeURIComponent(productId)}/prices/update`,
    body: priceBody(skus, sellerType),
    // `data` is documented as always empty.
    data: z.unknown(),
  });
}

export interface InventoryWrite {
  skuId: string;
  /** Every warehouse of the SKU, changed or not: TikTok refuses a list that leaves one out. */
  warehouses: Array<{ warehouseId: string; quantity: number }>;
}

export const inventoryDataSchema = z
  .object({
    errors: z
      .array(
        z.object({
          code: z.number().int(),
          message: z.string().default(''),
          detail: z
            .object({
              sku_id: z.string().optional(),
              extra_errors: z
                .array(
                  z.object({
                    warehouse_id: z.string().optional(),
                    code: z.number().int().optional(),
                    message: z.string().default(''),
                  }),
                )
                .default([]),
            })
            .optional(),
        }),
      )
      .default([]),
  })
  .nullable()
  .transform((d) => d ?? { errors: [] });

export interface SkuWriteError {
  /** Null when TikTok's entry names no SKU: it then applies to every SKU of the request. */
  skuId: string | null;
  code: number;
  message: string;
  warehouses: Array<{ warehouseId: string | null; code: number | null; message: string }>;
}

export function inventoryBody(skus: readonly InventoryWrite[]): unknown {
  return {
    skus: skus.map((s) => ({
      id: s.skuId,
      inventory: s.warehouses.map((w) => ({ warehouse_id: w.warehouseId, quantity: w.quantity })),
    })),
  };
}

/** `value.errors` lists the SKUs TikTok did not update (code 0 overall); the others were updated. */
export async function updateInventory(
  ctx: ShopDataContext,
  productId: string,
  skus: readonly InventoryWrite[],
): Promise<WriteResult<{ errors: SkuWriteError[] }>> {
  const result = await shopWrite(ctx, 'product.inventory', {
    method: 'POST',
    path: `/product/202309/products/${encodeURIComponent(productId)}/inventory/update`,
    body: inventoryBody(skus),
    data: inventoryDataSchema,
  });
  if (result.kind === 'unknown') return result;
  return {
    kind: 'done',
    value: {
      errors: result.value.errors.map((e) => ({
        skuId: e.detail?.sku_id ?? null,
        code: e.code,
        message: e.message,
        warehouses: (e.detail?.extra_errors ?? []).map((w) => ({
          warehouseId: w.warehouse_id ?? null,
          code: w.code ?? null,
          message: w.message,
        })),
      })),
    },
  };
}
