import { z } from 'zod';

/** Pieces shared by the Shop data clients' response schemas (docs/tiktok-api/shop-conventions.md). */

/** Decimal money string; absent amounts come as "" or are missing. */
export const moneyText = z.string().default('0');
/** Unix seconds; 0 or missing = not set. */
export const unixSeconds = z.number().int().nonnegative();
export const pageToken = z.string().default('');
