import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { secondsToMs } from '../../core/time';
import { idKey, readRecords } from '../records';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { moneyText, pageToken, unixSeconds } from './schemas';

/** Product search 202502 with SKUs, prices, inventory, audit and SKU status (docs/tiktok-api/shop-data.md). */

const skuSchema = z.object({
  id: z.string().min(1),
  seller_sku: z.string().optional(),
  price: z
    .object({ currency: z.string(), sale_price: moneyText, tax_exclusive_price: z.string().optional() })
    .optional(),
  inventory: z.array(z.object({ warehouse_id: z.string(), quantity: z.number().int() })).default([]),
  status_info: z
    .object({ status: z.string().optional(), deactivation_source: z.string().optional() })
    .optional(),
});

const productSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  status: z.string(),
  skus: z.array(skuSchema).default([]),
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
  audit: z
    .object({ status: z.string().optional(), pre_approved_reasons: z.array(z.string()).optional() })
    .optional(),
  listing_quality_tier: z.string().optional(),
  has_draft: z.boolean().optional(),
});

/** Display-only fields: a bad value is ignored (and reported) rather than costing the product. */
const optionalFields = [
  'seller_sku',
  'tax_exclusive_price',
  'status_info',
  'audit',
  'listing_quality_tier',
  'has_draft',
  'create_time',
] as const;

const searchData = z.object({
  next_page_token: pageToken,
  total_count: z.number().int().optional(),
  products: z.array(z.unknown()).default([]),
});

export interface ProductSku {
  skuId: string;
  sellerSku: string | null;
  currency: string | null;
  priceMinor: number | null;
  inventory: number;
  warehouses: Array<{ warehouseId: string; quantity: number }>;
  /** NORMAL | DEACTIVATED; null when TikTok did not say. */
  status: string | null;
  /** SELLER | PLATFORM | COMBO_RELATION, for a DEACTIVATED SKU. */
  deactivationSource: string | null;
}

export interface Product {
  productId: string;
  title: string;
  /** DRAFT … ACTIVATE … DELETED; a DELETED product is kept (docs/tiktok-api/shop-data.md, "Deleted products"). */
  status: string;
  createTime: number | null;
  updateTime: number | null;
  /** NONE | AUDITING | FAILED | PRE_APPROVED | APPROVED. */
  auditStatus: string | null;
  listingQualityTier: string | null;
  hasDraft: boolean | null;
  skus: ProductSku[];
}

function normalise(p: z.output<typeof productSchema>): Product {
  return {
    productId: p.id,
    title: p.title,
    status: p.status,
    createTime: secondsToMs(p.create_time),
    updateTime: secondsToMs(p.update_time),
    auditStatus: p.audit?.status || null,
    listingQualityTier: p.listing_quality_tier || null,
    hasDraft: p.has_draft ?? null,
    skus: p.skus.map((s) => ({
      skuId: s.id,
      sellerSku: s.seller_sku ?? null,
      currency: s.price?.currency ?? null,
      priceMinor: s.price ? toMinorUnits(s.price.sale_price, s.price.currency) : null,
      inventory: s.inventory.reduce((sum, w) => sum + w.quantity, 0),
      warehouses: s.inventory.map((w) => ({ warehouseId: w.warehouse_id, quantity: w.quantity })),
      status: s.status_info?.status || null,
      deactivationSource: s.status_info?.deactivation_source || null,
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
  const read = readRecords(data.products, { schema: productSchema, key: idKey(), optional: optionalFields });
  return {
    items: read.items.map(normalise),
    rejected: read.rejected,
    nextPageToken: data.next_page_token,
    totalCount: data.total_count ?? null,
  };
}
