import { z } from 'zod';

/**
 * A shop's outreach limits, set in Settings: its tier (which sets the weekly pool of new creators TikTok lets
 * it contact) and the pace ShopMesh sends at. The tiers' sizes are the ones TikTok reports publicly and
 * changes over time (docs/tiktok-api/outreach.md, "Weekly pool tiers"), so `custom` takes the merchant's own.
 */

export const outreachTiers = ['small', 'mid', 'unlimited', 'custom'] as const;
export const outreachTierSchema = z.enum(outreachTiers);
export type OutreachTier = z.infer<typeof outreachTierSchema>;

/** New creators per TikTok week for each fixed tier; null: no weekly limit. */
export const tierPool: Record<Exclude<OutreachTier, 'custom'>, number | null> = {
  small: 50,
  mid: 500,
  unlimited: null,
};

export const maxWeeklyPool = 100_000;
export const maxRatePerMinute = 3_000;

export const shopOutreachLimitsSchema = z
  .object({
    tier: outreachTierSchema,
    /** The weekly pool of a `custom` tier (ignored for the others). */
    customPool: z.number().int().min(0).max(maxWeeklyPool),
    /** Requests that contact creators, per minute, for this shop. */
    ratePerMinute: z.number().int().min(1).max(maxRatePerMinute),
  })
  .strict();
export type ShopOutreachLimits = z.infer<typeof shopOutreachLimitsSchema>;

/** A shop nobody set: the smallest reported tier and a pace well under TikTok's per-second API limit. */
export const defaultShopOutreachLimits: ShopOutreachLimits = {
  tier: 'small',
  customPool: 50,
  ratePerMinute: 30,
};

/** Shop id → its limits; shops not named use the defaults. */
export const outreachShopsSchema = z.record(z.string().min(1).max(64), shopOutreachLimitsSchema);
export type OutreachShops = z.infer<typeof outreachShopsSchema>;

/** What an Outreach of this shop uses: its weekly pool (null: unlimited) and its pace. */
export function effectiveLimits(
  shops: OutreachShops,
  shopId: string,
): { weeklyPool: number | null; ratePerMinute: number } {
  const l = shops[shopId] ?? defaultShopOutreachLimits;
  return {
    weeklyPool: l.tier === 'custom' ? l.customPool : tierPool[l.tier],
    ratePerMinute: l.ratePerMinute,
  };
}

/**
 * Phrases TikTok is known to refuse as sensitive in creator outreach (off-platform contact, payment
 * promises): the list the merchant starts from and edits in Outreach → Templates. A warning only: TikTok's
 * refusal (50001703) is what fails a Delivery.
 */
export const defaultSensitiveWords: readonly string[] = [
  'whatsapp',
  'telegram',
  'wechat',
  'guaranteed income',
  'wire me',
  'paypal me',
];

/** The editable warning list: distinct, trimmed, non-empty phrases. */
export const sensitiveWordsSchema = z
  .array(z.string().trim().min(1).max(60))
  .max(500)
  .refine((words) => new Set(words.map((w) => w.toLowerCase())).size === words.length, 'Each word once');
