import { z } from 'zod';
import { scoreBreakdownSchema } from './creator-score';
import { creatorNoteSchema, creatorRowSchema, creatorStageSchema, stageCauseSchema } from './creators';
import { moneySchema } from './sync';

/** One creator in full (creators:get) and their history (creators:timeline). */

const id = z.number().int().positive();

export const creatorsGetInputSchema = z.object({ id }).strict();

export const creatorRecordSchema = z.object({
  recordId: z.number().int(),
  openId: z.string().nullable(),
  userId: z.string().nullable(),
  imId: z.string().nullable(),
  handle: z.string().nullable(),
  origin: z.enum(['sync', 'marketplace', 'import', 'manual', 'sample']),
  /** The record it was merged into (null for the Creator's own record). */
  mergedInto: z.number().int().nullable(),
  firstSeenAt: z.number().int(),
});

export const creatorMergeSchema = z.object({
  id: z.number().int(),
  keptId: z.number().int(),
  mergedId: z.number().int(),
  cause: z.enum(['manual', 'linked_ids', 'handle_only']),
  mergedAt: z.number().int(),
  splitAt: z.number().int().nullable(),
});

export const creatorShopSchema = z.object({
  shopId: z.string(),
  name: z.string().nullable(),
  region: z.string().nullable(),
  sources: z.array(z.string()),
  firstSeenAt: z.number().int(),
  lastSeenAt: z.number().int(),
});

/**
 * This merchant's results with the creator, per currency. `productCost` and `profit` are null when no
 * product cost is known for any unit sold; `costCoverageBp` says what share of units had one.
 */
export const creatorPerformanceSchema = z.object({
  currency: z.string(),
  gmv: moneySchema,
  orders: z.number().int(),
  units: z.number().int(),
  refundedUnits: z.number().int(),
  estimatedCommission: moneySchema,
  actualCommission: moneySchema,
  sampleCost: moneySchema,
  sampleShipping: moneySchema,
  productCost: moneySchema.nullable(),
  profit: moneySchema.nullable(),
  costCoverageBp: z.number().int().min(0).max(10_000),
});
export type CreatorPerformance = z.infer<typeof creatorPerformanceSchema>;

export const creatorDetailSchema = z.object({
  creator: creatorRowSchema,
  records: z.array(creatorRecordSchema),
  handles: z.array(
    z.object({ handle: z.string(), firstSeenAt: z.number().int(), lastSeenAt: z.number().int() }),
  ),
  merges: z.array(creatorMergeSchema),
  /** Other creators seen with one of this creator's handles: the same person, perhaps (merge by hand). */
  possibleDuplicates: z.array(
    z.object({ creatorId: z.number().int(), handle: z.string().nullable(), nickname: z.string().nullable() }),
  ),
  stats: z
    .object({
      source: z.enum(['marketplace', 'import', 'manual']),
      followers: z.number().int().nullable(),
      gmv: moneySchema.nullable(),
      unitsSold: z.number().int().nullable(),
      avgVideoViews: z.number().int().nullable(),
      engagementBp: z.number().int().nullable(),
      categories: z.array(z.string()),
      updatedAt: z.number().int(),
    })
    .nullable(),
  score: scoreBreakdownSchema.nullable(),
  /** The score set by hand (`score.override`), why and when; reason and date are null for older ones. */
  scoreOverride: z
    .object({ score: z.number().int(), reason: z.string().nullable(), at: z.number().int().nullable() })
    .nullable(),
  notes: z.array(creatorNoteSchema),
  tags: z.array(z.object({ id: z.number().int(), name: z.string() })),
  lists: z.array(z.object({ id: z.number().int(), name: z.string() })),
  blocked: z.object({ reason: z.string(), blockedAt: z.number().int() }).nullable(),
  shops: z.array(creatorShopSchema),
  performance: z.array(creatorPerformanceSchema),
});
export type CreatorDetail = z.infer<typeof creatorDetailSchema>;

// ---- creators:timeline ------------------------------------------------------------------------------------
export const timelineKinds = [
  'collaboration',
  'message',
  'reply',
  'order',
  'stage',
  'note',
  'merge',
  'split',
  'sample',
  'blocked',
] as const;

export const timelineEntrySchema = z.object({
  /** Stable across calls: kind and the row it comes from. */
  key: z.string(),
  at: z.number().int(),
  kind: z.enum(timelineKinds),
  shopId: z.string().nullable(),
  /** Display values; which ones are set depends on `kind`. */
  title: z.string().nullable(),
  status: z.string().nullable(),
  amount: moneySchema.nullable(),
  fromStage: creatorStageSchema.nullable(),
  toStage: creatorStageSchema.nullable(),
  cause: stageCauseSchema.nullable(),
  text: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const creatorsTimelineInputSchema = z
  .object({
    id,
    kinds: z.array(z.enum(timelineKinds)).min(1).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** The `nextCursor` of the previous page (entries are newest first). */
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const creatorsTimelineSchema = z.object({
  items: z.array(timelineEntrySchema),
  nextCursor: z.string().nullable(),
});
