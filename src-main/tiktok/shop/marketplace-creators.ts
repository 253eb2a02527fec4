import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { type ShopDataContext, shopCall } from './data-call';

/**
 * Creator Marketplace search and creator performance (202508). What the code relies on is written down in
 * docs/tiktok-api/affiliate-creators-and-samples.md: page size 12 or 20, `search_key` on every page after
 * the first, 30-day figures, GMV omitted when the creator does not share precise data, 45101004 when the
 * shop's 10,000 requests a day are used up.
 */

export const MARKETPLACE_SEARCH_PATH = '/affiliate_seller/202508/marketplace_creators/search';
export const marketplacePageSizes = [12, 20] as const;
export type MarketplacePageSize = (typeof marketplacePageSizes)[number];

export const gmvRangeFilters = [
  'GMV_RANGE_0_100',
  'GMV_RANGE_100_1000',
  'GMV_RANGE_1000_10000',
  'GMV_RANGE_10000_AND_ABOVE',
] as const;
export const unitsSoldRangeFilters = [
  'UNITS_SOLD_RANGE_0_10',
  'UNITS_SOLD_RANGE_10_100',
  'UNITS_SOLD_RANGE_100_1000',
  'UNITS_SOLD_RANGE_1000_AND_ABOVE',
] as const;
export const followerAgeFilters = [
  'AGE_RANGE_18_24',
  'AGE_RANGE_25_34',
  'AGE_RANGE_35_44',
  'AGE_RANGE_45_54',
  'AGE_RANGE_55_AND_ABOVE',
] as const;

/** The filters TikTok takes, in our names; `toRequestBody` spells them TikTok's way. */
export interface MarketplaceFilters {
  keyword?: string;
  gmvRanges?: ReadonlyArray<(typeof gmvRangeFilters)[number]>;
  unitsSoldRanges?: ReadonlyArray<(typeof unitsSoldRangeFilters)[number]>;
  followersMin?: number;
  followersMax?: number;
  followerAges?: ReadonlyArray<(typeof followerAgeFilters)[number]>;
  followerGender?: { gender: 'MALE' | 'FEMALE'; minShareBp: number };
}

export function toRequestBody(f: MarketplaceFilters, searchKey: string | null): Record<string, unknown> {
  const demographics: Record<string, unknown> = {};
  if (f.followerAges?.length) demographics.age_ranges = f.followerAges;
  if (f.followersMin !== undefined || f.followersMax !== undefined)
    demographics.count_range = {
      ...(f.followersMin !== undefined ? { count_ge: f.followersMin } : {}),
      ...(f.followersMax !== undefined ? { count_le: f.followersMax } : {}),
    };
  if (f.followerGender)
    demographics.gender_distribution = {
      gender: f.followerGender.gender,
      percentage_ge: f.followerGender.minShareBp,
    };
  return {
    ...(searchKey ? { search_key: searchKey } : {}),
    ...(f.keyword ? { keyword: f.keyword } : {}),
    ...(Object.keys(demographics).length > 0 ? { follower_demographics: demographics } : {}),
    ...(f.gmvRanges?.length ? { gmv_ranges: f.gmvRanges } : {}),
    ...(f.unitsSoldRanges?.length ? { units_sold_ranges: f.unitsSoldRanges } : {}),
  };
}

const money = z.object({ currency: z.string(), amount: z.string() });
const moneyRange = z.object({
  currency: z.string().optional(),
  minimum_amount: z.string().optional(),
  maximum_amount: z.string().optional(),
  formatted_range: z.string().optional(),
});
const countRange = z.object({
  minimum_amount: z.number().optional(),
  maximum_amount: z.number().optional(),
  formatted_range: z.string().optional(),
});
/** TikTok sends some integers as strings ("6000") and "" when the creator hides the figure. */
const looseInt = z.union([z.number(), z.string()]).optional();

const creatorSchema = z.object({
  creator_open_id: z.string().min(1),
  username: z.string().default(''),
  nickname: z.string().default(''),
  avatar: z.object({ url: z.string().default('') }).optional(),
  selection_region: z.string().optional(),
  category_ids: z.array(z.string()).default([]),
  avg_ec_live_uv: looseInt,
  avg_ec_video_view_count: looseInt,
  follower_count: looseInt,
  gmv: money.optional(),
  live_gmv: money.optional(),
  video_gmv: money.optional(),
  gmv_range: moneyRange.optional(),
  units_sold_range: countRange.optional(),
  top_follower_demographics: z
    .object({
      age_ranges: z.array(z.string()).default([]),
      major_gender: z.object({ gender: z.string(), percentage: looseInt }).optional(),
    })
    .optional(),
});

