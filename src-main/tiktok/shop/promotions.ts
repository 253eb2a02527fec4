import { z } from 'zod';
import { type ShopDataContext, shopCall } from './data-call';
import { pageToken } from './schemas';

/**
 * Which products are in an ongoing promotion (docs/tiktok-api/shop-catalogue-writes.md, "Promotions"):
 * TikTok refuses a price change on them (12052038), so ShopMesh asks first and refuses before sending.
 * Only product discounts and flash deals fix a product's price; shipping and buy-more discounts do not.
 */

const priceLockingTypes = new Set(['FIXED_PRICE', 'DIRECT_DISCOUNT', 'FLASHSALE']);

export const activitySearchDataSchema = z.object({
  next_page_token: pageToken,
  activities: z
    .array(
      z.object({
        id: z.string(),
        title: z.string().default(''),
        activity_type: z.string().default(''),
        status: z.string().default(''),
      }),
    )
    .default([]),
});

export const activityDataSchema = z.object({
  activity_id: z.string(),
  title: z.string().default(''),
  activity_type: z.string().default(''),
  status: z.string().default(''),
  product_level: z.string().optional(),
  products: z
    .array(z.object({ id: z.string(), skus: z.array(z.object({ id: z.string() })).default([]) }))
    .default([]),
});

export interface PromotionLock {
  activityId: string;
  title: string;
  /** The SKUs in the promotion, or null for the whole product. */
  skuIds: string[] | null;
}

/** Product id → the ongoing promotion that fixes its price. At most 20 pages of activities are read. */
export async function ongoingPriceLocks(ctx: ShopDataContext): Promise<Map<string, PromotionLock>> {
  const locks = new Map<string, PromotionLock>();
  let token = '';
  for (let page = 0; page < 20; page++) {
    const data = await shopCall(ctx, 'promotion.search', {
      method: 'POST',
      path: '/promotion/202309/activities/search',
      body: { status: 'ONGOING', page_size: 100, ...(token ? { page_token: token } : {}) },
      data: activitySearchDataSchema,
    });
    for (const a of data.activities) {
      if (!priceLockingTypes.has(a.activity_type) || a.status !== 'ONGOING') continue;
      const detail = await shopCall(ctx, 'promotion.detail', {
        method: 'GET',
        path: `/promotion/202309/activities/${encodeURIComponent(a.id)}`,
        data: activityDataSchema,
      });
      for (const p of detail.products) {
        const skuIds =
          detail.product_level === 'VARIATION' && p.skus.length > 0 ? p.skus.map((s) => s.id) : null;
        locks.set(p.id, { activityId: detail.activity_id, title: detail.title || a.title, skuIds });
      }
    }
    token = data.next_page_token;
    if (!token) break;
  }
  return locks;
}
