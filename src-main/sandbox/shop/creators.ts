import { z } from 'zod';
import { creatorCategories } from '../data/names';
import { hash, unit } from '../data/rng';
import { money } from '../data/orders';
import type { ShopRecord } from '../data/dataset';
import type { SandboxState } from '../state';
import { creatorRegion } from '../data/creator-region';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError, invalidParam } from './errors';
import { encodeId } from '../ids';
import { decodePageToken, encodePageToken, fingerprint, walk } from './pagination';

const gmvRanges = [
  'GMV_RANGE_0_100',
  'GMV_RANGE_100_1000',
  'GMV_RANGE_1000_10000',
  'GMV_RANGE_10000_AND_ABOVE',
] as const;
const unitRanges = [
  'UNITS_SOLD_RANGE_0_10',
  'UNITS_SOLD_RANGE_10_100',
  'UNITS_SOLD_RANGE_100_1000',
  'UNITS_SOLD_RANGE_1000_AND_ABOVE',
] as const;
/** The official request sample spells the top range this way while the parameter table does not [U]. */
const unitRangeAliases = { UNITS_SOLD_RANGE_OVER_1000: 'UNITS_SOLD_RANGE_1000_AND_ABOVE' } as const;
const ageRanges = [
  'AGE_RANGE_18_24',
  'AGE_RANGE_25_34',
  'AGE_RANGE_35_44',
  'AGE_RANGE_45_54',
  'AGE_RANGE_55_AND_ABOVE',
] as const;

const searchBody = z
  .object({
    keyword: z.string().max(200).optional(),
    search_key: z.string().optional(),
    gmv_ranges: z.array(z.enum(gmvRanges)).optional(),
    units_sold_ranges: z
      .array(z.enum([...unitRanges, ...(Object.keys(unitRangeAliases) as ['UNITS_SOLD_RANGE_OVER_1000'])]))
      .optional(),
    follower_demographics: z
      .object({
        age_ranges: z.array(z.enum(ageRanges)).optional(),
        count_range: z
          .object({
            count_ge: z.number().int().nonnegative().optional(),
            // A negative maximum means "no maximum", as documented.
            count_le: z.number().int().optional(),
          })
          .optional(),
        gender_distribution: z
          .object({ gender: z.enum(['MALE', 'FEMALE']), percentage_ge: z.number().int().min(0).max(10_000) })
          .optional(),
      })
      .loose()
      .optional(),
    // No category filter: seller-search-creator-on-marketplace-202508 documents none, so none is honoured.
  })
  .loose();

function gmvRangeIndex(cents: number): number {
  const v = cents / 100;
  return v < 100 ? 0 : v < 1_000 ? 1 : v < 10_000 ? 2 : 3;
}

function unitRangeIndex(units: number): number {
  return units < 10 ? 0 : units < 100 ? 1 : units < 1_000 ? 2 : 3;
}

const formattedGmv = ['$0-$100', '$100-$1K', '$1K-$10K', '$10K+'];
const formattedUnits = ['0-10', '10-100', '100-1K', '1K+'];
/** Bounds of each range as Seller Search Creator on Marketplace 202508 returns them (open top ends [U]). */
const gmvBounds: ReadonlyArray<[string, string]> = [
  ['0.00', '100.00'],
  ['100.00', '1000.00'],
  ['1000.00', '10000.00'],
  ['10000.00', '1000000.00'],
];
const unitBounds: ReadonlyArray<[number, number]> = [
  [0, 10],
  [10, 100],
  [100, 1000],
  [1000, 100000],
];

/**
 * Some creators do not let TikTok share precise figures: their GMV objects are omitted, and US creators
 * show ranges instead (seller-search-creator-on-marketplace-202508).
 */
export function sharesPreciseData(state: SandboxState, i: number): boolean {
  return unit(state.dataset.seed, 123, i) >= 0.2;
}

function demographics(
  state: SandboxState,
  i: number,
): { age: string; gender: 'MALE' | 'FEMALE'; pct: number } {
  const h = hash(state.dataset.seed, 90, i);
  return {
    age: ageRanges[h % ageRanges.length] ?? 'AGE_RANGE_18_24',
    gender: h & 16 ? 'FEMALE' : 'MALE',
    pct: 5_000 + (h % 4_500),
  };
}

