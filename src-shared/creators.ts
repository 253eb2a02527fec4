import { z } from 'zod';
import { moneySchema } from './sync';

/**
 * Creator CRM schemas (issue 12): the table's rows, filters and sort, and the edits on one creator.
 * Channels in `channels/creators.ts`; the detail view in `creator-detail.ts`; scoring in `creator-score.ts`;
 * lists, blocklist and bulk selections in `creator-lists.ts`.
 */

// ---- pipeline stages --------------------------------------------------------------------------------------
/** The pipeline in order, then the two ends outside it. */
export const pipelineStages = [
  'new',
  'contacted',
  'invited',
  'accepted',
  'sample_sent',
  'posted',
  'active',
] as const;
export const creatorStages = [...pipelineStages, 'declined', 'blocked'] as const;
export const creatorStageSchema = z.enum(creatorStages);
export type CreatorStage = z.infer<typeof creatorStageSchema>;

/**
 * How far along a stage is, for merges (the merged creator takes the further stage), auto-moves (only
 * forward) and sorting: declined sits just after new, blocked after everything.
 */
const stageRanks: Record<CreatorStage, number> = {
  new: 0,
  declined: 1,
  contacted: 2,
  invited: 3,
  accepted: 4,
  sample_sent: 5,
  posted: 6,
  active: 7,
  blocked: 8,
};
export function stageRank(stage: CreatorStage): number {
  return stageRanks[stage];
}

/** Why a stage moved: by hand, or which synced event moved it. */
export const stageCauses = [
  'manual',
  'bulk',
  'message',
  'reply',
  'invitation',
  'showcase',
  'content',
  'affiliate_order',
  'sample',
  'merge',
  'split',
  'blocklist',
] as const;
export const stageCauseSchema = z.enum(stageCauses);
export type StageCause = z.infer<typeof stageCauseSchema>;

/** Where a creator came from: a synced source (per shop) or the merchant's own import or entry. */
export const creatorSources = [
  'affiliate_order',
  'collaboration',
  'conversation',
  'marketplace',
  'sample',
  'import',
  'manual',
] as const;
export const creatorSourceSchema = z.enum(creatorSources);
export type CreatorSource = z.infer<typeof creatorSourceSchema>;

// ---- filters ----------------------------------------------------------------------------------------------
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const range = z
  .object({ min: count.optional(), max: count.optional() })
  .strict()
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max');

const id = z.number().int().positive();

export const creatorFilterSchema = z
  .object({
    /** Full text over handles (current and past), nicknames, notes and tags; each word matches a prefix. */
    text: z.string().trim().max(200).optional(),
    followers: range.optional(),
    /** The creator's GMV as TikTok reports it (last 30 days), in minor units of `currency`. */
    gmv: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/),
        min: count.optional(),
        max: count.optional(),
      })
      .strict()
      .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max')
      .optional(),
    unitsSold: range.optional(),
    avgVideoViews: range.optional(),
    /** Engagement rate in hundredths of a percent (250 = 2.5 %). */
    engagement: range.optional(),
    score: z
      .object({
        min: z.number().int().min(0).max(100).optional(),
        max: z.number().int().min(0).max(100).optional(),
      })
      .strict()
      .optional(),
    categories: z.array(z.string().min(1).max(100)).max(100).optional(),
    regions: z.array(z.string().min(2).max(8)).max(100).optional(),
    stages: z.array(creatorStageSchema).max(creatorStages.length).optional(),
    /** Creators with any of these tags. */
    tagIds: z.array(id).max(200).optional(),
    /** Creators in any of these lists (static members or a dynamic list's filter). */
    listIds: z.array(id).max(50).optional(),
    /** Relative so a saved filter stays true: not contacted in the last N days (never counts), or contacted in them. */
    lastContacted: z
      .object({
        notWithinDays: z.number().int().min(1).max(3650).optional(),
        withinDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict()
      .optional(),
    hasContact: z.boolean().optional(),
    sources: z.array(creatorSourceSchema).max(creatorSources.length).optional(),
    shopIds: z.array(z.string().min(1).max(64)).max(100).optional(),
    /** true: only blocked creators; false: hide them. */
    blocked: z.boolean().optional(),
  })
  .strict();
export type CreatorFilter = z.infer<typeof creatorFilterSchema>;

// ---- creators:search --------------------------------------------------------------------------------------
export const creatorSortColumns = [
  'handle',
  'nickname',
  'region',
  'followers',
  'gmv',
  'unitsSold',
  'avgVideoViews',
  'engagement',
  'category',
  'score',
  'stage',
  'tags',
  'lastContactedAt',
  'affiliateGmv',
  'affiliateOrders',
  'firstSeenAt',
  'lastActivityAt',
] as const;
export const creatorSortColumnSchema = z.enum(creatorSortColumns);
export type CreatorSortColumn = z.infer<typeof creatorSortColumnSchema>;

export const creatorSortSchema = z
  .object({ column: creatorSortColumnSchema, direction: z.enum(['asc', 'desc']) })
  .strict();
export type CreatorSort = z.infer<typeof creatorSortSchema>;

