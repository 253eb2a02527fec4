import { z } from 'zod';

/**
 * Promotion links: a product's affiliate promotion link, generated at TikTok for one shop and kept here
 * (docs/promotion-links.md). Times are UTC epoch ms.
 */

const productId = z.string().trim().min(1).max(64);
const shopId = z.string().trim().min(1).max(64);

export const promotionLinkSchema = z.object({
  shopId: z.string(),
  productId: z.string(),
  /** The https URL TikTok generated; a creator adds the product to their showcase through it. */
  link: z.string(),
  generatedAt: z.number().int(),
});
export type PromotionLink = z.infer<typeof promotionLinkSchema>;

export const promotionLinksGetInputSchema = z
  .object({ shopId, productIds: z.array(productId).min(1).max(100) })
  .strict();
export const promotionLinksSchema = z.object({
  /** The stored links of the products asked for; a product with none yet is absent. */
  links: z.array(promotionLinkSchema),
});

export const promotionLinkGenerateInputSchema = z
  .object({
    shopId,
    productId,
    /** Ask TikTok for a new link even when one is stored (the stored one is replaced). */
    regenerate: z.boolean().default(false),
  })
  .strict();
export const promotionLinkGenerateResultSchema = z.object({
  link: promotionLinkSchema,
  /** False when the stored link was returned without asking TikTok. */
  generated: z.boolean(),
});

/**
 * What `{{promotion_link}}` stands for in an Outreach's texts (docs/promotion-links.md): the link of its
 * product, or with several products one line per product, "<title>: <link>". Null while a link is missing.
 */
export function promotionLinkValue(
  products: ReadonlyArray<{ title: string | null; link: string | null }>,
): string | null {
  if (products.length === 0 || products.some((p) => p.link === null)) return null;
  if (products.length === 1) return products[0]?.link ?? null;
  return products.map((p) => `${p.title ?? ''}: ${p.link ?? ''}`.trim()).join('\n');
}