export function creatorJson(state: SandboxState, i: number, shop: ShopRecord): Record<string, unknown> {
  const c = state.dataset.creators;
  const gmv = c.gmvCents[i] ?? 0;
  const d = demographics(state, i);
  const amount = (cents: number): { currency: string; amount: string } => ({
    currency: shop.currency,
    amount: money(cents),
  });
  const region = creatorRegion(state, i);
  const precise = sharesPreciseData(state, i);
  const g = gmvRangeIndex(gmv);
  const u = unitRangeIndex(c.unitsSold[i] ?? 0);
  const [gmvMin, gmvMax] = gmvBounds[g] ?? ['0.00', '100.00'];
  const [unitsMin, unitsMax] = unitBounds[u] ?? [0, 10];
  return {
    username: c.usernames[i] ?? '',
    nickname: c.nicknames[i] ?? '',
    avatar: {
      url: `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${hash(state.dataset.seed, 91, i).toString(16)}~c5_100x100.jpeg`,
    },
    selection_region: region,
    category_ids: [creatorCategories[c.category[i] ?? 0]?.id ?? ''],
    avg_ec_live_uv: c.liveUv[i] ?? 0,
    avg_ec_video_view_count: c.videoViews[i] ?? 0,
    follower_count: c.followers[i] ?? 0,
    ...(precise
      ? {
          gmv: amount(gmv),
          live_gmv: amount(Math.round(gmv * 0.4)),
          video_gmv: amount(gmv - Math.round(gmv * 0.4)),
        }
      : {}),
    ...(!precise && region === 'US'
      ? {
          gmv_range: {
            currency: shop.currency,
            minimum_amount: gmvMin,
            maximum_amount: gmvMax,
            formatted_range: formattedGmv[g],
          },
        }
      : {}),
    ...(precise && region === 'US'
      ? {
          units_sold_range: {
            minimum_amount: unitsMin,
            maximum_amount: unitsMax,
            formatted_range: formattedUnits[u],
          },
        }
      : {}),
    top_follower_demographics: { age_ranges: [d.age], major_gender: { gender: d.gender, percentage: d.pct } },
    creator_open_id: state.creators.encode(i),
  };
}

/** Marketplace search (202508): page_size must be 12 or 20; later pages need the search_key of the first. */
export function searchCreators(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const size = ctx.query.get('page_size');
  if (size !== '12' && size !== '20') throw invalidParam('page_size must be 12 or 20');
  const body = parse(searchBody, ctx.body ?? {}, 'body');
  const { search_key: searchKey, ...filters } = body;
  const fp = fingerprint('creators', shop.index, filters);
  const expectedKey = `sk${(fp >>> 0).toString(36)}${shop.index}`;
  const token = ctx.query.get('page_token');
  if (searchKey !== undefined && searchKey !== expectedKey)
    throw invalidParam('search_key does not belong to these filters');
  if (token && searchKey === undefined)
    throw invalidParam(
      'search_key is required with page_token: pass the value the previous response returned',
    );
  const position = decodePageToken(token, fp);

  const c = ctx.state.dataset.creators;
  const keyword = filters.keyword?.trim().toLowerCase();
  const gmvSet = filters.gmv_ranges ? new Set(filters.gmv_ranges.map((r) => gmvRanges.indexOf(r))) : null;
  const unitSet = filters.units_sold_ranges
    ? new Set(
        filters.units_sold_ranges.map((r) =>
          unitRanges.indexOf(r === 'UNITS_SOLD_RANGE_OVER_1000' ? unitRangeAliases[r] : r),
        ),
      )
    : null;
  const count = filters.follower_demographics?.count_range;
  const ages = filters.follower_demographics?.age_ranges;
  const gender = filters.follower_demographics?.gender_distribution;
  const match = (i: number): boolean => {
    if (creatorRegion(ctx.state, i) !== shop.region) return false;
    const f = c.followers[i] ?? 0;
    if (count?.count_ge !== undefined && f < count.count_ge) return false;
    if (count?.count_le !== undefined && count.count_le >= 0 && f > count.count_le) return false;
    if (gmvSet && !gmvSet.has(gmvRangeIndex(c.gmvCents[i] ?? 0))) return false;
    if (unitSet && !unitSet.has(unitRangeIndex(c.unitsSold[i] ?? 0))) return false;
    if (ages || gender) {
      const d = demographics(ctx.state, i);
      if (ages && !ages.includes(d.age as (typeof ageRanges)[number])) return false;
      if (gender && (d.gender !== gender.gender || d.pct < gender.percentage_ge)) return false;
    }
    if (
      keyword &&
      !(c.usernames[i] ?? '').toLowerCase().includes(keyword) &&
      !(c.nicknames[i] ?? '').toLowerCase().includes(keyword)
    )
      return false;
    return true;
  };
  const page = walk({ length: c.count, at: (k) => k }, position, Number(size), match);
  return {
    creators: page.items.map((i) => creatorJson(ctx.state, i, shop)),
    next_page_token: page.next === null ? '' : encodePageToken(page.next, fp),
    search_key: expectedKey,
  };
}

/**
 * Creator performance (202508, `GET …/marketplace_creators/{creator_user_id}`): the marketplace figures of
 * the last 30 days plus what only the detail has (bio, brand collaborations, engagement, follower split).
 * The path takes the creator's open id; a region other than the shop's is 16901006 (get-marketplace-creator-performance-202508).
 */
