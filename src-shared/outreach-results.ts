import { z } from 'zod';

/**
 * What an Outreach brought back, from the synced data: creators who accepted (showcased the products),
 * posted content, replied, and the affiliate orders attributed to its target collaborations, per product.
 * Money is integer minor units per currency, never summed across currencies.
 */
const moneySchema = z.object({ currency: z.string(), amountMinor: z.number().int() });

export const outreachProductResultSchema = z.object({
  productId: z.string(),
  /** The product's title as synced; null when the catalogue has not been synced. */
  title: z.string().nullable(),
  /**
   * Creators known to have this product in their showcase: all of the products, or an attributed order of
   * this one (TikTok counts showcased products per creator without naming them).
   */
  accepted: z.number().int(),
  /** Creators known to have posted content with this product (all products, or an order through content). */
  posted: z.number().int(),
  /** Creators with at least one attributed order of this product. */
  sellingCreators: z.number().int(),
  orders: z.number().int(),
  /** Units sold, less refunded ones. */
  units: z.number().int(),
  gmv: z.array(moneySchema),
  commission: z.array(moneySchema),
});

export const outreachResultsSchema = z.object({
  outreachId: z.number().int(),
  /** Creators TikTok took an invitation for. */
  invited: z.number().int(),
  /** Invited creators who put the products in their showcase (TikTok's sign of acceptance). */
  accepted: z.number().int(),
  /** Invited creators who posted content with the products. */
  posted: z.number().int(),
  /** Accepted creators who showcased only some of the products and sold none: in no product's figures. */
  partlyShowcased: z.number().int(),
  /** Messaged creators who wrote back after the first message. */
  messaged: z.number().int(),
  replied: z.number().int(),
  products: z.array(outreachProductResultSchema),
  /** When the collaborations were last synced (UTC epoch ms); null before the first sync. */
  syncedAt: z.number().int().nullable(),
});
export type OutreachResults = z.infer<typeof outreachResultsSchema>;
export type OutreachProductResult = z.infer<typeof outreachProductResultSchema>;
