import { z } from 'zod';
import { creatorCategories } from '../data/names';
import { hash } from '../data/rng';
import { money } from '../data/orders';
import type { ShopRecord } from '../data/dataset';
import type { SandboxState } from '../state';
import { creatorRegion } from '../data/creator-region';
import { parse, requireShop, type ShopContext } from './context';
import { invalidParam } from './errors';
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
    units_sold_ranges: z.array(z.enum(unitRanges)).optional(),
    follower_demographics: z
      .object({
        age_ranges: z.array(z.enum(ageRanges)).optional(),
        count_range: z
          .object({
            count_ge: z.number().int().nonnegative().optional(),
            count_le: z.number().int().nonnegative().optional(),
          })
          .optional(),
        gender_distribution: z
          .object({ gender: z.enum(['MALE', 'FEMALE']), percentage_ge: z.number().int().min(0).max(10_000) })
          .optional(),
      })
      .loose()
      .optional(),
    category: z.array(z.string()).optional(),
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
  const amount = (cents: number): { amount: string; currency: string } => ({
    amount: money(cents),
    currency: shop.currency,
  });
  const g = gmvRangeIndex(gmv);
  const u = unitRangeIndex(c.unitsSold[i] ?? 0);
  return {
    creator_open_id: state.creators.encode(i),
    username: c.usernames[i] ?? '',
    nickname: c.nicknames[i] ?? '',
    avatar: {
      url: `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${hash(state.dataset.seed, 91, i).toString(16)}~c5_100x100.jpeg`,
    },
    selection_region: creatorRegion(state, i),
    category_ids: [creatorCategories[c.category[i] ?? 0]?.id ?? ''],
    follower_count: c.followers[i] ?? 0,
    avg_ec_live_uv: c.liveUv[i] ?? 0,
    avg_ec_video_view_count: c.videoViews[i] ?? 0,
    gmv: amount(gmv),
    live_gmv: amount(Math.round(gmv * 0.4)),
    video_gmv: amount(gmv - Math.round(gmv * 0.4)),
    gmv_range: {
      currency: shop.currency,
      minimum_amount: gmvBounds[g]?.[0],
      maximum_amount: gmvBounds[g]?.[1],
      formatted_range: formattedGmv[g],
    },
    units_sold_range: {
      minimum_amount: unitBounds[u]?.[0],
      maximum_amount: unitBounds[u]?.[1],
      formatted_range: formattedUnits[u],
    },
    top_follower_demographics: { age_ranges: [d.age], major_gender: { gender: d.gender, percentage: d.pct } },
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
    ? new Set(filters.units_sold_ranges.map((r) => unitRanges.indexOf(r)))
    : null;
  const count = filters.follower_demographics?.count_range;
  const ages = filters.follower_demographics?.age_ranges;
  const gender = filters.follower_demographics?.gender_distribution;
  const categories = filters.category ? new Set(filters.category) : null;
  const match = (i: number): boolean => {
    if (creatorRegion(ctx.state, i) !== shop.region) return false;
    const f = c.followers[i] ?? 0;
    if (count?.count_ge !== undefined && f < count.count_ge) return false;
    if (count?.count_le !== undefined && f > count.count_le) return false;
    if (gmvSet && !gmvSet.has(gmvRangeIndex(c.gmvCents[i] ?? 0))) return false;
    if (unitSet && !unitSet.has(unitRangeIndex(c.unitsSold[i] ?? 0))) return false;
    if (categories && !categories.has(creatorCategories[c.category[i] ?? 0]?.id ?? '')) return false;
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