export function creatorPerformance(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const i = ctx.state.creators.decode(ctx.params.creator_user_id ?? '');
  if (i === null || i >= ctx.state.dataset.creators.count)
    throw new ShopApiError(
      16901008,
      "The creator didn't have e-commerce permissions or has been deactivated.",
    );
  if (creatorRegion(ctx.state, i) !== shop.region)
    throw new ShopApiError(16901006, "creator selection region doesn't match seller's region");
  const base = creatorJson(ctx.state, i, shop);
  const c = ctx.state.dataset.creators;
  const seed = ctx.state.dataset.seed;
  const h = hash(seed, 124, i);
  const precise = sharesPreciseData(ctx.state, i);
  const gmv = c.gmvCents[i] ?? 0;
  const views = c.videoViews[i] ?? 0;
  const videos = 2 + (h % 40);
  const share = (n: number): string => (n / 10_000).toFixed(4);
  const female = (h >>> 8) % 10_000;
  // The detail carries no open id (the caller has it) and names its averages differently from search.
  const {
    avg_ec_video_view_count: _views,
    avg_ec_live_uv: _uv,
    top_follower_demographics: _d,
    creator_open_id: _id,
    ...rest
  } = base;
  const gpmCents = (part: number): number => (views > 0 ? Math.round(((gmv * part) / views) * 1000) : 0);
  const amount = (cents: number) => ({ currency: shop.currency, amount: money(cents) });
  const range = (lo: number, hi: number, label: string) => ({
    currency: shop.currency,
    minimum_amount: money(lo),
    maximum_amount: money(hi),
    formatted_range: label,
  });
  const preciseFigures = () => ({
    gpm: amount(gpmCents(1)),
    live_gpm: amount(gpmCents(0.4)),
    video_gpm: amount(gpmCents(0.6)),
    avg_commission_rate: 1_000 + ((h >>> 7) % 1_500),
    avg_gmv_per_buyer: amount(1_500 + (h % 3_000)),
  });
  // Ranges stand in for precise figures of US creators who do not share them.
  const rangeFigures = () => ({
    gpm_range: range(0, 10_000, '$0-$100'),
    video_gpm_range: range(0, 10_000, '$0-$100'),
    live_gpm_range: range(0, 10_000, '$0-$100'),
    avg_commission_rate_range: { minimum_amount: 1_000, maximum_amount: 2_000 },
    avg_gmv_per_buyer_range: range(1_500, 2_000, '$15-$20'),
  });
  return {
    creator: {
      ...rest,
      bio_description: `${c.nicknames[i] ?? ''} · ${creatorCategories[c.category[i] ?? 0]?.name ?? ''}`,
      profile_tt_uri: `aweme://user/profile/${encodeId('creatorUser', i)}`,
      top_collaborated_brand_ids: [String(8_300_000 + (h % 1000))],
      brand_collaboration_count: h % 90,
      ...(precise ? { units_sold: c.unitsSold[i] ?? 0 } : {}),
      ec_live_engagement_rate: String((h >>> 4) % 1_500),
      ec_video_engagement_rate: String((h >>> 6) % 1_200),
      promoted_product_num: 1 + ((h >>> 3) % 300),
      ec_live_count: (h >>> 5) % 30,
      ec_video_count: videos,
      avg_ec_video_play_count: views,
      avg_ec_video_like_count: Math.round(views * 0.06),
      avg_ec_video_comment_count: Math.round(views * 0.004),
      avg_ec_video_share_count: Math.round(views * 0.002),
      avg_ec_live_view_count: c.liveUv[i] ?? 0,
      avg_ec_live_like_count: Math.round((c.liveUv[i] ?? 0) * 0.08),
      avg_ec_live_comment_count: Math.round((c.liveUv[i] ?? 0) * 0.01),
      avg_ec_live_share_count: Math.round((c.liveUv[i] ?? 0) * 0.005),
      category_gmv_distribution: [
        { category_id: creatorCategories[c.category[i] ?? 0]?.id ?? '', value: share(6_000 + (h % 4_000)) },
      ],
      content_gmv_distribution: [
        { content_type: 'VIDEO', value: share(6_000) },
        { content_type: 'LIVE', value: share(4_000) },
      ],
      product_original_price_range: {
        currency: shop.currency,
        minimum_amount: money(299 + (h % 700)),
        maximum_amount: money(2_999 + (h % 9_000)),
      },
      ...(precise ? preciseFigures() : {}),
      ...(!precise && shop.region === 'US' ? rangeFigures() : {}),
      follower_gender: [
        { key: 'Female', value: share(female) },
        { key: 'Male', value: share(10_000 - female) },
      ],
      follower_age: [{ key: '18-24', value: share(2_000 + ((h >>> 9) % 4_000)) }],
      follower_location: [
        { key: shop.region === 'US' ? 'CA' : 'LND', value: share(1_000 + ((h >>> 11) % 3_000)) },
      ],
      pps: ((h % 50) / 10).toFixed(1),
      rating: (((h >>> 2) % 50) / 10).toFixed(1),
    },
  };
}
