import { performance } from 'node:perf_hooks';
import { CreatorIdCodec, encodeId } from '../ids';
import {
  creatorFlag,
  orderFlag,
  orderStatuses,
  scaleSpecs,
  type AdRecord,
  type AdgroupRecord,
  type AdsData,
  type AdvertiserRecord,
  type CampaignRecord,
  type CreatorColumns,
  type Dataset,
  type OrderColumns,
  type OrderStatus,
  type ProductRecord,
  type ProductStatus,
  type Scale,
  type ShopRecord,
} from './dataset';
import {
  creatorCategories,
  firstNames,
  hostileNicknames,
  hostileProductTitles,
  productAdjectives,
  productNouns,
  usernameParts,
} from './names';
import { orderTotals } from './orders';
import { Rng, hash, pickBy, unit } from './rng';

export const DAY = 86_400;

const shopTemplates = [
  {
    region: 'US',
    currency: 'USD',
    name: 'Maple & Moss Home',
    sellerType: 'LOCAL' as const,
    taxRate: 0.0825,
    share: 0.64,
  },
  {
    region: 'GB',
    currency: 'GBP',
    name: 'Kōji Kitchen 🍜 UK',
    sellerType: 'CROSS_BORDER' as const,
    taxRate: 0,
    share: 0.36,
  },
];

const weekdayWeight = [1.25, 0.85, 0.9, 0.95, 1.0, 1.1, 1.3];
const hourWeight = [2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 7, 7, 6, 6, 6, 7, 8, 9, 10, 9, 7, 4];
const statusIndex = new Map<OrderStatus, number>(orderStatuses.map((s, i) => [s, i]));

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** Any instant on the last day of data; the data ends at that day's UTC midnight. Defaults to now. */
  nowSec?: number;
}

export function generateDataset(options: GenerateOptions): Dataset {
  const started = performance.now();
  const spec = scaleSpecs[options.scale];
  const seed = options.seed >>> 0;
  const nowSec = options.nowSec ?? Math.floor(Date.now() / 1000);
  // Whole UTC days keep the data identical for a seed within a day, and only shifted in time across days.
  const endTime = Math.floor(nowSec / DAY) * DAY;
  const startTime = endTime - spec.days * DAY;

  const shops = makeShops(seed, spec.shops, spec.products);
  const { products, skuPriceCents } = makeProducts(seed, shops, startTime);
  const partial = { seed, shops, products, skuPriceCents };
  const orders = makeOrders(seed, spec.orders, spec.days, startTime, endTime, shops);
  const emptyShop0 = orders.byCreate[0];
  const emptyOrderIndex =
    emptyShop0 && emptyShop0.length > 0 ? (emptyShop0[Math.min(3, emptyShop0.length - 1)] ?? 0) : 0;
  orders.flags[emptyOrderIndex] = (orders.flags[emptyOrderIndex] ?? 0) | orderFlag.empty;
  const { dailyOrders, dailyGmvCents } = dailyTotals(partial, orders, spec.days, startTime, shops.length);
  const creators = makeCreators(seed, spec.creators);
  const ads = makeAds(seed, spec, startTime);

  return {
    seed,
    scale: options.scale,
    spec,
    startTime,
    endTime,
    seller: {
      openId: encodeId('creatorUser', hash(seed, 1) % 100_000),
      name: 'Maple & Moss Trading Co.',
      region: 'US',
    },
    shops,
    products,
    skuPriceCents,
    orders,
    dailyOrders,
    dailyGmvCents,
    creators,
    ads,
    loginUser: {
      openId: uuidFrom(seed, 2),
      unionId: uuidFrom(seed, 3),
      displayName: 'Maple & Moss 🌿',
      username: 'maplemoss.home',
      bio: 'Cozy home finds <3 | ships from LA',
      isVerified: false,
      followerCount: 15_234 + (hash(seed, 4) % 1000),
      followingCount: 312,
      likesCount: 480_211,
      videoCount: 87,
    },
    emptyOrderIndex,
    generatedInMs: performance.now() - started,
  };
}