const searchData = z.object({
  next_page_token: z.string().default(''),
  search_key: z.string().default(''),
  creators: z.array(creatorSchema).default([]),
});

/** Money as everywhere in ShopMesh: integer minor units and the ISO currency. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** A range TikTok shows instead of a precise figure; either end may be missing. */
export interface MoneyRange {
  min: Money | null;
  max: Money | null;
  label: string | null;
}

export interface CountRange {
  min: number | null;
  max: number | null;
  label: string | null;
}

/** One creator as the marketplace shows them; figures cover the last 30 days. */
export interface MarketplaceCreator {
  openId: string;
  handle: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  region: string | null;
  categoryIds: string[];
  followers: number | null;
  avgLiveViewers: number | null;
  avgVideoViews: number | null;
  /** Null when the creator does not share precise figures (then `gmvRange` may be set, US only). */
  gmv: Money | null;
  liveGmv: Money | null;
  videoGmv: Money | null;
  gmvRange: MoneyRange | null;
  unitsSoldRange: CountRange | null;
  followerAges: string[];
  majorGender: { gender: string; shareBp: number | null } | null;
}

export interface MarketplacePage {
  creators: MarketplaceCreator[];
  /** '' on the last page. */
  nextPageToken: string;
  /** Pass back with every later page of the same search. */
  searchKey: string;
}

