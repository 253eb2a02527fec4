import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { secondsToMs } from '../../core/time';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { moneyText, pageToken, unixSeconds } from './schemas';

/** Product search with SKUs, prices and inventory (docs/tiktok-api/shop-data.md). */

const skuSchema = z.object({
  id: z.string().min(1),
  seller_sku: z.string().optional(),
  price: z
    .object({ currency: z.string(), sale_price: moneyText, tax_exclusive_price: z.string().optional() })
    .optional(),
  inventory: z.array(z.object({ warehouse_id: z.string(), quantity: z.number().int() })).default([]),
});

const productSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  status: z.string(),
  skus: z.array(skuSchema).default([]),
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
});

const searchData = z.object({
  next_page_token: pageToken,
  total_count: z.number().int().optional(),
  products: z.array(productSchema).default([]),
});

export interface ProductSku {
  skuId: string;
  sellerSku: string | null;
  currency: string | null;
  priceMinor: number | null;
  inventory: number;
  warehouses: Array<{ warehouseId: string; quantity: number }>;
}

export interface Product {
  productId: string;
  title: string;
  status: string;
  createTime: number | null;
  updateTime: number | null;
  skus: ProductSku[];
}

function normalise(p: z.output<typeof productSchema>): Product {
  return {
    productId: p.id,
    title: p.title,
    status: p.status,
    createTime: secondsToMs(p.create_time),
    updateTime: secondsToMs(p.update_time),
    skus: p.skus.map((s) => ({
      skuId: s.id,
      sellerSku: s.seller_sku ?? null,
      currency: s.price?.currency ?? null,
      priceMinor: s.price ? toMinorUnits(s.price.sale_price, s.price.currency) : null,
      inventory: s.inventory.reduce((sum, w) => sum + w.quantity, 0),
      warehouses: s.inventory.map((w) => ({ warehouseId: w.warehouse_id, quantity: w.quantity })),
    })),
  };
}

export interface ProductSearch {
  /** Unix seconds, inclusive. */
  updateTimeGe?: number;
  /** Unix seconds, inclusive (the product filters end in `_le`, unlike the order ones). */
  updateTimeLe?: number;
  pageSize?: number;
  pageToken?: string;
}

export async function searchProducts(ctx: ShopDataContext, q: ProductSearch): Promise<Page<Product>> {
  const body: Record<string, unknown> = { status: 'ALL' };
  if (q.updateTimeGe !== undefined) body.update_time_ge = q.updateTimeGe;
  if (q.updateTimeLe !== undefined) body.update_time_le = q.updateTimeLe;
  const data = await shopCall(ctx, 'product.search', {
    method: 'POST',
    path: '/product/202502/products/search',
    query: { page_size: q.pageSize ?? 100, page_token: q.pageToken || undefined },
    body,
    data: searchData,
  });
  return {
    items: data.products.map(normalise),
    nextPageToken: data.next_page_token,
    totalCount: data.total_count ?? null,
  };
}
