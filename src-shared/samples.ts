import { z } from 'zod';
import { idInputSchema } from './ids';
import { moneySchema } from './sync';

/**
 * Free-sample applications (issue 12 item 7): synced from TikTok, reviewed from ShopMesh, followed until
 * the creator posts. Channels in `channels/samples.ts`: 'samples:list', 'samples:get', 'samples:review',
 * 'samples:overdue'; event 'samples:overdue'.
 */

/** How the Samples view groups TikTok's statuses. */
export const sampleGroups = ['to_review', 'in_progress', 'overdue', 'posted', 'closed'] as const;
export const sampleGroupSchema = z.enum(sampleGroups);
export type SampleGroup = z.infer<typeof sampleGroupSchema>;

export const rejectReasons = ['NOT_MATCH', 'OFFLINE', 'OUT_OF_STOCK', 'OTHER'] as const;
export const rejectReasonSchema = z.enum(rejectReasons);

export const reviewStates = ['sending', 'done', 'unknown', 'failed'] as const;

export const sampleSchema = z.object({
  applicationId: z.string(),
  shopId: z.string(),
  shopName: z.string().nullable(),
  creatorId: z.number().int().nullable(),
  creatorHandle: z.string().nullable(),
  creatorNickname: z.string().nullable(),
  productId: z.string().nullable(),
  productTitle: z.string().nullable(),
  skuName: z.string().nullable(),
  skuImageUrl: z.string().nullable(),
  /** TikTok's status, as sent (PENDING, AWAITING_SHIPMENT, SHIPPED, CONTENT_PENDING, COMPLETED, …). */
  status: z.string(),
  group: sampleGroupSchema,
  fulfillmentStatus: z.string().nullable(),
  commissionBp: z.number().int().nullable(),
  orderId: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  approveExpiresAt: z.number().int().nullable(),
  isApprovable: z.boolean(),
  disapprovableReasons: z.array(z.string()),
  /** Applied through an agency: TikTok lets only the agency's partner review it. */
  partnerName: z.string().nullable(),
  firstSeenAt: z.number().int(),
  statusSince: z.number().int(),
  /** When ShopMesh first saw the parcel delivered (TikTok reports no delivery time). */
  deliveredAt: z.number().int().nullable(),
  /** Post by then: 14 days after delivery. */
  contentDueAt: z.number().int().nullable(),
  firstContentAt: z.number().int().nullable(),
  /** Posted by the due date; null while neither posted nor due. */
  postedOnTime: z.boolean().nullable(),
  overdue: z.boolean(),
  review: z
    .object({
      decision: z.enum(['APPROVE', 'REJECT']),
      rejectReason: rejectReasonSchema.nullable(),
      state: z.enum(reviewStates),
      requestedAt: z.number().int(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type Sample = z.infer<typeof sampleSchema>;

export const samplesListInputSchema = z
  .object({
    group: sampleGroupSchema.optional(),
    shopId: idInputSchema.optional(),
    creatorId: z.number().int().positive().optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export const samplesPageSchema = z.object({
  items: z.array(sampleSchema),
  nextCursor: z.string().nullable(),
  counts: z.record(sampleGroupSchema, z.number().int()),
});
export type SamplesPage = z.infer<typeof samplesPageSchema>;

export const sampleGetInputSchema = z.object({ applicationId: z.string().min(1).max(40) }).strict();
export const sampleDetailSchema = sampleSchema.extend({
  creatorStats: z
    .object({
      followers: z.number().int().nullable(),
      gmv30d: moneySchema.nullable(),
      contents30d: z.number().int().nullable(),
      fulfillmentRate: z.string().nullable(),
      medianVideoViews: z.number().int().nullable(),
    })
    .nullable(),
  contents: z.array(
    z.object({
      contentId: z.string(),
      format: z.string().nullable(),
      url: z.string().nullable(),
      description: z.string().nullable(),
      views: z.number().int().nullable(),
      likes: z.number().int().nullable(),
      comments: z.number().int().nullable(),
      paidOrders: z.number().int().nullable(),
      createdAt: z.number().int().nullable(),
    }),
  ),
});

export const sampleReviewInputSchema = z.discriminatedUnion('decision', [
  z.object({ applicationId: z.string().min(1).max(40), decision: z.literal('APPROVE') }).strict(),
  z
    .object({
      applicationId: z.string().min(1).max(40),
      decision: z.literal('REJECT'),
      /** TikTok requires one of its reasons for a rejection. */
      reason: rejectReasonSchema,
    })
    .strict(),
]);
export type SampleReviewInput = z.infer<typeof sampleReviewInputSchema>;

export const sampleReviewResultSchema = z.object({
  sample: sampleSchema,
  /** done: TikTok took the review; not_applied: the answer was lost and TikTok shows it was not made. */
  outcome: z.enum(['done', 'not_applied']),
});

export const samplesOverdueSchema = z.object({
  count: z.number().int(),
  /** Applications that became overdue since the last alert. */
  newly: z.array(sampleSchema),
});