function uuidFrom(seed: number, salt: number): string {
  const h = [0, 1, 2, 3].map((i) => hash(seed, salt, i).toString(16).padStart(8, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function makeShops(seed: number, count: number, productTotal: number): ShopRecord[] {
  const shops: ShopRecord[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const t = shopTemplates[i % shopTemplates.length];
    if (!t) throw new Error('no shop template');
    const productCount = i === count - 1 ? productTotal - start : Math.round(productTotal * t.share);
    const cipherBytes = Buffer.alloc(24);
    for (let k = 0; k < 6; k++) cipherBytes.writeUInt32BE(hash(seed, 5, i, k), k * 4);
    shops.push({
      index: i,
      id: encodeId('shop', i),
      // Opaque and base64-like, with `+`/`/`-free alphabet as in the documented sample (GCP_XF90ig…).
      cipher: `GCP_${cipherBytes.toString('base64url').slice(0, 28)}`,
      code: `${t.region}LC${(hash(seed, 6, i) % 0xffffff).toString(36).toUpperCase().padStart(5, 'X')}`,
      name: t.name,
      region: t.region,
      currency: t.currency,
      sellerType: t.sellerType,
      warehouseIds: [encodeId('warehouse', i * 2), encodeId('warehouse', i * 2 + 1)],
      productStart: start,
      productCount,
      taxRate: t.taxRate,
    });
    start += productCount;
  }
  return shops;
}

const productStatusWeights: Array<[ProductStatus, number]> = [
  ['ACTIVATE', 80],
  ['SELLER_DEACTIVATED', 5],
  ['DRAFT', 4],
  ['PENDING', 3],
  ['FAILED', 2],
  ['PLATFORM_DEACTIVATED', 2],
  ['FREEZE', 1],
  ['DELETED', 3],
];

function makeProducts(
  seed: number,
  shops: ShopRecord[],
  startTime: number,
): { products: ProductRecord[]; skuPriceCents: Float64Array } {
  const total = shops.reduce((n, s) => n + s.productCount, 0);
  const products: ProductRecord[] = new Array<ProductRecord>(total);
  const skuPriceCents = new Float64Array(total * 4);
  const statusWeights = productStatusWeights.map(([, w]) => w);
  for (const shop of shops) {
    for (let k = 0; k < shop.productCount; k++) {
      const index = shop.productStart + k;
      const rng = new Rng(hash(seed, 7, index));
      const noun = rng.int(0, productNouns.length - 1);
      const hostile = rng.chance(0.05) || k === 1;
      const title = hostile
        ? pickBy(hostileProductTitles, rng.float())
        : `${rng.pick(productAdjectives)} ${productNouns[noun] ?? 'Item'}${k >= 40 ? ` ${k}` : ''}`;
      // The first products stay ACTIVATE so small scales always have something to edit and sell.
      const status =
        k < 3 ? 'ACTIVATE' : (productStatusWeights[rng.weighted(statusWeights)]?.[0] ?? 'ACTIVATE');
      const basePrice = 500 + noun * 275 + rng.int(0, 2500);
      const skuCount = rng.int(1, 4);
      const category = rng.pick(creatorCategories);
      const createTime = startTime - rng.int(1, 365) * DAY + rng.int(0, DAY - 1);
      const skus = [];
      for (let j = 0; j < skuCount; j++) {
        const cents = Math.round((basePrice * (1 + j * 0.15)) / 10) * 10 - 1;
        skuPriceCents[index * 4 + j] = cents;
        const both = rng.chance(0.3);
        const inventory = (
          both ? shop.warehouseIds : [shop.warehouseIds[rng.int(0, shop.warehouseIds.length - 1)] ?? '']
        ).map((warehouseId) => ({ warehouseId, quantity: rng.chance(0.08) ? 0 : rng.int(1, 500) }));
        skus.push({
          id: encodeId('sku', index * 4 + j),
          sellerSku: `MM-${shop.region}-${String(k).padStart(5, '0')}-${j}`,
          price: (cents / 100).toFixed(2),
          inventory,
          attributes: [
            {
              id: '100000',
              name: 'Color',
              valueId: String(7_000_000 + j),
              valueName: ['Sand', 'Sage', 'Charcoal', '珊瑚色'][j] ?? 'Default',
            },
          ],
        });
      }
      products[index] = {
        index,
        shopIndex: shop.index,
        id: encodeId('product', index),
        title,
        description: `<p>${title.replace(/</g, '&lt;')}</p><ul><li>Ships in 2 days</li><li>30-day returns</li></ul>`,
        status,
        categoryId: category.id,
        categoryName: category.name,
        brand: { id: '7082427311584347905', name: 'Maple & Moss' },
        imageUri: `tos-maliva-i-o3syd03w52-us/${hash(seed, 8, index).toString(16)}`,
        skus,
        createTime,
        updateTime: createTime + rng.int(0, 90) * DAY,
        inPromotion: rng.chance(0.05),
      };
    }
  }
  return { products, skuPriceCents };
}

const statusTables: Array<Array<[OrderStatus, number]>> = [
  [
    ['UNPAID', 0.12],
    ['ON_HOLD', 0.05],
    ['AWAITING_SHIPMENT', 0.65],
    ['AWAITING_COLLECTION', 0.08],
    ['CANCELLED', 0.1],
  ],
  [
    ['AWAITING_SHIPMENT', 0.3],
    ['PARTIALLY_SHIPPING', 0.05],
    ['AWAITING_COLLECTION', 0.15],
    ['IN_TRANSIT', 0.4],
    ['CANCELLED', 0.1],
  ],
  [
    ['IN_TRANSIT', 0.35],
    ['DELIVERED', 0.55],
    ['CANCELLED', 0.1],
  ],
  [
    ['DELIVERED', 0.35],
    ['COMPLETED', 0.57],
    ['CANCELLED', 0.08],
  ],
  [
    ['COMPLETED', 0.925],
    ['CANCELLED', 0.07],
    ['DELIVERED', 0.005],
  ],
];

/** Status mix by age: young orders are still moving, old ones are completed or cancelled. */
function statusFor(ageSec: number, u: number): OrderStatus {
  const age = ageSec / DAY;
  const table = statusTables[age < 0.5 ? 0 : age < 2 ? 1 : age < 7 ? 2 : age < 15 ? 3 : 4] ?? [];
  let r = u;
  for (const [s, p] of table) {
    r -= p;
    if (r < 0) return s;
  }
  return table[table.length - 1]?.[0] ?? 'COMPLETED';
}

const updateDelay: Record<OrderStatus, [number, number]> = {
  UNPAID: [0, 0],
  ON_HOLD: [60, 3600],
  AWAITING_SHIPMENT: [60, 900],
  PARTIALLY_SHIPPING: [DAY / 2, DAY],
  AWAITING_COLLECTION: [3600, DAY],
  IN_TRANSIT: [DAY, 2 * DAY],
  DELIVERED: [3 * DAY, 6 * DAY],
  COMPLETED: [10 * DAY, 15 * DAY],
  CANCELLED: [600, 2 * DAY],
};

function makeOrders(
  seed: number,
  count: number,
  days: number,
  startTime: number,
  endTime: number,
  shops: ShopRecord[],
): OrderColumns {
  const shop = new Uint8Array(count);
  const createTime = new Uint32Array(count);
  const updateTime = new Uint32Array(count);
  const status = new Uint8Array(count);
  const flags = new Uint8Array(count);

  // Day weights: weekday seasonality, growth over the period, noise, and one mega-sale day.
  const weights = new Float64Array(days);
  let totalWeight = 0;
  const saleDay = days - 1 - (hash(seed, 9) % Math.min(60, days));
  for (let d = 0; d < days; d++) {
    const dow = new Date((startTime + d * DAY) * 1000).getUTCDay();
    const w =
      (weekdayWeight[dow] ?? 1) *
      (1 + (0.6 * d) / days) *
      (0.85 + 0.3 * unit(seed, 10, d)) *
      (d === saleDay ? 2.5 : 1);
    weights[d] = w;
    totalWeight += w;
  }
  const shopShares = shops.map((s, i) => shopTemplates[i % shopTemplates.length]?.share ?? 1 / shops.length);
  let hourTotal = 0;
  for (const w of hourWeight) hourTotal += w;

  let cursor = 0;
  let cumulative = 0;
  const dayTimes = new Uint32Array(Math.ceil((count * 3 * 4) / days) + 16);
  for (let d = 0; d < days; d++) {
    const from = Math.round((cumulative / totalWeight) * count);
    cumulative += weights[d] ?? 0;
    const to = d === days - 1 ? count : Math.round((cumulative / totalWeight) * count);
    const n = to - from;
    const rng = new Rng(hash(seed, 11, d));
    const times = n <= dayTimes.length ? dayTimes.subarray(0, n) : new Uint32Array(n);
    const dayStart = startTime + d * DAY;
    for (let k = 0; k < n; k++) {
      let r = rng.float() * hourTotal;
      let h = 0;
      while (h < 23 && r >= (hourWeight[h] ?? 0)) r -= hourWeight[h++] ?? 0;
      times[k] = dayStart + h * 3600 + Math.floor(rng.float() * 3600);
    }
    times.sort();
    for (let k = 0; k < n; k++) {
      const i = cursor + k;
      const t = times[k] ?? dayStart;
      createTime[i] = t;
      const u = unit(seed, 12, i);
      let s = 0;
      let acc = shopShares[0] ?? 1;
      while (s < shops.length - 1 && u >= acc) acc += shopShares[++s] ?? 0;
      shop[i] = s;
      const st = statusFor(endTime - t, unit(seed, 13, i));
      status[i] = statusIndex.get(st) ?? 0;
      const [lo, hi] = updateDelay[st];
      const due = t + lo + Math.floor(unit(seed, 14, i) * (hi - lo));
      // A change not due yet has not happened: the order was last touched somewhere between its creation and
      // the end of the data. (Clamping to the last second piled ~30% of a week's orders onto one timestamp,
      // which every incremental sync just after midnight UTC re-read.)
      updateTime[i] = due < endTime ? due : t + Math.floor(unit(seed, 18, i) * (endTime - t));
      let f = 0;
      if (st !== 'UNPAID' && unit(seed, 15, i) < 0.18) f |= orderFlag.affiliate;
      if (st === 'COMPLETED' && unit(seed, 16, i) < 0.04) f |= orderFlag.refund;
      if (unit(seed, 17, i) < 0.15) f |= orderFlag.sellerShipping;
      flags[i] = f;
    }
    cursor = to;
  }
  markStuck(seed, { createTime, updateTime, status, flags }, days, endTime);

  const byCreate: Uint32Array[] = [];
  const byUpdate: Uint32Array[] = [];
  const affiliate: Uint32Array[] = [];
  const perShop = new Uint32Array(shops.length);
  const perShopAff = new Uint32Array(shops.length);
  for (let i = 0; i < count; i++) {
    const s = shop[i] ?? 0;
    perShop[s] = (perShop[s] ?? 0) + 1;
    if ((flags[i] ?? 0) & orderFlag.affiliate) perShopAff[s] = (perShopAff[s] ?? 0) + 1;
  }
  for (let s = 0; s < shops.length; s++) {
    byCreate.push(new Uint32Array(perShop[s] ?? 0));
    affiliate.push(new Uint32Array(perShopAff[s] ?? 0));
  }
  const fill = new Uint32Array(shops.length);
  const fillAff = new Uint32Array(shops.length);
  for (let i = 0; i < count; i++) {
    const s = shop[i] ?? 0;
    const arr = byCreate[s];
    if (arr) arr[fill[s]!++] = i;
    if ((flags[i] ?? 0) & orderFlag.affiliate) {
      const a = affiliate[s];
      if (a) a[fillAff[s]!++] = i;
    }
  }
  for (let s = 0; s < shops.length; s++) {
    const ids = byCreate[s] ?? new Uint32Array(0);
    // Sort by (update time, index) through one float key: exact below 2^53, fast native sort.
    const keys = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k] ?? 0;
      keys[k] = ((updateTime[i] ?? 0) - startTime) * 16_777_216 + i;
    }
    keys.sort();
    const sorted = new Uint32Array(ids.length);
    for (let k = 0; k < keys.length; k++) sorted[k] = (keys[k] ?? 0) % 16_777_216;
    byUpdate.push(sorted);
  }
  return { count, shop, createTime, updateTime, status, flags, byCreate, byUpdate, affiliate };
}

/** Days back from the end of the data at which an order is stuck awaiting shipment (see `markStuck`). */
export const stuckEveryDays = 15;
const stuckUntilDays = 150;

/**
 * A few orders stuck awaiting shipment long past their ship-by time (TikTok's `rts_sla_time`, 3 days after
 * creation here), one near every `stuckEveryDays` days back from the end of the data: the late queue a
 * merchant chases. Two of three came from a creator. Spaced evenly, the previous calendar quarter (whatever
 * the day) holds several of them, most from creators, at every scale, so "last quarter's late affiliate
 * orders" is never empty; 150 days keeps them clear of the oldest orders (the empty one is among those).
 */
function markStuck(
  seed: number,
  cols: Pick<OrderColumns, 'createTime' | 'updateTime' | 'status' | 'flags'>,
  days: number,
  endTime: number,
): void {
  const { createTime, updateTime, status, flags } = cols;
  const awaiting = statusIndex.get('AWAITING_SHIPMENT') ?? 0;
  for (
    let age = stuckEveryDays, k = 0;
    age <= Math.min(stuckUntilDays, days - 1);
    age += stuckEveryDays, k++
  ) {
    const target = endTime - age * DAY;
    // createTime ascends: the first order at or after the target, or the one just before it.
    let lo = 0;
    let hi = createTime.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((createTime[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    const i =
      lo > 0 &&
      (lo === createTime.length || target - (createTime[lo - 1] ?? 0) < (createTime[lo] ?? 0) - target)
        ? lo - 1
        : lo;
    if (i >= createTime.length) continue;
    const t = createTime[i] ?? 0;
    status[i] = awaiting;
    updateTime[i] = t + 60 + Math.floor(unit(seed, 19, i) * 840);
    const kept = (flags[i] ?? 0) & orderFlag.sellerShipping;
    flags[i] = kept | (k % 3 === 2 ? 0 : orderFlag.affiliate);
  }
}

function dailyTotals(
  partial: Pick<Dataset, 'seed' | 'shops' | 'products' | 'skuPriceCents'>,
  orders: OrderColumns,
  days: number,
  startTime: number,
  shopCount: number,
): { dailyOrders: Float64Array[]; dailyGmvCents: Float64Array[] } {
  const dailyOrders = Array.from({ length: shopCount }, () => new Float64Array(days));
  const dailyGmvCents = Array.from({ length: shopCount }, () => new Float64Array(days));
  const unpaid = statusIndex.get('UNPAID');
  const cancelled = statusIndex.get('CANCELLED');
  for (let i = 0; i < orders.count; i++) {
    const st = orders.status[i];
    if (st === unpaid || st === cancelled) continue;
    const s = orders.shop[i] ?? 0;
    const d = Math.floor(((orders.createTime[i] ?? 0) - startTime) / DAY);
    const o = dailyOrders[s];
    const g = dailyGmvCents[s];
    if (!o || !g) continue;
    o[d] = (o[d] ?? 0) + 1;
    g[d] = (g[d] ?? 0) + orderTotals(partial, i, s, orders.flags[i] ?? 0).total;
  }
  return { dailyOrders, dailyGmvCents };
}

function makeCreators(seed: number, count: number): CreatorColumns {
  const followers = new Uint32Array(count);
  const gmvCents = new Float64Array(count);
  const unitsSold = new Uint32Array(count);
  const liveUv = new Uint32Array(count);
  const videoViews = new Uint32Array(count);
  const category = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const usernames = new Array<string>(count);
  const nicknames = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const rng = new Rng(hash(seed, 20, i));
    // Roughly log-normal follower counts: most creators are small, a few are huge.
    const g = (rng.float() + rng.float() + rng.float() - 1.5) * 2;
    const f = Math.min(40_000_000, Math.max(300, Math.round(Math.exp(9 + 1.9 * g))));
    followers[i] = f;
    const activity = rng.float();
    const gmv = activity < 0.2 ? 0 : Math.round(f * activity * activity * (20 + rng.float() * 200));
    gmvCents[i] = gmv;
    unitsSold[i] = Math.round(gmv / 100 / (12 + rng.float() * 30));
    liveUv[i] = Math.round(f * 0.01 * rng.float());
    videoViews[i] = Math.round(f * (0.05 + rng.float() * 0.4));
    category[i] = rng.int(0, creatorCategories.length - 1);
    let fl = 0;
    if (i === 2 || (i > 10 && rng.chance(0.03))) fl |= creatorFlag.privacy;
    if (i === 1 || (i > 10 && rng.chance(0.005))) fl |= creatorFlag.messagedFirst;
    flags[i] = fl;
    const a = rng.pick(usernameParts);
    const b = rng.pick(usernameParts);
    usernames[i] = `${a}${rng.chance(0.3) ? '_' : ''}${b}${rng.chance(0.4) ? '.' : ''}${i.toString(36)}`;
    const first = rng.pick(firstNames);
    nicknames[i] =
      i === 0 || rng.chance(0.04)
        ? pickBy(hostileNicknames, i === 0 ? 0 : rng.float())
        : `${first} | ${a} ${b}${rng.chance(0.3) ? ' ✨' : ''}`;
  }
  return { count, followers, gmvCents, unitsSold, liveUv, videoViews, category, flags, usernames, nicknames };
}

function makeAds(seed: number, spec: Dataset['spec'], startTime: number): AdsData {
  const advertisers: AdvertiserRecord[] = [
    {
      index: 0,
      id: encodeId('advertiser', 0),
      name: 'Maple & Moss Ads (US)',
      company: 'Maple & Moss Trading Co.',
      currency: 'USD',
      timezone: 'Etc/GMT+8',
      country: 'US',
      shopIndex: 0,
      granted: true,
      createTime: startTime - 400 * DAY,
      balance: 1523.45,
    },
    {
      index: 1,
      id: encodeId('advertiser', 1),
      name: 'Someone Else Ltd',
      company: 'Someone Else Ltd',
      currency: 'GBP',
      timezone: 'Europe/London',
      country: 'GB',
      shopIndex: 1,
      granted: false,
      createTime: startTime - 200 * DAY,
      balance: 0,
    },
  ];
  const campaigns: CampaignRecord[] = [];
  const adgroups: AdgroupRecord[] = [];
  const ads: AdRecord[] = [];
  const objectives = ['PRODUCT_SALES', 'PRODUCT_SALES', 'TRAFFIC', 'VIDEO_VIEWS'];
  for (let c = 0; c < spec.campaigns; c++) {
    const rng = new Rng(hash(seed, 40, c));
    campaigns.push({
      index: c,
      id: encodeId('campaign', c),
      advertiserIndex: 0,
      name: c === 1 ? 'Q4 Sale 🎄 <b>50%</b> off' : `Campaign ${c + 1} — ${rng.pick(productNouns)}`,
      objectiveType: rng.pick(objectives),
      budget: rng.int(5, 60) * 10,
      budgetMode: rng.chance(0.7) ? 'BUDGET_MODE_DAY' : 'BUDGET_MODE_TOTAL',
      operationStatus: rng.chance(0.85) ? 'ENABLE' : 'DISABLE',
      createTime: startTime - rng.int(1, 30) * DAY,
    });
    for (let g = 0; g < spec.adgroupsPerCampaign; g++) {
      const gi = adgroups.length;
      adgroups.push({
        index: gi,
        id: encodeId('adgroup', gi),
        campaignIndex: c,
        name: `Ad group ${c + 1}.${g + 1}`,
        budget: rng.int(2, 30) * 10,
        operationStatus: rng.chance(0.9) ? 'ENABLE' : 'DISABLE',
        createTime: startTime - rng.int(0, 20) * DAY,
      });
      for (let a = 0; a < spec.adsPerAdgroup; a++) {
        const ai = ads.length;
        ads.push({
          index: ai,
          id: encodeId('ad', ai),
          adgroupIndex: gi,
          campaignIndex: c,
          advertiserIndex: 0,
          name: `Ad ${c + 1}.${g + 1}.${a + 1}`,
          adText: a === 0 ? 'Cozy season is here 🍂 Shop now!' : '限时优惠 — limited time',
          weight: 0.5 + rng.float(),
          startDay: rng.chance(0.15) ? rng.int(0, Math.floor(spec.days / 2)) : 0,
          dailyBudget: rng.int(20, 300),
          ctr: 0.006 + rng.float() * 0.016,
          cpm: 3 + rng.float() * 6,
          operationStatus: rng.chance(0.9) ? 'ENABLE' : 'DISABLE',
          createTime: startTime - rng.int(0, 10) * DAY,
        });
      }
    }
  }
  return { advertisers, campaigns, adgroups, ads };
}

/** Open IDs are per app; the codec is keyed by the app key so another app's id never decodes. */
export function creatorCodec(seed: number, appKey: string): CreatorIdCodec {
  return new CreatorIdCodec(`${seed}:${appKey}:creator-open-id`);
}
