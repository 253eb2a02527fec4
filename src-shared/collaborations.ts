import { z } from 'zod';
import { idInputSchema } from './ids';

/**
 * Target collaborations as synced (docs/tiktok-api/affiliate.md). `status` is the search filter the
 * collaboration last matched: VALID (running), CANCELING (the seller removed it; TikTok is winding it
 * down), COMPLETED (expired or cancelled) or REMOVED (found in neither search any more).
 */
export const collaborationStatuses = ['VALID', 'CANCELING', 'COMPLETED', 'REMOVED'] as const;
export const collaborationStatusSchema = z.enum(collaborationStatuses);
export type CollaborationStatus = z.infer<typeof collaborationStatusSchema>;

export const collaborationsListInputSchema = z
  .object({
    shopId: idInputSchema.optional(),
    status: collaborationStatusSchema.optional(),
    /** Matches the id exactly or any part of the name (case-insensitive). */
    search: z.string().trim().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(50),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type CollaborationsListInput = z.input<typeof collaborationsListInputSchema>;

export const collaborationViewSchema = z.object({
  collaborationId: z.string(),
  shopId: z.string(),
  name: z.string(),
  status: collaborationStatusSchema,
  /** UTC epoch ms. */
  startTime: z.number().int().nullable(),
  endTime: z.number().int().nullable(),
  invitedCount: z.number().int(),
  /** Creators who added the products to their showcase (TikTok's sign of acceptance). */
  showcaseCount: z.number().int(),
  contentCount: z.number().int(),
  productCount: z.number().int(),
  hasFreeSample: z.boolean(),
});
export type CollaborationView = z.infer<typeof collaborationViewSchema>;

export const collaborationsPageSchema = z.object({
  items: z.array(collaborationViewSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
});
export type CollaborationsPage = z.infer<typeof collaborationsPageSchema>;
