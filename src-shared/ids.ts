import { z } from 'zod';

/**
 * An id the caller hands in (an Account, a connect attempt, a shop): Account and attempt ids are UUIDs and
 * TikTok's ids a few dozen characters, so anything past 128 is refused before it reaches a query or an
 * error message.
 */
export const idInputSchema = z.string().min(1).max(128);
