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
  /** Messaged creators who wrote back after the first message. */
  messaged: z.number().int(),
  replied: z.number().int(),
  products: z.array(outreachProductResultSchema),
  /** When the collaborations were last synced (UTC epoch ms); null before the first sync. */
  syncedAt: z.number().int().nullable(),
});
export type OutreachResults = z.infer<typeof outreachResultsSchema>;