export function intOrNull(v: number | string | undefined): number | null {
  if (v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? Math.round(n) : null;
}

export function moneyOf(m: z.infer<typeof money> | undefined): Money | null {
  if (!m || m.amount === '') return null;
  return { amountMinor: toMinorUnits(m.amount, m.currency), currency: m.currency };
}

export function moneyRangeOf(r: z.infer<typeof moneyRange> | undefined): MoneyRange | null {
  if (!r) return null;
  const cur = r.currency ?? null;
  const end = (v: string | undefined): Money | null =>
    v === undefined || v === '' || cur === null ? null : { amountMinor: toMinorUnits(v, cur), currency: cur };
  return { min: end(r.minimum_amount), max: end(r.maximum_amount), label: r.formatted_range || null };
}

export function countRangeOf(r: z.infer<typeof countRange> | undefined): CountRange | null {
  if (!r) return null;
  return { min: r.minimum_amount ?? null, max: r.maximum_amount ?? null, label: r.formatted_range || null };
}

export function marketplaceCreatorOf(c: z.infer<typeof creatorSchema>): MarketplaceCreator {
  const gender = c.top_follower_demographics?.major_gender;
  return {
    openId: c.creator_open_id,
    handle: c.username || null,
    nickname: c.nickname || null,
    avatarUrl: c.avatar?.url || null,
    region: c.selection_region || null,
    categoryIds: c.category_ids.filter((x) => x !== ''),
    followers: intOrNull(c.follower_count),
    avgLiveViewers: intOrNull(c.avg_ec_live_uv),
    avgVideoViews: intOrNull(c.avg_ec_video_view_count),
    gmv: moneyOf(c.gmv),
    liveGmv: moneyOf(c.live_gmv),
    videoGmv: moneyOf(c.video_gmv),
    gmvRange: moneyRangeOf(c.gmv_range),
    unitsSoldRange: countRangeOf(c.units_sold_range),
    followerAges: c.top_follower_demographics?.age_ranges ?? [],
    majorGender: gender ? { gender: gender.gender, shareBp: intOrNull(gender.percentage) } : null,
  };
}

export const marketplaceSearchData = searchData;

/** One page of a marketplace search. Counted against the shop's daily quota by TikTok. */
export async function searchMarketplaceCreators(
  ctx: ShopDataContext,
  q: {
    filters: MarketplaceFilters;
    pageSize: MarketplacePageSize;
    pageToken: string;
    searchKey: string | null;
  },
): Promise<MarketplacePage> {
  const data = await shopCall(ctx, 'affiliate.creator_search', {
    method: 'POST',
    path: MARKETPLACE_SEARCH_PATH,
    query: { page_size: q.pageSize, page_token: q.pageToken || undefined },
    body: toRequestBody(q.filters, q.pageToken ? q.searchKey : null),
    data: searchData,
  });
  return {
    creators: data.creators.map(marketplaceCreatorOf),
    nextPageToken: data.next_page_token,
    searchKey: data.search_key,
  };
}

const kv = z.array(z.object({ key: z.string(), value: z.string() })).default([]);

const performanceSchema = creatorSchema.omit({ creator_open_id: true }).extend({
  bio_description: z.string().optional(),
  profile_tt_uri: z.string().optional(),
  top_collaborated_brand_ids: z.array(z.string()).default([]),
  brand_collaboration_count: looseInt,
  units_sold: looseInt,
  ec_live_engagement_rate: looseInt,
  ec_video_engagement_rate: looseInt,
  promoted_product_num: looseInt,
  ec_live_count: looseInt,
  ec_video_count: looseInt,
  avg_ec_video_play_count: looseInt,
  avg_ec_video_like_count: looseInt,
  avg_ec_video_comment_count: looseInt,
  avg_ec_video_share_count: looseInt,
  avg_ec_live_view_count: looseInt,
  gpm: money.optional(),
  avg_commission_rate: looseInt,
  follower_gender: kv,
  follower_age: kv,
  follower_location: kv,
  pps: z.string().optional(),
  rating: z.string().optional(),
});

export const performanceData = z.object({ creator: performanceSchema });

/** Creator performance: the search figures plus engagement, content counts and the follower split. */
export interface CreatorPerformance {
  openId: string;
  handle: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  region: string | null;
  bio: string | null;
  categoryIds: string[];
  followers: number | null;
  unitsSold: number | null;
  unitsSoldRange: CountRange | null;
  gmv: Money | null;
  liveGmv: Money | null;
  videoGmv: Money | null;
  gmvRange: MoneyRange | null;
  gpm: Money | null;
  /** Hundredths of a percent (6000 = 60%), as TikTok sends them. */
  videoEngagementBp: number | null;
  liveEngagementBp: number | null;
  avgCommissionBp: number | null;
  videoCount: number | null;
  liveCount: number | null;
  promotedProducts: number | null;
  brandCollaborations: number | null;
  avgVideoViews: number | null;
  avgVideoLikes: number | null;
  avgLiveViews: number | null;
  /** Shares as decimals in text ("0.3705" = 37.05%), keyed as TikTok keys them. */
  followerGender: Array<{ key: string; share: string }>;
  followerAge: Array<{ key: string; share: string }>;
  followerLocation: Array<{ key: string; share: string }>;
  promotionScore: string | null;
  sellerRating: string | null;
}

export function performanceOf(openId: string, c: z.infer<typeof performanceSchema>): CreatorPerformance {
  const pairs = (list: Array<{ key: string; value: string }>) =>
    list.map((x) => ({ key: x.key, share: x.value }));
  return {
    openId,
    handle: c.username || null,
    nickname: c.nickname || null,
    avatarUrl: c.avatar?.url || null,
    region: c.selection_region || null,
    bio: c.bio_description || null,
    categoryIds: c.category_ids,
    followers: intOrNull(c.follower_count),
    unitsSold: intOrNull(c.units_sold),
    unitsSoldRange: countRangeOf(c.units_sold_range),
    gmv: moneyOf(c.gmv),
    liveGmv: moneyOf(c.live_gmv),
    videoGmv: moneyOf(c.video_gmv),
    gmvRange: moneyRangeOf(c.gmv_range),
    gpm: moneyOf(c.gpm),
    videoEngagementBp: intOrNull(c.ec_video_engagement_rate),
    liveEngagementBp: intOrNull(c.ec_live_engagement_rate),
    avgCommissionBp: intOrNull(c.avg_commission_rate),
    videoCount: intOrNull(c.ec_video_count),
    liveCount: intOrNull(c.ec_live_count),
    promotedProducts: intOrNull(c.promoted_product_num),
    brandCollaborations: intOrNull(c.brand_collaboration_count),
    avgVideoViews: intOrNull(c.avg_ec_video_play_count),
    avgVideoLikes: intOrNull(c.avg_ec_video_like_count),
    avgLiveViews: intOrNull(c.avg_ec_live_view_count),
    followerGender: pairs(c.follower_gender),
    followerAge: pairs(c.follower_age),
    followerLocation: pairs(c.follower_location),
    promotionScore: c.pps || null,
    sellerRating: c.rating || null,
  };
}

/** `GET …/marketplace_creators/{creator_user_id}` takes the creator's open id. Also counted daily. */
export async function creatorPerformance(ctx: ShopDataContext, openId: string): Promise<CreatorPerformance> {
  const data = await shopCall(ctx, 'affiliate.creator_performance', {
    method: 'GET',
    path: `/affiliate_seller/202508/marketplace_creators/${encodeURIComponent(openId)}`,
    data: performanceData,
  });
  return performanceOf(openId, data.creator);
}
