import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { secondsToMs } from '../../core/time';
import { type ShopDataContext, shopCall } from './data-call';
import { unixSeconds } from './schemas';

/**
 * Get Product (docs/tiktok-api/shop-catalogue-writes.md, "Reading one product back"): the current price and
 * stock of every SKU, read before a price or stock change is sent and again when its answer was lost, and
 * the images and attributes the product's detail dialog shows, and its category for the creators' score.
 */

const imageSchema = z.object({
  urls: z.array(z.string()).default([]),
  thumb_urls: z.array(z.string()).default([]),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

const skuSchema = z.object({
  id: z.string().min(1),
  seller_sku: z.string().optional(),
  price: z
    .object({ currency: z.string(), sale_price: z.string(), tax_exclusive_price: z.string().optional() })
    .optional(),
  inventory: z.array(z.object({ warehouse_id: z.string(), quantity: z.number().int() })).default([]),
  sales_attributes: z
    .array(z.object({ name: z.string().default(''), value_name: z.string().default('') }))
    .default([]),
  status_info: z.object({ status: z.string(), deactivation_source: z.string().optional() }).optional(),
});

const productSchema = z.object({
  id: z.string().min(1),
  title: z.string().default(''),
  status: z.string(),
  main_images: z.array(imageSchema).default([]),
  skus: z.array(skuSchema).default([]),
  audit: z.object({ status: z.string() }).optional(),
  listing_quality_tier: z.string().optional(),
  has_draft: z.boolean().optional(),
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
  // The product's category, each level of it (docs/tiktok-api/shop-data.md, "Product categories").
  category_chains: z
    .array(z.object({ id: z.string().min(1), local_name: z.string().default('') }))
    .default([]),
});

export interface WarehouseStock {
  warehouseId: string;
  quantity: number;
}

export interface ProductDetailSku {
  skuId: string;
  sellerSku: string | null;
  currency: string | null;
  priceMinor: number | null;
  warehouses: WarehouseStock[];
  /** "Color: Sand" pairs, in TikTok's order. */
  attributes: Array<{ name: string; value: string }>;
  /** NORMAL | DEACTIVATED (202502 SKU status); null when TikTok does not say. */
  status: string | null;
  /** SELLER | PLATFORM | COMBO_RELATION, for a DEACTIVATED SKU. */
  deactivationSource: string | null;
}

export interface ProductDetail {
  productId: string;
  title: string;
  status: string;
  auditStatus: string | null;
  /** POOR | FAIR | GOOD, US shops only. */
  listingQualityTier: string | null;
  hasDraft: boolean;
  images: Array<{ url: string; thumbUrl: string | null; width: number | null; height: number | null }>;
  skus: ProductDetailSku[];
  createTime: number | null;
  updateTime: number | null;
  /** The category's levels as TikTok lists them: id and the name in the shop's language. */
  categoryChain: Array<{ id: string; name: string }>;
}

export function normaliseProductDetail(p: z.output<typeof productSchema>): ProductDetail {
  return {
    productId: p.id,
    title: p.title,
    status: p.status,
    auditStatus: p.audit?.status ?? null,
    listingQualityTier: p.listing_quality_tier || null,
    hasDraft: p.has_draft ?? false,
    images: p.main_images.flatMap((i) => {
      const url = i.urls[0];
      return url
        ? [{ url, thumbUrl: i.thumb_urls[0] ?? null, width: i.width ?? null, height: i.height ?? null }]
        : [];
    }),
    skus: p.skus.map((s) => ({
      skuId: s.id,
      sellerSku: s.seller_sku || null,
      currency: s.price?.currency ?? null,
      priceMinor: s.price ? toMinorUnits(s.price.sale_price, s.price.currency) : null,
      warehouses: s.inventory.map((w) => ({ warehouseId: w.warehouse_id, quantity: w.quantity })),
      attributes: s.sales_attributes
        .filter((a) => a.name !== '' || a.value_name !== '')
        .map((a) => ({ name: a.name, value: a.value_name })),
      status: s.status_info?.status ?? null,
      deactivationSource: s.status_info?.deactivation_source || null,
    })),
    createTime: secondsToMs(p.create_time),
    updateTime: secondsToMs(p.update_time),
    categoryChain: p.category_chains.map((c) => ({ id: c.id, name: c.local_name })),
  };
}

export async function getProduct(ctx: ShopDataContext, productId: string): Promise<ProductDetail> {
  const data = await shopCall(ctx, 'product.detail', {
    method: 'GET',
    path: `/product/202309/products/${encodeURIComponent(productId)}`,
    data: productSchema,
  });
  return normaliseProductDetail(data);
}

export const productDetailDataSchema = productSchema;