export const creatorsSearchInputSchema = z
  .object({
    filter: creatorFilterSchema.default({}),
    /** Empty values sort last in both directions; ties break on the creator id. */
    sort: creatorSortSchema.default({ column: 'score', direction: 'desc' }),
    limit: z.number().int().min(1).max(500).default(100),
    /** The `nextCursor` of the previous page (keyset: stable while sync adds creators). */
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type CreatorsSearchInput = z.input<typeof creatorsSearchInputSchema>;

export const creatorRowSchema = z.object({
  id: z.number().int(),
  handle: z.string().nullable(),
  nickname: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  region: z.string().nullable(),
  followers: z.number().int().nullable(),
  gmv: moneySchema.nullable(),
  unitsSold: z.number().int().nullable(),
  avgVideoViews: z.number().int().nullable(),
  engagementBp: z.number().int().nullable(),
  category: z.string().nullable(),
  /** 0–100; the merchant's override when set. Null until first scored. */
  score: z.number().int().nullable(),
  stage: creatorStageSchema,
  tags: z.array(z.string()),
  lastContactedAt: z.number().int().nullable(),
  hasContact: z.boolean(),
  blocked: z.boolean(),
  /** GMV of this merchant's affiliate orders through the creator, in the currency most of them were in. */
  affiliateGmv: moneySchema.nullable(),
  affiliateOrders: z.number().int(),
  firstSeenAt: z.number().int(),
  lastActivityAt: z.number().int().nullable(),
});
export type CreatorRow = z.infer<typeof creatorRowSchema>;

export const creatorsPageSchema = z.object({
  items: z.array(creatorRowSchema),
  nextCursor: z.string().nullable(),
});
export type CreatorsPage = z.infer<typeof creatorsPageSchema>;

export const creatorsCountInputSchema = z.object({ filter: creatorFilterSchema.default({}) }).strict();
export const creatorsCountSchema = z.object({ total: z.number().int().nonnegative() });

/** What the filter controls offer: values present in the data. */
export const creatorFacetsSchema = z.object({
  regions: z.array(z.string()),
  /** TikTok's category ids; `name` from the merchant's products' categories, null when none is in it. */
  categories: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  currencies: z.array(z.string()),
  shops: z.array(z.object({ shopId: z.string(), name: z.string(), region: z.string() })),
  tags: z.array(z.object({ id: z.number().int(), name: z.string(), creators: z.number().int() })),
});
export type CreatorFacets = z.infer<typeof creatorFacetsSchema>;

// ---- creators:update, notes, merge, split -----------------------------------------------------------------
export const tagNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => !/\p{Cc}/u.test(s), 'no control characters');

export const creatorsUpdateInputSchema = z
  .object({
    id,
    stage: creatorStageSchema.exclude(['blocked']).optional(),
    /** 0–100 to override the computed score, null to go back to it. */
    scoreOverride: z.number().int().min(0).max(100).nullable().optional(),
    /** Why the score is set by hand: required with a score, shown in the score's explanation. */
    scoreOverrideReason: z.string().trim().min(1).max(500).optional(),
    addTags: z.array(tagNameSchema).max(50).optional(),
    removeTags: z.array(tagNameSchema).max(50).optional(),
  })
  .strict()
  .refine(
    (v) =>
      v.stage !== undefined ||
      v.scoreOverride !== undefined ||
      (v.addTags?.length ?? 0) > 0 ||
      (v.removeTags?.length ?? 0) > 0,
    'nothing to change',
  )
  .refine((v) => (typeof v.scoreOverride === 'number') === (v.scoreOverrideReason !== undefined), {
    message: 'a score set by hand needs a reason, and a reason needs a score',
    path: ['scoreOverrideReason'],
  });
export type CreatorsUpdateInput = z.input<typeof creatorsUpdateInputSchema>;

export const noteBodySchema = z.string().trim().min(1).max(10_000);
export const creatorsAddNoteInputSchema = z.object({ creatorId: id, body: noteBodySchema }).strict();
export const creatorsEditNoteInputSchema = z.object({ noteId: id, body: noteBodySchema }).strict();
export const creatorsDeleteNoteInputSchema = z.object({ noteId: id }).strict();
export const creatorNoteSchema = z.object({
  id: z.number().int(),
  creatorId: z.number().int(),
  body: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type CreatorNote = z.infer<typeof creatorNoteSchema>;

export const creatorsMergeInputSchema = z
  .object({ keepId: id, mergeId: id })
  .strict()
  .refine((v) => v.keepId !== v.mergeId, 'a creator cannot be merged with itself');
export const creatorsMergeResultSchema = z.object({ creatorId: z.number().int() });
export const creatorsSplitInputSchema = z.object({ recordId: id }).strict();
export const creatorsSplitResultSchema = z.object({
  creatorId: z.number().int(),
  formerCreatorId: z.number().int(),
});

/** Sent whenever creators change so open views refetch: the ids touched, or all of them. */
export const creatorsChangedSchema = z.object({
  ids: z.array(z.number().int()).nullable(),
  reason: z.enum(['edit', 'bulk', 'merge', 'split', 'sync', 'score', 'lists', 'import']),
});
export type CreatorsChanged = z.infer<typeof creatorsChangedSchema>;
