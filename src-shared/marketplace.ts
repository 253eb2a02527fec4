import { z } from 'zod';
import { idInputSchema } from './ids';
import { moneySchema } from './sync';

/**
 * TikTok's Creator Marketplace as a creator source (issue 12 item 2): live search with TikTok's filters,
 * saved searches refreshed within the shop's daily quota, creator performance. Channels in
 * `channels/marketplace.ts`.
 */

export const gmvRanges = [
  'GMV_RANGE_0_100',
  'GMV_RANGE_100_1000',
  'GMV_RANGE_1000_10000',
  'GMV_RANGE_10000_AND_ABOVE',
] as const;
export const unitsSoldRanges = [
  'UNITS_SOLD_RANGE_0_10',
  'UNITS_SOLD_RANGE_10_100',
  'UNITS_SOLD_RANGE_100_1000',
  'UNITS_SOLD_RANGE_1000_AND_ABOVE',
] as const;
export const followerAgeRanges = [
  'AGE_RANGE_18_24',
  'AGE_RANGE_25_34',
  'AGE_RANGE_35_44',
  'AGE_RANGE_45_54',
  'AGE_RANGE_55_AND_ABOVE',
] as const;

export const marketplaceFiltersSchema = z
  .object({
    keyword: z.string().trim().max(100).optional(),
    gmvRanges: z.array(z.enum(gmvRanges)).max(gmvRanges.length).optional(),
    unitsSoldRanges: z.array(z.enum(unitsSoldRanges)).max(unitsSoldRanges.length).optional(),
    followersMin: z.number().int().nonnegative().max(1_000_000_000).optional(),
    followersMax: z.number().int().nonnegative().max(1_000_000_000).optional(),
    followerAges: z.array(z.enum(followerAgeRanges)).max(followerAgeRanges.length).optional(),
    followerGender: z
      .object({
        gender: z.enum(['MALE', 'FEMALE']),
        /** Hundredths of a percent: 6000 = at least 60%. */
        minShareBp: z.number().int().min(0).max(10_000),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (f) => f.followersMin === undefined || f.followersMax === undefined || f.followersMin <= f.followersMax,
    {
      message: 'followersMin is above followersMax',
      path: ['followersMin'],
    },
  );
export type MarketplaceFiltersInput = z.infer<typeof marketplaceFiltersSchema>;

export const pageSizeSchema = z.union([z.literal(12), z.literal(20)]);

export const quotaStatusSchema = z.object({
  limit: z.number().int(),
  /** Requests ShopMesh made today (UTC) for this shop. */
  used: z.number().int(),
  left: z.number().int(),
  /** TikTok answered 45101004 today: nothing is left, whatever the count says. */
  exhausted: z.boolean(),
  /** The next UTC midnight, when TikTok's daily count starts again. */
  resetsAt: z.number().int(),
});
export type QuotaStatus = z.infer<typeof quotaStatusSchema>;

const money = moneySchema;
/** A range TikTok shows instead of a precise figure (US creators who hide theirs); either end may be missing. */
const moneyRange = z.object({ min: money.nullable(), max: money.nullable(), label: z.string().nullable() });

/** One creator as the marketplace shows them, with the local creator the result was stored as. */
export const marketplaceCreatorSchema = z.object({
  creatorId: z.number().int().positive(),
  /** False when this search added the creator to ShopMesh. */
  known: z.boolean(),
  openId: z.string(),
  handle: z.string().nullable(),
  nickname: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  region: z.string().nullable(),
  categoryIds: z.array(z.string()),
  followers: z.number().int().nullable(),
  avgVideoViews: z.number().int().nullable(),
  avgLiveViewers: z.number().int().nullable(),
  /** Null when the creator hides precise figures; `gmvRange` may stand in (US). */
  gmv: money.nullable(),
  gmvRange: moneyRange.nullable(),
  unitsSoldRange: z
    .object({
      min: z.number().int().nullable(),
      max: z.number().int().nullable(),
      label: z.string().nullable(),
    })
    .nullable(),
  followerAges: z.array(z.string()),
  majorGender: z.object({ gender: z.string(), shareBp: z.number().int().nullable() }).nullable(),
});
export type MarketplaceCreatorView = z.infer<typeof marketplaceCreatorSchema>;

export const marketplaceSearchInputSchema = z
  .object({
    shopId: idInputSchema,
    filters: marketplaceFiltersSchema.default({}),
    pageSize: pageSizeSchema.default(20),
    /** '' or absent for the first page; then the `nextPageToken` and `searchKey` of the previous page. */
    pageToken: z.string().max(2_000).optional(),
    searchKey: z.string().max(2_000).optional(),
  })
  .strict()
  .refine((v) => !v.pageToken || !!v.searchKey, {
    message: 'a later page needs the searchKey of the first',
    path: ['searchKey'],
  });

export const marketplaceSearchResultSchema = z.object({
  creators: z.array(marketplaceCreatorSchema),
  nextPageToken: z.string(),
  searchKey: z.string(),
  quota: quotaStatusSchema,
});
export type MarketplaceSearchResult = z.infer<typeof marketplaceSearchResultSchema>;

export const shopQuotaSchema = z.object({
  shopId: z.string(),
  shopName: z.string(),
  region: z.string(),
  search: quotaStatusSchema,
  performance: quotaStatusSchema,
});
export const marketplaceQuotaInputSchema = z.object({ shopId: idInputSchema.optional() }).strict();
export const marketplaceQuotaResultSchema = z.object({ shops: z.array(shopQuotaSchema) });

export const savedSearchSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  shopId: z.string(),
  filters: marketplaceFiltersSchema,
  pageSize: pageSizeSchema,
  /** Searches one refresh may spend (pages of `pageSize`). */
  maxPages: z.number().int().min(1).max(50),
  autoRefresh: z.boolean(),
  createdAt: z.number().int(),
  lastRefreshedAt: z.number().int().nullable(),
  /** ok: every page read; partial: stopped at maxPages; quota: stopped to keep the day's reserve; failed. */
  lastOutcome: z.enum(['ok', 'partial', 'quota', 'failed']).nullable(),
  lastFound: z.number().int().nullable(),
  lastNew: z.number().int().nullable(),
  /** Creators this search has found so far. */
  resultCount: z.number().int(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

export const saveSearchInputSchema = z
  .object({
    /** Omit to create. */
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(80),
    shopId: idInputSchema,
    filters: marketplaceFiltersSchema,
    pageSize: pageSizeSchema.default(20),
    maxPages: z.number().int().min(1).max(50).default(5),
    autoRefresh: z.boolean().default(true),
  })
  .strict();
export const savedSearchIdInputSchema = z.object({ id: z.number().int().positive() }).strict();

export const refreshResultSchema = z.object({
  search: savedSearchSchema,
  pages: z.number().int(),
  found: z.number().int(),
  /** Creators this refresh found for the first time. */
  newCreators: z.number().int(),
  quota: quotaStatusSchema,
});

export const savedResultsInputSchema = z
  .object({
    id: z.number().int().positive(),
    /** Results ranked as TikTok returned them; `after` is the last rank of the previous page. */
    after: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export const savedResultsSchema = z.object({
  items: z.array(
    marketplaceCreatorSchema.extend({
      rank: z.number().int(),
      firstSeenAt: z.number().int(),
      /** Found by the latest refresh for the first time. */
      isNew: z.boolean(),
    }),
  ),
  nextAfter: z.number().int().nullable(),
});

export const performanceInputSchema = z
  .object({ creatorId: z.number().int().positive(), shopId: idInputSchema })
  .strict();

const share = z.object({ key: z.string(), share: z.string() });
export const creatorPerformanceSchema = z.object({
  creatorId: z.number().int(),
  shopId: z.string(),
  fetchedAt: z.number().int(),
  bio: z.string().nullable(),
  followers: z.number().int().nullable(),
  unitsSold: z.number().int().nullable(),
  gmv: money.nullable(),
  liveGmv: money.nullable(),
  videoGmv: money.nullable(),
  gmvRange: moneyRange.nullable(),
  gpm: money.nullable(),
  videoEngagementBp: z.number().int().nullable(),
  liveEngagementBp: z.number().int().nullable(),
  avgCommissionBp: z.number().int().nullable(),
  videoCount: z.number().int().nullable(),
  liveCount: z.number().int().nullable(),
  promotedProducts: z.number().int().nullable(),
  brandCollaborations: z.number().int().nullable(),
  avgVideoViews: z.number().int().nullable(),
  avgVideoLikes: z.number().int().nullable(),
  avgLiveViews: z.number().int().nullable(),
  followerGender: z.array(share),
  followerAge: z.array(share),
  followerLocation: z.array(share),
  promotionScore: z.string().nullable(),
  sellerRating: z.string().nullable(),
});
export type CreatorPerformanceView = z.infer<typeof creatorPerformanceSchema>;

export const performanceResultSchema = z.object({
  performance: creatorPerformanceSchema,
  quota: quotaStatusSchema,
});

export const creatorStatsInputSchema = z.object({ creatorId: z.number().int().positive() }).strict();
export const creatorStatsSchema = z.object({
  /** The marketplace's figures per shop that saw the creator (the last 30 days as of `searchedAt`). */
  shops: z.array(
    marketplaceCreatorSchema.omit({ creatorId: true, known: true }).extend({
      shopId: z.string(),
      searchedAt: z.number().int().nullable(),
      performance: creatorPerformanceSchema.nullable(),
    }),
  ),
});
