import { z } from 'zod';
import type { WriteResult } from '../http-core';
import { type ShopDataContext, shopWrite } from './data-call';

/**
 * Generate Affiliate Product Promotion Link (docs/tiktok-api/promotion-links.md): one link per call for a
 * product of the shop, in write mode. A lost answer comes back as `unknown`; asking again is how it is
 * resolved (the same product's link, nothing sent to anyone), which the caller decides.
 */

const linkData = z.object({ product_promotion_link: z.url({ protocol: /^https$/ }) });

export async function generatePromotionLink(
  ctx: ShopDataContext,
  productId: string,
): Promise<WriteResult<string>> {
  const r = await shopWrite(ctx, 'affiliate.promotion_link', {
    method: 'POST',
    path: `/affiliate_seller/202405/products/${encodeURIComponent(productId)}/promotion_link/generate`,
    // The reference's sample request sends an empty JSON object.
    body: {},
    data: linkData,
  });
  return r.kind === 'unknown' ? r : { kind: 'done', value: r.value.product_promotion_link };
}
